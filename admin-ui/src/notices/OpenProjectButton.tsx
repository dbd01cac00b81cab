import ConstructionIcon from '@mui/icons-material/Construction';
import { Button, useCreatePath, useRecordContext } from 'react-admin';
import type { Notice } from '../types';

/** Warning notices come from a project's workflow (id `project-…`) rather than a task. */
export const OpenProjectButton = () => {
  const notice = useRecordContext<Notice>();
  const createPath = useCreatePath();
  if (notice?.task_id || !notice?.workflow_id?.startsWith('project-')) return null;
  return (
    <Button
      label="app.notice.open_project"
      to={createPath({ resource: 'projects', id: notice.workflow_id, type: 'show' })}
      onClick={(event) => event.stopPropagation()}
    >
      <ConstructionIcon />
    </Button>
  );
};

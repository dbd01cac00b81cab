import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Button, useCreatePath, useRecordContext } from 'react-admin';
import type { Notice } from '../types';

/** Most notices are about a task: the reminder or escalation links straight to it. */
export const OpenTaskButton = () => {
  const notice = useRecordContext<Notice>();
  const createPath = useCreatePath();
  if (!notice?.task_id) return null;
  return (
    <Button
      label="app.notice.open_task"
      to={createPath({ resource: 'tasks', id: notice.task_id, type: 'show' })}
      onClick={(event) => event.stopPropagation()}
    >
      <AssignmentIcon />
    </Button>
  );
};

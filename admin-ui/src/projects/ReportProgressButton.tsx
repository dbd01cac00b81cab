import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { useMemo } from 'react';
import { useNotify } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';
import { TaskResultInputs } from '../tasks/TaskResultInputs';
import { formSpecOf, toResult } from '../tasks/taskForms';

/**
 * The department reports when the facts happen (POST /api/projects/:id/progress): an open weekly report is
 * answered at once, otherwise the next weekly task counts this report and does not ask again.
 */
export const ReportProgressButton = ({
  projectId,
  previousPercent,
}: {
  projectId: string;
  previousPercent: number;
}) => {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const spec = useMemo(() => formSpecOf('progressReport', { previousPercent }), [previousPercent]);
  return (
    <ActionDialog
      label="app.project.action.report_progress"
      icon={<TrendingUpIcon />}
      description="app.project.action.report_progress_help"
      success="app.project.action.report_progress_done"
      defaultValues={spec.defaults}
      fields={spec.fields.map((f) => f.source)}
      submit={async (values, key) => {
        const { data } = await dataProvider.decideProject(projectId, 'progress', {
          key,
          body: { key, ...toResult(spec, values) },
        });
        if ((data as { counted?: string }).counted === 'nextWeeklyTask')
          notify('app.project.action.report_progress_waits', { type: 'info' });
      }}
    >
      <TaskResultInputs kind="progressReport" fields={spec.fields} />
    </ActionDialog>
  );
};

import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { Countdown } from '../common/Countdown';
import type { Task } from '../types';
import { SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';

/** Pending decisions: the project's open tasks with whom they wait for and when they are due. */
export const OpenTasksCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: tasks, isPending } = useGetList<Task>(
    'tasks',
    {
      filter: { owner_workflow_id: project?.id, status: 'open' },
      sort: { field: 'due_at', order: 'ASC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: Boolean(project?.id) },
  );
  if (!project) return null;
  // Tasks assigned to others are not listed to non-coordinators; the workflow's own count still shows.
  const liveCount = project.live?.openTasks.length;
  return (
    <SectionCard title="app.project.section.open_tasks">
      {typeof liveCount === 'number' ? (
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.project.open_task_count', { smart_count: liveCount })}
        </Typography>
      ) : null}
      {!isPending && (tasks ?? []).length === 0 ? (
        <Typography variant="body2">{translate('app.project.no_open_tasks')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.tasks.fields.title')}</TableCell>
              <TableCell>{translate('resources.tasks.fields.kind')}</TableCell>
              <TableCell>{translate('resources.tasks.fields.assignee_label')}</TableCell>
              <TableCell>{translate('resources.tasks.fields.due_at')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(tasks ?? []).map((task) => (
              <TableRow key={task.id} sx={task.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : undefined}>
                <TableCell>
                  <MuiLink component={Link} to={createPath({ resource: 'tasks', id: task.id, type: 'show' })}>
                    {task.title}
                  </MuiLink>
                </TableCell>
                <TableCell>{translate(`app.task.kind.${task.kind}`, { _: task.kind })}</TableCell>
                <TableCell>{task.assignee_label}</TableCell>
                <TableCell>
                  <Countdown at={task.due_at} showDate />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
};

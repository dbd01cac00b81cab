import { Alert, Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';
import { Countdown } from '../common/Countdown';
import type { Task } from '../types';

/** The batch's open tasks (approval steps, reports, feedback to proposers): who must act, by when. */
export const PendingDecisions = ({ batchId }: { batchId: string }) => {
  const translate = useTranslate();
  const { data, total, isPending } = useGetList<Task>('tasks', {
    filter: { owner_workflow_id: batchId, status: 'open' },
    sort: { field: 'due_at', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  const title = translate('app.batch.pending.title');
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader
        title={title}
        subheader={total ? translate('app.batch.pending.count', { count: total }) : undefined}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {!isPending && (data ?? []).length === 0 ? (
          <Alert severity="info">{translate('app.batch.pending.none')}</Alert>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.tasks.fields.title')}</TableCell>
                <TableCell>{translate('resources.tasks.fields.assignee_label')}</TableCell>
                <TableCell>{translate('resources.tasks.fields.due_at')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data ?? []).map((task) => (
                <TableRow key={task.id}>
                  <TableCell>
                    <Link to={`/tasks/${encodeURIComponent(task.id)}/show`}>{task.title}</Link>
                  </TableCell>
                  <TableCell>{task.assignee_label}</TableCell>
                  <TableCell>
                    <Countdown at={task.due_at} showDate />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

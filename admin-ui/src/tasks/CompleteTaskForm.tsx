import DoneIcon from '@mui/icons-material/Done';
import { Alert, Card, CardContent, CardHeader } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Form, SaveButton, useNotify, useRecordContext, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { errorStatus } from '../common/errorMessage';
import { splitErrors } from '../common/fieldErrors';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { useAppDataProvider } from '../providers/dataProvider';
import { readUser } from '../providers/session';
import type { Task } from '../types';
import { isKnownTaskKind } from './choices';
import { isAssignedToMe } from './isAssignedToMe';
import { TaskResultInputs } from './TaskResultInputs';
import { formSpecOf, toResult } from './taskForms';

/**
 * Each kind's own form (domain/taskKinds.ts); submitting completes the task (POST /api/tasks/:id/complete).
 * The task workflow validates the result: its 422 sentence goes under the field it names.
 */
export const CompleteTaskForm = () => {
  const task = useRecordContext<Task>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [general, setGeneral] = useState<string | null>(null);
  // One per form: a resent finding is the same finding.
  const [findingKey] = useState(newIdempotencyKey);
  const { mutateAsync } = useMutation({
    // An audit finding changes the project's funds: recorded there, which closes the task (api/funds).
    mutationFn: ({ id, result }: { id: Identifier; result: Record<string, unknown> }) =>
      task?.kind === 'fundAudit'
        ? dataProvider.moveFunds(String(task.payload.projectId), 'audit-finding', {
            key: findingKey,
            finding: result.finding === 'clear' ? 'clear' : 'keep',
            note: typeof result.note === 'string' ? result.note : '',
          })
        : dataProvider.completeTask(id, result),
    onSuccess: () => {
      notify('app.task.complete.success', { type: 'success' });
      refresh();
    },
  });
  const kind = task?.kind ?? '';
  const payload = task?.payload;
  // One object per task: a fresh one per render would reset what the person typed.
  const spec = useMemo(() => (isKnownTaskKind(kind) ? formSpecOf(kind, payload ?? {}) : null), [kind, payload]);
  if (!task || !spec || !isKnownTaskKind(task.kind)) return null;
  if (task.status !== 'open' || task.live?.phase === 'done') return null;
  if (!isAssignedToMe(task, readUser())) {
    return <Alert severity="info">{translate('app.task.complete.not_yours', { assignee: task.assignee_label })}</Alert>;
  }

  const submit = async (values: Record<string, unknown>) => {
    setGeneral(null);
    try {
      await mutateAsync({ id: task.id, result: toResult(spec, values) });
    } catch (error) {
      const status = errorStatus(error);
      const { fields, general: top } = splitErrors(
        error,
        spec.fields.map((f) => f.source),
        { prefixes: ['result'] },
      );
      setGeneral(top);
      // 409: someone completed it meanwhile; show the task as it is now.
      if (status === 409) refresh();
      return status === 400 || status === 422 ? fields : undefined;
    }
    return undefined;
  };

  return (
    <Card variant="outlined" component="section" aria-label={translate('app.task.complete.title')}>
      <CardHeader
        title={translate('app.task.complete.title')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent>
        {general ? (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {general}
          </Alert>
        ) : null}
        <Form key={task.id} record={spec.defaults} onSubmit={submit}>
          <TaskResultInputs kind={task.kind} fields={spec.fields} />
          <SaveButton label="app.task.complete.submit" icon={<DoneIcon />} alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};

import { Alert, Card, CardContent, CardHeader, LinearProgress } from '@mui/material';
import { SimpleShowLayout, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import type { Task } from '../types';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { EscalationChip } from './EscalationChip';
import { EscalationLadderField } from './EscalationLadderField';

/** The task workflow's own view (GET one adds `live`), which can be ahead of the table row. */
export const TaskLiveState = () => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  if (!task) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.task.live.title')} slotProps={{ title: { variant: 'subtitle1' } }} />
      {task.live === undefined ? (
        // The record came from the list cache; the full one (with `live`) is on its way.
        <LinearProgress />
      ) : task.live === null ? (
        <CardContent>
          <Alert severity="warning">{translate('app.task.live.unreachable')}</Alert>
        </CardContent>
      ) : (
        <SimpleShowLayout>
          <EnumField source="live.phase" prefix="app.task.phase" label="resources.tasks.fields.live.phase" />
          <ChinaDateTimeField source="live.dueAt" relative label="resources.tasks.fields.live.dueAt" />
          <EscalationChip source="live.escalationLevel" label="resources.tasks.fields.live.escalationLevel" />
          <ChinaDateTimeField
            source="live.nextEscalationAt"
            relative
            label="resources.tasks.fields.live.nextEscalationAt"
            emptyText="app.task.live.no_next_escalation"
          />
          <EscalationLadderField label="resources.tasks.fields.live.ladder" />
        </SimpleShowLayout>
      )}
    </Card>
  );
};

import { SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { EnumField } from '../common/EnumField';
import type { Task } from '../types';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { DueAtField } from './DueAtField';
import { EscalationChip } from './EscalationChip';
import { TaskResultField } from './TaskResultField';

/** The task row as the database has it; completion fields only once it is done. */
export const TaskDetails = () => {
  const task = useRecordContext<Task>();
  if (!task) return null;
  const done = task.status === 'done';
  return (
    <SimpleShowLayout>
      <TextField source="title" />
      <EnumField source="kind" prefix="app.task.kind" label="resources.tasks.fields.kind" />
      <EnumField source="status" prefix="app.task.status" label="resources.tasks.fields.status" chip />
      <TextField source="assignee_label" />
      <DueAtField source="due_at" label="resources.tasks.fields.due_at" />
      <EscalationChip source="escalation_level" label="resources.tasks.fields.escalation_level" />
      {typeof task.payload?.instructions === 'string' ? (
        <TextField
          source="payload.instructions"
          label="resources.tasks.fields.instructions"
          sx={{ whiteSpace: 'pre-wrap' }}
        />
      ) : null}
      {done ? <TaskResultField label="resources.tasks.fields.result" /> : null}
      {done ? <TextField source="completed_by_label" label="resources.tasks.fields.completed_by" /> : null}
      {done ? <ChinaDateTimeField source="completed_at" label="resources.tasks.fields.completed_at" /> : null}
      <ChinaDateTimeField source="created_at" label="resources.tasks.fields.created_at" />
      {task.owner_workflow_id ? (
        <TextField source="owner_title" label="resources.tasks.fields.owner_workflow_id" emptyText="—" />
      ) : null}
    </SimpleShowLayout>
  );
};

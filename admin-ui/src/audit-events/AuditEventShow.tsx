import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { JsonField } from '../common/JsonField';
import { AuditEventShowActions } from './AuditEventShowActions';

export const AuditEventShow = () => (
  <Show actions={<AuditEventShowActions />}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="actor_label" />
      <TextField source="action" />
      <TextField source="subject" />
      <TextField source="workflow_id" />
      <JsonField source="detail" label="resources.audit-events.fields.detail" />
    </SimpleShowLayout>
  </Show>
);

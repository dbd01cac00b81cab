import { DataTable, List } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { JsonField } from '../common/JsonField';
import { OpenInTemporalButton } from '../common/OpenInTemporalButton';
import type { AuditEvent } from '../types';

/** Who did what to which workflow, newest first (coordinators only). */
export const AuditEventList = () => (
  <List title="app.menu.audit_events" sort={{ field: 'at', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at" field={DateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="actor_label" sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="action" />
      <DataTable.Col source="subject" />
      <DataTable.Col source="detail" disableSort sx={{ maxWidth: 360 }}>
        <JsonField source="detail" maxLength={60} />
      </DataTable.Col>
      <DataTable.Col<AuditEvent>
        source="workflow_id"
        disableSort
        render={(event) => <OpenInTemporalButton workflowId={event.workflow_id} />}
      />
    </DataTable>
  </List>
);

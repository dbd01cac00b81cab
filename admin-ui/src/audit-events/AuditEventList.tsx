import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { AuditEvent } from '../types';
import { actionText, auditActions, auditObject, auditSentence } from './auditText';

const ActionInput = (props: { source: string; label: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = auditActions.map((id) => ({ id, name: actionText(translate, id) }));
  return <SelectInput {...props} choices={choices} />;
};

// By person, action and object (a project's, batch's or task's name), as an office looks things up.
const filters = [
  <ReferenceInput key="person" source="actor_user_id" reference="users" label="app.audit.filters.person" alwaysOn>
    <AutocompleteInput optionText="display_name" label="app.audit.filters.person" />
  </ReferenceInput>,
  <ActionInput key="action" source="action" label="app.audit.filters.action" alwaysOn />,
  <TextInput key="object" source="object" label="app.audit.filters.object" alwaysOn />,
];

/** Who did what to which matter, newest first, as sentences (coordinators only). */
export const AuditEventList = () => {
  const translate = useTranslate();
  return (
    <List title="app.menu.audit_events" sort={{ field: 'at', order: 'DESC' }} exporter={false} filters={filters}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="at" field={DateTimeField} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col<AuditEvent> source="sentence" disableSort render={(e) => auditSentence(translate, e)} />
        <DataTable.Col<AuditEvent> source="object_title" disableSort render={auditObject} />
      </DataTable>
    </List>
  );
};

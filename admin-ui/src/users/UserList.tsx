import { DataTable, List, ReferenceField } from 'react-admin';
import { RolesField } from './RolesField';

/** Coordinators pick assignees from here; accounts are managed outside this UI for now. */
export const UserList = () => (
  <List sort={{ field: 'display_name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="display_name" />
      <DataTable.Col source="username" />
      <DataTable.Col source="roles" disableSort>
        <RolesField source="roles" />
      </DataTable.Col>
      <DataTable.Col source="jurisdiction_id" />
      <DataTable.Col source="department_id">
        <ReferenceField source="department_id" reference="departments" link={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);

import { DataTable, List, ReferenceField } from 'react-admin';

/** 责任单位 with their responsible leader 包抓领导, the first rung of the escalation ladder. */
export const DepartmentList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="jurisdiction_id" />
      <DataTable.Col source="leader_user_id">
        <ReferenceField source="leader_user_id" reference="users" link={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);

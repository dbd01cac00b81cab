import { DataTable, List, ReferenceField, SearchInput } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** 责任单位 with their responsible leader 包抓领导, the first rung of the escalation ladder; a row opens it. */
export const DepartmentList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} exporter={false} filters={filters}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="jurisdiction_id">
        <ReferenceField source="jurisdiction_id" reference="jurisdictions" link={false} />
      </DataTable.Col>
      <DataTable.Col source="leader_user_id">
        <ReferenceField source="leader_user_id" reference="users" link={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);

import { DataTable, FunctionField, List, ReferenceField, useTranslate } from 'react-admin';
import type { Jurisdiction } from '../types';

/** The county and its townships and streets; each has its own office, counted here. */
export const JurisdictionList = () => {
  const translate = useTranslate();
  return (
    <List exporter={false} pagination={false}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="level" disableSort>
          <FunctionField<Jurisdiction> render={(j) => translate(`app.office.jurisdiction.level.${j.level}`)} />
        </DataTable.Col>
        <DataTable.Col source="parent_id" disableSort>
          <ReferenceField source="parent_id" reference="jurisdictions" link={false} />
        </DataTable.Col>
        <DataTable.Col source="active_coordinators" disableSort />
        <DataTable.Col source="id" disableSort />
      </DataTable>
    </List>
  );
};

import { DataTable, List, NumberInput, SelectInput } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import { batchPhaseChoices, batchScopeChoices } from './choices';

const batchFilters = [
  <SelectInput key="phase" source="phase" choices={batchPhaseChoices} alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
  <SelectInput key="scope" source="scope" choices={batchScopeChoices} alwaysOn />,
];

export const BatchList = () => (
  <List filters={batchFilters} sort={{ field: 'year', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="year" />
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="jurisdiction_name" disableSort />
      <DataTable.Col source="phase">
        <EnumField source="phase" prefix="app.batch.phase" chip />
      </DataTable.Col>
      <DataTable.Col source="next_deadline_at">
        <DateTimeField source="next_deadline_at" />
      </DataTable.Col>
      <DataTable.Col source="id" disableSort />
    </DataTable>
  </List>
);

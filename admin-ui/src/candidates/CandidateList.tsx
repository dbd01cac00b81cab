import { candidateStatuses } from '@domain/contract/vocabulary';
import { DataTable, List, NumberField, ReferenceInput, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ServerExportButton } from '../common/ServerExportButton';

export const candidateStatusChoices = candidateStatuses.map((id) => ({ id, name: `app.candidate.status.${id}` }));

const candidateFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="batch_id" source="batch_id" reference="batches" sort={{ field: 'year', order: 'DESC' }} alwaysOn>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={candidateStatusChoices} alwaysOn />,
  <ReferenceInput key="department_id" source="department_id" reference="departments">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const CandidateListActions = () => (
  <TopToolbar>
    <ServerExportButton resource="candidates" />
  </TopToolbar>
);

export const CandidateList = () => (
  <List filters={candidateFilters} actions={<CandidateListActions />} sort={{ field: 'title', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="department_name" disableSort />
      <DataTable.Col source="implementing_unit" disableSort />
      <DataTable.Col source="budget_yuan">
        <NumberField source="budget_yuan" options={{ style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }} />
      </DataTable.Col>
      <DataTable.Col source="deadline" />
      <DataTable.Col source="status" disableSort>
        <EnumField source="status" prefix="app.candidate.status" chip />
      </DataTable.Col>
      <DataTable.Col source="approvals" />
    </DataTable>
  </List>
);

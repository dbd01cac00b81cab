import { DataTable, List, ReferenceInput, SearchInput, SelectInput, TopToolbar, usePermissions } from 'react-admin';
import { hasRole } from '../common/roles';
import { EnumField } from '../common/EnumField';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import { ServerExportButton } from '../common/ServerExportButton';
import { categoryChoices, channelChoices, outcomeChoices } from './choices';
import { MarkSpamButton } from './MarkSpamButton';

const suggestionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="batch_id" source="batch_id" reference="batches" sort={{ field: 'year', order: 'DESC' }} alwaysOn>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} alwaysOn />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  <SelectInput key="channel" source="channel" choices={channelChoices} />,
];

const SuggestionListActions = () => (
  <TopToolbar>
    <ServerExportButton resource="suggestions" />
  </TopToolbar>
);

export const SuggestionList = () => {
  const { permissions } = usePermissions();
  // Only the office marks spam; everyone else keeps the plain list.
  const bulkActions = hasRole(permissions, 'coordinator') ? <MarkSpamButton /> : false;
  return (
    <List filters={suggestionFilters} actions={<SuggestionListActions />} sort={{ field: 'created_at', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={bulkActions}>
        <DataTable.Col source="title" />
        <DataTable.Col source="category" disableSort>
          <EnumField source="category" prefix="app.suggestion.category" />
        </DataTable.Col>
        <DataTable.Col source="channel" disableSort>
          <EnumField source="channel" prefix="app.suggestion.channel" />
        </DataTable.Col>
        <DataTable.Col source="proposer_count" disableSort />
        <DataTable.Col source="score" />
        <DataTable.Col source="outcome" disableSort>
          <EnumField source="outcome" prefix="app.suggestion.outcome" chip />
        </DataTable.Col>
        <DataTable.Col source="created_at">
          <DateTimeField source="created_at" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

import {
  DataTable,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { useSmallScreen } from '../common/useSmallScreen';
import { ServerExportButton } from '../common/ServerExportButton';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { phaseChoices, warningChoices } from './choices';
import { ProgressField } from './ProgressField';
import { WarningChip } from './WarningChip';

const projectFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="warning" source="warning" choices={warningChoices} alwaysOn />,
  <SelectInput key="phase" source="phase" choices={phaseChoices} alwaysOn />,
  <ReferenceInput
    key="department_id"
    source="department_id"
    reference="departments"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
  >
    <SelectInput optionText="name" label="resources.projects.fields.department_id" />
  </ReferenceInput>,
  <ReferenceInput
    key="batch_id"
    source="batch_id"
    reference="batches"
    sort={{ field: 'year', order: 'DESC' }}
    perPage={50}
  >
    <SelectInput optionText="title" label="resources.projects.fields.batch_id" />
  </ReferenceInput>,
];

const ProjectListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButton resource="projects" />
  </TopToolbar>
);

/** Voted projects under the office's watch, most urgent warning first; on a phone, one card per project. */
export const ProjectList = () => {
  const small = useSmallScreen();
  return (
    <List
      title="app.project.list_title"
      filters={projectFilters}
      sort={{ field: 'warning', order: 'DESC' }}
      actions={<ProjectListActions />}
      exporter={false}
    >
      {small ? (
        <SimpleList
          rowClick="show"
          primaryText={<TextField source="title" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} />}
          secondaryText={<TextField source="department_name" />}
          tertiaryText={<WarningChip source="warning" />}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="title" />
          <DataTable.Col source="department_name" disableSort>
            <TextField source="department_name" />
          </DataTable.Col>
          <DataTable.Col source="warning">
            <WarningChip source="warning" />
          </DataTable.Col>
          <DataTable.Col source="progress_percent">
            <ProgressField source="progress_percent" />
          </DataTable.Col>
          <DataTable.Col source="stage" disableSort>
            <EnumField source="stage" prefix="app.project.stage" />
          </DataTable.Col>
          <DataTable.Col source="deadline">
            <ChinaDateTimeField source="deadline" dayOnly />
          </DataTable.Col>
          <DataTable.Col source="phase" disableSort>
            <EnumField source="phase" prefix="app.project.phase" chip />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

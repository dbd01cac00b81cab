import { findingStatuses } from '@domain/contract/vocabulary';
import {
  DataTable,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { useSmallScreen } from '../common/useSmallScreen';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { FindingStatusChip } from './FindingStatusChip';
import type { Finding } from './types';

const findingStatusChoices = findingStatuses.map((status) => ({
  id: status,
  name: `app.finding.status.${status}`,
}));

const findingFilters = [
  <SelectInput key="status" source="status" choices={findingStatusChoices} alwaysOn />,
  <ReferenceInput
    key="project_id"
    source="project_id"
    reference="projects"
    sort={{ field: 'title', order: 'ASC' }}
    perPage={100}
  >
    <SelectInput optionText="title" label="resources.findings.fields.project_id" />
  </ReferenceInput>,
];

const FindingListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButton resource="findings" />
  </TopToolbar>
);

const StatusCell = (_props: { label?: string }) => {
  const finding = useRecordContext<Finding>();
  return <FindingStatusChip status={finding?.status} />;
};

const ellipsis = { maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/** Every supervision group's findings in the jurisdiction, the newest first; on a phone, one card each. */
export const FindingList = () => {
  const small = useSmallScreen();
  return (
    <List
      title="app.finding.list_title"
      filters={findingFilters}
      sort={{ field: 'filed_at', order: 'DESC' }}
      actions={<FindingListActions />}
      exporter={false}
    >
      {small ? (
        <SimpleList
          rowClick="show"
          primaryText={<TextField source="project_title" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} />}
          secondaryText={<TextField source="text" sx={{ overflowWrap: 'anywhere' }} />}
          tertiaryText={<StatusCell />}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="project_title" disableSort>
            <TextField source="project_title" />
          </DataTable.Col>
          <DataTable.Col source="text" disableSort sx={ellipsis} />
          <DataTable.Col source="filed_by_name" disableSort />
          <DataTable.Col source="round" />
          <DataTable.Col source="status">
            <StatusCell />
          </DataTable.Col>
          <DataTable.Col source="filed_at">
            <ChinaDateTimeField source="filed_at" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

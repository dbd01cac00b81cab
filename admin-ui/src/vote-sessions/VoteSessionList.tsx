import { sessionStatuses } from '@domain/contract/vocabulary';
import {
  DataTable,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  useTranslate,
} from 'react-admin';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import { EnumField } from '../common/EnumField';
import type { VoteSession } from './types';
import { voteSessionName } from './VoteSessionName';

export const voteStatusChoices = sessionStatuses.map((id) => ({ id, name: `app.vote.status.${id}` }));

const sessionFilters = [
  <ReferenceInput key="batch_id" source="batch_id" reference="batches" sort={{ field: 'year', order: 'DESC' }} alwaysOn>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={voteStatusChoices} alwaysOn />,
];

export const VoteSessionList = () => {
  const translate = useTranslate();
  return (
    <List filters={sessionFilters} sort={{ field: 'opened_at', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="batch_id" disableSort>
          <ReferenceField source="batch_id" reference="batches" link={false} />
        </DataTable.Col>
        <DataTable.Col source="round">
          <FunctionField source="round" render={(s: VoteSession) => voteSessionName(translate, s)} />
        </DataTable.Col>
        <DataTable.Col source="seats" disableSort />
        <DataTable.Col source="candidate_ids" disableSort>
          <FunctionField source="candidate_ids" render={(s: VoteSession) => s.candidate_ids.length} />
        </DataTable.Col>
        <DataTable.Col source="deputies_present" disableSort />
        <DataTable.Col source="ballots_cast" disableSort>
          <NumberField source="ballots_cast" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" prefix="app.vote.status" chip />
        </DataTable.Col>
        <DataTable.Col source="opened_at">
          <DateTimeField source="opened_at" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

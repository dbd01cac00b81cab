import { FunctionField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { OfficeDateTimeField as DateTimeField } from '../timeline/OfficeDateTimeField';
import { EnumField } from '../common/EnumField';
import type { VoteSession } from './types';
import { VoteResult } from './VoteResult';

export const VoteSessionShow = () => (
  <Show queryOptions={{ refetchInterval: 30_000 }}>
    <SimpleShowLayout>
      <ReferenceField source="batch_id" reference="batches" link="show" />
      <NumberField source="round" />
      <NumberField source="seats" />
      <NumberField source="deputies_entitled" />
      <NumberField source="deputies_present" />
      <FunctionField source="scrutineers" render={(s: VoteSession) => s.scrutineers.join('、')} />
      <FunctionField source="tellers" render={(s: VoteSession) => s.tellers.join('、')} />
      <EnumField source="status" prefix="app.vote.status" chip />
      <DateTimeField source="opened_at" />
      <DateTimeField source="closed_at" emptyText="—" />
      <TextField source="id" />
      <VoteResult />
    </SimpleShowLayout>
  </Show>
);

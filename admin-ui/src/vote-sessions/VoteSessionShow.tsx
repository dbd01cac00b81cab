import {
  FunctionField,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasRole } from '../common/roles';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import { EnumField } from '../common/EnumField';
import type { VoteSession } from './types';
import { TellerTotalsPanel } from './TellerTotalsPanel';
import { VoteResult } from './VoteResult';
import { voteSessionName, VoteSessionTitle } from './VoteSessionName';

/** While the session is open, the office may count it from the tellers' paper or voting-device totals. */
const TellerTotalsWhileOpen = () => {
  const session = useRecordContext<VoteSession>();
  const { permissions } = usePermissions();
  if (!session || session.status !== 'open' || !hasRole(permissions, 'coordinator')) return null;
  return <TellerTotalsPanel session={session} />;
};

export const VoteSessionShow = () => {
  const translate = useTranslate();
  return (
    <Show title={<VoteSessionTitle />} queryOptions={{ refetchInterval: 30_000 }}>
      <SimpleShowLayout>
        <ReferenceField source="batch_id" reference="batches" link="show" />
        <FunctionField source="round" render={(s: VoteSession) => voteSessionName(translate, s)} />
        <NumberField source="seats" />
        <NumberField source="deputies_entitled" />
        <NumberField source="deputies_present" />
        <FunctionField source="scrutineers" render={(s: VoteSession) => s.scrutineers.join('、')} />
        <FunctionField source="tellers" render={(s: VoteSession) => s.tellers.join('、')} />
        <EnumField source="status" prefix="app.vote.status" chip />
        <DateTimeField source="opened_at" />
        <DateTimeField source="closed_at" emptyText="—" />
        <VoteResult />
        <TellerTotalsWhileOpen />
      </SimpleShowLayout>
    </Show>
  );
};

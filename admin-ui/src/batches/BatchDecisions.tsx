import { Stack } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { hasRole } from '../common/roles';
import { useAppDataProvider } from '../providers/dataProvider';
import { OpenVoteDialog } from './OpenVoteDialog';
import type { Batch, BatchAction } from './types';

/** The decisions the batch's phase allows, for the standing committee office only. */
export const BatchDecisions = ({ batch }: { batch: Batch }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const dataProvider = useAppDataProvider();
  const live = batch.live;
  if (!hasRole(permissions, 'coordinator') || !live) return null;
  const openVote = live.votes.find((v) => v.status === 'open');
  const canOpenVote = live.phase === 'vote' && !openVote && (live.votes.length === 0 || live.runOff !== null);
  const common = { batchId: batch.id, batchTitle: batch.title };
  // A decision without a form (close collection, conclude screening, …): asked first, then sent.
  const decide = (action: Exclude<BatchAction, 'open-vote'>) => (
    <ActionDialog
      label={`app.batch.action.${action}.label`}
      confirm={{ content: `app.batch.action.${action}.confirm`, translateOptions: { title: batch.title } }}
      success={`app.batch.action.${action}.done`}
      submit={(_values, key) => dataProvider.decideBatch(batch.id, action, { key })}
      variant="contained"
      size="medium"
    />
  );
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ flexWrap: 'wrap', gap: 1 }}
      role="group"
      aria-label={translate('app.batch.decisions')}
    >
      {live.phase === 'collection' ? decide('close-collection') : null}
      {live.phase === 'screening' ? decide('conclude-screening') : null}
      {canOpenVote ? (
        <OpenVoteDialog
          {...common}
          scrutineers={live.policy?.scrutineers ?? 3}
          tellers={live.policy?.tellers ?? 2}
          runOffSeats={live.runOff?.seats ?? null}
        />
      ) : null}
      {openVote ? decide('close-vote') : null}
      {live.phase === 'implementation' && !live.rating ? decide('open-rating') : null}
      {live.rating?.status === 'open' ? decide('close-rating') : null}
    </Stack>
  );
};

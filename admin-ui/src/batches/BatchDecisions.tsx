import { Stack } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../common/roles';
import { BatchActionButton } from './BatchActionButton';
import { OpenVoteDialog } from './OpenVoteDialog';
import type { Batch } from './types';
import { AttendanceDialog } from '../vote-sessions/AttendanceDialog';
import { CloseVoteButton } from '../vote-sessions/CloseVoteButton';

/** The decisions the batch's phase allows, for the standing committee office only. */
export const BatchDecisions = ({ batch }: { batch: Batch }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const live = batch.live;
  if (!hasRole(permissions, 'coordinator') || !live) return null;
  const openVote = live.votes.find((v) => v.status === 'open');
  const canOpenVote = live.phase === 'vote' && !openVote && (live.votes.length === 0 || live.runOff !== null);
  const common = { batchId: batch.id, batchTitle: batch.title };
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ flexWrap: 'wrap', gap: 1 }}
      role="group"
      aria-label={translate('app.batch.decisions')}
    >
      {live.phase === 'collection' ? <BatchActionButton {...common} action="close-collection" /> : null}
      {live.phase === 'screening' ? <BatchActionButton {...common} action="conclude-screening" /> : null}
      {live.phase === 'vote' ? <AttendanceDialog batchId={batch.id} /> : null}
      {canOpenVote ? (
        <OpenVoteDialog
          {...common}
          scrutineers={live.policy?.scrutineers ?? 3}
          tellers={live.policy?.tellers ?? 2}
          runOffSeats={live.runOff?.seats ?? null}
        />
      ) : null}
      {openVote ? <CloseVoteButton {...common} /> : null}
      {live.phase === 'implementation' && !live.rating ? <BatchActionButton {...common} action="open-rating" /> : null}
      {live.rating?.status === 'open' ? <BatchActionButton {...common} action="close-rating" /> : null}
    </Stack>
  );
};

import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  LinkBase,
  Loading,
  Title,
  useGetOne,
  useLocaleState,
  useParams,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { hasRole } from '../common/roles';
import { formatInstant } from '../timeline/formatInstant';
import { BallotForm } from './BallotForm';
import { BatchTitle } from './BatchTitle';
import { ReceiptPanel } from './ReceiptPanel';
import type { VoteSession } from './types';

/** /ballot/:sessionId — a deputy's ballot on a phone: mark, review, cast, then only the receipt. */
// Its own cache entry: a list fills getOne's cache with its rows, which lack the detail's fields
// (the receipt, the projects), and a voted deputy must never be shown the form from a list row.
const detailMeta = { view: 'detail' };

export const BallotPage = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { sessionId = '' } = useParams<{ sessionId: string }>();
  const { permissions } = usePermissions();
  // The receipt of a ballot cast on this page, until the session reloads with it.
  const [justCast, setJustCast] = useState<string | null>(null);
  const {
    data: session,
    isPending,
    error,
    refetch,
  } = useGetOne<VoteSession>('vote-sessions', { id: sessionId, meta: detailMeta }, { enabled: sessionId !== '' });

  const receipt = justCast ?? session?.my_receipt ?? null;
  let body;
  if (isPending) body = <Loading />;
  else if (error || !session)
    body = <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  else if (receipt)
    body = <ReceiptPanel code={receipt} title="app.ballot.voted_title" explanation="app.ballot.receipt_explanation" />;
  else if (session.status !== 'open') body = <Alert severity="info">{translate('app.ballot.closed')}</Alert>;
  else if (!hasRole(permissions, 'deputy'))
    body = <Alert severity="info">{translate('app.ballot.deputies_only')}</Alert>;
  else
    body = (
      <BallotForm
        session={session}
        onCast={(code) => {
          setJustCast(code);
          void refetch();
        }}
        onRefused={() => void refetch()}
      />
    );

  return (
    <Box sx={{ width: '100%', maxWidth: 640, mx: 'auto', py: 2 }}>
      <Title title="app.ballot.page_title" />
      <Typography variant="h5" component="h1">
        {session ? translate('app.ballot.session_title', { round: session.round }) : translate('app.ballot.page_title')}
      </Typography>
      {session ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          <BatchTitle id={session.batch_id} /> ·{' '}
          {translate('app.ballot.opened_at', { at: formatInstant(session.opened_at, locale) })} ·{' '}
          {translate('app.ballot.seats_of', { seats: session.seats, candidates: session.candidate_ids.length })}
        </Typography>
      ) : null}
      <Stack spacing={2}>
        {body}
        <Button component={LinkBase} to="/ballot" size="large" sx={{ minHeight: 48, alignSelf: 'flex-start' }}>
          {translate('app.ballot.back_to_list')}
        </Button>
      </Stack>
    </Box>
  );
};

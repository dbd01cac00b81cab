import { Alert, Box, Stack, Typography } from '@mui/material';
import { Loading, Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { formatInstant } from '../common/formatInstant';
import { BatchTitle } from './BatchTitle';
import { SessionCard } from './SessionCard';
import type { VoteSession } from './types';

/** /ballot — the vote sessions of my jurisdiction, open ones first to hand. */
export const BallotList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data, isPending, error } = useGetList<VoteSession>('vote-sessions', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'opened_at', order: 'DESC' },
  });
  return (
    <Box sx={{ width: '100%', maxWidth: 640, mx: 'auto', py: 2 }}>
      <Title title="app.ballot.list_title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.ballot.list_title')}
      </Typography>
      {isPending ? <Loading /> : null}
      {error ? <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert> : null}
      {data && data.length === 0 ? <Alert severity="info">{translate('app.ballot.none')}</Alert> : null}
      <Stack spacing={2}>
        {data?.map((session) => (
          <SessionCard
            key={session.id}
            to={`/ballot/${encodeURIComponent(session.id)}`}
            title={translate('app.ballot.session_title', { round: session.round })}
            subtitle={
              <>
                <BatchTitle id={session.batch_id} />
                <br />
                {translate('app.ballot.opened_at', { at: formatInstant(session.opened_at, locale) })}
                {' · '}
                {translate('app.ballot.seats_of', { seats: session.seats, candidates: session.candidate_ids.length })}
              </>
            }
            open={session.status === 'open'}
            done={session.voted === true}
            doneLabel="app.ballot.voted"
            actionLabel={session.status === 'open' && !session.voted ? 'app.ballot.cast_my_ballot' : 'app.ballot.view'}
          />
        ))}
      </Stack>
    </Box>
  );
};

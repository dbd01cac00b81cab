import { Alert, Box, Stack, Typography } from '@mui/material';
import { Loading, Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { BatchTitle } from '../ballot/BatchTitle';
import { SessionCard } from '../ballot/SessionCard';
import { errorMessage } from '../common/errorMessage';
import { formatInstant } from '../common/formatInstant';
import type { RatingSessionRow } from './types';

/** /ratings — satisfaction ratings of my jurisdiction: the congress's, and committee re-ratings. */
export const RatingList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data, isPending, error } = useGetList<RatingSessionRow>('rating-sessions', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'opened_at', order: 'DESC' },
  });
  return (
    <Box sx={{ width: '100%', maxWidth: 640, mx: 'auto', py: 2 }}>
      <Title title="app.rating.list_title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.rating.list_title')}
      </Typography>
      {isPending ? <Loading /> : null}
      {error ? <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert> : null}
      {data && data.length === 0 ? <Alert severity="info">{translate('app.rating.none')}</Alert> : null}
      <Stack spacing={2}>
        {data?.map((session) => (
          <SessionCard
            key={session.id}
            to={`/ratings/${encodeURIComponent(session.id)}`}
            title={translate(`app.rating.kind.${session.kind}`)}
            subtitle={
              <>
                <BatchTitle id={session.batch_id} />
                <br />
                {translate('app.ballot.opened_at', { at: formatInstant(session.opened_at, locale) })}
                {' · '}
                {translate('app.rating.project_count', { smart_count: session.project_count })}
              </>
            }
            open={session.status === 'open'}
            done={session.rated}
            doneLabel="app.rating.rated"
            actionLabel={session.status === 'open' && !session.rated ? 'app.rating.rate_now' : 'app.ballot.view'}
          />
        ))}
      </Stack>
    </Box>
  );
};

import { Alert, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { Loading, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { batchPath, usePublicQuery } from '../providers/publicApi';
import { RoundTally } from './RoundTally';
import type { PublicResults } from './types';
import { useBatchId } from './useBatchId';

/** #/public/batches/:batchId/results — the elected projects and every round's tally (409 before the vote closes). */
export const ResultsPage = () => {
  const translate = useTranslate();
  const batchId = useBatchId();
  const { data, isPending, error } = usePublicQuery<PublicResults>(batchPath(batchId, '/results'));
  if (isPending) return <Loading />;
  if (error || !data)
    return (
      <Alert severity="info">
        <strong>{translate('app.public.results.not_published')}</strong> {errorMessage(error)}
      </Alert>
    );
  const title = (id: string) => data.candidates[id] ?? id;
  return (
    <Stack spacing={2}>
      <Paper
        component="section"
        aria-label={translate('app.public.results.elected_title')}
        variant="outlined"
        sx={{ p: 2 }}
      >
        <Typography variant="h5" component="h2">
          {translate('app.public.results.elected_title')}
        </Typography>
        <List dense>
          {data.elected.map((id, index) => (
            <ListItem key={id} disableGutters>
              <ListItemText primary={`${index + 1}. ${title(id)}`} sx={{ overflowWrap: 'anywhere' }} />
            </ListItem>
          ))}
        </List>
        {data.runOffPending ? (
          <Alert severity="warning">
            {translate('app.public.results.run_off', {
              seats: data.runOffPending.seats,
              names: data.runOffPending.candidateIds.map(title).join('、'),
            })}
          </Alert>
        ) : null}
      </Paper>
      {data.rounds.map((round) => (
        <RoundTally key={round.id} round={round} titles={data.candidates} />
      ))}
    </Stack>
  );
};

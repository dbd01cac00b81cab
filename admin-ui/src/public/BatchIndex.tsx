import { Alert, Box, Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase, Loading, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { Countdown } from '../common/Countdown';
import { PhaseChip } from './PhaseChip';
import { usePublicQuery } from '../providers/publicApi';
import type { PublicBatchSummary } from './types';
import { deadlineLabelKey } from '../common/DeadlineText';

/** #/public — every batch under way, with where it stands and its next date. */
export const BatchIndex = () => {
  const translate = useTranslate();
  const { data, isPending, error } = usePublicQuery<PublicBatchSummary[]>('batches');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {translate('app.public.index_title')}
      </Typography>
      <Typography color="text.secondary">{translate('app.public.index_intro')}</Typography>
      <Box>
        <Button component={LinkBase} to="/public/receipts" variant="outlined">
          {translate('app.public.receipt.title')}
        </Button>
      </Box>
      {isPending ? <Loading /> : null}
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {data && data.length === 0 ? <Alert severity="info">{translate('app.public.no_batches')}</Alert> : null}
      {data?.map((batch) => (
        <Card key={batch.id} component="article" aria-label={batch.title} variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
              {batch.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {batch.jurisdictionName} · {batch.year}
            </Typography>
            <PhaseChip phase={batch.phase} />
            {batch.nextDeadline ? (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {translate('app.public.next_date', {
                  label: translate(deadlineLabelKey(batch.nextDeadline.label), { _: batch.nextDeadline.label }),
                })}{' '}
                <Countdown at={batch.nextDeadline.at} showDate />
              </Typography>
            ) : null}
          </CardContent>
          <CardActions sx={{ px: 2, pb: 2 }}>
            <Button
              component={LinkBase}
              to={`/public/batches/${encodeURIComponent(batch.id)}`}
              variant="contained"
              size="large"
            >
              {translate('app.public.open_batch')}
            </Button>
          </CardActions>
        </Card>
      ))}
    </Stack>
  );
};

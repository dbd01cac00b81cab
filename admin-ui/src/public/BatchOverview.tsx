import { Button, Paper, Stack, Step, StepLabel, Stepper, Typography, useMediaQuery, type Theme } from '@mui/material';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import { batchPath, usePublicQuery } from '../providers/publicApi';
import { batchPhases, type BatchPhase, type PublicBatch } from './types';
import { useBatchId } from './useBatchId';

/** What a visitor can do in each phase, and where that is. */
const nextStepOf: Partial<Record<BatchPhase, { text: string; action: string; to: string }>> = {
  collection: { text: 'app.public.now.collection', action: 'app.public.tab.suggest', to: 'suggest' },
  candidatePublicity: {
    text: 'app.public.now.candidatePublicity',
    action: 'app.public.tab.candidates',
    to: 'candidates',
  },
  resultPublicity: { text: 'app.public.now.resultPublicity', action: 'app.public.tab.results', to: 'results' },
  implementation: { text: 'app.public.now.implementation', action: 'app.public.tab.projects', to: 'projects' },
  rating: { text: 'app.public.now.implementation', action: 'app.public.tab.projects', to: 'projects' },
};

/** Where the batch stands among the steps of docs/domain.md, "The annual batch", and what the public can do now. */
export const BatchOverview = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const batchId = useBatchId();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const { data: batch } = usePublicQuery<PublicBatch>(batchPath(batchId));
  if (!batch) return null;
  const active = batchPhases.indexOf(batch.phase);
  const next = nextStepOf[batch.phase];
  return (
    <Stack spacing={2}>
      {next ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography gutterBottom>{translate(next.text)}</Typography>
          {batch.phase === 'collection' && batch.collection_closes_at ? (
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate('app.public.collection_closes', { at: formatInstant(batch.collection_closes_at, locale) })}
            </Typography>
          ) : null}
          <Button
            component={LinkBase}
            to={`/public/batches/${encodeURIComponent(batch.id)}/${next.to}`}
            variant="contained"
            size="large"
          >
            {translate(next.action)}
          </Button>
        </Paper>
      ) : null}
      <Paper component="section" aria-label={translate('app.public.progress_region')} variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.public.progress_region')}
        </Typography>
        <Stepper activeStep={active} orientation={narrow ? 'vertical' : 'horizontal'} alternativeLabel={!narrow}>
          {batchPhases
            .filter((p) => p !== 'closed')
            .map((phase) => (
              <Step key={phase} completed={batchPhases.indexOf(phase) < active}>
                <StepLabel>{translate(`app.public.phase.${phase}`)}</StepLabel>
              </Step>
            ))}
        </Stepper>
      </Paper>
    </Stack>
  );
};

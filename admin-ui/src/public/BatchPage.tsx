import { Alert, Box, Stack, Tab, Tabs, Typography } from '@mui/material';
import { LinkBase, Loading, Outlet, useLocation, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { Countdown } from '../common/Countdown';
import { PhaseChip } from './PhaseChip';
import { batchPath, usePublicQuery } from '../providers/publicApi';
import type { PublicBatch } from './types';
import { useBatchId } from './useBatchId';
import { deadlineLabelKey } from '../common/DeadlineText';

const sections = ['', 'suggest', 'candidates', 'results', 'projects'] as const;
const sectionLabels: Record<(typeof sections)[number], string> = {
  '': 'app.public.tab.overview',
  suggest: 'app.public.tab.suggest',
  candidates: 'app.public.tab.candidates',
  results: 'app.public.tab.results',
  projects: 'app.public.tab.projects',
};

/** #/public/batches/:batchId/… — one batch: its heading, and a tab per thing the public can read or do. */
export const BatchPage = () => {
  const translate = useTranslate();
  const batchId = useBatchId();
  const { pathname } = useLocation();
  const { data: batch, isPending, error } = usePublicQuery<PublicBatch>(batchPath(batchId));
  const base = `/public/batches/${encodeURIComponent(batchId)}`;
  const current = sections.find((s) => s !== '' && pathname.endsWith(`/${s}`)) ?? '';

  if (isPending) return <Loading />;
  if (error || !batch) return <Alert severity="error">{errorMessage(error)}</Alert>;
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
          {batch.title}
        </Typography>
        <Typography color="text.secondary" gutterBottom>
          {batch.jurisdiction_name} · {batch.year}
        </Typography>
        <PhaseChip phase={batch.phase} />
        {batch.next_deadline_at ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('app.public.next_date', {
              label: translate(deadlineLabelKey(batch.next_deadline_label ?? ''), {
                _: batch.next_deadline_label ?? '',
              }),
            })}{' '}
            <Countdown at={batch.next_deadline_at} showDate />
          </Typography>
        ) : null}
      </Box>
      <Tabs
        value={current}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={translate('app.public.sections')}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {sections.map((s) => (
          <Tab
            key={s}
            value={s}
            label={translate(sectionLabels[s])}
            component={LinkBase}
            to={s ? `${base}/${s}` : base}
          />
        ))}
      </Tabs>
      <Outlet />
    </Stack>
  );
};

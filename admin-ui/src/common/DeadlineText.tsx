import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Countdown } from './Countdown';
import type { Deadline } from '../batches/types';

/** The workflow writes its deadlines' labels in English codes ("collection closes"); the UI words them. */
export const deadlineLabelKey = (label: string) => `app.batch.deadline.${label.trim().replace(/\W+/g, '_')}`;

/** "Collection closes: 2026/12/15 00:00 · in 21 d 3 h", ticking. */
export const DeadlineText = ({ deadline }: { deadline: Deadline | null | undefined }) => {
  const translate = useTranslate();
  if (!deadline) return <Typography variant="body2">{translate('app.batch.no_deadline')}</Typography>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {translate(deadlineLabelKey(deadline.label), { _: deadline.label })}
      </Typography>
      <Countdown at={deadline.at} showDate />
    </Stack>
  );
};

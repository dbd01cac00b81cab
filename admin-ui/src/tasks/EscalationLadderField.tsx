import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Task } from '../types';

interface EscalationLadderFieldProps {
  label?: string;
}

/** Whom the task goes to next if nobody answers, in order, as the workflow reports it. */
export const EscalationLadderField = (_props: EscalationLadderFieldProps) => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const ladder = task?.live?.ladder ?? [];
  if (ladder.length === 0) return <span>{translate('app.task.live.ladder_empty')}</span>;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {ladder.map((step, index) => (
        <Chip key={`${index}-${step.label}`} size="small" variant="outlined" label={`${index + 1}. ${step.label}`} />
      ))}
    </Stack>
  );
};

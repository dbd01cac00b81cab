import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BatchPhase } from './types';

export const PhaseChip = ({ phase }: { phase: BatchPhase }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color="primary"
      variant="outlined"
      label={translate(`app.public.phase.${phase}`, { _: phase })}
    />
  );
};

import { Step, StepLabel, Stepper } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type BatchPhase, batchPhases } from './types';

/** The nine phases of the procedure in docs/domain.md, "The annual batch", the current one active. */
export const PhaseStepper = ({ phase }: { phase: BatchPhase }) => {
  const translate = useTranslate();
  const current = batchPhases.indexOf(phase);
  return (
    <Stepper
      activeStep={phase === 'closed' ? batchPhases.length : current}
      alternativeLabel
      aria-label={translate('app.batch.phases')}
      sx={{ overflowX: 'auto', py: 1 }}
    >
      {batchPhases.map((p) => (
        <Step key={p} aria-current={p === phase ? 'step' : undefined}>
          <StepLabel>{translate(`app.batch.phase.${p}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

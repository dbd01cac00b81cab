import { Button, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';

interface CastStepProps {
  /** The submit button's phrase, also the confirmation's. */
  submitLabel: string;
  confirmTitle: string;
  confirmContent: string;
  pending: boolean;
  onBack(): void;
  onSubmit(): void;
}

/**
 * The last step of a secret ballot or rating sheet: go back and change it, or submit it after a
 * confirmation, since nobody (the deputy included) sees the choices again.
 */
export const CastStep = ({ submitLabel, confirmTitle, confirmContent, pending, onBack, onSubmit }: CastStepProps) => {
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  // A refused submit ends the wait with the form still here: close the dialog so its message shows.
  useEffect(() => {
    if (!pending) setConfirming(false);
  }, [pending]);
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <Button variant="outlined" size="large" sx={{ minHeight: 48 }} fullWidth onClick={onBack} disabled={pending}>
          {translate('app.ballot.change')}
        </Button>
        <Button
          variant="contained"
          size="large"
          sx={{ minHeight: 48 }}
          fullWidth
          onClick={() => setConfirming(true)}
          disabled={pending}
        >
          {translate(submitLabel)}
        </Button>
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title={confirmTitle}
        content={confirmContent}
        confirm={submitLabel}
        onConfirm={onSubmit}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};

import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import type { BatchAction } from './types';
import { useBatchAction } from './useBatchAction';

interface BatchActionButtonProps {
  batchId: string;
  batchTitle: string;
  action: Exclude<BatchAction, 'open-vote'>;
}

/** A decision without a form (close collection, conclude screening, …): asked first, then sent. */
export const BatchActionButton = ({ batchId, batchTitle, action }: BatchActionButtonProps) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { runAndNotify, isPending } = useBatchAction(batchId, action);
  return (
    <>
      <Button variant="contained" disabled={isPending} onClick={() => setOpen(true)}>
        {translate(`app.batch.action.${action}.label`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`app.batch.action.${action}.label`}
        content={`app.batch.action.${action}.confirm`}
        translateOptions={{ title: batchTitle }}
        onConfirm={() => {
          setOpen(false);
          void runAndNotify();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

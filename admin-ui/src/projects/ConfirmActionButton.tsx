import { Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Confirm, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { newIdempotencyKey } from '../common/idempotencyKey';

interface ConfirmActionButtonProps {
  label: string;
  icon?: ReactNode;
  confirmTitle: string;
  confirmContent: string;
  success: string;
  /** Runs the action; `key` is the same for every retry of one confirmation. */
  action: (key: string) => Promise<unknown>;
  color?: 'primary' | 'error' | 'warning' | 'success';
}

/** A workflow action without inputs: asked for confirmation first; a refusal shows the API's sentence. */
export const ConfirmActionButton = ({
  label,
  icon,
  confirmTitle,
  confirmContent,
  success,
  action,
  color = 'primary',
}: ConfirmActionButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const confirm = async () => {
    setBusy(true);
    try {
      await action(key);
      notify(success, { type: 'success' });
      setKey(newIdempotencyKey());
      setOpen(false);
      refresh();
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" color={color} startIcon={icon} onClick={() => setOpen(true)}>
        {translate(label)}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={confirmTitle}
        content={confirmContent}
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

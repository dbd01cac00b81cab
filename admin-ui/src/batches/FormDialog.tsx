import { Button, Dialog, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useId, useState } from 'react';
import { Form, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiFieldErrors } from './apiFieldErrors';
import { useConfirmation } from './useConfirmation';

interface FormDialogProps<T extends Record<string, unknown>> {
  /** i18n key of the button, the dialog's title and its submit button. */
  label: string;
  /** The fields the API may name in a refusal; their messages go under them. */
  fields: readonly string[];
  defaultValues?: Partial<T>;
  /** Ask before sending (a decision that moves a workflow or cannot be undone). */
  confirm?: { content: string; translateOptions?: Record<string, unknown> };
  /** i18n key of the success notification. */
  success: string;
  onSubmit: (values: T) => Promise<unknown>;
  children: ReactNode;
  variant?: 'text' | 'outlined' | 'contained';
  startIcon?: ReactNode;
}

/** A button that opens a form; the API's 400/422 messages land under the fields they concern. */
export function FormDialog<T extends Record<string, unknown>>(props: FormDialogProps<T>) {
  const { label, fields, defaultValues, confirm, success, onSubmit, children, variant = 'outlined', startIcon } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [ask, confirmDialog] = useConfirmation();
  const submit = async (values: Record<string, unknown>) => {
    if (confirm && !(await ask({ title: label, ...confirm }))) return undefined;
    try {
      await onSubmit(values as T);
      setOpen(false);
      notify(success, { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      const { fieldErrors, message } = apiFieldErrors(error, fields);
      if (!fieldErrors) notify(message, { type: 'error', messageArgs: { _: message } });
      return fieldErrors ?? undefined;
    }
  };
  return (
    <>
      <Button variant={variant} startIcon={startIcon} onClick={() => setOpen(true)}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{translate(label)}</DialogTitle>
        <DialogContent>
          <Form onSubmit={submit} defaultValues={defaultValues}>
            {children}
            <SaveButton label={label} alwaysEnable sx={{ mt: 1 }} />
          </Form>
        </DialogContent>
      </Dialog>
      {confirmDialog}
    </>
  );
}

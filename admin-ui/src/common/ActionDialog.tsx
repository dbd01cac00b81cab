import ConfirmIcon from '@mui/icons-material/CheckCircle';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Form, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorMessage, errorStatus } from './errorMessage';
import { dialogRefusal, refusesTheAction } from './fieldErrors';
import { newIdempotencyKey } from './idempotencyKey';
import { useConfirmation } from './useConfirmation';

type Values = Record<string, unknown>;

export interface ActionDialogProps<T extends Values> {
  /** i18n key of the button; also the dialog's title and its submit button unless those are given. */
  label: string;
  title?: string;
  /** A sentence saying what the action does, above the inputs. */
  description?: string;
  submitLabel?: string;
  /**
   * The question asked before sending. Without inputs the dialog itself asks it; with inputs it is asked
   * after the form is filled (a decision that moves a workflow or cannot be undone).
   */
  confirm?: { content: string; translateOptions?: Record<string, unknown> };
  /** i18n key of the success notification. */
  success: string;
  /** The form's field names, so a refusal naming one shows under it. */
  fields?: readonly string[];
  /** Key a refusal by its whole path (`candidate.title`) when the form has an input per nested field. */
  nestedErrors?: boolean;
  defaultValues?: Partial<T>;
  /** The inputs; none for a decision that only needs confirming. */
  children?: ReactNode;
  /** Sends the action. `key` is one per opening of the dialog: a retried submit is the same request. */
  submit: (values: T, key: string) => Promise<unknown>;
  icon?: ReactNode;
  color?: 'primary' | 'error' | 'warning' | 'success';
  variant?: 'text' | 'outlined' | 'contained';
  size?: 'small' | 'medium';
}

/**
 * A button that opens a dialog for one action: its inputs or its question, then the request. A refusal stays
 * in the dialog, each sentence under the field it names and the rest at the top, so nothing typed is lost.
 */
export function ActionDialog<T extends Values>(props: ActionDialogProps<T>) {
  const { label, title = label, description, confirm, success, fields = [], nestedErrors = false } = props;
  const { defaultValues, children, submit, icon, color = 'primary', variant = 'outlined', size = 'small' } = props;
  const submitLabel = props.submitLabel ?? (children ? label : 'ra.action.confirm');
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [general, setGeneral] = useState<string | null>(null);
  const [ask, confirmDialog] = useConfirmation();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (values: T) => submit(values, key),
    onSuccess: () => {
      setOpen(false);
      notify(success, { type: 'success' });
      refresh();
    },
  });

  const show = () => {
    setKey(newIdempotencyKey());
    setGeneral(null);
    setOpen(true);
  };

  const onSubmit = async (values: Values) => {
    if (confirm && children && !(await ask({ title, ...confirm }))) return undefined;
    setGeneral(null);
    try {
      await mutateAsync(values as T);
      return undefined;
    } catch (error) {
      const refusal = dialogRefusal(error, fields, { prefixes: ['result', 'body'], nested: nestedErrors });
      if (refusesTheAction(errorStatus(error), children !== undefined)) {
        // Nothing in the form can change this answer (not allowed now, or by this person): the dialog closes, the
        // reason stays on screen, and the page shows how things stand now.
        const reason = refusal.general ?? errorMessage(error);
        setOpen(false);
        notify(reason, { type: 'error', messageArgs: { _: reason }, autoHideDuration: 10_000 });
        refresh();
        return undefined;
      }
      setGeneral(refusal.general);
      return refusal.fields;
    }
  };

  return (
    <>
      <Button size={size} variant={variant} color={color} startIcon={icon} onClick={show}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={titleId}>
        <Form defaultValues={defaultValues} onSubmit={onSubmit}>
          <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
          <DialogContent>
            {description ? (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate(description)}
              </Alert>
            ) : null}
            {confirm && !children ? (
              <DialogContentText sx={{ mb: 2 }}>
                {translate(confirm.content, confirm.translateOptions)}
              </DialogContentText>
            ) : null}
            {general ? (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {translate(general, { _: general })}
              </Alert>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={isPending}>
              {translate('ra.action.cancel')}
            </Button>
            <SaveButton label={submitLabel} icon={children ? undefined : <ConfirmIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
      {confirmDialog}
    </>
  );
}

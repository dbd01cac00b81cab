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

export interface ActionDialogProps<T extends Values, R = unknown> {
  /** i18n key of the button; also the dialog's title and its submit button unless those are given. */
  label: string;
  title?: string;
  titleOptions?: Record<string, unknown>;
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
  submit: (values: T, key: string) => Promise<R>;
  /** The success notice's interpolation, from the answer (how many deadlines moved). */
  successOptions?: (result: R) => Record<string, unknown>;
  /** What the page does with the answer once the dialog has closed. */
  onDone?: (result: R) => void;
  /** Opened by the page (a day clicked on a calendar) instead of by the dialog's own button, which is then not drawn. */
  open?: boolean;
  onClose?: () => void;
  /** Above the inputs: how the thing acted on stands now. */
  intro?: ReactNode;
  /** Another action on the same thing, beside cancel (removing an entry). */
  extraActions?: ReactNode;
  icon?: ReactNode;
  color?: 'primary' | 'error' | 'warning' | 'success';
  variant?: 'text' | 'outlined' | 'contained';
  size?: 'small' | 'medium';
}

/**
 * A button that opens a dialog for one action: its inputs or its question, then the request. A refusal stays
 * in the dialog, each sentence under the field it names and the rest at the top, so nothing typed is lost.
 */
export function ActionDialog<T extends Values, R = unknown>(props: ActionDialogProps<T, R>) {
  const {
    label,
    title = label,
    titleOptions,
    description,
    confirm,
    success,
    fields = [],
    nestedErrors = false,
  } = props;
  const { successOptions, onDone, intro, extraActions } = props;
  const { defaultValues, children, submit, icon, color = 'primary', variant = 'outlined', size = 'small' } = props;
  const submitLabel = props.submitLabel ?? (children ? label : 'ra.action.confirm');
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = props.open !== undefined;
  const open = controlled ? props.open === true : ownOpen;
  const setOpen = (next: boolean) => {
    if (controlled) {
      if (!next) props.onClose?.();
    } else setOwnOpen(next);
  };
  const [key, setKey] = useState(newIdempotencyKey);
  const [general, setGeneral] = useState<string | null>(null);
  const [ask, confirmDialog] = useConfirmation();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (values: T) => submit(values, key),
    onSuccess: (result) => {
      setOpen(false);
      notify(success, { type: 'success', messageArgs: successOptions?.(result) });
      refresh();
      onDone?.(result);
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
      {controlled ? null : (
        <Button size={size} variant={variant} color={color} startIcon={icon} onClick={show}>
          {translate(label)}
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={titleId}>
        <Form defaultValues={defaultValues} onSubmit={onSubmit}>
          <DialogTitle id={titleId}>{translate(title, titleOptions)}</DialogTitle>
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
            {intro}
            {general ? (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {translate(general, { _: general })}
              </Alert>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            {extraActions}
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

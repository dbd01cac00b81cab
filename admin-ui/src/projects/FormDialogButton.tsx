import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Form, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorStatus } from '../common/errorMessage';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { splitErrors } from '../common/fieldErrors';

type Values = Record<string, unknown>;

interface FormDialogButtonProps {
  label: string;
  icon?: ReactNode;
  title: string;
  /** A sentence saying what the action does, above the inputs. */
  description?: string;
  submitLabel: string;
  success: string;
  defaults: Values;
  /** The form's field names, so a refusal naming one shows under it. */
  fields: string[];
  children: ReactNode;
  /** `key` is one per opening of the dialog: a retried submit is the same request. */
  submit: (values: Values, key: string) => Promise<unknown>;
  color?: 'primary' | 'error' | 'warning' | 'success';
}

/** A workflow or fund action with inputs: the dialog is its confirmation; refusals go under their field. */
export const FormDialogButton = (props: FormDialogButtonProps) => {
  const {
    label,
    icon,
    title,
    description,
    submitLabel,
    success,
    defaults,
    fields,
    children,
    submit,
    color = 'primary',
  } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [general, setGeneral] = useState<string | null>(null);

  const onSubmit = async (values: Values) => {
    setGeneral(null);
    try {
      await submit(values, key);
    } catch (error) {
      const { fields: byField, general: top } = splitErrors(error, fields, { prefixes: ['result', 'body'] });
      setGeneral(top);
      const status = errorStatus(error);
      return status === 400 || status === 422 ? byField : undefined;
    }
    notify(success, { type: 'success' });
    setKey(newIdempotencyKey());
    setOpen(false);
    refresh();
    return undefined;
  };

  return (
    <>
      <Button size="small" variant="outlined" color={color} startIcon={icon} onClick={() => setOpen(true)}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={`${label}-title`}>
        <Form record={defaults} onSubmit={onSubmit}>
          <DialogTitle id={`${label}-title`}>{translate(title)}</DialogTitle>
          <DialogContent>
            {description ? (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate(description)}
              </Alert>
            ) : null}
            {general ? (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {general}
              </Alert>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label={submitLabel} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

import { Alert } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput, required, useTranslate } from 'react-admin';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { apiUrl, httpClient } from '../providers/dataProvider';
import { FormDialog } from './FormDialog';

interface OpenBoxDialogProps {
  batchId: string;
  batchTitle: string;
  /** Closing the vote opens the ballot box; closing the rating opens the sealed rating sheets. */
  action: 'close-vote' | 'close-rating';
  /** How many scrutineers hold shares (the jurisdiction's policy); a majority of them opens the box. */
  scrutineers: number;
}

interface OpenBoxValues extends Record<string, unknown> {
  shares: { share: string }[];
}

/** Closing a vote or the rating: the scrutineers enter their key shares to open the sealed box (docs/secrecy.md). */
export const OpenBoxDialog = ({ batchId, batchTitle, action, scrutineers }: OpenBoxDialogProps) => {
  const translate = useTranslate();
  const threshold = Math.floor(scrutineers / 2) + 1;
  const submit = async (values: OpenBoxValues) => {
    await httpClient(`${apiUrl}/batches/${encodeURIComponent(batchId)}/${action}`, {
      method: 'POST',
      body: JSON.stringify({ shares: values.shares.map((s) => s.share).filter(Boolean) }),
      headers: new Headers({ 'Idempotency-Key': newIdempotencyKey() }),
    });
  };
  return (
    <FormDialog<OpenBoxValues>
      label={`app.batch.action.${action}.label`}
      fields={['shares']}
      defaultValues={{ shares: Array.from({ length: threshold }, () => ({ share: '' })) }}
      confirm={{ content: `app.batch.action.${action}.confirm`, translateOptions: { title: batchTitle } }}
      success={`app.batch.action.${action}.done`}
      onSubmit={submit}
      variant="contained"
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.batch.close_vote_form.intro', { threshold })}
      </Alert>
      <ArrayInput source="shares" label={false}>
        <SimpleFormIterator disableReordering disableAdd disableRemove disableClear>
          <TextInput
            source="share"
            label="app.batch.close_vote_form.share"
            validate={required()}
            autoComplete="off"
            fullWidth
          />
        </SimpleFormIterator>
      </ArrayInput>
    </FormDialog>
  );
};

import { Alert } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput, required, useTranslate } from 'react-admin';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { apiUrl, httpClient } from '../providers/dataProvider';
import { FormDialog } from './FormDialog';

interface CloseVoteDialogProps {
  batchId: string;
  batchTitle: string;
  /** How many scrutineers hold shares (the jurisdiction's policy); a majority of them opens the box. */
  scrutineers: number;
}

interface CloseVoteValues extends Record<string, unknown> {
  shares: { share: string }[];
}

/** Closing the vote: the scrutineers enter their key shares to open the sealed ballot box (docs/secrecy.md). */
export const CloseVoteDialog = ({ batchId, batchTitle, scrutineers }: CloseVoteDialogProps) => {
  const translate = useTranslate();
  const threshold = Math.floor(scrutineers / 2) + 1;
  const submit = async (values: CloseVoteValues) => {
    await httpClient(`${apiUrl}/batches/${encodeURIComponent(batchId)}/close-vote`, {
      method: 'POST',
      body: JSON.stringify({ shares: values.shares.map((s) => s.share).filter(Boolean) }),
      headers: new Headers({ 'Idempotency-Key': newIdempotencyKey() }),
    });
  };
  return (
    <FormDialog<CloseVoteValues>
      label="app.batch.action.close-vote.label"
      fields={['shares']}
      defaultValues={{ shares: Array.from({ length: threshold }, () => ({ share: '' })) }}
      confirm={{ content: 'app.batch.action.close-vote.confirm', translateOptions: { title: batchTitle } }}
      success="app.batch.action.close-vote.done"
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

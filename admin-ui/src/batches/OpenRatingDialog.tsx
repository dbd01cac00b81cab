import { Alert } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput, required, useTranslate } from 'react-admin';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { apiUrl, httpClient } from '../providers/dataProvider';
import { FormDialog } from './FormDialog';
import type { OpenedBox } from '../common/KeySharesDialog';

interface OpenRatingDialogProps {
  batchId: string;
  batchTitle: string;
  /** From the jurisdiction's policy: how many scrutineers hold the key's shares. */
  scrutineers: number;
  onOpened: (box: OpenedBox) => void;
}

interface OpenRatingValues extends Record<string, unknown> {
  scrutineers: { name: string }[];
}

/** 满意度测评 opens with the scrutineers who will hold the sealed rating sheets' key (docs/secrecy.md). */
export const OpenRatingDialog = ({ batchId, batchTitle, scrutineers, onOpened }: OpenRatingDialogProps) => {
  const translate = useTranslate();
  const submit = async (values: OpenRatingValues) => {
    const { json } = await httpClient(`${apiUrl}/batches/${encodeURIComponent(batchId)}/open-rating`, {
      method: 'POST',
      body: JSON.stringify({ scrutineers: values.scrutineers.map((s) => s.name) }),
      headers: new Headers({ 'Idempotency-Key': newIdempotencyKey() }),
    });
    onOpened((json as { box: OpenedBox }).box);
  };
  return (
    <FormDialog<OpenRatingValues>
      label="app.batch.action.open-rating.label"
      fields={['scrutineers']}
      defaultValues={{ scrutineers: Array.from({ length: Math.max(scrutineers, 2) }, () => ({ name: '' })) }}
      confirm={{ content: 'app.batch.action.open-rating.confirm', translateOptions: { title: batchTitle } }}
      success="app.batch.action.open-rating.done"
      onSubmit={submit}
      variant="contained"
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.batch.rating_form.intro')}
      </Alert>
      <ArrayInput source="scrutineers" label="app.batch.vote_form.scrutineers">
        <SimpleFormIterator inline disableReordering disableAdd disableRemove disableClear>
          <TextInput source="name" label="app.batch.vote_form.name" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </FormDialog>
  );
};

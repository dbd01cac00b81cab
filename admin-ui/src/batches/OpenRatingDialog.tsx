import { Alert } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput, required, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import type { OpenedBox } from '../common/KeySharesDialog';
import { useAppDataProvider } from '../providers/dataProvider';

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
  const dataProvider = useAppDataProvider();
  const submit = async (values: OpenRatingValues, key: string) => {
    const { data } = await dataProvider.decideBatch(batchId, 'open-rating', {
      key,
      body: { scrutineers: values.scrutineers.map((s) => s.name) },
    });
    onOpened((data as { box: OpenedBox }).box);
  };
  return (
    <ActionDialog<OpenRatingValues>
      label="app.batch.action.open-rating.label"
      fields={['scrutineers']}
      defaultValues={{ scrutineers: Array.from({ length: Math.max(scrutineers, 2) }, () => ({ name: '' })) }}
      confirm={{ content: 'app.batch.action.open-rating.confirm', translateOptions: { title: batchTitle } }}
      success="app.batch.action.open-rating.done"
      submit={submit}
      variant="contained"
      size="medium"
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.batch.rating_form.intro')}
      </Alert>
      <ArrayInput source="scrutineers" label="app.batch.vote_form.scrutineers">
        <SimpleFormIterator inline disableReordering disableAdd disableRemove disableClear>
          <TextInput source="name" label="app.batch.vote_form.name" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </ActionDialog>
  );
};

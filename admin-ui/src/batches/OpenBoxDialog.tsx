import { Alert } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput, required, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { errorMessage, errorStatus } from '../common/errorMessage';
import { useConfirmation } from '../common/useConfirmation';
import { useAppDataProvider } from '../providers/dataProvider';

/** The counts the API names when not every deputy present has voted (its 409 says how to confirm them). */
export function incompleteCounts(message: string): { ballotsCast: number; present: number } | null {
  const match = /confirmIncomplete: \{ ballotsCast: (\d+), present: (\d+) \}/.exec(message);
  return match ? { ballotsCast: Number(match[1]), present: Number(match[2]) } : null;
}

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

/**
 * Closing a vote or the rating: the scrutineers enter their key shares to open the sealed box
 * (docs/secrecy.md). If not every deputy present has voted, the API refuses and names the counts; closing
 * anyway is a second, explicit question (the running count is never on screen while the session is open).
 */
export const OpenBoxDialog = ({ batchId, batchTitle, action, scrutineers }: OpenBoxDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [ask, confirmDialog] = useConfirmation();
  const threshold = Math.floor(scrutineers / 2) + 1;
  const submit = async (values: OpenBoxValues, key: string) => {
    const shares = values.shares.map((s) => s.share).filter(Boolean);
    try {
      return await dataProvider.decideBatch(batchId, action, { key, body: { shares } });
    } catch (error) {
      const counts =
        action === 'close-vote' && errorStatus(error) === 409 ? incompleteCounts(errorMessage(error)) : null;
      if (!counts) throw error;
      const anyway = await ask({
        title: 'app.vote_integrity.close_incomplete.title',
        content: 'app.vote_integrity.close_incomplete.confirm',
        translateOptions: { cast: counts.ballotsCast, present: counts.present },
      });
      if (!anyway) throw error;
      return dataProvider.decideBatch(batchId, action, { key, body: { shares, confirmIncomplete: counts } });
    }
  };
  return (
    <>
      <ActionDialog<OpenBoxValues>
        label={`app.batch.action.${action}.label`}
        fields={['shares']}
        defaultValues={{ shares: Array.from({ length: threshold }, () => ({ share: '' })) }}
        confirm={{ content: `app.batch.action.${action}.confirm`, translateOptions: { title: batchTitle } }}
        success={`app.batch.action.${action}.done`}
        submit={submit}
        variant="contained"
        size="medium"
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
      </ActionDialog>
      {confirmDialog}
    </>
  );
};

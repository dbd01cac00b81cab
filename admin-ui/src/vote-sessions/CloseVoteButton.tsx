import { Button } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useBatchAction } from '../batches/useBatchAction';
import { useConfirmation } from '../common/useConfirmation';
import { errorMessage, errorStatus } from '../common/errorMessage';

/** The counts the API names when not every deputy present has voted (its 409 says how to confirm them). */
export function incompleteCounts(message: string): { ballotsCast: number; present: number } | null {
  const match = /confirmIncomplete: \{ ballotsCast: (\d+), present: (\d+) \}/.exec(message);
  return match ? { ballotsCast: Number(match[1]), present: Number(match[2]) } : null;
}

/**
 * Closing the vote. The running count is never on screen while the session is open; if not every deputy
 * present has voted, the API refuses and names the counts, and closing anyway is a second, explicit question.
 */
export const CloseVoteButton = ({ batchId, batchTitle }: { batchId: string; batchTitle: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [ask, confirmDialog] = useConfirmation();
  const { run, isPending } = useBatchAction(batchId, 'close-vote');
  const fail = (error: unknown) => {
    const message = errorMessage(error);
    notify(message, { type: 'error', messageArgs: { _: message } });
  };
  const close = async () => {
    const yes = await ask({
      title: 'app.batch.action.close-vote.label',
      content: 'app.batch.action.close-vote.confirm',
      translateOptions: { title: batchTitle },
    });
    if (!yes) return;
    try {
      await run({});
    } catch (error) {
      const counts = errorStatus(error) === 409 ? incompleteCounts(errorMessage(error)) : null;
      if (!counts) return fail(error);
      const anyway = await ask({
        title: 'app.vote_integrity.close_incomplete.title',
        content: 'app.vote_integrity.close_incomplete.confirm',
        translateOptions: { cast: counts.ballotsCast, present: counts.present },
      });
      if (!anyway) return;
      try {
        await run({ confirmIncomplete: counts });
      } catch (again) {
        fail(again);
      }
    }
  };
  return (
    <>
      <Button variant="contained" disabled={isPending} onClick={() => void close()}>
        {translate('app.batch.action.close-vote.label')}
      </Button>
      {confirmDialog}
    </>
  );
};

import type { OpenVoteBody } from '@domain/contract/batches';
import { Button, Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  ArrayInput,
  Form,
  NumberInput,
  SaveButton,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  number,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { integer } from '../common/validators';
import type { OpenedBox } from '../common/KeySharesDialog';
import { apiFieldErrors } from './apiFieldErrors';
import { useBatchAction } from './useBatchAction';
import { useConfirmation } from '../common/useConfirmation';

interface OpenVoteDialogProps {
  batchId: string;
  batchTitle: string;
  /** From the jurisdiction's policy: how many names each list must have (docs/domain.md, "Vote" [S3]: 3 and 2). */
  scrutineers: number;
  tellers: number;
  /** A run-off fills exactly these seats. */
  runOffSeats: number | null;
  /** Receives the key shares the opening answers with, for the scrutineers (docs/secrecy.md). */
  onOpened: (box: OpenedBox) => void;
}

/** openVoteSchema's body, with each name in its own input. */
type OpenVoteValues = Omit<OpenVoteBody, 'scrutineers' | 'tellers'> & {
  scrutineers: { name: string }[];
  tellers: { name: string }[];
};

const fields = ['seats', 'deputiesEntitled', 'deputiesPresent', 'scrutineers', 'tellers'] as const;
const names = (n: number) => Array.from({ length: n }, () => ({ name: '' }));
const presentWithinEntitled = (value: unknown, all: Partial<OpenVoteValues>) =>
  typeof value === 'number' && typeof all.deputiesEntitled === 'number' && value > all.deputiesEntitled
    ? 'app.batch.vote_form.present_over_entitled'
    : undefined;

/** 差额票决 opens with its seats, the deputies entitled and present, and the scrutineers and tellers by name. */
export const OpenVoteDialog = ({
  batchId,
  batchTitle,
  scrutineers,
  tellers,
  runOffSeats,
  onOpened,
}: OpenVoteDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [ask, confirmDialog] = useConfirmation();
  const { run } = useBatchAction(batchId, 'open-vote');
  const submit = async (values: Partial<OpenVoteValues>) => {
    const confirmed = await ask({
      title: 'app.batch.action.open-vote.label',
      content: 'app.batch.action.open-vote.confirm',
      translateOptions: { title: batchTitle },
    });
    if (!confirmed) return undefined;
    try {
      const opened = (await run({
        seats: values.seats,
        deputiesEntitled: values.deputiesEntitled,
        deputiesPresent: values.deputiesPresent ?? undefined,
        scrutineers: (values.scrutineers ?? []).map((s) => s.name),
        tellers: (values.tellers ?? []).map((t) => t.name),
      })) as { box: OpenedBox };
      setOpen(false);
      onOpened(opened.box);
      return undefined;
    } catch (error) {
      const { fieldErrors, message } = apiFieldErrors(error, fields);
      if (!fieldErrors) notify(message, { type: 'error', messageArgs: { _: message } });
      return fieldErrors ?? undefined;
    }
  };
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)}>
        {translate('app.batch.action.open-vote.label')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="open-vote-title">
        <DialogTitle id="open-vote-title">{translate('app.batch.action.open-vote.label')}</DialogTitle>
        <DialogContent>
          <Form
            onSubmit={submit}
            defaultValues={{
              seats: runOffSeats ?? undefined,
              scrutineers: names(scrutineers),
              tellers: names(tellers),
            }}
          >
            <NumberInput
              source="seats"
              label="app.batch.vote_form.seats"
              validate={[required(), number(), integer, minValue(1)]}
              disabled={runOffSeats !== null}
              fullWidth
            />
            <NumberInput
              source="deputiesEntitled"
              label="app.batch.vote_form.deputiesEntitled"
              validate={[required(), integer, minValue(1)]}
              fullWidth
            />
            <NumberInput
              source="deputiesPresent"
              label="app.batch.vote_form.deputiesPresent"
              // Optional: the API takes the number from the recorded attendance, and refuses one that differs.
              validate={[integer, minValue(0), maxValue(100000), presentWithinEntitled]}
              fullWidth
            />
            <ArrayInput source="scrutineers" label="app.batch.vote_form.scrutineers">
              <SimpleFormIterator inline disableReordering disableAdd disableRemove disableClear>
                <TextInput source="name" label="app.batch.vote_form.name" validate={required()} />
              </SimpleFormIterator>
            </ArrayInput>
            <ArrayInput source="tellers" label="app.batch.vote_form.tellers">
              <SimpleFormIterator inline disableReordering disableAdd disableRemove disableClear>
                <TextInput source="name" label="app.batch.vote_form.name" validate={required()} />
              </SimpleFormIterator>
            </ArrayInput>
            <SaveButton label="app.batch.action.open-vote.label" alwaysEnable />
          </Form>
        </DialogContent>
      </Dialog>
      {confirmDialog}
    </>
  );
};

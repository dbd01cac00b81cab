import type { OpenVoteBody } from '@domain/contract/batches';
import {
  ArrayInput,
  NumberInput,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  number,
  required,
} from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import type { OpenedBox } from '../common/KeySharesDialog';
import { integer } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';

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

/** openVoteSchema's body, with each name in its own input; the deputies present may be left to the attendance. */
type OpenVoteValues = Omit<OpenVoteBody, 'scrutineers' | 'tellers' | 'deputiesPresent'> & {
  deputiesPresent?: number | null;
  scrutineers: { name: string }[];
  tellers: { name: string }[];
};

// Not nested: the API names a list entry (`scrutineers.1`), and the list input is where a message shows.
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
  const dataProvider = useAppDataProvider();
  const submit = async (values: OpenVoteValues, key: string) => {
    const { data } = await dataProvider.decideBatch(batchId, 'open-vote', {
      key,
      body: {
        seats: values.seats,
        deputiesEntitled: values.deputiesEntitled,
        deputiesPresent: values.deputiesPresent ?? undefined,
        scrutineers: values.scrutineers.map((s) => s.name),
        tellers: values.tellers.map((t) => t.name),
      },
    });
    return data as { box: OpenedBox };
  };
  return (
    <ActionDialog<OpenVoteValues, { box: OpenedBox }>
      label="app.batch.action.open-vote.label"
      fields={fields}
      defaultValues={{ seats: runOffSeats ?? undefined, scrutineers: names(scrutineers), tellers: names(tellers) }}
      confirm={{ content: 'app.batch.action.open-vote.confirm', translateOptions: { title: batchTitle } }}
      success="app.batch.action.open-vote.done"
      submit={submit}
      // After the dialog has closed: the page holds the shares, since the refresh removes this dialog.
      onDone={(opened) => onOpened(opened.box)}
      variant="contained"
      size="medium"
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
    </ActionDialog>
  );
};

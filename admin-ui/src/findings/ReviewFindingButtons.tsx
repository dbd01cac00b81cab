import CheckIcon from '@mui/icons-material/Check';
import ReplayIcon from '@mui/icons-material/Replay';
import { Stack } from '@mui/material';
import { maxLength, required, TextInput } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';

const reviewDefaults = { note: '' };

/** The group accepts the department's response, or reopens the finding for another round (with the reason). */
export const ReviewFindingButtons = ({ projectId, findingId }: { projectId: string; findingId: string }) => {
  const dataProvider = useAppDataProvider();
  const review = (accepted: boolean) => (values: Record<string, unknown>, key: string) =>
    dataProvider.reviewFinding(projectId, findingId, {
      key,
      accepted,
      note: typeof values.note === 'string' ? values.note.trim() : '',
    });
  return (
    <Stack direction="row" spacing={1}>
      <ActionDialog
        label="app.finding.action.accept"
        icon={<CheckIcon />}
        color="success"
        title="app.finding.action.accept_title"
        description="app.finding.action.accept_help"
        submitLabel="app.finding.action.accept"
        success="app.finding.action.accept_done"
        defaultValues={reviewDefaults}
        fields={['note']}
        submit={review(true)}
      >
        <TextInput
          source="note"
          label="app.finding.field.review_note"
          multiline
          minRows={2}
          fullWidth
          validate={maxLength(2000)}
        />
      </ActionDialog>
      <ActionDialog
        label="app.finding.action.reopen"
        icon={<ReplayIcon />}
        color="warning"
        title="app.finding.action.reopen_title"
        description="app.finding.action.reopen_help"
        submitLabel="app.finding.action.reopen"
        success="app.finding.action.reopen_done"
        defaultValues={reviewDefaults}
        fields={['note']}
        submit={review(false)}
      >
        <TextInput
          source="note"
          label="app.finding.field.reopen_reason"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), notBlank, maxLength(2000)]}
        />
      </ActionDialog>
    </Stack>
  );
};

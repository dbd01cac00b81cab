import RateReviewIcon from '@mui/icons-material/RateReview';
import { NumberInput, required, TextInput } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';

const defaults = { text: '', dueWorkingDays: 5 };

/** 批示: the responsible vice head's instruction, which becomes a task of the department with a deadline. */
export const InstructButton = ({ projectId }: { projectId: string }) => {
  const dataProvider = useAppDataProvider();
  return (
    <ActionDialog
      label="app.project.action.instruct"
      icon={<RateReviewIcon />}
      description="app.project.action.instruct_help"
      success="app.project.action.instruct_done"
      defaultValues={defaults}
      fields={['text', 'dueWorkingDays']}
      submit={(values, key) =>
        dataProvider.decideProject(projectId, 'instructions', {
          key,
          body: { key, text: values.text, dueWorkingDays: values.dueWorkingDays },
        })
      }
    >
      <TextInput
        source="text"
        label="app.project.action.instruct_text"
        multiline
        minRows={4}
        fullWidth
        validate={required()}
      />
      <NumberInput
        source="dueWorkingDays"
        label="app.project.action.instruct_due"
        min={1}
        max={60}
        step={1}
        validate={required()}
      />
    </ActionDialog>
  );
};

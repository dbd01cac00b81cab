import RateReviewIcon from '@mui/icons-material/RateReview';
import { maxLength, required, TextInput } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { notBlank } from '../common/validators';
import { PhotoUploadInput } from '../photos/PhotoUploadInput';
import { useAppDataProvider } from '../providers/dataProvider';

const findingDefaults = { text: '', photoIds: [] };

/**
 * A group member files what the site visit found, with photos; the department gets a task to respond by a
 * deadline (限期反馈). The form's key names the finding, so a retried submit files it once.
 */
export const FileFindingButton = ({ projectId }: { projectId: string }) => {
  const dataProvider = useAppDataProvider();
  return (
    <ActionDialog
      label="app.finding.action.file"
      icon={<RateReviewIcon />}
      description="app.finding.action.file_help"
      submitLabel="app.finding.action.file_submit"
      success="app.finding.action.file_done"
      defaultValues={findingDefaults}
      fields={['text', 'photoIds']}
      submit={(values, key) =>
        dataProvider.fileFinding(projectId, {
          key,
          text: typeof values.text === 'string' ? values.text.trim() : '',
          photoIds: Array.isArray(values.photoIds) ? values.photoIds : [],
        })
      }
    >
      <TextInput
        source="text"
        label="app.finding.field.text"
        multiline
        minRows={4}
        fullWidth
        validate={[required(), notBlank, maxLength(4000)]}
      />
      <PhotoUploadInput source="photoIds" label="app.finding.field.photos" max={20} />
    </ActionDialog>
  );
};

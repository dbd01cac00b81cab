import GavelIcon from '@mui/icons-material/Gavel';
import { DateInput, FormDataConsumer, RadioButtonGroupInput, required, TextInput } from 'react-admin';
import { projectChangeKinds } from '@domain/contract/projectChange';
import { ActionDialog } from '../common/ActionDialog';
import { DocumentUploadInput } from '../documents/DocumentUploadInput';
import { useAppDataProvider } from '../providers/dataProvider';

const kindChoices = projectChangeKinds.map((id) => ({ id, name: `app.project_change.kinds.${id}` }));
const defaults = {
  kind: 'changeDeadline',
  reason: '',
  meetingOn: '',
  newDeadline: '',
  scope: '',
  acceptanceStandard: '',
  documentIds: [] as string[],
};
const fields = ['kind', 'reason', 'meetingOn', 'newDeadline', 'scope', 'acceptanceStandard', 'documentId'] as const;

/**
 * The office records the committee's decision on a project (docs/domain.md, "Changes and termination"): a new
 * deadline, a new scope, or the end of the project; the workflow refuses what the project no longer allows.
 */
export const ProjectChangeButton = ({ projectId, title }: { projectId: string; title: string }) => {
  const dataProvider = useAppDataProvider();
  return (
    <ActionDialog
      label="app.project_change.action"
      icon={<GavelIcon />}
      color="warning"
      description="app.project_change.help"
      confirm={{ content: 'app.project_change.confirm', translateOptions: { title } }}
      success="app.project_change.done"
      defaultValues={defaults}
      fields={fields}
      submit={(values, key) => dataProvider.recordProjectChange(projectId, { key, decision: bodyOf(values) })}
    >
      <RadioButtonGroupInput source="kind" label="app.project_change.kind" choices={kindChoices} row={false} />
      <DateInput source="meetingOn" label="app.project_change.meeting_on" validate={required()} />
      <TextInput
        source="reason"
        label="app.project_change.reason"
        multiline
        minRows={3}
        fullWidth
        validate={required()}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'changeDeadline' ? (
            <DateInput source="newDeadline" label="app.project_change.new_deadline" validate={required()} />
          ) : formData.kind === 'changeScope' ? (
            <>
              <TextInput
                source="scope"
                label="app.project_change.scope"
                multiline
                minRows={3}
                fullWidth
                validate={required()}
              />
              <TextInput source="acceptanceStandard" label="app.project_change.acceptance_standard" fullWidth />
            </>
          ) : null
        }
      </FormDataConsumer>
      <DocumentUploadInput source="documentIds" label="app.project_change.document_id" max={1} />
    </ActionDialog>
  );
};

/** Only the fields the chosen kind uses; an empty optional field is left out rather than sent blank. */
function bodyOf(values: typeof defaults): Record<string, unknown> {
  const documentId = values.documentIds[0];
  return {
    kind: values.kind,
    reason: values.reason,
    meetingOn: values.meetingOn,
    ...(values.kind === 'changeDeadline' ? { newDeadline: values.newDeadline } : {}),
    ...(values.kind === 'changeScope' ? { scope: values.scope } : {}),
    ...(values.kind === 'changeScope' && values.acceptanceStandard.trim()
      ? { acceptanceStandard: values.acceptanceStandard }
      : {}),
    ...(documentId ? { documentId } : {}),
  };
}

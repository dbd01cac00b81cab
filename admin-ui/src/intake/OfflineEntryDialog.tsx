import AddCommentIcon from '@mui/icons-material/AddComment';
import { required, SelectInput, TextInput, usePermissions } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { hasRole } from '../common/roles';
import { notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import { categoryChoices } from '../suggestions/choices';

/** How the office receives a suggestion on the public's behalf (api/suggestions intakeOf). */
const officeChannels = ['hotline12345', 'liaisonStation', 'letter', 'doorToDoor'].map((id) => ({
  id,
  name: `app.suggestion.channel.${id}`,
}));

const fields = ['channel', 'title', 'description', 'category', 'location', 'proposer'] as const;

/**
 * A suggestion entered in the console: the office for a resident who called 12345, came to a liaison
 * station, wrote, or was visited at home (with the proposer, who must hear the outcome); a deputy or a
 * department for itself (the API sets the channel from the role).
 */
export const OfflineEntryDialog = ({ batchId }: { batchId: string }) => {
  const dataProvider = useAppDataProvider();
  const { permissions } = usePermissions();
  const office = hasRole(permissions, 'coordinator');
  if (!office && !hasRole(permissions, 'deputy') && !hasRole(permissions, 'official')) return null;
  return (
    <ActionDialog<Record<string, unknown>>
      label={office ? 'app.intake.entry.action_office' : 'app.intake.entry.action_own'}
      description={office ? 'app.intake.entry.help_office' : 'app.intake.entry.help_own'}
      success="app.intake.entry.done"
      fields={fields}
      nestedErrors
      icon={<AddCommentIcon />}
      defaultValues={office ? { channel: 'hotline12345' } : {}}
      submit={(values, key) => dataProvider.enterSuggestion(batchId, { ...values, key })}
    >
      {office ? (
        <SelectInput source="channel" label="app.intake.entry.channel" choices={officeChannels} validate={required()} />
      ) : null}
      <TextInput
        source="title"
        label="resources.suggestions.fields.title"
        validate={[required(), notBlank]}
        fullWidth
      />
      <TextInput
        source="description"
        label="resources.suggestions.fields.description"
        validate={[required(), notBlank]}
        multiline
        minRows={3}
        fullWidth
      />
      <SelectInput
        source="category"
        label="resources.suggestions.fields.category"
        choices={categoryChoices}
        validate={required()}
      />
      <TextInput
        source="location"
        label="resources.suggestions.fields.location"
        validate={[required(), notBlank]}
        fullWidth
      />
      {office ? (
        <>
          <TextInput source="proposer.name" label="app.intake.entry.proposer_name" fullWidth />
          <TextInput
            source="proposer.contact"
            label="app.intake.entry.proposer_contact"
            helperText="app.intake.entry.proposer_contact_helper"
            validate={required()}
            fullWidth
          />
        </>
      ) : null}
    </ActionDialog>
  );
};

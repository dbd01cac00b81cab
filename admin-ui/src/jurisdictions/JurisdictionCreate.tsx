import { useState } from 'react';
import {
  Create,
  type RaRecord,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  regex,
  required,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { OneTimePasswordDialog } from '../common/OneTimePasswordDialog';

interface Created extends RaRecord {
  coordinator: { username: string; oneTimePassword: string };
}

/** A township or street with its office's first account; the one-time password is shown once. */
export const JurisdictionCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [issued, setIssued] = useState<Created['coordinator'] | null>(null);
  return (
    <>
      <Create redirect={false} mutationOptions={{ onSuccess: (data: Created) => setIssued(data.coordinator) }}>
        <SimpleForm defaultValues={{ level: 'township' }}>
          <TextInput source="name" validate={[required(), maxLength(50)]} />
          <SelectInput
            source="level"
            validate={required()}
            choices={(['township', 'street'] as const).map((id) => ({
              id,
              name: translate(`app.office.jurisdiction.level.${id}`),
            }))}
          />
          <TextInput
            source="code"
            validate={regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'app.office.jurisdiction.code_rule')}
            helperText="app.office.jurisdiction.code_helper"
          />
          <TextInput
            source="coordinator.username"
            label="resources.jurisdictions.fields.coordinator_username"
            validate={[required(), regex(/^[A-Za-z0-9._-]{3,40}$/, 'app.office.user.username_rule')]}
          />
          <TextInput
            source="coordinator.display_name"
            label="resources.jurisdictions.fields.coordinator_name"
            validate={required()}
          />
        </SimpleForm>
      </Create>
      <OneTimePasswordDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          redirect('list', 'jurisdictions');
        }}
      />
    </>
  );
};

import { useState } from 'react';
import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput, regex, required, useRedirect } from 'react-admin';
import { OneTimePasswordDialog } from '../common/OneTimePasswordDialog';
import type { IssuedPassword } from './types';
import { UserInputs } from './UserInputs';

const usernamePattern = regex(/^[A-Za-z0-9._-]{3,40}$/, 'app.office.user.username_rule');

/** A new account of any role; its one-time password is shown once, then the person must change it. */
export const UserCreate = () => {
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        title="app.office.user.create_title"
        redirect={false}
        mutationOptions={{ onSuccess: (data: IssuedPassword) => setIssued(data) }}
      >
        <SimpleForm defaultValues={{ roles: [], leader: false }}>
          <TextInput source="username" validate={[required(), usernamePattern]} />
          <ReferenceInput source="jurisdiction_id" reference="jurisdictions">
            <SelectInput optionText="name" helperText="app.office.user.jurisdiction_helper" />
          </ReferenceInput>
          <UserInputs />
        </SimpleForm>
      </Create>
      <OneTimePasswordDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          redirect('list', 'users');
        }}
      />
    </>
  );
};

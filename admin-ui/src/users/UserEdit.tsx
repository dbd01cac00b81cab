import { Edit, ListButton, SimpleForm, TextField, TopToolbar } from 'react-admin';
import { ActiveToggleButton } from './ActiveToggleButton';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserInputs } from './UserInputs';

const UserEditActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
    <ActiveToggleButton />
    <ListButton />
  </TopToolbar>
);

/** Roles take effect on the person's next request; taking the last office account's role is refused (409). */
export const UserEdit = () => (
  <Edit actions={<UserEditActions />} mutationMode="pessimistic">
    <SimpleForm>
      <TextField source="username" />
      <UserInputs />
    </SimpleForm>
  </Edit>
);

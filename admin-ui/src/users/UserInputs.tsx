import {
  BooleanInput,
  CheckboxGroupInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  maxLength,
  minLength,
  required,
  useTranslate,
} from 'react-admin';
import { roles } from '../types';

/** The fields an office edits for any person; the username is set once, at creation. */
export const UserInputs = () => {
  const translate = useTranslate();
  const choices = roles.map((role) => ({ id: role, name: translate(`app.role.${role}`) }));
  return (
    <>
      <TextInput source="display_name" validate={[required(), maxLength(100)]} fullWidth />
      <CheckboxGroupInput source="roles" choices={choices} validate={[required(), minLength(1)]} />
      <ReferenceInput source="department_id" reference="departments">
        <SelectInput optionText="name" emptyText="app.office.user.no_department" />
      </ReferenceInput>
      <BooleanInput source="leader" helperText="app.office.user.leader_helper" />
      <TextInput source="phone" helperText="app.office.user.phone_helper" />
      <TextInput source="email" type="email" />
      <TextInput source="electoral_district" helperText="app.office.user.district_helper" />
    </>
  );
};

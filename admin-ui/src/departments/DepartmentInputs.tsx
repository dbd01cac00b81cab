import { AutocompleteInput, ReferenceInput, TextInput, maxLength, required } from 'react-admin';

/** The name (a rename keeps the department's tasks and projects) and its responsible leader (包抓领导). */
export const DepartmentInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
    <ReferenceInput source="leader_user_id" reference="users" filter={{ role: 'official', active: true }}>
      <AutocompleteInput optionText="display_name" helperText="app.office.department.leader_helper" />
    </ReferenceInput>
  </>
);

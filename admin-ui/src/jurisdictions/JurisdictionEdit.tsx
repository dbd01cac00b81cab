import { Edit, SimpleForm, TextField, TextInput, maxLength, required } from 'react-admin';

export const JurisdictionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <TextField source="id" />
      <TextInput source="name" validate={[required(), maxLength(50)]} />
    </SimpleForm>
  </Edit>
);

import {
  Create,
  DateInput,
  NumberInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
} from 'react-admin';
import { integer } from '../common/validators';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const afterToday = (value: unknown) =>
  typeof value === 'string' && value !== '' && value < today() ? 'app.batch.create.closing_passed' : undefined;

/** Opens the year's batch: one workflow per jurisdiction and year, collecting until the closing day (CST). */
export const BatchCreate = () => (
  <Create redirect="show" title="app.batch.create.title">
    <SimpleForm defaultValues={{ year: new Date().getFullYear() + 1 }}>
      <NumberInput source="year" validate={[required(), integer, minValue(2000), maxValue(2100)]} />
      <TextInput
        source="title"
        validate={[minLength(2), maxLength(200)]}
        helperText="app.batch.create.title_helper"
        fullWidth
      />
      <DateInput
        source="collectionClosesOn"
        validate={[required(), afterToday]}
        helperText="app.batch.create.closes_helper"
      />
    </SimpleForm>
  </Create>
);

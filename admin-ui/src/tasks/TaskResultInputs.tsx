import {
  ArrayInput,
  DateInput,
  maxLength,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  type Validator,
} from 'react-admin';
import { DocumentUploadInput } from '../documents/DocumentUploadInput';
import { PhotoUploadInput } from '../photos/PhotoUploadInput';
import type { KnownTaskKind } from './choices';
import type { FieldSpec } from './taskForms';

const atLeast =
  (min: number): Validator =>
  (value: unknown) => {
    const filled = Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v.trim() !== '').length : 0;
    return filled < min ? { message: 'app.task.form.validation.list_min', args: { min } } : undefined;
  };

const FieldInput = ({ kind, field }: { kind: KnownTaskKind; field: FieldSpec }) => {
  const label = `app.task.form.${kind}.${field.source}`;
  const helperText = `app.task.form.${kind}.${field.source}_helper`;
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          source={field.source}
          label={label}
          helperText={false}
          multiline
          minRows={field.rows ?? 4}
          fullWidth
          validate={field.validate}
        />
      );
    case 'number':
      return (
        <NumberInput
          source={field.source}
          label={label}
          helperText={false}
          min={field.min}
          max={field.max}
          step={1}
          validate={field.validate}
        />
      );
    case 'date':
      return <DateInput source={field.source} label={label} helperText={false} validate={field.validate} />;
    case 'radio':
      return (
        <RadioButtonGroupInput source={field.source} label={label} choices={field.choices} validate={field.validate} />
      );
    case 'select':
      return <SelectInput source={field.source} label={label} choices={field.choices} validate={field.validate} />;
    case 'list':
      return (
        <ArrayInput
          source={field.source}
          label={label}
          helperText={helperText}
          validate={field.min > 0 ? [atLeast(field.min)] : []}
        >
          <SimpleFormIterator inline disableReordering>
            <TextInput
              source=""
              label={false}
              helperText={false}
              fullWidth
              validate={[required(), maxLength(field.itemMax)]}
            />
          </SimpleFormIterator>
        </ArrayInput>
      );
    case 'items':
      return (
        <ArrayInput source={field.source} label={label} helperText={helperText} validate={field.validate}>
          <SimpleFormIterator disableReordering>
            <TextInput
              source="text"
              label={`${label}_text`}
              helperText={false}
              multiline
              minRows={2}
              fullWidth
              validate={required()}
            />
            <DateInput source="dueOn" label={`${label}_due_on`} helperText={false} />
            <NumberInput
              source="dueWorkingDays"
              label={`${label}_due_working_days`}
              helperText={`${label}_due_helper`}
              min={1}
              step={1}
            />
            <PhotoUploadInput source="photoIds" label={`${label}_photos`} />
          </SimpleFormIterator>
        </ArrayInput>
      );
    case 'photos':
      return <PhotoUploadInput source={field.source} label={label} max={field.max} />;
    case 'documents':
      return <DocumentUploadInput source={field.source} label={label} max={field.max} />;
  }
};

/** The inputs of one kind's completion form, in the order of its result schema. */
export const TaskResultInputs = ({ kind, fields }: { kind: KnownTaskKind; fields: FieldSpec[] }) => (
  <>
    {fields.map((field) => (
      <FieldInput key={field.source} kind={kind} field={field} />
    ))}
  </>
);

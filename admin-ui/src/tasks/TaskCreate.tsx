import { useMemo, useState } from 'react';
import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { notBlank } from '../common/validators';
import { readUser } from '../providers/session';
import { AssigneeInputs } from './AssigneeInputs';
import { createTaskField, taskCreateDefaults, toCreateTaskBody, type TaskCreateFormValues } from './createTaskBody';
import { DueRuleInputs } from './DueRuleInputs';

const validateTitle = [required(), notBlank, createTaskField('title')];
// The API lets instructions be empty; the office's form asks for them.
const validateInstructions = [required(), notBlank, createTaskField('instructions')];

/** Coordinators hand an instruction (交办事项) to a person, a role or a department. */
export const TaskCreate = () => {
  // One key per form mount: a retried submit (timeout, double click) still creates one task.
  const [key] = useState(newIdempotencyKey);
  const jurisdictionId = readUser()?.jurisdictionId ?? '';
  const defaults = useMemo(() => taskCreateDefaults(jurisdictionId), [jurisdictionId]);
  return (
    <Create redirect="show" transform={(values: TaskCreateFormValues) => toCreateTaskBody(values, key)}>
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 800 }}>
        <TextInput source="title" validate={validateTitle} fullWidth />
        <AssigneeInputs />
        <DueRuleInputs />
        <TextInput source="instructions" validate={validateInstructions} multiline minRows={4} fullWidth />
      </SimpleForm>
    </Create>
  );
};

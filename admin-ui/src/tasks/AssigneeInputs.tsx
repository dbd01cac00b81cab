import { Stack, Typography } from '@mui/material';
import { FormDataConsumer, ReferenceInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { assigneeKindChoices, roleChoices } from './choices';
import type { TaskCreateFormValues } from './createTaskBody';

/** Whom the task waits for: one person, anyone holding a role in a jurisdiction, or a department. */
export const AssigneeInputs = () => {
  const translate = useTranslate();
  return (
    <Stack sx={{ width: '100%' }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.task.create.assignee')}
      </Typography>
      <SelectInput source="assignee.kind" choices={assigneeKindChoices} validate={required()} />
      <FormDataConsumer<TaskCreateFormValues>>
        {({ formData }) => {
          switch (formData.assignee?.kind) {
            case 'role':
              return (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <SelectInput source="assignee.role" choices={roleChoices} validate={required()} />
                  <TextInput
                    source="assignee.jurisdictionId"
                    helperText="app.task.create.jurisdiction_helper"
                    validate={required()}
                  />
                </Stack>
              );
            case 'department':
              return (
                <ReferenceInput
                  source="assignee.departmentId"
                  reference="departments"
                  sort={{ field: 'name', order: 'ASC' }}
                  perPage={100}
                >
                  <SelectInput
                    optionText="name"
                    label="resources.tasks.fields.assignee.departmentId"
                    validate={required()}
                  />
                </ReferenceInput>
              );
            default:
              return (
                <ReferenceInput
                  source="assignee.userId"
                  reference="users"
                  sort={{ field: 'display_name', order: 'ASC' }}
                  perPage={100}
                >
                  <SelectInput
                    optionText="display_name"
                    label="resources.tasks.fields.assignee.userId"
                    validate={required()}
                  />
                </ReferenceInput>
              );
          }
        }}
      </FormDataConsumer>
    </Stack>
  );
};

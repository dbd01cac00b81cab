import { Stack, Typography } from '@mui/material';
import {
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { dueKindChoices } from './choices';
import { createTaskField, type TaskCreateFormValues } from './createTaskBody';

// The limits are the API's due rule schema (domain/dueRule.ts), so the form refuses what the API would refuse.
const dueDays = createTaskField('due.days');
const validateWorkingDays = [required(), dueDays];

const notZero: Validator = (_value: unknown, values: TaskCreateFormValues) => {
  const { months, days, hours } = values.due ?? {};
  return (months ?? 0) + (days ?? 0) + (hours ?? 0) > 0 ? undefined : 'app.task.create.due_empty';
};
const validateMonths = [createTaskField('due.months')];
const validateCalendarDays = [dueDays, notZero];
const validateHours = [createTaskField('due.hours')];

/**
 * Response deadlines count working days on the national calendar with its swapped weekends;
 * half-year and 3-month deadlines are calendar periods (docs/domain.md, "Time").
 */
export const DueRuleInputs = () => {
  const translate = useTranslate();
  return (
    <Stack sx={{ width: '100%' }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.task.create.due')}
      </Typography>
      <RadioButtonGroupInput source="due.kind" choices={dueKindChoices} validate={required()} />
      <FormDataConsumer<TaskCreateFormValues>>
        {({ formData }) =>
          formData.due?.kind === 'calendar' ? (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <NumberInput key="calendar-months" source="due.months" min={0} step={1} validate={validateMonths} />
              <NumberInput key="calendar-days" source="due.days" min={0} step={1} validate={validateCalendarDays} />
              <NumberInput key="calendar-hours" source="due.hours" min={0} step={1} validate={validateHours} />
            </Stack>
          ) : (
            <NumberInput
              key="working-days"
              source="due.days"
              label="resources.tasks.fields.due.workingDays"
              helperText="app.task.create.working_days_helper"
              min={1}
              step={1}
              validate={validateWorkingDays}
            />
          )
        }
      </FormDataConsumer>
    </Stack>
  );
};

import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import FlagIcon from '@mui/icons-material/Flag';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PaymentsIcon from '@mui/icons-material/Payments';
import { Stack } from '@mui/material';
import { maxLength, maxValue, minValue, NumberInput, number, required, TextInput } from 'react-admin';
import { integer, notBlank } from '../common/validators';
import { readUser } from '../providers/session';
import { FormDialogButton } from './FormDialogButton';
import { fundAction } from './projectApi';
import type { ProjectDetail } from './types';

const noteValidate = [required(), notBlank, maxLength(2000)];
const amountDefaults = { amountYuan: null, note: '' };
const noteDefaults = { note: '' };
const yuanMax = 2_000_000_000;

const NoteInput = ({ label }: { label: string }) => (
  <TextInput source="note" label={label} multiline minRows={2} fullWidth validate={noteValidate} />
);

const amountOf = (values: Record<string, unknown>) => (typeof values.amountYuan === 'number' ? values.amountYuan : 0);
const noteOf = (values: Record<string, unknown>) => (typeof values.note === 'string' ? values.note.trim() : '');

/** 资金池 actions, each for the roles the API allows; an anomaly freezes disbursement until a coordinator clears it. */
export const FundActions = ({ project, frozen }: { project: ProjectDetail; frozen: boolean }) => {
  const user = readUser();
  const has = (role: string) => user?.roles.some((r) => r === role) ?? false;
  const coordinator = has('coordinator');
  const ownDepartment = has('official') && user?.departmentId === project.department_id;
  const id = project.id;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {coordinator ? (
        <FormDialogButton
          label="app.fund.action.allocate"
          icon={<AccountBalanceIcon />}
          title="app.fund.action.allocate"
          description="app.fund.action.allocate_help"
          submitLabel="app.fund.action.allocate"
          success="app.fund.action.done"
          defaults={amountDefaults}
          fields={['amountYuan', 'note']}
          submit={(values, key) =>
            fundAction(id, 'allocate', { key, amountYuan: amountOf(values), note: noteOf(values) })
          }
        >
          <NumberInput
            source="amountYuan"
            label="app.fund.field.allocation_total"
            step={1}
            validate={[required(), number(), integer, minValue(0), maxValue(yuanMax)]}
          />
          <NoteInput label="app.fund.field.allocation_note" />
        </FormDialogButton>
      ) : null}
      {(coordinator || ownDepartment) && !frozen ? (
        <FormDialogButton
          label="app.fund.action.disburse"
          icon={<PaymentsIcon />}
          title="app.fund.action.disburse"
          submitLabel="app.fund.action.disburse"
          success="app.fund.action.done"
          defaults={amountDefaults}
          fields={['amountYuan', 'note']}
          submit={(values, key) =>
            fundAction(id, 'disburse', { key, amountYuan: amountOf(values), note: noteOf(values) })
          }
        >
          <NumberInput
            source="amountYuan"
            label="app.fund.field.amount"
            step={1}
            validate={[required(), number(), integer, minValue(1), maxValue(yuanMax)]}
          />
          <NoteInput label="app.fund.field.disbursement_note" />
        </FormDialogButton>
      ) : null}
      {(coordinator || has('reviewer') || has('deputy')) && !frozen ? (
        <FormDialogButton
          label="app.fund.action.flag"
          icon={<FlagIcon />}
          color="warning"
          title="app.fund.action.flag"
          description="app.fund.action.flag_help"
          submitLabel="app.fund.action.flag"
          success="app.fund.action.done"
          defaults={noteDefaults}
          fields={['note']}
          submit={(values, key) => fundAction(id, 'flag-anomaly', { key, note: noteOf(values) })}
        >
          <NoteInput label="app.fund.field.anomaly_note" />
        </FormDialogButton>
      ) : null}
      {coordinator && frozen ? (
        <FormDialogButton
          label="app.fund.action.clear"
          icon={<LockOpenIcon />}
          color="success"
          title="app.fund.action.clear"
          description="app.fund.action.clear_help"
          submitLabel="app.fund.action.clear"
          success="app.fund.action.done"
          defaults={noteDefaults}
          fields={['note']}
          submit={(values, key) => fundAction(id, 'clear-anomaly', { key, note: noteOf(values) })}
        >
          <NoteInput label="app.fund.field.clear_note" />
        </FormDialogButton>
      ) : null}
    </Stack>
  );
};

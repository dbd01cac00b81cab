import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import FlagIcon from '@mui/icons-material/Flag';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PaymentsIcon from '@mui/icons-material/Payments';
import { Stack } from '@mui/material';
import { maxLength, maxValue, minValue, NumberInput, number, required, TextInput } from 'react-admin';
import { integer, notBlank } from '../common/validators';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';
import { readUser } from '../providers/session';
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
  const dataProvider = useAppDataProvider();
  const user = readUser();
  const has = (role: string) => user?.roles.some((r) => r === role) ?? false;
  const coordinator = has('coordinator');
  const ownDepartment = has('official') && user?.departmentId === project.department_id;
  const id = project.id;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {coordinator ? (
        <ActionDialog
          label="app.fund.action.allocate"
          icon={<AccountBalanceIcon />}
          description="app.fund.action.allocate_help"
          success="app.fund.action.done"
          defaultValues={amountDefaults}
          fields={['amountYuan', 'note']}
          submit={(values, key) =>
            dataProvider.moveFunds(id, 'allocate', { key, amountYuan: amountOf(values), note: noteOf(values) })
          }
        >
          <NumberInput
            source="amountYuan"
            label="app.fund.field.allocation_total"
            step={1}
            validate={[required(), number(), integer, minValue(0), maxValue(yuanMax)]}
          />
          <NoteInput label="app.fund.field.allocation_note" />
        </ActionDialog>
      ) : null}
      {(coordinator || ownDepartment) && !frozen ? (
        <ActionDialog
          label="app.fund.action.disburse"
          icon={<PaymentsIcon />}
          success="app.fund.action.done"
          defaultValues={amountDefaults}
          fields={['amountYuan', 'note']}
          submit={(values, key) =>
            dataProvider.moveFunds(id, 'disburse', { key, amountYuan: amountOf(values), note: noteOf(values) })
          }
        >
          <NumberInput
            source="amountYuan"
            label="app.fund.field.amount"
            step={1}
            validate={[required(), number(), integer, minValue(1), maxValue(yuanMax)]}
          />
          <NoteInput label="app.fund.field.disbursement_note" />
        </ActionDialog>
      ) : null}
      {(coordinator || has('reviewer') || has('deputy')) && !frozen ? (
        <ActionDialog
          label="app.fund.action.flag"
          icon={<FlagIcon />}
          color="warning"
          description="app.fund.action.flag_help"
          success="app.fund.action.done"
          defaultValues={noteDefaults}
          fields={['note']}
          submit={(values, key) => dataProvider.moveFunds(id, 'flag-anomaly', { key, note: noteOf(values) })}
        >
          <NoteInput label="app.fund.field.anomaly_note" />
        </ActionDialog>
      ) : null}
      {coordinator && frozen ? (
        <ActionDialog
          label="app.fund.action.clear"
          icon={<LockOpenIcon />}
          color="success"
          description="app.fund.action.clear_help"
          success="app.fund.action.done"
          defaultValues={noteDefaults}
          fields={['note']}
          submit={(values, key) => dataProvider.moveFunds(id, 'clear-anomaly', { key, note: noteOf(values) })}
        >
          <NoteInput label="app.fund.field.clear_note" />
        </ActionDialog>
      ) : null}
    </Stack>
  );
};

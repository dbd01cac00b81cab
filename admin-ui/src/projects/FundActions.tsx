import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import FlagIcon from '@mui/icons-material/Flag';
import GavelIcon from '@mui/icons-material/Gavel';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { Stack } from '@mui/material';
import {
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  number,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
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

/**
 * 资金池 actions (docs/domain.md, "Fund pool"), each for whom the API allows: finance allocates (and pays each
 * request, FundRequestsTable), the responsible department requests a payment, a supervision-group member or
 * the office flags an anomaly, and the audit office's finding clears or keeps the freeze.
 */
export const FundActions = ({
  project,
  frozen,
  poolBatchId,
}: {
  project: ProjectDetail;
  frozen: boolean;
  poolBatchId: string;
}) => {
  const dataProvider = useAppDataProvider();
  const user = readUser();
  const has = (role: string) => user?.roles.some((r) => r === role) ?? false;
  const ownDepartment = has('official') && user?.departmentId === project.department_id;
  const member = (project.supervision_group ?? []).some((m) => m.user_id === user?.id);
  const id = project.id;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {has('financeOfficer') ? (
        <ActionDialog
          label="app.fund.action.allocate"
          icon={<AccountBalanceIcon />}
          description="app.fund.action.allocate_help"
          success="app.fund.action.done"
          defaultValues={{ ...amountDefaults, poolBatchId }}
          fields={['amountYuan', 'note', 'poolBatchId']}
          submit={(values, key) =>
            dataProvider.moveFunds(id, 'allocate', {
              key,
              amountYuan: amountOf(values),
              note: noteOf(values),
              poolBatchId: typeof values.poolBatchId === 'string' ? values.poolBatchId : undefined,
            })
          }
        >
          {/* A county's finance may fund a township's project from the county's pool (docs/domain.md, "Levels"). */}
          <ReferenceInput
            source="poolBatchId"
            reference="batches"
            sort={{ field: 'year', order: 'DESC' }}
            label="app.fund.field.pool"
          >
            <SelectInput optionText="title" validate={required()} fullWidth />
          </ReferenceInput>
          <NumberInput
            source="amountYuan"
            label="app.fund.field.allocation_total"
            step={1}
            validate={[required(), number(), integer, minValue(0), maxValue(yuanMax)]}
          />
          <NoteInput label="app.fund.field.allocation_note" />
        </ActionDialog>
      ) : null}
      {ownDepartment && !frozen ? (
        <ActionDialog
          label="app.fund.action.request"
          icon={<RequestQuoteIcon />}
          description="app.fund.action.request_help"
          success="app.fund.action.done"
          defaultValues={amountDefaults}
          fields={['amountYuan', 'note']}
          submit={(values, key) =>
            dataProvider.moveFunds(id, 'request-disbursement', {
              key,
              amountYuan: amountOf(values),
              note: noteOf(values),
            })
          }
        >
          <NumberInput
            source="amountYuan"
            label="app.fund.field.amount"
            step={1}
            validate={[required(), number(), integer, minValue(1), maxValue(yuanMax)]}
          />
          <NoteInput label="app.fund.field.request_note" />
        </ActionDialog>
      ) : null}
      {(has('coordinator') || member) && !frozen ? (
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
      {has('auditor') && frozen ? (
        <ActionDialog
          label="app.fund.action.audit"
          icon={<GavelIcon />}
          description="app.fund.action.audit_help"
          success="app.fund.action.done"
          defaultValues={{ finding: 'keep', note: '' }}
          fields={['finding', 'note']}
          submit={(values, key) =>
            dataProvider.moveFunds(id, 'audit-finding', {
              key,
              finding: values.finding === 'clear' ? 'clear' : 'keep',
              note: noteOf(values),
            })
          }
        >
          <RadioButtonGroupInput
            source="finding"
            label="app.fund.field.finding"
            choices={[
              { id: 'clear', name: 'app.fund.finding.clear' },
              { id: 'keep', name: 'app.fund.finding.keep' },
            ]}
            validate={required()}
          />
          <NoteInput label="app.fund.field.finding_note" />
        </ActionDialog>
      ) : null}
    </Stack>
  );
};

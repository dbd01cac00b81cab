import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  ReferenceInput,
  required,
  useRecordContext,
} from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { integer, notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import type { Candidate } from './types';

const editable = [
  'title',
  'description',
  'implementingUnit',
  'budgetYuan',
  'deadline',
  'acceptanceStandard',
  'responsibleLeaderUserId',
] as const;
type Editable = (typeof editable)[number];
const columnOf: Record<Editable, keyof Candidate> = {
  title: 'title',
  description: 'description',
  implementingUnit: 'implementing_unit',
  budgetYuan: 'budget_yuan',
  deadline: 'deadline',
  acceptanceStandard: 'acceptance_standard',
  responsibleLeaderUserId: 'responsible_leader_user_id',
};

type AmendValues = { reason?: string; changes?: Record<string, unknown> };

/** A change during publicity (an adopted comment, a correction): sent with its reason, only what differs. */
export const AmendDialog = () => {
  const candidate = useRecordContext<Candidate>();
  const dataProvider = useAppDataProvider();
  if (!candidate || candidate.status !== 'active') return null;
  const current = Object.fromEntries(editable.map((f) => [f, candidate[columnOf[f]]]));
  return (
    <ActionDialog<AmendValues>
      label="app.candidate.amend.action"
      success="app.candidate.amend.done"
      fields={['reason', 'changes', ...editable.map((f) => `changes.${f}`)]}
      confirm={{ content: 'app.candidate.amend.confirm', translateOptions: { title: candidate.title } }}
      variant="contained"
      defaultValues={{ changes: current }}
      nestedErrors
      size="medium"
      submit={(values) => {
        const proposed = values.changes ?? {};
        const changes = Object.fromEntries(
          editable.filter((f) => proposed[f] !== current[f]).map((f) => [f, proposed[f]]),
        );
        return dataProvider.amendCandidate(candidate.id, { reason: values.reason ?? '', changes });
      }}
    >
      <TextInput
        source="reason"
        label="app.candidate.amend.reason"
        validate={[required(), notBlank, maxLength(2000)]}
        multiline
        fullWidth
      />
      <TextInput
        source="changes.title"
        label="resources.candidates.fields.title"
        validate={[required(), maxLength(200)]}
        fullWidth
      />
      <TextInput
        source="changes.description"
        label="resources.candidates.fields.description"
        validate={[required(), maxLength(4000)]}
        multiline
        fullWidth
      />
      <TextInput
        source="changes.implementingUnit"
        label="resources.candidates.fields.implementing_unit"
        validate={[required(), maxLength(200)]}
        fullWidth
      />
      <NumberInput
        source="changes.budgetYuan"
        label="resources.candidates.fields.budget_yuan"
        validate={[required(), integer, minValue(0), maxValue(2_000_000_000)]}
        fullWidth
      />
      <DateInput source="changes.deadline" label="resources.candidates.fields.deadline" validate={required()} />
      <TextInput
        source="changes.acceptanceStandard"
        label="resources.candidates.fields.acceptance_standard"
        validate={[required(), maxLength(2000)]}
        multiline
        fullWidth
      />
      {/* One project, one leader (docs/domain.md, "Responsibility list"): the leader can change, never go. */}
      <ReferenceInput
        source="changes.responsibleLeaderUserId"
        reference="users"
        filter={{ role: 'official', active: true }}
        label="app.candidate.field.responsibleLeaderUserId"
      >
        <AutocompleteInput optionText="display_name" validate={required()} fullWidth />
      </ReferenceInput>
    </ActionDialog>
  );
};

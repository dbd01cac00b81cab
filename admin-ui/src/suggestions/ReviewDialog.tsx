import {
  BooleanInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useGetList,
  useRecordContext,
} from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { integer, notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import { reviewOutcomeChoices } from './choices';
import type { Suggestion } from './types';

const fields = ['outcome', 'reason', 'departmentId', 'fundingSource', 'policyCompliant', 'candidate'] as const;
const text = (max: number) => [required(), notBlank, maxLength(max)];

interface ReviewValues extends Record<string, unknown> {
  outcome: string;
  candidate?: Record<string, unknown>;
}

/** 联合审查: the outcome with its reason and answering department; a candidate gets its responsibility list. */
export const ReviewDialog = () => {
  const suggestion = useRecordContext<Suggestion>();
  const dataProvider = useAppDataProvider();
  // The answering department's responsible leader (包抓领导) becomes the candidate's, as the responsibility list names them.
  const { data: departments } = useGetList<{ id: string; leader_user_id: string | null }>('departments', {
    pagination: { page: 1, perPage: 500 },
  });
  if (!suggestion || suggestion.merged_into_id) return null;
  const leaderOf = (departmentId: unknown) =>
    departments?.find((d) => d.id === departmentId)?.leader_user_id ?? undefined;
  // One project, one leader (docs/domain.md, "Responsibility list"): a candidate's department must name its leader.
  const leaderNamed = (departmentId: unknown, values: Record<string, unknown>) =>
    values.outcome === 'candidate' && departments && departmentId && !leaderOf(departmentId)
      ? 'app.suggestion.review.no_leader'
      : undefined;
  return (
    <ActionDialog<ReviewValues>
      label="app.suggestion.review.action"
      success="app.suggestion.review.done"
      fields={fields}
      variant="contained"
      defaultValues={{
        outcome: suggestion.outcome ?? undefined,
        reason: suggestion.outcome_reason ?? undefined,
        departmentId: suggestion.department_id ?? undefined,
        fundingSource: suggestion.funding_source ?? undefined,
        candidate: { title: suggestion.title, description: suggestion.description },
      }}
      nestedErrors
      size="medium"
      submit={({ candidate, ...values }) =>
        dataProvider.reviewSuggestion(
          suggestion.id,
          values.outcome === 'candidate'
            ? { ...values, candidate: { ...candidate, responsibleLeaderUserId: leaderOf(values.departmentId) } }
            : values,
        )
      }
    >
      <SelectInput
        source="outcome"
        label="app.suggestion.review.outcome"
        choices={reviewOutcomeChoices}
        validate={required()}
        fullWidth
      />
      <TextInput source="reason" label="app.suggestion.review.reason" validate={text(2000)} multiline fullWidth />
      <ReferenceInput source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput
          label="app.suggestion.review.department"
          optionText="name"
          validate={[required(), leaderNamed]}
          fullWidth
        />
      </ReferenceInput>
      <TextInput
        source="fundingSource"
        label="app.suggestion.review.funding_source"
        validate={maxLength(200)}
        fullWidth
      />
      <BooleanInput source="policyCompliant" label="app.suggestion.review.policy_compliant" />
      <FormDataConsumer<ReviewValues>>
        {({ formData }) =>
          formData.outcome === 'candidate' ? (
            <>
              <TextInput
                source="candidate.title"
                label="app.suggestion.review.candidate.title"
                validate={text(200)}
                fullWidth
              />
              <TextInput
                source="candidate.description"
                label="app.suggestion.review.candidate.description"
                validate={text(4000)}
                multiline
                fullWidth
              />
              <TextInput
                source="candidate.implementingUnit"
                label="app.suggestion.review.candidate.implementingUnit"
                validate={text(200)}
                fullWidth
              />
              <NumberInput
                source="candidate.budgetYuan"
                label="app.suggestion.review.candidate.budgetYuan"
                validate={[required(), integer, minValue(0), maxValue(2_000_000_000)]}
                fullWidth
              />
              <DateInput
                source="candidate.deadline"
                label="app.suggestion.review.candidate.deadline"
                validate={required()}
              />
              <TextInput
                source="candidate.acceptanceStandard"
                label="app.suggestion.review.candidate.acceptanceStandard"
                validate={text(2000)}
                multiline
                fullWidth
              />
            </>
          ) : null
        }
      </FormDataConsumer>
    </ActionDialog>
  );
};

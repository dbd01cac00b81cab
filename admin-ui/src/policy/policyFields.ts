import type { z } from 'zod';
import { zodFieldValidator } from '../common/zodValidation';

/**
 * Every policy parameter (domain/batchPolicy.ts, domain/projectPolicy.ts) as the policy screen shows it: its
 * path in the API body, its input, and the i18n keys of its label and of the source's rule beside it
 * (`app.policy.fields.<path>`, `app.policy.rules.<path>`).
 */
export interface PolicyField {
  source: string;
  input: 'number' | 'boolean' | 'select';
  choices?: readonly string[];
}

export interface PolicyGroup {
  key: string;
  fields: PolicyField[];
}

// The floors (7 and 5 working days, 20%, 3 and 12 months) are checked here with the API's own schema, and
// refused by the API whatever reaches it: its message goes under the field.
const n = (source: string): PolicyField => ({ source, input: 'number' });

export const policyGroups: PolicyGroup[] = [
  {
    key: 'screening',
    fields: [
      n('batch.screeningWeights.publicSupport'),
      n('batch.screeningWeights.fundingFeasibility'),
      n('batch.screeningWeights.socialBenefit'),
      n('batch.screeningWeights.implementationDifficulty'),
      n('batch.proposerFeedbackWorkingDays'),
    ],
  },
  {
    key: 'publicity',
    fields: [
      n('batch.candidatePublicityWorkingDays'),
      n('batch.approvalStepWorkingDays'),
      { source: 'batch.partyCommitteeReviewsTownshipList', input: 'boolean' },
    ],
  },
  {
    key: 'vote',
    fields: [
      n('batch.election.competitionPercent'),
      { source: 'batch.election.majorityBase', input: 'select', choices: ['entitled', 'present', 'validBallots'] },
      { source: 'batch.election.overApprovalInvalidates', input: 'boolean' },
      n('batch.scrutineers'),
      n('batch.tellers'),
      n('batch.resultPublicityWorkingDays'),
    ],
  },
  {
    key: 'reports',
    fields: [n('batch.reportDueDays'), n('batch.hearingDueDays'), n('batch.outcomeOnlyBelow')],
  },
  {
    key: 'implementation',
    fields: [
      n('project.progressReportEveryDays'),
      n('project.progressReportDueWorkingDays'),
      n('project.supervisionEveryDays'),
      n('project.evaluationEveryMonths'),
      n('project.warning.blueLagPoints'),
      n('project.warning.yellowLagPoints'),
      n('project.warning.redLagPoints'),
      n('project.warning.nearDeadlineDays'),
    ],
  },
  {
    key: 'supervision',
    fields: [
      n('project.supervisionGroup.min'),
      n('project.supervisionGroup.max'),
      n('project.findingResponseWorkingDays'),
    ],
  },
  {
    key: 'rating',
    fields: [
      { source: 'batch.ratingRule', input: 'select', choices: ['twoThirds', 'eightyPercent'] },
      n('project.explanationDueDays'),
      n('project.rectificationMonths'),
      n('project.reRatingDueDays'),
      n('project.postEvaluationAfterMonths'),
      n('project.lookBackSuggestionDueWorkingDays'),
    ],
  },
];

export const policySources = policyGroups.flatMap((g) => g.fields.map((f) => f.source));

/**
 * A refusal of a whole group (`batch.screeningWeights`: must add up to 100) goes under the group's first
 * field; a field's own refusal stays under it.
 */
export function errorsUnderFields(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = policySources.includes(path) ? path : policySources.find((s) => s.startsWith(`${path}.`));
    if (field) out[field] = out[field] ? `${out[field]}; ${message}` : message;
  }
  return out;
}

/**
 * A parameter's check by the schema the API applies (policyBodySchema, domain/contract/policies.ts; passed in
 * so this module loads without the console's @domain alias): a value beyond a floor is refused before it is
 * sent, with the floor's number.
 */
export function policyValidator(schema: z.ZodType, source: string) {
  return zodFieldValidator(schema, source, {
    prepare: (values) => ({ batch: values.batch, project: values.project }),
  });
}

import { z } from 'zod';
import { electionPolicySchema } from './election';
import { ratingRuleSchema } from './rating';
import { screeningWeightsSchema } from './screening';

/** The floors the seeds set; a jurisdiction may lengthen these periods, never shorten them. */
export const PUBLICITY_FLOOR_WORKING_DAYS = 7;
export const RESULT_PUBLICITY_FLOOR_WORKING_DAYS = 5;

/**
 * A jurisdiction's batch parameters (docs/domain.md, "Policy parameters": where the sources differ, a policy parameter with a default).
 * Stored as `jurisdictions.policy`; a county and its townships can differ (docs/domain.md, "Levels" [S4]).
 */
export const batchPolicySchema = z.object({
  screeningWeights: screeningWeightsSchema.default({
    publicSupport: 40,
    fundingFeasibility: 30,
    socialBenefit: 20,
    implementationDifficulty: 10,
  }),
  /**
   * Candidate list publicity, ≥ 7 working days (docs/domain.md, "Candidate publicity"). The floor lives in the
   * schema, so no stored or submitted policy can hand a workflow a shorter period.
   */
  candidatePublicityWorkingDays: z
    .number()
    .int()
    .min(
      PUBLICITY_FLOOR_WORKING_DAYS,
      `candidate publicity lasts at least ${PUBLICITY_FLOOR_WORKING_DAYS} working days`,
    )
    .max(60)
    .default(7),
  /** Published vote results, at least 5 working days (docs/domain.md, "Vote"); the floor as above. */
  resultPublicityWorkingDays: z
    .number()
    .int()
    .min(
      RESULT_PUBLICITY_FLOOR_WORKING_DAYS,
      `results are published for at least ${RESULT_PUBLICITY_FLOOR_WORKING_DAYS} working days`,
    )
    .max(60)
    .default(5),
  /** Telling a proposer why a suggestion was not taken (docs/domain.md, "Screening" [S1]); the sources give no number. */
  proposerFeedbackWorkingDays: z.number().int().min(1).max(60).default(10),
  /** Each step of the approval chain (docs/domain.md, "Approval chain" [S0]); the sources give no number. */
  approvalStepWorkingDays: z.number().int().min(1).max(60).default(10),
  /**
   * A township's or a street's party committee reviews the candidate list before it goes to the congress (seed
   * 001's 乡镇党委专题会议); without it the chain has no party-committee step (docs/domain.md, "Levels"). A county's
   * chain always has it (docs/domain.md, "Approval chain" [S0]).
   */
  partyCommitteeReviewsTownshipList: z.boolean().default(false),
  /** Half-year and year-end reports to the standing committee (docs/domain.md, "Reports" [S0]), due this many days after they open. */
  reportDueDays: z.number().int().min(1).max(120).default(30),
  /** The standing committee hears a report within this many days of receiving it. */
  hearingDueDays: z.number().int().min(1).max(120).default(30),
  /** [S3] (docs/domain.md, "Vote"): 3 scrutineers (监票人) and 2 tellers (计票人). */
  scrutineers: z.number().int().min(1).max(9).default(3),
  tellers: z.number().int().min(1).max(9).default(2),
  election: electionPolicySchema.default({
    competitionPercent: 20,
    overApprovalInvalidates: true,
    majorityBase: 'present',
  }),
  ratingRule: ratingRuleSchema.default('twoThirds'),
  /**
   * A vote or rating with fewer participants publishes only its outcome, never counts that could name a
   * person; a committee re-rating always does (docs/domain.md, "Vote"). Local practice, not a seed rule.
   */
  outcomeOnlyBelow: z.number().int().min(0).max(1000).default(10),
});
export type BatchPolicy = z.infer<typeof batchPolicySchema>;

/** A jurisdiction's stored policy with the defaults in docs/domain.md, "Policy parameters" for whatever it leaves out. */
export function batchPolicyOf(stored: unknown): BatchPolicy {
  return batchPolicySchema.parse(stored ?? {});
}

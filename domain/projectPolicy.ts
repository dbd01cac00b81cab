import { z } from 'zod';
import { warningThresholdsSchema } from './progressWarning';

/**
 * The limits the sources set on project periods (docs/domain.md, "Consequences" and "Post-evaluation", both
 * Floor): a jurisdiction may be stricter, never looser. In the schema, so neither a submitted nor a stored
 * policy can hand a workflow a looser period.
 */
export const RECTIFICATION_MAX_MONTHS = 3;
export const POST_EVALUATION_MIN_MONTHS = 12;

/**
 * A jurisdiction's parameters for delivering, supervising and rating voted projects (docs/domain.md,
 * "Implementation", "Supervision" and "Rating" to "Post-evaluation"). Stored under `project` in `jurisdictions.policy`, next to the batch parameters (batchPolicy.ts).
 */
export const projectPolicySchema = z.object({
  /** Supervision group per project: 3–5 deputies and resident representatives; below `min` it is flagged until the office appoints (docs/domain.md, "Supervision" [S4]). */
  supervisionGroup: z
    .object({
      min: z.number().int().min(1).max(30).default(3),
      max: z.number().int().min(1).max(30).default(5),
    })
    .refine((g) => g.min <= g.max, { message: 'the supervision group minimum must not exceed its maximum' })
    .default({ min: 3, max: 5 }),
  /** The implementing unit reports progress weekly (docs/domain.md, "Cadence" [S0]: 周督导). */
  progressReportEveryDays: z.number().int().min(1).max(92).default(7),
  /** A progress report is due this many working days after it is asked for; the sources leave it open. */
  progressReportDueWorkingDays: z.number().int().min(1).max(30).default(2),
  /** Weekly supervision (docs/domain.md, "Cadence" [S0]: 周督导). */
  supervisionEveryDays: z.number().int().min(1).max(92).default(7),
  /** Quarterly evaluation (docs/domain.md, "Cadence" [S0]: 季考评). */
  evaluationEveryMonths: z.number().int().min(1).max(12).default(3),
  /** A department answers a supervision finding by a deadline (docs/domain.md, "Supervision" [S2]: 限期反馈); the sources give no number. */
  findingResponseWorkingDays: z.number().int().min(1).max(60).default(10),
  /** 基本满意: the unit's principal head explains; 不满意: the responsible vice head (docs/domain.md, "Consequences" [S0]); the sources give no number. */
  explanationDueDays: z.number().int().min(1).max(120).default(30),
  /** 不满意: rectify and report within 3 months of the congress closing (docs/domain.md, "Consequences" [S4]). */
  rectificationMonths: z
    .number()
    .int()
    .min(1)
    .max(RECTIFICATION_MAX_MONTHS, `rectification is reported within ${RECTIFICATION_MAX_MONTHS} months at most`)
    .default(3),
  /** Standing committee members re-rate within this many days of the rectification report, else it escalates (docs/domain.md, "Consequences" [S4]); the sources give no number. */
  reRatingDueDays: z.number().int().min(1).max(120).default(30),
  /** Post-evaluation once a project has been in use for one year or more (docs/domain.md, "Post-evaluation" [S0]: 后评估). */
  postEvaluationAfterMonths: z
    .number()
    .int()
    .min(POST_EVALUATION_MIN_MONTHS, `post-evaluation comes after at least ${POST_EVALUATION_MIN_MONTHS} months in use`)
    .max(36)
    .default(12),
  /** A look-back suggestion must be rectified (docs/domain.md, "Post-evaluation" [S0]: 回头看); the sources give no number. */
  lookBackSuggestionDueWorkingDays: z.number().int().min(1).max(120).default(20),
  /** Red / yellow / blue by schedule lag (docs/domain.md, "Progress warnings" [S0]); the thresholds are ours. */
  warning: warningThresholdsSchema.default({
    blueLagPoints: 5,
    yellowLagPoints: 10,
    redLagPoints: 20,
    nearDeadlineDays: 30,
  }),
});
export type ProjectPolicy = z.infer<typeof projectPolicySchema>;

/** The project part of a jurisdiction's stored policy, with the defaults above for whatever it leaves out. */
export function projectPolicyOf(stored: unknown): ProjectPolicy {
  const project = typeof stored === 'object' && stored !== null ? (stored as { project?: unknown }).project : undefined;
  return projectPolicySchema.parse(project ?? {});
}

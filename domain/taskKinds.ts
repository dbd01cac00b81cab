import { z } from 'zod';
import { documentIdsSchema } from './contract/documents';
import { progressReportProblem, projectStages } from './progressWarning';
import { acceptanceOutcomes, acceptanceRecordProblem } from './governmentActs';

/** 专题询问 / 质询 / 特定问题调查 / another the committee names / none (docs/domain.md, "Consequences"). */
export const oversightMeasures = [
  'specialInquiry',
  'formalQuestioning',
  'specialInvestigation',
  'otherMeasure',
  'none',
] as const;
export type OversightMeasure = (typeof oversightMeasures)[number];

/**
 * 好 / 较好 / 一般 / 差: a supervision group's overall evaluation of its project's year, in the four grades the
 * sources use for the congress's evaluations (docs/domain.md, "Supervision").
 */
export const groupEvaluationGrades = ['good', 'fairlyGood', 'average', 'poor'] as const;
export type GroupEvaluationGrade = (typeof groupEvaluationGrades)[number];

/** One finding of the mid-year concentrated inspection's list (交办清单), answered by its own deadline or the policy's. */
const inspectionItemSchema = z
  .object({
    text: z.string().trim().min(1, 'write the finding').max(5000),
    photoIds: z.array(z.string().min(1)).max(20).default([]),
    dueOn: z.iso.date({ message: 'give the day the answer is due as YYYY-MM-DD' }).optional(),
    dueWorkingDays: z
      .number()
      .int()
      .min(1, 'give the working days as a whole number from 1 to 60')
      .max(60, 'give the working days as a whole number from 1 to 60')
      .optional(),
  })
  .strict()
  .refine((i) => i.dueOn === undefined || i.dueWorkingDays === undefined, {
    message: 'give either a due day or working days, not both',
    path: ['dueWorkingDays'],
  });

/**
 * What a person must hand in to complete each kind of task. The batch and project workflows add
 * their kinds here (proposer feedback, progress report, rectification report, …).
 */
export const taskResultSchemas = {
  /** 交办事项: an instruction a coordinator hands to someone, answered with a note. */
  instruction: z
    .object({
      note: z.string().trim().min(1, 'write what was done').max(2000),
      // Site photos as evidence of what was done; uploaded first (POST /photos).
      photoIds: z.array(z.string().min(1)).max(20).default([]),
      // Documents (a plan, an acceptance sheet) as evidence; uploaded first (POST /documents).
      documentIds: documentIdsSchema,
    })
    .strict(),
  /** Telling a proposer why a suggestion was not taken, in writing or by phone (docs/domain.md, "Screening" [S1]). */
  proposerFeedback: z
    .object({
      method: z.enum(['written', 'phone']),
      note: z.string().trim().min(1, 'write what the proposer was told').max(2000),
    })
    .strict(),
  /**
   * One step of the approval chain (docs/domain.md, "Approval chain" [S0]): 政府常务会 → 人大常委会征求意见 → 党委常委会审定 → 政府议案.
   * Sending the list back needs a reason, since screening starts again from it.
   */
  approvalDecision: z
    .object({
      decision: z.enum(['approve', 'sendBack']),
      note: z.string().trim().max(2000).default(''),
    })
    .strict()
    .refine((r) => r.decision === 'approve' || r.note.length > 0, {
      message: 'say why the list is sent back',
      path: ['note'],
    }),
  /** The government's half-year or year-end report on the batch's projects (docs/domain.md, "Reports" [S0]). */
  governmentReport: z.object({ summary: z.string().trim().min(1, 'write the report').max(20000) }).strict(),
  /** The standing committee's hearing of a report: when it met and its opinion. */
  reportHearing: z
    .object({
      heldOn: z.iso.date({ message: 'give the meeting date as YYYY-MM-DD' }),
      opinion: z.string().trim().min(1, 'write the committee opinion').max(5000),
    })
    .strict(),
  /**
   * The session's presidium confirms the rating results before they are announced and sent on (docs/domain.md,
   * "Consequences" [S4]: 测评结果经大会主席团确认后…); the office records when, and any remark.
   */
  ratingConfirmation: z
    .object({
      confirmedOn: z.iso.date({ message: 'give the day the presidium confirmed the results as YYYY-MM-DD' }),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
  /** The implementing unit's weekly progress report (docs/domain.md, "Cadence"); going backwards needs a reason. */
  progressReport: z
    .object({
      percent: z
        .number()
        .int()
        .min(0, 'progress must be between 0 and 100')
        .max(100, 'progress must be between 0 and 100'),
      stage: z.enum(projectStages),
      text: z.string().trim().min(1, 'say what was done this week').max(5000),
      photoIds: z.array(z.string().min(1)).max(20).default([]),
      documentIds: documentIdsSchema,
      reason: z.string().trim().max(2000).default(''),
    })
    .strict(),
  /** 周督导: the responsible leader's weekly check. */
  supervisionCheck: z.object({ note: z.string().trim().min(1, 'write what the check found').max(5000) }).strict(),
  /**
   * 季考评: the quarterly appraisal, 0–100. The government's (docs/domain.md, "Levels" [S0]): the responsible
   * leader appraises; the office did in projects started before, and sees the result.
   */
  quarterlyEvaluation: z
    .object({
      score: z.number().int().min(0).max(100),
      note: z.string().trim().min(1, 'write the evaluation').max(5000),
    })
    .strict(),
  /**
   * 竣工验收 is the government's (docs/domain.md, "Levels" [S0]): once the department reports the project
   * complete, the responsible leader arranges the acceptance, and the supervision group is invited to it ([S3]).
   */
  acceptanceArrangement: z
    .object({
      heldOn: z.iso.date({ message: 'give the acceptance day as YYYY-MM-DD' }),
      place: z.string().trim().min(1, 'say where the acceptance is held').max(200),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
  /**
   * The acceptance's record against the responsibility list's acceptance standard; passed, it names the day the
   * project goes into use, from which its one-year post-evaluation is counted.
   */
  completionAcceptance: z
    .object({
      outcome: z.enum(acceptanceOutcomes),
      acceptedOn: z.iso.date({ message: 'give the day of the acceptance as YYYY-MM-DD' }),
      opinion: z.string().trim().min(1, 'write the opinion against the acceptance standard').max(10000),
      // Null or blank when it failed: the form's empty date is either.
      inUseOn: z
        .union([z.iso.date({ message: 'give the day it goes into use as YYYY-MM-DD' }), z.literal('')])
        .nullable()
        .default(null),
      documentIds: documentIdsSchema,
    })
    .strict()
    .superRefine((r, ctx) => {
      const problem = acceptanceRecordProblem(r);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['inUseOn'] });
    }),
  /** The department's answer to a supervision group's finding (限期反馈). */
  findingResponse: z
    .object({
      response: z.string().trim().min(1, 'write the response').max(5000),
      // Photos of the rectified site, for the supervision group to check the answer against.
      photoIds: z.array(z.string().min(1)).max(20).default([]),
      // Documents (a plan, an acceptance sheet) as evidence; uploaded first (POST /documents).
      documentIds: documentIdsSchema,
    })
    .strict(),
  /** 基本满意 / 不满意: the unit head and the responsible vice head explain to the standing committee (docs/domain.md, "Consequences" [S0]). */
  explanation: z.object({ text: z.string().trim().min(1, 'write the explanation').max(10000) }).strict(),
  /** The standing committee hears the explanations. */
  explanationHearing: z
    .object({
      heldOn: z.iso.date({ message: 'give the meeting date as YYYY-MM-DD' }),
      opinion: z.string().trim().min(1, 'write the committee opinion').max(5000),
    })
    .strict(),
  /** 不满意: rectify and report within 3 months (docs/domain.md, "Consequences" [S4]). */
  rectificationReport: z
    .object({
      summary: z.string().trim().min(1, 'write what was rectified').max(10000),
      measures: z.array(z.string().trim().min(1)).min(1, 'list at least one measure').max(50),
    })
    .strict(),
  /**
   * Still 不满意 after re-rating, the standing committee *may* act (docs/domain.md, "Consequences" [S4]): it decides
   * on 专题询问, 质询, 特定问题调查, another measure it names, or none, and says why.
   */
  oversightMeasure: z
    .object({
      measure: z.enum(oversightMeasures),
      otherMeasure: z.string().trim().max(200).default(''),
      note: z.string().trim().min(1, 'say why the committee decided so').max(5000),
    })
    .strict()
    .refine((r) => r.measure !== 'otherMeasure' || r.otherMeasure.length > 0, {
      message: 'name the other measure',
      path: ['otherMeasure'],
    }),
  /** The chosen measure is held at a committee meeting; its conclusions go to the department with a deadline. */
  oversightMeeting: z
    .object({
      heldOn: z.iso.date({ message: 'give the meeting date as YYYY-MM-DD' }),
      opinion: z.string().trim().min(1, 'write what the meeting found').max(10000),
      conclusions: z.array(z.string().trim().min(1).max(2000)).max(20).default([]),
      conclusionsDueOn: z.iso.date({ message: 'give the day the conclusions are due as YYYY-MM-DD' }),
    })
    .strict()
    .refine((r) => r.conclusionsDueOn > r.heldOn, {
      message: 'the conclusions are due after the meeting',
      path: ['conclusionsDueOn'],
    }),
  /** The department carries out one conclusion of the oversight meeting. */
  oversightConclusion: z.object({ note: z.string().trim().min(1, 'say what was done').max(5000) }).strict(),
  /**
   * 后评估: performance evaluation one year after the project entered use (docs/domain.md, "Post-evaluation" [S0]),
   * by the finance department (docs/domain.md, "Levels"); by the office in projects started before.
   */
  performanceEvaluation: z
    .object({
      score: z.number().int().min(0).max(100),
      summary: z.string().trim().min(1, 'write the evaluation').max(10000),
    })
    .strict(),
  /** 回头看: the supervision group looks back; each suggestion becomes a task that must be closed. */
  lookBack: z
    .object({
      summary: z.string().trim().min(1, 'write what the look-back found').max(10000),
      suggestions: z.array(z.string().trim().min(1)).max(20).default([]),
    })
    .strict(),
  /**
   * The audit office's finding on a flagged fund anomaly (docs/domain.md, "Fund pool"): clear the freeze or keep
   * it. Recorded on the project's funds (POST /projects/:id/funds/audit-finding), which closes this task.
   */
  fundAudit: z
    .object({
      finding: z.enum(['clear', 'keep']),
      note: z.string().trim().min(1, 'write the audit finding').max(2000),
    })
    .strict(),
  /**
   * 集中视察: the group's mid-year concentrated inspection (docs/domain.md, "Supervision"); each item of its list goes
   * to the department as a finding with its deadline (交办清单, 限期反馈). An inspection may find nothing to hand over.
   */
  concentratedInspection: z
    .object({
      summary: z.string().trim().min(1, 'write what the inspection found').max(10000),
      items: z.array(inspectionItemSchema).max(30, 'hand over at most 30 items').default([]),
    })
    .strict(),
  /** 总体评价: the group's overall evaluation of its project's year, recorded on the project. */
  groupYearEndEvaluation: z
    .object({
      grade: z.enum(groupEvaluationGrades),
      text: z.string().trim().min(1, 'write the evaluation').max(10000),
    })
    .strict(),
  /** Closing one look-back suggestion. */
  lookBackRectification: z.object({ note: z.string().trim().min(1, 'say how it was rectified').max(5000) }).strict(),
} as const;

/**
 * Rules that need the task's own payload, checked after the shape: a progress report may only go
 * backwards with a reason (the payload carries the last reported percent).
 */
const payloadRules: Partial<
  Record<TaskKind, (result: Record<string, unknown>, payload: Record<string, unknown>) => string | undefined>
> = {
  progressReport: (result, payload) => {
    const problem = progressReportProblem({
      previousPercent: typeof payload.previousPercent === 'number' ? payload.previousPercent : null,
      percent: result.percent as number,
      reason: result.reason as string,
    });
    return problem ? `reason: ${problem}` : undefined;
  },
  acceptanceArrangement: (result, payload) =>
    typeof payload.askedOn === 'string' && (result.heldOn as string) < payload.askedOn
      ? `heldOn: the acceptance cannot be held before it was asked for (${payload.askedOn})`
      : undefined,
  completionAcceptance: (result, payload) =>
    typeof payload.heldOn === 'string' && (result.acceptedOn as string) < payload.heldOn
      ? `acceptedOn: the acceptance was arranged for ${payload.heldOn}; it cannot be recorded as held before`
      : undefined,
  // A named due day must lie after the day the inspection opened, or the item would be late the moment it is handed over.
  concentratedInspection: (result, payload) => {
    const openedOn = typeof payload.openedOn === 'string' ? payload.openedOn : null;
    if (!openedOn) return undefined;
    const items = result.items as { dueOn?: string }[];
    const late = items.findIndex((i) => i.dueOn !== undefined && i.dueOn <= openedOn);
    return late < 0 ? undefined : `items.${late}.dueOn: the answer must be due after ${openedOn}`;
  },
};

export type TaskKind = keyof typeof taskResultSchemas;
export const taskKinds = Object.keys(taskResultSchemas) as [TaskKind, ...TaskKind[]];
export const taskKindSchema = z.enum(taskKinds);

export type TaskResultCheck = { ok: true; result: Record<string, unknown> } | { ok: false; message: string };

/** A readable sentence naming the offending fields, for a 422 a person can act on. */
export function checkTaskResult(
  kind: TaskKind,
  result: unknown,
  payload: Record<string, unknown> = {},
): TaskResultCheck {
  const parsed = taskResultSchemas[kind].safeParse(result);
  if (parsed.success) {
    const problem = payloadRules[kind]?.(parsed.data, payload);
    return problem
      ? { ok: false, message: `the ${kind} result is not valid — ${problem}` }
      : { ok: true, result: parsed.data };
  }
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'result'}: ${i.message}`);
  return { ok: false, message: `the ${kind} result is not valid — ${problems.join('; ')}` };
}

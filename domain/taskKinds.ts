import { z } from 'zod';

/**
 * What a person must hand in to complete each kind of task. The batch and project workflows add
 * their kinds here (proposer feedback, progress report, rectification report, …).
 */
export const taskResultSchemas = {
  /** 交办事项: an instruction a coordinator hands to someone, answered with a note. */
  instruction: z.object({ note: z.string().trim().min(1, 'write what was done').max(2000) }).strict(),
  /** Telling a proposer why a suggestion was not taken, in writing or by phone (seed 001). */
  proposerFeedback: z
    .object({
      method: z.enum(['written', 'phone']),
      note: z.string().trim().min(1, 'write what the proposer was told').max(2000),
    })
    .strict(),
  /**
   * One step of the approval chain (seed 000): 政府常务会 → 人大常委会征求意见 → 党委常委会审定 → 政府议案.
   * Sending the list back needs a reason, since screening starts again from it.
   */
  approvalDecision: z
    .object({
      decision: z.enum(['approve', 'sendBack']),
      note: z.string().trim().max(2000).default(''),
    })
    .strict()
    .refine((r) => r.decision === 'approve' || r.note.length > 0, { message: 'say why the list is sent back', path: ['note'] }),
  /** The government's half-year or year-end report on the batch's projects (seed 000). */
  governmentReport: z
    .object({ summary: z.string().trim().min(1, 'write the report').max(20000) })
    .strict(),
  /** The standing committee's hearing of a report: when it met and its opinion. */
  reportHearing: z
    .object({
      heldOn: z.iso.date({ message: 'give the meeting date as YYYY-MM-DD' }),
      opinion: z.string().trim().min(1, 'write the committee opinion').max(5000),
    })
    .strict(),
} as const;

export type TaskKind = keyof typeof taskResultSchemas;
export const taskKinds = Object.keys(taskResultSchemas) as [TaskKind, ...TaskKind[]];
export const taskKindSchema = z.enum(taskKinds);

export type TaskResultCheck =
  | { ok: true; result: Record<string, unknown> }
  | { ok: false; message: string };

/** A readable sentence naming the offending fields, for a 422 a person can act on. */
export function checkTaskResult(kind: TaskKind, result: unknown): TaskResultCheck {
  const parsed = taskResultSchemas[kind].safeParse(result);
  if (parsed.success) return { ok: true, result: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'result'}: ${i.message}`);
  return { ok: false, message: `the ${kind} result is not valid — ${problems.join('; ')}` };
}

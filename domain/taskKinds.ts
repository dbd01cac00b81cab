import { z } from 'zod';

/**
 * What a person must hand in to complete each kind of task. The batch and project workflows add
 * their kinds here (proposer feedback, progress report, rectification report, …).
 */
export const taskResultSchemas = {
  /** 交办事项: an instruction a coordinator hands to someone, answered with a note. */
  instruction: z.object({ note: z.string().trim().min(1, 'write what was done').max(2000) }).strict(),
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

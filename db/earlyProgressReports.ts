import { type Kysely, sql } from 'kysely';
import type { Actor } from '../domain/assignee';
import type { Database } from './schema';

export interface EarlyProgressReport {
  actor: Actor;
  result: Record<string, unknown>;
  reportedAt: string;
}

/**
 * The progress report a department filed between weekly tasks (POST /projects/:id/progress) that no weekly
 * task has counted yet: the newest one after the project's last counted weekly report. The weekly task that
 * opens next takes it (workflows/humanTask.ts); the project page shows it as waiting until then.
 */
export async function uncountedProgressReport(
  db: Kysely<Database>,
  projectId: string,
): Promise<EarlyProgressReport | null> {
  // By the events' order, not their clocks: the last weekly report counted, then anything filed after it.
  const lastCounted = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('workflow_id', '=', projectId)
    .where('action', '=', 'task.completed')
    .where(sql<string>`detail->>'kind'`, '=', 'progressReport')
    .executeTakeFirst();
  let qb = db
    .selectFrom('audit_events')
    .select(['detail', 'at'])
    .where('workflow_id', '=', projectId)
    .where('action', '=', 'project.progressReported');
  if (lastCounted?.id) qb = qb.where('id', '>', lastCounted.id);
  const early = await qb.orderBy('id', 'desc').executeTakeFirst();
  if (!early) return null;
  const detail = early.detail as { actor: Actor; result: Record<string, unknown> };
  return { actor: detail.actor, result: detail.result, reportedAt: new Date(early.at).toISOString() };
}

import type { Transaction } from 'kysely';
import type { Actor } from '../domain/assignee';
import type { ElectionResult } from '../domain/election';
import type { Database } from '../db/schema';
import { recordAuditEvent } from './audit';

/**
 * A counted vote session, however it was counted (ballots, or the tellers' confirmed totals): its result
 * stored and the close put on the batch's timeline, in the caller's transaction; the audit row is keyed by
 * the session, so a retried count records it once.
 */
export async function recordVoteClosed(
  trx: Transaction<Database>,
  close: { sessionId: string; batchId: string; actor: Actor; at: string },
  result: ElectionResult,
  detail: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable('vote_sessions')
    .set({ status: 'closed', closed_at: close.at, result: JSON.stringify(result) })
    .where('id', '=', close.sessionId)
    .execute();
  await recordAuditEvent(trx, {
    dedupeKey: `${close.sessionId}:closed`,
    actorUserId: close.actor.userId,
    actorLabel: close.actor.displayName,
    action: 'vote.closed',
    workflowId: close.batchId,
    subject: close.sessionId,
    detail,
    at: close.at,
  });
}

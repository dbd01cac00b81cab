import type { Kysely, Transaction } from 'kysely';
import type { Batch, Database } from '../../db/schema';
import type { BatchPhase } from '../../domain/contract/vocabulary';
import { conflict, notFound } from '../errors';
import { shareLockById } from './batches.queries';

/** How the API names a phase in a message a person reads. */
export const phaseNames: Record<BatchPhase, string> = {
  collection: 'collection (征集)',
  screening: 'screening (筛选论证)',
  candidatePublicity: 'candidate publicity (候选项目公示)',
  approval: 'the approval chain (审议审定)',
  vote: 'the vote (票决)',
  resultPublicity: 'result publicity (结果公示)',
  implementation: 'implementation (实施)',
  rating: 'rating (满意度测评)',
  closed: 'closed (已结束)',
};

/**
 * Runs `fn` in one transaction while the batch is in one of `phases`. The workflow owns the phase and
 * mirrors it into the batch row with an UPDATE; the share lock here makes that UPDATE wait for writes
 * already under way, so a record is never accepted in a phase that has already ended.
 */
export async function withBatchInPhase<T>(
  db: Kysely<Database>,
  batchId: string,
  phases: readonly BatchPhase[],
  action: string,
  fn: (trx: Transaction<Database>, batch: Batch) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const batch = await shareLockById(trx, batchId);
    if (!batch) throw notFound(`batch "${batchId}"`);
    if (!phases.includes(batch.phase)) {
      const allowed = phases.map((p) => phaseNames[p]).join(' or ');
      throw conflict(
        `${action} is only possible during ${allowed}; "${batch.title}" is in ${phaseNames[batch.phase] ?? batch.phase}`,
      );
    }
    return fn(trx, batch);
  });
}

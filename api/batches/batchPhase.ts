import type { Kysely, Transaction } from 'kysely';
import type { Batch, Database } from '../../db/schema';
import type { BatchPhase } from '../../domain/contract/vocabulary';
import type { RefusalAction } from '../../domain/contract/refusals';
import { conflict, type LegacyMessage, notFound } from '../errors';
import { shareLockById } from './batches.queries';

/**
 * Runs `fn` in one transaction while the batch is in one of `phases`. The workflow owns the phase and
 * mirrors it into the batch row with an UPDATE; the share lock here makes that UPDATE wait for writes
 * already under way, so a record is never accepted in a phase that has already ended.
 */
export async function withBatchInPhase<T>(
  db: Kysely<Database>,
  batchId: string,
  phases: readonly BatchPhase[],
  action: RefusalAction | LegacyMessage,
  fn: (trx: Transaction<Database>, batch: Batch) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const batch = await shareLockById(trx, batchId);
    if (!batch) throw notFound('batch', batchId);
    if (!phases.includes(batch.phase)) {
      throw conflict('batchWrongPhase', { action, allowed: phases, title: batch.title, phase: batch.phase });
    }
    return fn(trx, batch);
  });
}

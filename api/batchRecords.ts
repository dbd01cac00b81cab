import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Batch, Database } from '../db/schema';
import type { BatchPhase } from '../domain/contract/vocabulary';
import type { SessionUser } from './auth/tokens';
import { withBatchInPhase } from './batches/batchPhase';
import { findInJurisdiction } from './batches/batches.queries';
import type { RefusalAction } from '../domain/contract/refusals';
import { type LegacyMessage, notFound } from './errors';

/** A batch of the caller's jurisdiction; another jurisdiction's batch is a 404, as if it did not exist. */
export async function findOwnBatch(db: Kysely<Database>, user: SessionUser, batchId: string): Promise<Batch> {
  const batch = await findInJurisdiction(db, user.jurisdictionId, batchId);
  if (!batch) throw notFound('batch', batchId);
  return batch;
}

/**
 * withBatchInPhase for a signed-in person: the jurisdiction is checked first, so another
 * jurisdiction's batch answers 404 rather than revealing its phase. A batch never changes jurisdiction.
 */
export async function withOwnBatchInPhase<T>(
  db: Kysely<Database>,
  user: SessionUser,
  batchId: string,
  phases: readonly BatchPhase[],
  action: RefusalAction | LegacyMessage,
  fn: (trx: Transaction<Database>, batch: Batch) => Promise<T>,
): Promise<T> {
  await findOwnBatch(db, user, batchId);
  return withBatchInPhase(db, batchId, phases, action, fn);
}

export { idempotencyKeySchema } from '../domain/contract/common';

/** A record id derived from its business key, so a retry computes the same id and inserts nothing new. */
export function keyedId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 12)}`;
}

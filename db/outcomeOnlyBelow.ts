import type { Kysely } from 'kysely';
import { batchPolicyOf } from '../domain/batchPolicy';
import type { Database } from './schema';

/**
 * The batch's jurisdiction's `outcomeOnlyBelow`: a vote with fewer taking part publishes its outcome only
 * (docs/domain.md, "Vote"). Read by the worker when it records a close and by the API when it publishes.
 */
export async function outcomeOnlyBelowOf(db: Kysely<Database>, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('batches')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'batches.jurisdiction_id')
    .select('jurisdictions.policy')
    .where('batches.id', '=', batchId)
    .executeTakeFirst();
  return batchPolicyOf(row?.policy).outcomeOnlyBelow;
}

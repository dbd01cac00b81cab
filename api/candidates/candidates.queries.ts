import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema';

/** The candidate row, locked until the transaction ends: amendments to one candidate happen one at a time. */
export function lockById(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('candidates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateColumns(trx: Transaction<Database>, id: string, set: Record<string, unknown>) {
  await trx
    .updateTable('candidates')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export function insertAmendment(
  db: Kysely<Database>,
  amendment: {
    candidateId: string;
    amendedBy: string;
    reason: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  },
) {
  return db
    .insertInto('candidate_amendments')
    .values({
      candidate_id: amendment.candidateId,
      amended_by: amendment.amendedBy,
      reason: amendment.reason,
      before: JSON.stringify(amendment.before),
      after: JSON.stringify(amendment.after),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The two counts a vote's integrity rests on (docs/domain.md, "Vote"): who the office recorded present at
 * the batch's sitting, and how many took part in a session (its receipts). The API's check before a sealed
 * box is opened and the worker's close check count them the same way.
 */
export async function presentCount(db: Kysely<Database>, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('vote_attendance')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function receiptCount(
  db: Kysely<Database>,
  table: 'ballot_receipts' | 'rating_receipts',
  sessionId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

// Every time here is PostgreSQL's now(): API processes on several machines share one clock for a window.

export interface WindowCount {
  hits: number;
  reset_at: Date;
}

/**
 * One hit in the key's window, in one statement: a new key starts a window, an ended one starts again from
 * 1, so concurrent requests from several processes never lose a count or reset each other's.
 */
export function addHit(db: Kysely<Database>, key: string, windowMs: number): Promise<WindowCount> {
  return db
    .insertInto('rate_limit_windows')
    .values({ key, hits: 1, reset_at: sql<Date>`now() + make_interval(secs => ${windowMs / 1000})` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_windows.reset_at <= now() then 1 else rate_limit_windows.hits + 1 end`,
        reset_at: sql<Date>`case when rate_limit_windows.reset_at <= now() then excluded.reset_at
          else rate_limit_windows.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow();
}

/** Takes one hit back (a sign-in that succeeded); a window that has ended is left alone. */
export async function removeHit(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rate_limit_windows')
    .set({ hits: sql<number>`hits - 1` })
    .where('key', '=', key)
    .where('hits', '>', 0)
    .where('reset_at', '>', sql<Date>`now()`)
    .execute();
}

export function currentWindow(db: Kysely<Database>, key: string): Promise<WindowCount | undefined> {
  return db
    .selectFrom('rate_limit_windows')
    .select(['hits', 'reset_at'])
    .where('key', '=', key)
    .where('reset_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function forgetWindow(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_windows').where('key', '=', key).execute();
}

/** Deletes every window that has ended, whichever limiter it was: an address is kept only while it is counted. */
export async function deleteEndedWindows(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_windows')
    .where('reset_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

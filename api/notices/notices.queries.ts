import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { noticeColumns, noticesOf } from './notices.service';

/** One of this person's notices; another person's is as if it did not exist. */
export function findMine(db: Kysely<Database>, userId: string, id: number) {
  return noticesOf(db, userId).select(noticeColumns).where('id', '=', id).executeTakeFirst();
}

/** Marking read twice keeps the first reading time. */
export async function markRead(db: Kysely<Database>, userId: string, id: number): Promise<void> {
  await db
    .updateTable('notices')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('recipient_user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

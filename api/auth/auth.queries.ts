import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export function findByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

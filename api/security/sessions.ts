import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { SESSION_HOURS, type SessionUser, type TokenSigner } from '../auth/tokens';

/**
 * Server-side sessions: a token is only as good as its row. Signing out revokes the row, and so does
 * anything that changes who someone is (disabling them, changing their roles) through `revokeSessionsOf`.
 */
export async function openSession(db: Kysely<Database>, userId: string): Promise<string> {
  // A user's sessions that ended a week ago prove nothing more: the table holds live ones and recent history.
  await db
    .deleteFrom('auth_sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<', sql<Date>`now() - interval '7 days'`)
    .execute();
  const id = randomBytes(24).toString('base64url');
  await db
    .insertInto('auth_sessions')
    .values({ id, user_id: userId, expires_at: sql<Date>`now() + make_interval(hours => ${SESSION_HOURS})` })
    .execute();
  return id;
}

/** A new session for the user and the token that carries it. */
export async function issueToken(db: Kysely<Database>, tokens: TokenSigner, user: SessionUser): Promise<string> {
  return tokens.sign(user, await openSession(db, user.userId));
}

export async function revokeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user at once: call it when the user is disabled or their roles change. */
export async function revokeSessionsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** True while the session is neither revoked nor past its end, and its user still exists. */
export async function sessionIsLive(db: Kysely<Database>, sessionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .select('auth_sessions.id')
    .where('auth_sessions.id', '=', sessionId)
    .where('auth_sessions.user_id', '=', userId)
    .where('auth_sessions.revoked_at', 'is', null)
    .where('auth_sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}

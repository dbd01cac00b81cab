import type { Kysely } from 'kysely';
import type { RequestHandler } from 'express';
import type { Database } from '../../db/schema';
import { roleSchema } from '../../domain/assignee';
import type { RefusalCode } from '../../domain/contract/refusals';
import { HttpError } from '../errors';
import { currentUser } from './auth.middleware';
import type { SessionUser } from './tokens';

/** The 403's `code` when the account still holds a one-time password: the console shows the change form. */
export const PASSWORD_CHANGE_REQUIRED = 'passwordChangeRequired' satisfies RefusalCode;

export interface AccountState {
  user: SessionUser;
  mustChangePassword: boolean;
}

/**
 * The account behind a token as it is now: undefined when it is disabled or gone. Roles, department and
 * name come from the row, never from the token, so disabling a person or changing their roles takes
 * effect on their next request.
 */
export async function currentAccount(db: Kysely<Database>, userId: string): Promise<AccountState | undefined> {
  const row = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'roles',
      'jurisdiction_id',
      'department_id',
      'active',
      'must_change_password',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row || !row.active) return undefined;
  return {
    user: {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles.flatMap((r) => {
        const parsed = roleSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      }),
      jurisdictionId: row.jurisdiction_id,
      departmentId: row.department_id,
    },
    mustChangePassword: row.must_change_password,
  };
}

/**
 * Runs after the token check (and beside api/auth's server-side session check, when there is one): replaces
 * the token's claims with the account's current state and, while a one-time password is unchanged,
 * refuses every route but the ones that let the person change it.
 */
export function checkAccount(db: Kysely<Database>, options: { allowPendingPasswordChange: boolean }): RequestHandler {
  return async (_req, res, next) => {
    const account = await currentAccount(db, currentUser(res).userId);
    if (!account) throw new HttpError(401, 'accountGone');
    res.locals.user = account.user;
    if (account.mustChangePassword && !options.allowPendingPasswordChange) {
      throw new HttpError(403, PASSWORD_CHANGE_REQUIRED);
    }
    next();
  };
}

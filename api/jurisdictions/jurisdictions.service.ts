import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { hashPassword } from '../../db/passwords';
import { oneTimePassword } from '../auth/passwordPolicy';
import type { SessionUser } from '../auth/tokens';
import { fieldError } from '../errors';
import { recordChange } from '../office/changeAudit';

export interface NewJurisdiction {
  id: string;
  name: string;
  level: 'county' | 'township' | 'street';
  parentId: string | null;
  coordinator: { username: string; displayName: string };
}

export const randomCode = () => randomBytes(3).toString('hex');

/**
 * A jurisdiction and its office's first account (coordinator), with a one-time password returned once:
 * an office exists only with someone who can sign in to it. Used by the county office for its townships
 * and by `npm run setup` for the county itself (actor null: the installer).
 */
export async function createJurisdictionWithOffice(
  db: Kysely<Database>,
  actor: SessionUser | null,
  input: NewJurisdiction,
) {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const userId = `user-${randomUUID()}`;
  await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('jurisdictions').select('id').where('id', '=', input.id).executeTakeFirst();
    if (clash) throw fieldError(409, 'code', 'jurisdictionCodeTaken', { code: input.id });
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.coordinator.username)
      .executeTakeFirst();
    if (taken) throw fieldError(409, 'coordinator.username', 'usernameTaken', { username: input.coordinator.username });
    await trx
      .insertInto('jurisdictions')
      .values({ id: input.id, name: input.name, level: input.level, parent_id: input.parentId, policy: '{}' })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        username: input.coordinator.username,
        display_name: input.coordinator.displayName,
        password_hash: passwordHash,
        roles: ['coordinator'],
        jurisdiction_id: input.id,
        department_id: null,
        email: null,
        phone: null,
        must_change_password: true,
      })
      .execute();
    const after = { name: input.name, level: input.level, parent_id: input.parentId };
    await recordChange(trx, actor, {
      action: 'jurisdiction.created',
      subject: `jurisdiction:${input.id}`,
      jurisdictionId: input.parentId ?? input.id,
      before: null,
      after,
    });
    await recordChange(trx, actor, {
      action: 'user.created',
      subject: `user:${userId}`,
      jurisdictionId: input.id,
      before: null,
      after: {
        username: input.coordinator.username,
        display_name: input.coordinator.displayName,
        roles: ['coordinator'],
        jurisdiction_id: input.id,
        active: true,
      },
    });
  });
  return {
    jurisdiction: { id: input.id, name: input.name, level: input.level, parent_id: input.parentId },
    coordinator: { id: userId, username: input.coordinator.username, oneTimePassword: password },
  };
}

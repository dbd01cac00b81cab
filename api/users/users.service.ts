import { revokeSessionsOf } from '../security/sessions';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Role } from '../../domain/assignee';
import { hashPassword } from '../../db/passwords';
import { oneTimePassword } from '../auth/passwordPolicy';
import type { SessionUser } from '../auth/tokens';
import { conflict, fieldError, notFound } from '../errors';
import { findWatched, lockJurisdiction } from '../jurisdictions/jurisdictions.queries';
import { recordChange } from '../office/changeAudit';
import type { createUserSchema, IssuedPassword, updateUserSchema } from '../../domain/contract/users';
import { auditView, findUserById, otherActiveCoordinators, type UserRecord, usernameTaken } from './users.queries';

type CreateUser = z.output<typeof createUserSchema>;
type UpdateUser = z.output<typeof updateUserSchema>;

/** A person this office manages: of its own jurisdiction or of one of its townships; anyone else is a 404. */
export async function findManagedUser(db: Kysely<Database>, office: SessionUser, id: string): Promise<UserRecord> {
  const found = await findUserById(db, id);
  if (!found || !(await findWatched(db, office.jurisdictionId, found.jurisdiction_id))) throw notFound('user', id);
  return found;
}

/** The department must be the person's jurisdiction's; a leader flag only on an official. */
async function assertPlacement(
  db: Kysely<Database>,
  person: { jurisdictionId: string; departmentId: string | null; roles: readonly Role[]; leader: boolean },
) {
  if (person.departmentId) {
    const department = await db
      .selectFrom('departments')
      .select('id')
      .where('id', '=', person.departmentId)
      .where('jurisdiction_id', '=', person.jurisdictionId)
      .executeTakeFirst();
    if (!department) throw fieldError(422, 'department_id', 'departmentOfOtherJurisdiction');
  }
  if (person.leader && !person.roles.includes('official')) throw fieldError(422, 'leader', 'leaderMustBeOfficial');
}

export async function createUser(db: Kysely<Database>, office: SessionUser, body: CreateUser) {
  const jurisdictionId = body.jurisdiction_id ?? office.jurisdictionId;
  if (!(await findWatched(db, office.jurisdictionId, jurisdictionId)))
    throw fieldError(422, 'jurisdiction_id', 'jurisdictionNotOwn');
  if (await usernameTaken(db, body.username))
    throw fieldError(409, 'username', 'usernameTaken', { username: body.username });
  const leader = body.leader ?? false;
  const departmentId = body.department_id ?? null;
  await assertPlacement(db, { jurisdictionId, departmentId, roles: body.roles, leader });
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = `user-${randomUUID()}`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        username: body.username,
        display_name: body.display_name,
        password_hash: passwordHash,
        roles: [...new Set(body.roles)],
        jurisdiction_id: jurisdictionId,
        department_id: departmentId,
        email: body.email ?? null,
        phone: body.phone ?? null,
        electoral_district: body.electoral_district ?? null,
        leader,
        must_change_password: true,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    const created = await findUserById(trx, id);
    if (!created) throw fieldError(409, 'username', 'usernameTaken', { username: body.username });
    await recordChange(trx, office, {
      action: 'user.created',
      subject: `user:${id}`,
      jurisdictionId,
      before: null,
      after: auditView(created),
    });
  });
  return { ...(await findUserById(db, id))!, oneTimePassword: password };
}

/** Refuses taking the last active coordinator away from a jurisdiction; call with the jurisdiction locked. */
async function assertKeepsCoordinator(
  trx: Transaction<Database>,
  before: UserRecord,
  after: { active: boolean; roles: readonly Role[] },
) {
  const wasCoordinator = before.active && before.roles.includes('coordinator');
  const staysCoordinator = after.active && after.roles.includes('coordinator');
  if (
    wasCoordinator &&
    !staysCoordinator &&
    (await otherActiveCoordinators(trx, before.jurisdiction_id, before.id)) === 0
  )
    throw conflict('lastCoordinator', { name: before.display_name });
}

export async function updateUser(db: Kysely<Database>, office: SessionUser, id: string, body: UpdateUser) {
  const current = await findManagedUser(db, office, id);
  const roles = body.roles ? [...new Set(body.roles)] : current.roles;
  const departmentId = body.department_id === undefined ? current.department_id : body.department_id;
  const leader = body.leader ?? (current.leader && roles.includes('official'));
  await assertPlacement(db, { jurisdictionId: current.jurisdiction_id, departmentId, roles, leader });
  await db.transaction().execute(async (trx) => {
    await lockJurisdiction(trx, current.jurisdiction_id);
    const before = (await findUserById(trx, id))!;
    await assertKeepsCoordinator(trx, before, { active: before.active, roles });
    await trx
      .updateTable('users')
      .set({
        display_name: body.display_name ?? before.display_name,
        roles,
        department_id: departmentId,
        email: body.email === undefined ? before.email : body.email,
        phone: body.phone === undefined ? before.phone : body.phone,
        electoral_district: body.electoral_district === undefined ? before.electoral_district : body.electoral_district,
        leader,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findUserById(trx, id))!;
    await recordChange(trx, office, {
      action: 'user.updated',
      subject: `user:${id}`,
      jurisdictionId: before.jurisdiction_id,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return (await findUserById(db, id))!;
}

/** Disabling keeps the row (history keeps the name); the person's next request is refused. */
export async function setActive(db: Kysely<Database>, office: SessionUser, id: string, active: boolean) {
  const current = await findManagedUser(db, office, id);
  if (!active && current.id === office.userId) throw conflict('disableSelf');
  await db.transaction().execute(async (trx) => {
    await lockJurisdiction(trx, current.jurisdiction_id);
    const before = (await findUserById(trx, id))!;
    if (before.active === active) return;
    await assertKeepsCoordinator(trx, before, { active, roles: before.roles });
    await trx.updateTable('users').set({ active, updated_at: new Date() }).where('id', '=', id).execute();
    await recordChange(trx, office, {
      action: active ? 'user.enabled' : 'user.disabled',
      subject: `user:${id}`,
      jurisdictionId: before.jurisdiction_id,
      before: auditView(before),
      after: auditView({ ...before, active }),
    });
  });
  // Signed-in sessions end now, not when their tokens would expire (the account check refuses them too).
  if (!active) await revokeSessionsOf(db, id);
  return (await findUserById(db, id))!;
}

/** A new one-time password: the person must change it at their next sign-in. */
export async function resetPassword(db: Kysely<Database>, office: SessionUser, id: string): Promise<IssuedPassword> {
  const current = await findManagedUser(db, office, id);
  if (!current.active) throw conflict('accountDisabledEnableFirst', { name: current.display_name });
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordChange(trx, office, {
      action: 'user.passwordReset',
      subject: `user:${id}`,
      jurisdictionId: current.jurisdiction_id,
      before: { must_change_password: current.must_change_password },
      after: { must_change_password: true },
    });
  });
  // Whoever held the old password, or a session opened with it, is out.
  await revokeSessionsOf(db, id);
  return { id, username: current.username, oneTimePassword: password };
}

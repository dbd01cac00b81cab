import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

// Never the password hash.
export const userColumns = [
  'id',
  'username',
  'display_name',
  'roles',
  'jurisdiction_id',
  'department_id',
  'email',
  'phone',
  'active',
  'must_change_password',
  'electoral_district',
  'leader',
  'created_at',
  'updated_at',
] as const;

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** Active coordinators of a jurisdiction other than this person: a jurisdiction must keep at least one. */
export async function otherActiveCoordinators(db: Kysely<Database>, jurisdictionId: string, exceptUserId: string) {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('active', '=', true)
    .where((eb) => eb(eb.val('coordinator'), '=', eb.fn.any('roles')))
    .where('id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export function usernameTaken(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

/** The audit trail's picture of a person: what an office may change, never a password. */
export function auditView(u: UserRecord) {
  return {
    username: u.username,
    display_name: u.display_name,
    roles: u.roles,
    jurisdiction_id: u.jurisdiction_id,
    department_id: u.department_id,
    email: u.email,
    phone: u.phone,
    electoral_district: u.electoral_district,
    leader: u.leader,
    active: u.active,
  };
}

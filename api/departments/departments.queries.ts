import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The person named as a department's leader, if they are of this jurisdiction. */
export function findLeaderCandidate(db: Kysely<Database>, jurisdictionId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'roles', 'active'])
    .where('id', '=', userId)
    .where('jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
}

/** Another department of this jurisdiction already called `name`. */
export function findNamesake(db: Kysely<Database>, jurisdictionId: string, name: string, exceptId?: string) {
  let qb = db
    .selectFrom('departments')
    .select('id')
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('name', '=', name);
  if (exceptId) qb = qb.where('id', '!=', exceptId);
  return qb.executeTakeFirst();
}

export function insertDepartment(
  db: Kysely<Database>,
  department: { id: string; jurisdictionId: string; name: string; leaderUserId: string | null },
) {
  return db
    .insertInto('departments')
    .values({
      id: department.id,
      jurisdiction_id: department.jurisdictionId,
      name: department.name,
      leader_user_id: department.leaderUserId,
    })
    .execute();
}

/** Renames by id: tasks and projects hold the id, so they stay with the department. */
export function updateDepartment(
  db: Kysely<Database>,
  id: string,
  change: { name: string; leaderUserId: string | null },
) {
  return db
    .updateTable('departments')
    .set({ name: change.name, leader_user_id: change.leaderUserId })
    .where('id', '=', id)
    .execute();
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { watchedJurisdictionIds } from '../jurisdictions/jurisdictions.queries';
import { containing, fetchPage, type ListQuery } from '../listQuery';
import type { departmentFilterSchema, userFilterSchema } from './directory.routes';

import { userColumns } from '../users/users.queries';
const departmentColumns = ['id', 'name', 'jurisdiction_id', 'leader_user_id'] as const;

export function userPage(
  db: Kysely<Database>,
  jurisdictionId: string,
  list: ListQuery<z.infer<typeof userFilterSchema>>,
) {
  let qb = db.selectFrom('users').where('jurisdiction_id', '=', list.filter.jurisdiction_id ?? jurisdictionId);
  const f = list.filter;
  if (f.active !== undefined) qb = qb.where('active', '=', f.active);
  if (f.q)
    qb = qb.where((eb) =>
      eb.or([
        eb('display_name', 'ilike', containing(f.q!)),
        eb('username', 'ilike', containing(f.q!)),
        eb('phone', 'like', containing(f.q!)),
      ]),
    );
  if (f.role) qb = qb.where((eb) => eb(eb.val<string>(f.role!), '=', eb.fn.any('roles')));
  if (f.department_id) qb = qb.where('department_id', '=', f.department_id);
  if (f.id !== undefined) qb = qb.where('id', 'in', [f.id].flat());
  return fetchPage(
    qb,
    (q) =>
      q
        .select(userColumns)
        .orderBy(list.sortField as 'display_name', list.sortOrder)
        .orderBy('id'),
    list,
  );
}

/** A person of this jurisdiction or, for its office, of one of its townships. */
export function findUser(db: Kysely<Database>, jurisdictionId: string, id: string) {
  return db
    .selectFrom('users')
    .select(userColumns)
    .where('id', '=', id)
    .where('jurisdiction_id', 'in', watchedJurisdictionIds(db, jurisdictionId))
    .executeTakeFirst();
}

export function departmentPage(
  db: Kysely<Database>,
  jurisdictionId: string,
  list: ListQuery<z.infer<typeof departmentFilterSchema>>,
) {
  let qb = db.selectFrom('departments').where('jurisdiction_id', '=', jurisdictionId);
  const f = list.filter;
  if (f.q) qb = qb.where('name', 'ilike', containing(f.q));
  if (f.id !== undefined) qb = qb.where('id', 'in', [f.id].flat());
  return fetchPage(
    qb,
    (q) =>
      q
        .select(departmentColumns)
        .orderBy(list.sortField as 'name', list.sortOrder)
        .orderBy('id'),
    list,
  );
}

export function findDepartment(db: Kysely<Database>, jurisdictionId: string, id: string) {
  return db
    .selectFrom('departments')
    .select(departmentColumns)
    .where('id', '=', id)
    .where('jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
}

import { Router } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { roleSchema } from '../../domain/assignee';
import type { Database } from '../../db/schema';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { notFound } from '../errors';
import { containing, fetchPage, idFilter, parseListQuery, sendPage } from '../listQuery';

export const userFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    department_id: z.string().optional(),
    id: idFilter.optional(),
  })
  .strict();
export const departmentFilterSchema = z
  .object({ q: z.string().trim().max(100).optional(), id: idFilter.optional() })
  .strict();
export const userSortable = ['display_name', 'username', 'department_id'] as const;
export const departmentSortable = ['name', 'id'] as const;

// Never the password hash.
const userColumns = [
  'id',
  'username',
  'display_name',
  'roles',
  'jurisdiction_id',
  'department_id',
  'email',
  'phone',
] as const;
const departmentColumns = ['id', 'name', 'jurisdiction_id', 'leader_user_id'] as const;

/** People and departments of the caller's jurisdiction, for assigning tasks and reading lists. */
export function directoryRoutes({ db }: { db: Kysely<Database> }): { users: Router; departments: Router } {
  const users = Router();
  users.use(requireRole('coordinator'));
  users.get('/', async (req, res) => {
    const list = parseListQuery(req.query, {
      sortable: userSortable,
      defaultSort: ['display_name', 'ASC'],
      filter: userFilterSchema,
    });
    let qb = db.selectFrom('users').where('jurisdiction_id', '=', currentUser(res).jurisdictionId);
    const f = list.filter;
    if (f.q)
      qb = qb.where((eb) =>
        eb.or([eb('display_name', 'ilike', containing(f.q!)), eb('username', 'ilike', containing(f.q!))]),
      );
    if (f.role) qb = qb.where('roles', '@>', [f.role]);
    if (f.department_id) qb = qb.where('department_id', '=', f.department_id);
    if (f.id !== undefined) qb = qb.where('id', 'in', [f.id].flat());
    const { rows, total } = await fetchPage(
      qb,
      (q) =>
        q
          .select(userColumns)
          .orderBy(list.sortField as 'display_name', list.sortOrder)
          .orderBy('id'),
      list,
    );
    sendPage(res, 'users', list, rows, total);
  });
  users.get('/:id', async (req, res) => {
    const user = await db
      .selectFrom('users')
      .select(userColumns)
      .where('id', '=', req.params.id)
      .where('jurisdiction_id', '=', currentUser(res).jurisdictionId)
      .executeTakeFirst();
    if (!user) throw notFound(`user "${req.params.id}"`);
    res.json(user);
  });

  // Department names are public information; every signed-in person may read them.
  const departments = Router();
  departments.get('/', async (req, res) => {
    const list = parseListQuery(req.query, {
      sortable: departmentSortable,
      defaultSort: ['name', 'ASC'],
      filter: departmentFilterSchema,
    });
    let qb = db.selectFrom('departments').where('jurisdiction_id', '=', currentUser(res).jurisdictionId);
    const f = list.filter;
    if (f.q) qb = qb.where('name', 'ilike', containing(f.q));
    if (f.id !== undefined) qb = qb.where('id', 'in', [f.id].flat());
    const { rows, total } = await fetchPage(
      qb,
      (q) =>
        q
          .select(departmentColumns)
          .orderBy(list.sortField as 'name', list.sortOrder)
          .orderBy('id'),
      list,
    );
    sendPage(res, 'departments', list, rows, total);
  });
  departments.get('/:id', async (req, res) => {
    const department = await db
      .selectFrom('departments')
      .select(departmentColumns)
      .where('id', '=', req.params.id)
      .where('jurisdiction_id', '=', currentUser(res).jurisdictionId)
      .executeTakeFirst();
    if (!department) throw notFound(`department "${req.params.id}"`);
    res.json(department);
  });

  return { users, departments };
}

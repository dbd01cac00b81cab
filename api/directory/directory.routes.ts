import { z } from 'zod';
import { roleSchema } from '../../domain/assignee';
import { notFound } from '../errors';
import { route } from '../http/route';
import { flag, idFilter, listOptions } from '../listQuery';
import { findWatched } from '../jurisdictions/jurisdictions.queries';
import { departmentPage, findDepartment, findUser, userPage } from './directory.queries';

export const userFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    department_id: z.string().optional(),
    active: flag.optional(),
    /** The county office lists a township's people; any other jurisdiction is a 404. */
    jurisdiction_id: z.string().optional(),
    id: idFilter.optional(),
  })
  .strict();
export const departmentFilterSchema = z
  .object({ q: z.string().trim().max(100).optional(), id: idFilter.optional() })
  .strict();
export const userSortable = ['display_name', 'username', 'department_id', 'electoral_district', 'active'] as const;
export const departmentSortable = ['name', 'id'] as const;

const userList = listOptions({
  sortable: userSortable,
  defaultSort: ['display_name', 'ASC'],
  filter: userFilterSchema,
});
const departmentList = listOptions({
  sortable: departmentSortable,
  defaultSort: ['name', 'ASC'],
  filter: departmentFilterSchema,
});

/** People and departments of the caller's jurisdiction, for assigning tasks and reading lists. */
export const directoryRoutes = [
  route({
    id: 'listUsers',
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'List the people of my jurisdiction',
    access: ['coordinator'],
    list: { resource: 'users', ...userList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const asked = list.filter.jurisdiction_id;
      if (asked && !(await findWatched(db, user.jurisdictionId, asked))) throw notFound('jurisdiction', asked);
      const { rows, total } = await userPage(db, user.jurisdictionId, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getUser',
    method: 'get',
    path: '/users/:id',
    tag: 'users',
    summary: 'Read a person of my jurisdiction',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const found = await findUser(db, user.jurisdictionId, params.id);
      if (!found) throw notFound('user', params.id);
      res.json(found);
    },
  }),

  // Department names are public information; every signed-in person may read them.
  route({
    id: 'listDepartments',
    method: 'get',
    path: '/departments',
    tag: 'departments',
    summary: 'List the departments of my jurisdiction',
    access: 'signedIn',
    list: { resource: 'departments', ...departmentList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await departmentPage(db, user.jurisdictionId, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getDepartment',
    method: 'get',
    path: '/departments/:id',
    tag: 'departments',
    summary: 'Read a department of my jurisdiction',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const department = await findDepartment(db, user.jurisdictionId, params.id);
      if (!department) throw notFound('department', params.id);
      res.json(department);
    },
  }),
];

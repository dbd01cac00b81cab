import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findDepartment } from '../directory/directory.queries';
import { fieldError, notFound } from '../errors';
import { route } from '../http/route';
import { recordChange } from '../office/changeAudit';
import { createDepartmentSchema, updateDepartmentSchema } from '../../domain/contract/departments';
import { findLeaderCandidate, findNamesake, insertDepartment, updateDepartment } from './departments.queries';

/** The responsible leader (包抓领导) is an active official of the same jurisdiction. */
async function assertLeader(db: Kysely<Database>, jurisdictionId: string, leaderId: string | null | undefined) {
  if (!leaderId) return;
  const leader = await findLeaderCandidate(db, jurisdictionId, leaderId);
  if (!leader || !leader.active || !leader.roles.includes('official'))
    throw fieldError(422, 'leader_user_id', 'departmentLeaderNotOfficial');
}

async function assertNameFree(db: Kysely<Database>, jurisdictionId: string, name: string, exceptId?: string) {
  if (await findNamesake(db, jurisdictionId, name, exceptId))
    throw fieldError(409, 'name', 'departmentNameTaken', { name });
}

/** Departments (责任单位) and their responsible leaders; tasks and projects reference the id, so a rename keeps them. */
export const departmentRoutes = [
  route({
    id: 'createDepartment',
    method: 'post',
    path: '/departments',
    tag: 'departments',
    summary: 'Create a department of my jurisdiction, with its responsible leader',
    access: ['coordinator'],
    body: createDepartmentSchema,
    ok: { 201: 'The department.' },
    refusals: [409, 422],
    handler: async ({ res, deps: { db }, user, body }) => {
      await assertNameFree(db, user.jurisdictionId, body.name);
      await assertLeader(db, user.jurisdictionId, body.leader_user_id);
      const id = `dept-${randomBytes(5).toString('hex')}`;
      await db.transaction().execute(async (trx) => {
        await insertDepartment(trx, {
          id,
          jurisdictionId: user.jurisdictionId,
          name: body.name,
          leaderUserId: body.leader_user_id ?? null,
        });
        await recordChange(trx, user, {
          action: 'department.created',
          subject: `department:${id}`,
          jurisdictionId: user.jurisdictionId,
          before: null,
          after: { name: body.name, leader_user_id: body.leader_user_id ?? null },
        });
      });
      res.status(201).json(await findDepartment(db, user.jurisdictionId, id));
    },
  }),

  route({
    id: 'updateDepartment',
    method: 'put',
    path: '/departments/:id',
    tag: 'departments',
    summary: 'Rename a department or change its responsible leader; its tasks and projects stay with it',
    access: ['coordinator'],
    body: updateDepartmentSchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const before = await findDepartment(db, user.jurisdictionId, params.id);
      if (!before) throw notFound('department', params.id);
      const name = body.name ?? before.name;
      const leaderId = body.leader_user_id === undefined ? before.leader_user_id : body.leader_user_id;
      await assertNameFree(db, user.jurisdictionId, name, before.id);
      await assertLeader(db, user.jurisdictionId, leaderId);
      await db.transaction().execute(async (trx) => {
        await updateDepartment(trx, before.id, { name, leaderUserId: leaderId });
        await recordChange(trx, user, {
          action: 'department.updated',
          subject: `department:${before.id}`,
          jurisdictionId: user.jurisdictionId,
          before: { name: before.name, leader_user_id: before.leader_user_id },
          after: { name, leader_user_id: leaderId },
        });
      });
      res.json(await findDepartment(db, user.jurisdictionId, before.id));
    },
  }),
];

import type { Kysely, SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Assignee } from '../../domain/assignee';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { containing, type ListQuery, listingOf, pageOf } from '../listQuery';
import type { z } from 'zod';
import type { taskFilterSchema } from '../../domain/contract/tasks';

type TaskFilter = z.infer<typeof taskFilterSchema>;

/** Task rows with a readable assignee and an overdue flag, as the lists show them. */
function taskRows(db: Kysely<Database>) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as assignee_user', (join) =>
      join.onRef('assignee_user.id', '=', 'tasks.assignee_ref').on('tasks.assignee_kind', '=', 'user'),
    )
    .leftJoin('departments as assignee_department', (join) =>
      join.onRef('assignee_department.id', '=', 'tasks.assignee_ref').on('tasks.assignee_kind', '=', 'department'),
    );
}

type TaskRowsQuery = ReturnType<typeof taskRows>;

const taskColumns = (qb: TaskRowsQuery) =>
  qb.selectAll('tasks').select((eb) => [
    eb.fn.coalesce('assignee_user.display_name', 'assignee_department.name', 'tasks.assignee_ref').as('assignee_label'),
    sql<boolean>`(tasks.status = 'open' and tasks.due_at < now())`.as('overdue'),
    // People and matters by their names on screen, not by their ids (user-official, project-…).
    sql<string | null>`(select u.display_name from users u where u.id = tasks.completed_by)`.as('completed_by_label'),
    sql<string | null>`coalesce(
        (select p.title from projects p where p.id = tasks.owner_workflow_id),
        (select b.title from batches b where b.id = tasks.owner_workflow_id)
      )`.as('owner_title'),
  ]);

/** Assigned to this person, one of their roles in their jurisdiction, or their department. */
function assignedTo<
  Q extends SelectQueryBuilder<
    Database & { assignee_user: Database['users']; assignee_department: Database['departments'] },
    'tasks' | 'assignee_user' | 'assignee_department',
    object
  >,
>(qb: Q, user: SessionUser): Q {
  return qb.where((eb) => {
    const mine = [eb.and([eb('tasks.assignee_kind', '=', 'user'), eb('tasks.assignee_ref', '=', user.userId)])];
    if (user.roles.length) {
      mine.push(
        eb.and([
          eb('tasks.assignee_kind', '=', 'role'),
          eb(
            'tasks.assignee_ref',
            'in',
            user.roles.map((r) => `${user.jurisdictionId}:${r}`),
          ),
        ]),
      );
    }
    if (user.departmentId) {
      mine.push(
        eb.and([eb('tasks.assignee_kind', '=', 'department'), eb('tasks.assignee_ref', '=', user.departmentId)]),
      );
    }
    return eb.or(mine);
  }) as Q;
}

function filtered(db: Kysely<Database>, user: SessionUser, filter: TaskFilter) {
  let qb = taskRows(db);
  // Only coordinators watch every task; everyone else sees what is assigned to them.
  if (filter.mine || !user.roles.includes('coordinator')) qb = assignedTo(qb, user);
  else qb = qb.where('tasks.jurisdiction_id', '=', user.jurisdictionId);
  if (filter.status) qb = qb.where('tasks.status', '=', filter.status);
  if (filter.kind) qb = qb.where('tasks.kind', '=', filter.kind);
  if (filter.q) qb = qb.where('tasks.title', 'ilike', containing(filter.q));
  if (filter.overdue) qb = qb.where('tasks.status', '=', 'open').where('tasks.due_at', '<', sql<Date>`now()`);
  if (filter.owner_workflow_id) qb = qb.where('tasks.owner_workflow_id', '=', filter.owner_workflow_id);
  if (filter.id !== undefined) qb = qb.where('tasks.id', 'in', [filter.id].flat());
  return qb;
}

/** The tasks list's rows in its order: the list route pages it, the CSV export reads it all. */
export function taskListing(db: Kysely<Database>, user: SessionUser, list: ListQuery<TaskFilter>) {
  return listingOf(filtered(db, user, list.filter), (qb) =>
    taskColumns(qb)
      .orderBy(`tasks.${list.sortField}` as 'tasks.due_at', list.sortOrder)
      .orderBy('tasks.id'),
  );
}

export async function listTasks(db: Kysely<Database>, user: SessionUser, list: ListQuery<TaskFilter>) {
  return pageOf(taskListing(db, user, list), list);
}

export async function findVisibleTask(db: Kysely<Database>, user: SessionUser, id: string) {
  return taskColumns(filtered(db, user, {}))
    .where('tasks.id', '=', id)
    .executeTakeFirst();
}

/**
 * A task and whether this person may see (and so complete) it, in one round trip: completing a task is what a
 * person waits on, and every read before the update adds to it (README.md, "Benchmarks", decision).
 */
export async function findTaskFor(db: Kysely<Database>, user: SessionUser, id: string) {
  return taskColumns(taskRows(db))
    .select((eb) => eb.exists(filtered(db, user, {}).select('tasks.id').where('tasks.id', '=', id)).as('visible'))
    .where('tasks.id', '=', id)
    .executeTakeFirst();
}

export async function findTask(db: Kysely<Database>, id: string) {
  return taskColumns(taskRows(db)).where('tasks.id', '=', id).executeTakeFirst();
}

/** Why this assignee cannot take a task from this coordinator, or undefined when it can. */
export async function assigneeProblem(
  db: Kysely<Database>,
  user: SessionUser,
  assignee: Assignee,
): Promise<string | undefined> {
  switch (assignee.kind) {
    // Another county's people and departments are not the caller's to instruct, nor to learn of:
    // they read exactly as ids that do not exist.
    case 'user': {
      const found = await db
        .selectFrom('users')
        .select('id')
        .where('id', '=', assignee.userId)
        .where('jurisdiction_id', '=', user.jurisdictionId)
        .executeTakeFirst();
      return found ? undefined : `there is no user "${assignee.userId}" in your jurisdiction`;
    }
    case 'department': {
      const found = await db
        .selectFrom('departments')
        .select('id')
        .where('id', '=', assignee.departmentId)
        .where('jurisdiction_id', '=', user.jurisdictionId)
        .executeTakeFirst();
      return found ? undefined : `there is no department "${assignee.departmentId}" in your jurisdiction`;
    }
    case 'role': {
      const found = await db
        .selectFrom('jurisdictions')
        .select('id')
        .where('id', '=', assignee.jurisdictionId)
        .executeTakeFirst();
      if (!found) return `there is no jurisdiction "${assignee.jurisdictionId}"`;
      return assignee.jurisdictionId === user.jurisdictionId
        ? undefined
        : 'you can only assign roles in your own jurisdiction';
    }
  }
}

import type { Kysely } from 'kysely';
import type { Assignee } from '../domain/assignee';
import type { Database, User } from '../db/schema';

/** The people an assignee stands for today: one user, every holder of a role, or a department's staff. */
export async function findRecipients(db: Kysely<Database>, assignee: Assignee): Promise<User[]> {
  const users = db.selectFrom('users').selectAll();
  switch (assignee.kind) {
    case 'user':
      return users.where('id', '=', assignee.userId).execute();
    case 'role':
      return users
        .where('jurisdiction_id', '=', assignee.jurisdictionId)
        .where((eb) => eb(eb.val<string>(assignee.role), '=', eb.fn.any('roles')))
        .orderBy('id')
        .execute();
    case 'department':
      return users.where('department_id', '=', assignee.departmentId).orderBy('id').execute();
  }
}

export async function describeAssigneeFor(db: Kysely<Database>, assignee: Assignee): Promise<string> {
  switch (assignee.kind) {
    case 'user': {
      const user = await db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', assignee.userId)
        .executeTakeFirst();
      return user?.display_name ?? assignee.userId;
    }
    case 'role':
      return `${assignee.jurisdictionId} ${assignee.role}`;
    case 'department': {
      const dept = await db
        .selectFrom('departments')
        .select('name')
        .where('id', '=', assignee.departmentId)
        .executeTakeFirst();
      return dept?.name ?? assignee.departmentId;
    }
  }
}

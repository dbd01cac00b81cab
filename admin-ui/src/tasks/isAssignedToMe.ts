import type { SessionUser, Task } from '../types';

/** The API's own rule (api/tasks/tasks.service.ts assignedTo): this person, one of their roles here, or their department. */
export function isAssignedToMe(task: Pick<Task, 'assignee_kind' | 'assignee_ref'>, user: SessionUser | null): boolean {
  if (!user) return false;
  switch (task.assignee_kind) {
    case 'user':
      return task.assignee_ref === user.id;
    case 'role':
      return user.roles.some((role) => task.assignee_ref === `${user.jurisdictionId}:${role}`);
    case 'department':
      return user.departmentId !== null && task.assignee_ref === user.departmentId;
  }
}

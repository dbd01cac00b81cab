import { roles } from '../types';

// SelectInput translates choice names, so each name is an i18n key.
export const taskKindChoices = [{ id: 'instruction', name: 'app.task.kind.instruction' }];

export const taskStatusChoices = [
  { id: 'open', name: 'app.task.status.open' },
  { id: 'done', name: 'app.task.status.done' },
];

export const assigneeKindChoices = [
  { id: 'user', name: 'app.task.assignee_kind.user' },
  { id: 'role', name: 'app.task.assignee_kind.role' },
  { id: 'department', name: 'app.task.assignee_kind.department' },
];

export const roleChoices = roles.map((role) => ({ id: role, name: `app.role.${role}` }));

export const dueKindChoices = [
  { id: 'workingDays', name: 'app.task.due_kind.workingDays' },
  { id: 'calendar', name: 'app.task.due_kind.calendar' },
];

import type { Assignee } from '@domain/assignee';
import { createTaskSchema, type CreateTaskRequest } from '@domain/contract/tasks';
import type { AssigneeKind, Role } from '@domain/contract/vocabulary';
import type { DueRule } from '@domain/dueRule';
import { zodFieldValidator } from '../common/zodValidation';

/** The create form keeps every input's value; only the chosen assignee and due kinds are sent. */
export interface TaskCreateFormValues {
  title?: string;
  assignee?: {
    kind?: AssigneeKind;
    userId?: string | null;
    role?: Role | null;
    jurisdictionId?: string | null;
    departmentId?: string | null;
  };
  due?: {
    kind?: 'workingDays' | 'calendar';
    months?: number | null;
    days?: number | null;
    hours?: number | null;
  };
  instructions?: string;
}

export type AssigneeBody = Assignee;
export type DueRuleBody = DueRule;

/** `POST /api/tasks` (createTaskSchema). `key` makes a retried request return the task the first one created. */
export type CreateTaskBody = CreateTaskRequest & { assignee: AssigneeBody; due: DueRuleBody; instructions: string };

function toAssignee(values: TaskCreateFormValues['assignee']): AssigneeBody {
  switch (values?.kind) {
    case 'role':
      return { kind: 'role', role: values.role ?? 'official', jurisdictionId: values.jurisdictionId ?? '' };
    case 'department':
      return { kind: 'department', departmentId: values.departmentId ?? '' };
    default:
      return { kind: 'user', userId: values?.userId ?? '' };
  }
}

function toDueRule(values: TaskCreateFormValues['due']): DueRuleBody {
  if (values?.kind === 'calendar') {
    return { kind: 'calendar', months: values.months ?? 0, days: values.days ?? 0, hours: values.hours ?? 0 };
  }
  return { kind: 'workingDays', days: values?.days ?? 0 };
}

export function toCreateTaskBody(values: TaskCreateFormValues, key: string): CreateTaskBody {
  return {
    key,
    kind: 'instruction',
    title: (values.title ?? '').trim(),
    assignee: toAssignee(values.assignee),
    due: toDueRule(values.due),
    instructions: (values.instructions ?? '').trim(),
  };
}

/** A field's validator from createTaskSchema, run on the body the form would send (the key is the form's own). */
export const createTaskField = (path: string) =>
  zodFieldValidator(createTaskSchema, path, {
    prepare: (values) => toCreateTaskBody(values as TaskCreateFormValues, 'form-generated-key'),
  });

export function taskCreateDefaults(jurisdictionId: string): TaskCreateFormValues {
  return {
    assignee: { kind: 'user', jurisdictionId },
    due: { kind: 'workingDays', days: 5, months: 0, hours: 0 },
  };
}

import type { AssigneeKind, Role, TaskStatus } from '@domain/contract/vocabulary';
import type { TaskState } from '@domain/contract/taskWorkflow';

/**
 * The records the API returns, as the HTTP contract states them. Their words (roles, statuses, kinds) and
 * the workflows' query answers come from the contract in domain/contract/; the rows are the JSON the API sends.
 */
export { roles, type AssigneeKind, type Role, type TaskKind, type TaskStatus } from '@domain/contract/vocabulary';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionId: string;
  departmentId: string | null;
  /** Signed in with a one-time password: the console shows only the password change until it is replaced. */
  mustChangePassword?: boolean;
}

export type LadderStep = TaskState['ladder'][number];

/** The task workflow's taskState query. */
export type LiveTaskState = Omit<TaskState, 'completion'>;

export interface Task {
  id: string;
  kind: string;
  title: string;
  assignee_kind: AssigneeKind;
  assignee_ref: string;
  assignee_label: string;
  jurisdiction_id: string;
  owner_workflow_id: string | null;
  payload: Record<string, unknown>;
  due_at: string;
  status: TaskStatus;
  escalation_level: number;
  completed_by: string | null;
  /** The name of who completed it, for the screen. */
  completed_by_label?: string | null;
  /** The title of the project or batch the task belongs to. */
  owner_title?: string | null;
  completed_at: string | null;
  result: Record<string, unknown> | null;
  created_at: string;
  overdue: boolean;
  /** Only on GET one: the task workflow's own state; null when the workflow is unreachable. */
  live?: LiveTaskState | null;
}

/** 交办事项 is answered with a note (1..2000 characters). */
export interface InstructionResult {
  note: string;
}
export type TaskResult = InstructionResult;

export type NoticeKind = 'assigned' | 'reminder' | 'escalation' | 'info';

export interface Notice {
  id: number | string;
  kind: NoticeKind;
  title: string;
  body: string;
  workflow_id: string | null;
  task_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AuditEvent {
  id: number | string;
  actor_label: string;
  action: string;
  workflow_id: string | null;
  subject: string | null;
  /** The name of what the event is about (a project's, batch's or task's title), when it has one. */
  object_title?: string | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface User {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  jurisdiction_id: string;
  department_id: string | null;
  email?: string | null;
  phone?: string | null;
  electoral_district?: string | null;
  leader?: boolean;
  active?: boolean;
  must_change_password?: boolean;
}

/** 县/区, 乡镇 or 街道, with the number of its active office accounts. */
export interface Jurisdiction {
  id: string;
  name: string;
  level: 'county' | 'township' | 'street';
  parent_id: string | null;
  active_coordinators?: number;
}

export interface Department {
  id: string;
  name: string;
  jurisdiction_id: string;
  leader_user_id: string | null;
}

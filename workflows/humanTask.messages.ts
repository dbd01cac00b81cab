import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Assignee } from '../domain/assignee';
import type { DueRuleInput } from '../domain/dueRule';
import type { TaskKind } from '../domain/taskKinds';

/** One rung of the escalation ladder: assignee → responsible leader → standing committee office. */
export interface LadderStep {
  assignee: Assignee;
  label: string;
}

export interface HumanTaskInput {
  /** Also the task workflow's id and the task row's key. */
  taskId: string;
  ownerWorkflowId: string | null;
  jurisdictionId: string;
  kind: TaskKind;
  title: string;
  assignee: Assignee;
  due: DueRuleInput;
  /** Reminders this long before the due instant, e.g. ['1 day']. */
  remindBefore?: string[];
  /** How long each rung waits before the next escalation; defaults to the due rule again. */
  escalateEvery?: DueRuleInput;
  /** Default: the assignee's department leader, then the jurisdiction's coordinators. */
  ladder?: LadderStep[];
  payload: Record<string, unknown>;
}

export interface CompleteTaskInput {
  actor: Actor;
  result: Record<string, unknown>;
}

export interface TaskCompletion {
  taskId: string;
  kind: TaskKind;
  completedBy: string;
  completedAt: string;
  result: Record<string, unknown>;
  /** How far up the ladder the task had gone when it was done. */
  escalationLevel: number;
}

export type TaskPhase = 'opening' | 'open' | 'completing' | 'done';

export interface TaskState {
  phase: TaskPhase;
  dueAt: string | null;
  escalationLevel: number;
  nextEscalationAt: string | null;
  ladder: LadderStep[];
  completion: TaskCompletion | null;
}

/** Failure types an update rejection carries; the API maps them to HTTP status codes. */
export const taskFailureTypes = {
  forbidden: 'TaskForbidden',
  alreadyDone: 'TaskAlreadyDone',
  invalidResult: 'TaskInvalidResult',
} as const;

export const completeTaskUpdate = defineUpdate<TaskCompletion, [CompleteTaskInput]>('completeTask');
export const taskStateQuery = defineQuery<TaskState>('taskState');
/** Sent by a task workflow to its owner when done, so an owner survives continue-as-new while waiting. */
export const taskCompletedSignal = defineSignal<[TaskCompletion]>('taskCompleted');

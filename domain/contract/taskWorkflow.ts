import type { Actor, Assignee } from '../assignee';
import type { DueRuleInput } from '../dueRule';
import type { TaskKind } from '../taskKinds';

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

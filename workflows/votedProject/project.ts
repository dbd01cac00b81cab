import {
  type ApplicationFailure,
  ParentClosePolicy,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Actor, Assignee } from '../../domain/assignee';
import type { RefusalCode, RefusalDeed, RefusalParams } from '../../domain/contract/refusals';
import type { DueRuleInput } from '../../domain/dueRule';
import { type GovernmentAct, governmentSideOf } from '../../domain/governmentActs';
import { progressWarning, warningRaised } from '../../domain/progressWarning';
import { childSearchAttributes, searchAttributes, startedWithSearchAttributes } from '../../domain/searchAttributes';
import type { TaskKind } from '../../domain/taskKinds';
import { chinaDay } from '../../domain/workingDays';
import { humanTaskWorkflow } from '../humanTask';
import type { TaskCompletion } from '../humanTask.messages';
import { refusalFailure } from '../decisionFailure';
import { createNoticeSender } from '../notify';
import {
  type ConsequenceStage,
  type ProjectPhase,
  type ProjectState,
  projectFailureTypes,
  type RatingOutcomeNotice,
  type VotedProjectInput,
} from '../votedProject.messages';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The same activities run inside the calling workflow task: for short reads and idempotent writes that would
 * otherwise cost two more round trips through the server each (README.md, "Benchmarks", open-projects).
 */
export const localActs = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/** A warning notice's title, as the office names the levels (红色/黄色/蓝色预警). */
const warningTitles = { none: '进度恢复正常', blue: '蓝色预警', yellow: '黄色预警', red: '红色预警' } as const;

/**
 * One run of a voted project: its state, what has arrived and is not yet taken in, and the few acts every
 * phase uses (open or cancel a person's task, record a milestone, tell the leaders). The phases
 * (build.ts, supervision.ts, consequences.ts, postEvaluation.ts) hold the rules of each step.
 */
export class Project {
  readonly state: ProjectState;
  readonly notices = createNoticeSender();
  /** Task completions signalled by the people's task workflows, taken in one at a time by the main loop. */
  readonly inbox: TaskCompletion[] = [];
  ratingArrived: RatingOutcomeNotice | null = null;

  constructor(readonly input: VotedProjectInput) {
    this.state = input.carried ?? firstState(input);
  }

  get projectId(): string {
    return this.input.projectId;
  }

  get jurisdictionId(): string {
    return this.input.jurisdictionId;
  }

  get title(): string {
    return this.input.title;
  }

  /** Starts a person's task that reports back by signal, so it survives this run's continue-as-new. */
  async openTask(
    kind: TaskKind,
    title: string,
    assignee: Assignee,
    due: DueRuleInput,
    payload: Record<string, unknown>,
    findingId?: string,
  ): Promise<void> {
    const { projectId, jurisdictionId, state } = this;
    const taskId = `task-${projectId}-${kind}-${Date.now()}-${state.openTasks.length}`;
    state.openTasks.push({ taskId, kind, ...(findingId ? { findingId } : {}) });
    await startChild(humanTaskWorkflow, {
      workflowId: taskId,
      args: [
        {
          taskId,
          ownerWorkflowId: projectId,
          jurisdictionId,
          kind,
          title,
          assignee,
          due,
          remindBefore: ['1 day'],
          payload: { projectId, ...payload },
        },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: childSearchAttributes(workflowInfo().typedSearchAttributes, {
        jurisdictionId,
        projectId,
        batchId: this.input.batchId,
      }),
    });
  }

  hasOpen(kind: TaskKind): boolean {
    return this.state.openTasks.some((t) => t.kind === kind);
  }

  /**
   * Cancels tasks nobody needs any more (a weekly report once the project is accepted), so they leave the
   * inboxes instead of escalating forever. Added after projects were running, hence the patch.
   */
  async cancelTasks(moot: (task: ProjectState['openTasks'][number]) => boolean): Promise<void> {
    if (!patched('cancel-moot-tasks')) return;
    const cancelled = this.state.openTasks.filter(moot);
    this.state.openTasks = this.state.openTasks.filter((t) => !moot(t));
    for (const task of cancelled) {
      // A task finished a moment ago has nothing left to cancel.
      await getExternalWorkflowHandle(task.taskId)
        .cancel()
        .catch(() => undefined);
    }
  }

  async milestone(
    action: string,
    actor: Actor | null,
    detail: Record<string, unknown>,
    extra: { acceptedAt?: string; inUseOn?: string } = {},
  ): Promise<void> {
    await acts.recordProjectMilestone({
      projectId: this.projectId,
      phase: this.state.phase,
      consequence: this.state.consequence.stage,
      action,
      actor,
      detail,
      at: nowIso(),
      ...extra,
    });
  }

  async setConsequence(stage: ConsequenceStage, actor: Actor | null, detail: Record<string, unknown>): Promise<void> {
    this.state.consequence.stage = stage;
    await this.milestone(`project.consequence.${stage}`, actor, detail);
  }

  /** Tells the responsible leader and the office, as an escalation. */
  async warnLeaders(title: string, body: string): Promise<void> {
    for (const to of [this.leaderOrDepartment(), this.coordinators()]) {
      await this.notices.send({
        dedupeKey: `${this.projectId}:${title}:${to.kind}`,
        to,
        kind: 'escalation',
        title: `${this.title}：${title}`,
        body,
        workflowId: this.projectId,
        taskId: null,
      });
    }
  }

  /** Recomputes the warning from the plan (time passing, or a new report) and tells the leader when it changes. */
  async reassess(progress: ProjectState['progress']): Promise<void> {
    const { state } = this;
    if (progress) state.progress = progress;
    const at = nowIso();
    const next = progressWarning({
      plan: state.plan!,
      today: chinaDay(new Date()),
      reportedPercent: state.progress?.percent ?? 0,
      deadline: this.input.responsibility.deadline,
      policy: state.policy!.warning,
    });
    const changed = warningRaised(state.warning.level, next.level);
    state.warning = { ...next, since: changed ? at : state.warning.since };
    // The coordinator's list of running projects by warning reads this; added after projects were running.
    if (changed && startedWithSearchAttributes(workflowInfo().typedSearchAttributes) && patched('search-attributes')) {
      upsertSearchAttributes([{ key: searchAttributes.warningLevel, value: next.level }]);
    }
    await acts.recordProjectStanding({
      projectId: this.projectId,
      at,
      progress,
      warning: next,
      warningChanged: changed,
    });
    if (changed) {
      await this.notices.send({
        dedupeKey: `${this.projectId}:warning:${at}`,
        to: this.leaderOrDepartment(),
        kind: next.level === 'none' ? 'info' : 'escalation',
        title: `${warningTitles[next.level]}：${this.title}`,
        body: next.reason,
        workflowId: this.projectId,
        taskId: null,
      });
    }
  }

  // ——— who ———

  coordinators(): Assignee {
    return { kind: 'role', role: 'coordinator', jurisdictionId: this.jurisdictionId };
  }

  department(): Assignee {
    return { kind: 'department', departmentId: this.input.responsibility.departmentId };
  }

  /** The responsible (包抓) leader; a project without one named falls to its department. */
  leaderOrDepartment(): Assignee {
    const leader = this.input.responsibility.responsibleLeaderUserId;
    return leader ? { kind: 'user', userId: leader } : this.department();
  }

  /** Who on the government side performs a government act (docs/domain.md, "Levels"). */
  governmentSide(act: GovernmentAct): Assignee {
    const { responsibility } = this.input;
    return governmentSideOf(act, {
      jurisdictionId: this.jurisdictionId,
      responsibleLeaderUserId: responsibility.responsibleLeaderUserId,
      departmentId: responsibility.departmentId,
    });
  }

  /** The look-back falls to the group's first member; a project nobody signed up for falls to the office. */
  groupConvener(): Assignee {
    const first = this.state.group[0];
    return first ? { kind: 'user', userId: first.userId } : this.coordinators();
  }

  // ——— refusals, for the handlers' validators ———

  requireMember(actor: Actor, deed: RefusalDeed): void {
    if (!this.state.group.some((m) => m.userId === actor.userId)) throw forbidden('groupMembersOnly', { deed });
  }

  requireRole(actor: Actor, role: Actor['roles'][number], deed: RefusalDeed): void {
    if (actor.jurisdictionId !== this.jurisdictionId || !actor.roles.includes(role))
      throw forbidden('roleOnlyDeed', { role, deed });
  }

  notClosed(deed: RefusalDeed): void {
    if (this.state.phase === 'closed') throw outOfPhase('projectClosedFor', { deed });
  }
}

function firstState(input: VotedProjectInput): ProjectState {
  const now = new Date().toISOString();
  return {
    projectId: input.projectId,
    batchId: input.batchId,
    phase: 'implementation' satisfies ProjectPhase,
    policy: null,
    responsibility: input.responsibility,
    plan: null,
    progress: null,
    warning: { level: 'none', plannedPercent: 0, lagPoints: 0, reason: 'not yet assessed', since: now },
    group: [],
    findings: [],
    openTasks: [],
    cadence: { nextProgressAt: now, nextSupervisionAt: now, nextEvaluationAt: now, evaluations: 0 },
    acceptedAt: null,
    inUseOn: null,
    rating: null,
    consequence: { stage: 'none', explanationsDone: 0, reRating: null, measure: null },
    postEvaluation: null,
    runs: 1,
    handoverEvents: [],
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}

// A validator's refusal by code (domain/contract/refusals.ts); its failure type sets the API's status.
export function outOfPhase(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(projectFailureTypes.outOfPhase, code, params);
}

export function invalid(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(projectFailureTypes.invalid, code, params);
}

export function forbidden(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(projectFailureTypes.forbidden, code, params);
}

/** What a phase does when one of its people's tasks is done; the task is already off the open list. */
export type TaskDoneHandler = (
  project: Project,
  completion: TaskCompletion,
  open: ProjectState['openTasks'][number],
) => Promise<void>;

import {
  type ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Actor, Assignee } from '../domain/assignee';
import { addCalendarPeriod, chinaDay } from '../domain/workingDays';
import { defaultStagePlan } from '../domain/projectPlan';
import {
  plannedPercent,
  type ProjectStage,
  progressWarning,
  stagePlanSchema,
  warningRaised,
} from '../domain/progressWarning';
import type { DueRuleInput } from '../domain/dueRule';
import type { TaskKind } from '../domain/taskKinds';
import type { RefusalCode, RefusalDeed, RefusalParams } from '../domain/contract/refusals';
import { asDecisionFailure, refusalFailure } from './decisionFailure';
import { humanTaskWorkflow } from './humanTask';
import { type TaskCompletion, taskCompletedSignal } from './humanTask.messages';
import { createNoticeSender } from './notify';
import {
  acceptCompletionUpdate,
  type ConsequenceStage,
  closeReRatingUpdate,
  enterUseUpdate,
  fileFindingUpdate,
  type FindingState,
  joinSupervisionGroupUpdate,
  openReRatingUpdate,
  type ProjectPhase,
  type ProjectState,
  projectFailureTypes,
  projectStateQuery,
  type RatingOutcomeNotice,
  ratingOutcomeSignal,
  reviewFindingUpdate,
  setStagePlanUpdate,
  type VotedProjectInput,
} from './votedProject.messages';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/** Years of weekly cadence would grow one history without bound; a run hands over well before the engine's limits. */
const HISTORY_EVENTS_PER_RUN = 1_500;
const DAY_MS = 86_400_000;

/** A warning notice's title, as the office names the levels (红色/黄色/蓝色预警). */
const warningTitles = { none: '进度恢复正常', blue: '蓝色预警', yellow: '黄色预警', red: '红色预警' } as const;

/**
 * A voted project (docs/domain.md, "Implementation", "Supervision" and "Rating" to "Post-evaluation") from election to post-evaluation, two to three years:
 * weekly progress reports and supervision, quarterly evaluation and red/yellow/blue warnings while it is
 * built; a supervision group whose findings go to the department with a deadline; acceptance and entry
 * into use; the rating's consequences (explanations, rectification within 3 months, re-rating, oversight);
 * the one-year look-back. People's tasks are child workflows that outlive a run and report back by signal,
 * so the workflow can continue as new between any two events.
 */
export async function votedProjectWorkflow(input: VotedProjectInput): Promise<ProjectState> {
  const { projectId, jurisdictionId } = input;
  const notices = createNoticeSender();
  const state: ProjectState = input.carried ?? firstState(input);
  const inbox: TaskCompletion[] = [];
  let ratingArrived: RatingOutcomeNotice | null = null;

  setHandler(projectStateQuery, () => state);
  setHandler(taskCompletedSignal, (completion) => {
    inbox.push(completion);
  });
  setHandler(ratingOutcomeSignal, (notice) => {
    if (!state.rating && !ratingArrived) ratingArrived = notice;
  });

  setHandler(
    joinSupervisionGroupUpdate,
    async ({ actor }) => {
      const joinedAt = nowIso();
      state.group.push({ userId: actor.userId, joinedAt });
      await acts.recordSupervisionMember({ projectId, actor, joinedAt });
      return state;
    },
    {
      validator: ({ actor }) => {
        // Deputies and residents' representatives (docs/domain.md, "Supervision": 3–5 deputies and resident representatives).
        requireRole(
          actor,
          actor.roles.includes('residentRepresentative') ? 'residentRepresentative' : 'deputy',
          'joinGroup',
        );
        notClosed('takeMembers');
        if (state.group.some((m) => m.userId === actor.userId)) throw outOfPhase('alreadyInGroup');
        const max = state.policy?.supervisionGroup.max ?? 5;
        if (state.group.length >= max) throw outOfPhase('groupFull', { count: state.group.length, max });
      },
    },
  );

  setHandler(
    fileFindingUpdate,
    async ({ actor, findingId, text, photoIds }) => {
      const finding: FindingState = { findingId, round: 1, status: 'awaitingResponse' };
      state.findings.push(finding);
      await acts.recordFinding({ findingId, projectId, actor, text, photoIds, at: nowIso() });
      await openFindingResponse(finding, text);
      return finding;
    },
    {
      validator: ({ actor, findingId, text }) => {
        requireMember(actor, 'fileFinding');
        notClosed('takeFindings');
        if (state.findings.some((f) => f.findingId === findingId)) throw outOfPhase('findingAlreadyFiled');
        if (!text.trim()) throw invalid('findingTextMissing');
      },
    },
  );

  setHandler(
    reviewFindingUpdate,
    async ({ actor, findingId, accepted, note }) => {
      const finding = state.findings.find((f) => f.findingId === findingId)!;
      if (accepted) {
        finding.status = 'accepted';
        await acts.updateFinding({
          findingId,
          projectId,
          status: 'accepted',
          round: finding.round,
          actor,
          note,
          at: nowIso(),
        });
      } else {
        // Reopened: the department answers again, with a fresh deadline.
        finding.round += 1;
        finding.status = 'awaitingResponse';
        await acts.updateFinding({
          findingId,
          projectId,
          status: 'awaitingResponse',
          round: finding.round,
          actor,
          note,
          at: nowIso(),
        });
        await openFindingResponse(finding, note);
      }
      return finding;
    },
    {
      validator: ({ actor, findingId, accepted, note }) => {
        requireMember(actor, 'reviewResponse');
        const finding = state.findings.find((f) => f.findingId === findingId);
        if (!finding) throw invalid('noSuchFinding', { id: findingId });
        if (finding.status !== 'responded')
          throw outOfPhase(finding.status === 'accepted' ? 'findingAccepted' : 'findingAwaitingResponse');
        if (!accepted && !note.trim()) throw invalid('rejectionReasonMissing');
      },
    },
  );

  setHandler(
    setStagePlanUpdate,
    async ({ actor, plan }) => {
      state.plan = plan;
      await acts.recordStagePlan({ projectId, plan });
      await milestone('project.planned', actor, { plan });
      await reassess(null);
      return state;
    },
    {
      validator: ({ actor, plan }) => {
        const ownDepartment =
          actor.roles.includes('official') && actor.departmentId === input.responsibility.departmentId;
        if (actor.jurisdictionId !== jurisdictionId || !(actor.roles.includes('coordinator') || ownDepartment)) {
          throw refusalFailure(projectFailureTypes.forbidden, 'stagePlanForbidden');
        }
        if (state.phase !== 'implementation') throw outOfPhase('stagesHistory');
        // Reassessing needs the policy; a plan arriving in the first instant of the workflow would otherwise fail its task forever.
        if (!state.policy) throw outOfPhase('projectStarting');
        const parsed = stagePlanSchema.safeParse(plan);
        if (!parsed.success)
          throw invalid('stagePlanInvalid', { detail: parsed.error.issues.map((i) => i.message).join('; ') });
        const last = plan[plan.length - 1]!;
        if (last.plannedEnd > input.responsibility.deadline) {
          throw invalid('acceptanceAfterDeadline', { deadline: input.responsibility.deadline, end: last.plannedEnd });
        }
      },
    },
  );

  setHandler(
    acceptCompletionUpdate,
    async ({ actor }) => {
      const at = nowIso();
      state.phase = 'accepted';
      state.acceptedAt = at;
      await milestone('project.accepted', actor, { progress: state.progress?.percent ?? 0 }, { acceptedAt: at });
      await cancelTasks(
        (t) => t.kind === 'progressReport' || t.kind === 'supervisionCheck' || t.kind === 'quarterlyEvaluation',
      );
      return state;
    },
    {
      validator: ({ actor }) => {
        requireRole(actor, 'coordinator', 'acceptProject');
        if (state.phase !== 'implementation') throw outOfPhase('projectAlreadyAccepted');
        const percent = state.progress?.percent ?? 0;
        if (percent < 100) throw refusalFailure(projectFailureTypes.invalid, 'projectNotComplete', { percent });
      },
    },
  );

  setHandler(
    enterUseUpdate,
    async ({ actor, inUseOn }) => {
      state.phase = 'inUse';
      state.inUseOn = inUseOn;
      const dueAt = addCalendarPeriod(new Date(`${inUseOn}T00:00:00+08:00`), {
        months: state.policy!.postEvaluationAfterMonths,
        days: 0,
        hours: 0,
      });
      state.postEvaluation = {
        dueAt: dueAt.toISOString(),
        started: false,
        evaluated: false,
        lookedBack: false,
        suggestionsOpen: 0,
      };
      await milestone('project.inUse', actor, { inUseOn, postEvaluationAt: state.postEvaluation.dueAt }, { inUseOn });
      return state;
    },
    {
      validator: ({ actor, inUseOn }) => {
        requireRole(actor, 'coordinator', 'recordInUse');
        if (state.phase !== 'accepted')
          throw outOfPhase(state.phase === 'implementation' ? 'acceptFirst' : 'alreadyInUse');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(inUseOn) || inUseOn < chinaDay(new Date(state.acceptedAt!))) {
          throw invalid('inUseDayInvalid');
        }
      },
    },
  );

  setHandler(
    openReRatingUpdate,
    async ({ actor, box }) => {
      const sessionId = `${projectId}-rerating-${state.runs}-${Date.now()}`;
      state.consequence.stage = 'reRating';
      state.consequence.reRating = { sessionId, outcome: null, counts: null };
      await acts.openRatingSession({
        sessionId,
        batchId: input.batchId,
        projectIds: [projectId],
        actor,
        at: nowIso(),
        kind: 'committee',
        box: box ?? null,
      });
      await milestone('project.reRatingOpened', actor, { sessionId });
      await notices.send({
        dedupeKey: `${sessionId}:open`,
        to: { kind: 'role', role: 'committeeMember', jurisdictionId },
        kind: 'info',
        title: `再次测评：${input.title}`,
        body: '整改情况已报告，请常委会组成人员对该项目进行无记名再次测评。',
        workflowId: projectId,
        taskId: null,
      });
      return state;
    },
    {
      validator: ({ actor }) => {
        requireRole(actor, 'coordinator', 'openReRating');
        if (state.consequence.stage === 'reRating') throw outOfPhase('reRatingOpen');
        if (state.consequence.stage !== 'awaitingReRating') {
          throw outOfPhase(
            state.consequence.stage === 'rectifying' || state.consequence.stage === 'explaining'
              ? 'rectificationPending'
              : 'reRatingNotDue',
          );
        }
      },
    },
  );

  setHandler(
    closeReRatingUpdate,
    async ({ actor }) => {
      const reRating = state.consequence.reRating!;
      const { ratingRule } = await acts.loadBatchPolicy({ jurisdictionId });
      const results = await asDecisionFailure(
        () => acts.closeRatingSession({ sessionId: reRating.sessionId, rule: ratingRule, actor, at: nowIso() }),
        projectFailureTypes.invalid,
      );
      const result = results[0]!;
      // A committee of a handful of members: its counts would name who rated how, so only the outcome is kept
      // and published (docs/domain.md, "Vote"). Projects re-rated before this change keep their counts.
      const counts = patched('outcome-only-rerating') ? null : result.counts;
      const published = counts ? { outcome: result.outcome, counts } : { outcome: result.outcome };
      reRating.outcome = result.outcome;
      reRating.counts = counts;
      if (result.outcome === 'unsatisfied') {
        state.consequence.stage = 'oversight';
        await milestone('project.reRated', actor, published);
        await openTask(
          'oversightMeasure',
          `决定监督措施：${input.title}`,
          coordinators(),
          { kind: 'workingDays', days: 10 },
          counts ? { counts } : { outcome: result.outcome },
        );
        await warnLeaders('整改后再次测评仍不满意', '常委会将研究决定开展专题询问、质询或特定问题调查。');
      } else {
        state.consequence.stage = 'settled';
        await milestone('project.reRated', actor, published);
      }
      return state;
    },
    {
      validator: ({ actor }) => {
        requireRole(actor, 'coordinator', 'closeReRating');
        if (state.consequence.stage !== 'reRating') throw outOfPhase('noReRating');
      },
    },
  );

  // ——— the procedure ———
  if (!input.carried) {
    state.policy = await acts.loadProjectPolicy({ jurisdictionId });
    state.plan = defaultStagePlan(chinaDay(new Date()), input.responsibility.deadline);
    await acts.recordStagePlan({ projectId, plan: state.plan });
    startCadence();
  }

  while (state.phase !== 'closed') {
    if (handOverDue()) {
      await condition(allHandlersFinished);
      if (inbox.length === 0 && !ratingArrived) {
        await notices.settle();
        const carried = {
          ...state,
          runs: state.runs + 1,
          handoverEvents: [...state.handoverEvents, workflowInfo().historyLength],
        };
        await continueAsNew<typeof votedProjectWorkflow>({ ...input, carried });
      }
    }
    const wakeAt = nextTick();
    await condition(
      () => inbox.length > 0 || ratingArrived !== null || state.phase === 'closed' || handOverDue(),
      wakeAt === null ? undefined : Math.max(1, wakeAt - Date.now()),
    );

    while (inbox.length > 0) await taskDone(inbox.shift()!);
    if (ratingArrived) await rated(ratingArrived);
    await cadenceTicks();
    await maybeClose();
  }

  await notices.settle();
  await condition(allHandlersFinished);
  return state;

  // ——— steps ———

  /** An explicit threshold (tests) is the only rule; otherwise the default, or earlier if the server suggests it. */
  function handOverDue(): boolean {
    const info = workflowInfo();
    if (input.handoverAfterEvents !== undefined) return info.historyLength > input.handoverAfterEvents;
    return info.historyLength > HISTORY_EVENTS_PER_RUN || info.continueAsNewSuggested;
  }

  function startCadence(): void {
    const now = Date.now();
    state.cadence = {
      nextProgressAt: new Date(now + state.policy!.progressReportEveryDays * DAY_MS).toISOString(),
      nextSupervisionAt: new Date(now + state.policy!.supervisionEveryDays * DAY_MS).toISOString(),
      nextEvaluationAt: addCalendarPeriod(new Date(now), {
        months: state.policy!.evaluationEveryMonths,
        days: 0,
        hours: 0,
      }).toISOString(),
      evaluations: 0,
    };
  }

  /** The next instant a timer must wake the workflow, or null when only people can move it on. */
  function nextTick(): number | null {
    const ticks: number[] = [];
    if (state.phase === 'implementation') {
      ticks.push(
        Date.parse(state.cadence.nextProgressAt),
        Date.parse(state.cadence.nextSupervisionAt),
        Date.parse(state.cadence.nextEvaluationAt),
      );
    }
    if (state.postEvaluation && !state.postEvaluation.started) ticks.push(Date.parse(state.postEvaluation.dueAt));
    return ticks.length ? Math.min(...ticks) : null;
  }

  /** 周督导、季考评 while the project is built; one open task of each kind at a time, the open one escalating. */
  async function cadenceTicks(): Promise<void> {
    const now = Date.now();
    const policy = state.policy!;
    if (state.phase === 'implementation') {
      if (now >= Date.parse(state.cadence.nextProgressAt)) {
        state.cadence.nextProgressAt = new Date(
          Date.parse(state.cadence.nextProgressAt) + policy.progressReportEveryDays * DAY_MS,
        ).toISOString();
        // A report answers for its week; only a missing one lets time passing alone move the warning.
        if (hasOpen('progressReport')) await reassess(null);
        else {
          await openTask(
            'progressReport',
            `进度报告（${chinaDay(new Date(now))}）：${input.title}`,
            { kind: 'department', departmentId: input.responsibility.departmentId },
            { kind: 'workingDays', days: policy.progressReportDueWorkingDays },
            {
              previousPercent: state.progress?.percent ?? 0,
              plannedPercent: plannedPercent(state.plan!, chinaDay(new Date(now))),
              deadline: input.responsibility.deadline,
            },
          );
        }
      }
      if (now >= Date.parse(state.cadence.nextSupervisionAt)) {
        state.cadence.nextSupervisionAt = new Date(
          Date.parse(state.cadence.nextSupervisionAt) + policy.supervisionEveryDays * DAY_MS,
        ).toISOString();
        if (!hasOpen('supervisionCheck')) {
          await openTask(
            'supervisionCheck',
            `周督导：${input.title}`,
            leaderOrDepartment(),
            { kind: 'workingDays', days: 3 },
            { warning: state.warning.level },
          );
        }
      }
      if (now >= Date.parse(state.cadence.nextEvaluationAt)) {
        state.cadence.evaluations += 1;
        state.cadence.nextEvaluationAt = addCalendarPeriod(new Date(state.cadence.nextEvaluationAt), {
          months: policy.evaluationEveryMonths,
          days: 0,
          hours: 0,
        }).toISOString();
        await openTask(
          'quarterlyEvaluation',
          `季度考评（第${state.cadence.evaluations}次）：${input.title}`,
          coordinators(),
          { kind: 'workingDays', days: 10 },
          {
            progress: state.progress?.percent ?? 0,
            warning: state.warning.level,
          },
        );
      }
    }
    const post = state.postEvaluation;
    if (post && !post.started && now >= Date.parse(post.dueAt)) {
      post.started = true;
      await milestone('project.postEvaluationStarted', null, { inUseOn: state.inUseOn });
      await openTask(
        'performanceEvaluation',
        `绩效评价（投入使用一年）：${input.title}`,
        coordinators(),
        { kind: 'workingDays', days: 20 },
        {},
      );
      await openTask(
        'lookBack',
        `回头看：${input.title}`,
        groupConvener(),
        { kind: 'workingDays', days: 20 },
        { group: state.group.map((m) => m.userId) },
      );
    }
  }

  async function taskDone(completion: TaskCompletion): Promise<void> {
    const open = state.openTasks.find((t) => t.taskId === completion.taskId);
    if (!open) return;
    state.openTasks = state.openTasks.filter((t) => t.taskId !== completion.taskId);
    const result = completion.result;
    const policy = state.policy!;
    switch (open.kind) {
      case 'progressReport':
        await reassess({
          percent: result.percent as number,
          stage: result.stage as ProjectStage,
          reportedAt: completion.completedAt,
        });
        return;
      case 'findingResponse': {
        const finding = state.findings.find((f) => f.findingId === open.findingId)!;
        finding.status = 'responded';
        await acts.updateFinding({
          findingId: finding.findingId,
          projectId,
          status: 'responded',
          round: finding.round,
          response: String(result.response),
          actor: null,
          at: completion.completedAt,
        });
        await notices.send({
          dedupeKey: `${finding.findingId}:responded:${finding.round}`,
          to: { kind: 'user', userId: state.group[0]?.userId ?? '' },
          kind: 'info',
          title: `责任单位已答复监督意见：${input.title}`,
          body: '请认可答复，或重新交办。',
          workflowId: projectId,
          taskId: completion.taskId,
        });
        return;
      }
      case 'explanation':
        state.consequence.explanationsDone += 1;
        if (state.consequence.explanationsDone === 2) {
          await openTask(
            'explanationHearing',
            `常委会听取说明：${input.title}`,
            coordinators(),
            { kind: 'calendar', days: policy.explanationDueDays },
            {},
          );
        }
        return;
      case 'explanationHearing':
        if (state.consequence.stage === 'explaining') await setConsequence('settled', null, { heard: true });
        return;
      case 'rectificationReport':
        await setConsequence('awaitingReRating', null, { measures: result.measures });
        await notices.send({
          dedupeKey: `${projectId}:rectified`,
          to: coordinators(),
          kind: 'info',
          title: `整改已报告：${input.title}`,
          body: '请启动常委会组成人员再次测评。',
          workflowId: projectId,
          taskId: completion.taskId,
        });
        return;
      case 'oversightMeasure':
        state.consequence.measure = String(result.measure);
        await setConsequence('settled', null, { measure: result.measure, note: result.note });
        await warnLeaders(`已决定监督措施：${String(result.measure)}`, String(result.note));
        return;
      case 'performanceEvaluation':
        state.postEvaluation!.evaluated = true;
        return;
      case 'lookBack': {
        const suggestions = (result.suggestions as string[]) ?? [];
        state.postEvaluation!.lookedBack = true;
        for (const [i, suggestion] of suggestions.entries()) {
          state.postEvaluation!.suggestionsOpen += 1;
          await openTask(
            'lookBackRectification',
            `整改回头看意见 ${i + 1}：${input.title}`,
            { kind: 'department', departmentId: input.responsibility.departmentId },
            { kind: 'workingDays', days: policy.lookBackSuggestionDueWorkingDays },
            { suggestion },
          );
        }
        return;
      }
      case 'lookBackRectification':
        state.postEvaluation!.suggestionsOpen -= 1;
        return;
      default:
        return;
    }
  }

  /** docs/domain.md, "Consequences": 基本满意 and 不满意 explain; 不满意 also rectifies within 3 months, then is re-rated. */
  async function rated(notice: RatingOutcomeNotice): Promise<void> {
    ratingArrived = null;
    state.rating = notice;
    await acts.recordProjectRating({ projectId, batchId: input.batchId, notice });
    if (notice.outcome === 'satisfied') return;
    const policy = state.policy!;
    await setConsequence(notice.outcome === 'unsatisfied' ? 'rectifying' : 'explaining', null, {
      outcome: notice.outcome,
      counts: notice.counts,
    });
    await openTask(
      'explanation',
      `单位负责人说明：${input.title}`,
      { kind: 'department', departmentId: input.responsibility.departmentId },
      { kind: 'calendar', days: policy.explanationDueDays },
      { outcome: notice.outcome },
    );
    await openTask(
      'explanation',
      `分管副县长说明：${input.title}`,
      leaderOrDepartment(),
      { kind: 'calendar', days: policy.explanationDueDays },
      { outcome: notice.outcome },
    );
    if (notice.outcome === 'unsatisfied') {
      await openTask(
        'rectificationReport',
        `整改并报告（三个月内）：${input.title}`,
        { kind: 'department', departmentId: input.responsibility.departmentId },
        { kind: 'calendar', months: policy.rectificationMonths },
        { ratedAt: notice.ratedAt, counts: notice.counts },
      );
    }
  }

  /** Recomputes the warning from the plan (time passing, or a new report) and tells the leader when it changes. */
  async function reassess(progress: ProjectState['progress']): Promise<void> {
    if (progress) state.progress = progress;
    const at = nowIso();
    const next = progressWarning({
      plan: state.plan!,
      today: chinaDay(new Date()),
      reportedPercent: state.progress?.percent ?? 0,
      deadline: input.responsibility.deadline,
      policy: state.policy!.warning,
    });
    const changed = warningRaised(state.warning.level, next.level);
    state.warning = { ...next, since: changed ? at : state.warning.since };
    await acts.recordProjectStanding({ projectId, at, progress, warning: next, warningChanged: changed });
    if (changed) {
      await notices.send({
        dedupeKey: `${projectId}:warning:${at}`,
        to: leaderOrDepartment(),
        kind: next.level === 'none' ? 'info' : 'escalation',
        title: `${warningTitles[next.level]}：${input.title}`,
        body: next.reason,
        workflowId: projectId,
        taskId: null,
      });
    }
  }

  async function maybeClose(): Promise<void> {
    const post = state.postEvaluation;
    const postDone = post !== null && post.evaluated && post.lookedBack && post.suggestionsOpen === 0;
    const consequencesDone =
      state.rating !== null && (state.consequence.stage === 'none' || state.consequence.stage === 'settled');
    if (state.phase === 'inUse' && postDone && consequencesDone) {
      state.phase = 'closed';
      await milestone('project.closed', null, { rating: state.rating?.outcome, measure: state.consequence.measure });
      await cancelTasks(() => true);
    }
  }

  async function openFindingResponse(finding: FindingState, text: string): Promise<void> {
    await openTask(
      'findingResponse',
      `答复监督意见（第${finding.round}轮）：${input.title}`,
      { kind: 'department', departmentId: input.responsibility.departmentId },
      { kind: 'workingDays', days: state.policy!.findingResponseWorkingDays },
      { findingId: finding.findingId, finding: text, round: finding.round },
      finding.findingId,
    );
  }

  /** Starts a person's task that reports back by signal, so it survives this run's continue-as-new. */
  async function openTask(
    kind: TaskKind,
    title: string,
    assignee: Assignee,
    due: DueRuleInput,
    payload: Record<string, unknown>,
    findingId?: string,
  ): Promise<void> {
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
    });
  }

  /**
   * Cancels tasks nobody needs any more (a weekly report once the project is accepted), so they leave the
   * inboxes instead of escalating forever. Added after projects were running, hence the patch.
   */
  async function cancelTasks(moot: (task: ProjectState['openTasks'][number]) => boolean): Promise<void> {
    if (!patched('cancel-moot-tasks')) return;
    const cancelled = state.openTasks.filter(moot);
    state.openTasks = state.openTasks.filter((t) => !moot(t));
    for (const task of cancelled) {
      // A task finished a moment ago has nothing left to cancel.
      await getExternalWorkflowHandle(task.taskId)
        .cancel()
        .catch(() => undefined);
    }
  }

  async function setConsequence(
    stage: ConsequenceStage,
    actor: Actor | null,
    detail: Record<string, unknown>,
  ): Promise<void> {
    state.consequence.stage = stage;
    await milestone(`project.consequence.${stage}`, actor, detail);
  }

  async function milestone(
    action: string,
    actor: Actor | null,
    detail: Record<string, unknown>,
    extra: { acceptedAt?: string; inUseOn?: string } = {},
  ): Promise<void> {
    await acts.recordProjectMilestone({
      projectId,
      phase: state.phase,
      consequence: state.consequence.stage,
      action,
      actor,
      detail,
      at: nowIso(),
      ...extra,
    });
  }

  async function warnLeaders(title: string, body: string): Promise<void> {
    for (const to of [leaderOrDepartment(), coordinators()]) {
      await notices.send({
        dedupeKey: `${projectId}:${title}:${to.kind}`,
        to,
        kind: 'escalation',
        title: `${input.title}：${title}`,
        body,
        workflowId: projectId,
        taskId: null,
      });
    }
  }

  function hasOpen(kind: TaskKind): boolean {
    return state.openTasks.some((t) => t.kind === kind);
  }

  function coordinators(): Assignee {
    return { kind: 'role', role: 'coordinator', jurisdictionId };
  }

  function leaderOrDepartment(): Assignee {
    const leader = input.responsibility.responsibleLeaderUserId;
    return leader
      ? { kind: 'user', userId: leader }
      : { kind: 'department', departmentId: input.responsibility.departmentId };
  }

  /** The look-back falls to the group's first member; a project nobody signed up for falls to the office. */
  function groupConvener(): Assignee {
    const first = state.group[0];
    return first ? { kind: 'user', userId: first.userId } : coordinators();
  }

  function requireMember(actor: Actor, deed: RefusalDeed): void {
    if (!state.group.some((m) => m.userId === actor.userId)) {
      throw refusalFailure(projectFailureTypes.forbidden, 'groupMembersOnly', { deed });
    }
  }

  function requireRole(actor: Actor, role: Actor['roles'][number], deed: RefusalDeed): void {
    if (actor.jurisdictionId !== jurisdictionId || !actor.roles.includes(role)) {
      throw refusalFailure(projectFailureTypes.forbidden, 'roleOnlyDeed', { role, deed });
    }
  }

  function notClosed(deed: RefusalDeed): void {
    if (state.phase === 'closed') throw outOfPhase('projectClosedFor', { deed });
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

function nowIso(): string {
  return new Date().toISOString();
}

function outOfPhase(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(projectFailureTypes.outOfPhase, code, params);
}

function invalid(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(projectFailureTypes.invalid, code, params);
}

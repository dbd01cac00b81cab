import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  executeChild,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import type { FeedbackTarget, RecordPhaseInput } from '../activities/batches';
import type { Actor } from '../domain/assignee';
import type { BatchPolicy } from '../domain/batchPolicy';
import { voteOpeningProblem } from '../domain/election';
import { quorumProblem, voteCloseRefusals } from '../domain/voteIntegrity';
import { chinaDay, startOfChinaDay } from '../domain/workingDays';
import {
  type AnnualBatchInput,
  type ApprovalStep,
  approvalSteps,
  type BatchPhase,
  type BatchState,
  batchFailureTypes,
  batchStateQuery,
  closeCollectionUpdate,
  closeRatingUpdate,
  closeVoteUpdate,
  concludeScreeningUpdate,
  type OpenVoteInput,
  openRatingUpdate,
  openVoteUpdate,
  type ReportState,
  type VoteSessionState,
} from './annualBatch.messages';
import { type CalendarChange, calendarChangedSignal } from './calendar.messages';
import type { RefusalCode, RefusalDeed, RefusalParams } from '../domain/contract/refusals';
import { asDecisionFailure, refusalFailure } from './decisionFailure';
import { humanTaskWorkflow } from './humanTask';
import { type HumanTaskInput, type TaskCompletion, taskCompletedSignal } from './humanTask.messages';
import { createNoticeSender } from './notify';
import { votedProjectWorkflow } from './votedProject';
import { ratingOutcomeSignal } from './votedProject.messages';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/**
 * One annual batch (年度批次), docs/domain.md, "Collection" to "Vote", "Reports" and "Rating": collection → screening → candidate publicity →
 * approval chain (which may send the list back to screening) → vote (with run-offs for ties) → result
 * publicity → one project workflow per elected project, half-year and year-end reports → rating at the
 * next year's congress, whose outcome goes to each project. Ballots and ratings never pass through here:
 * the workflow opens and closes sessions, and an activity counts them.
 *
 * Versioning: this is the first recorded version; any later change to the order of commands goes
 * behind `patched()` and the recorded histories in test/histories must keep replaying.
 */
export async function annualBatchWorkflow(input: AnnualBatchInput): Promise<BatchState> {
  const { batchId, jurisdictionId } = input;
  const notices = createNoticeSender();
  const state: BatchState = {
    batchId,
    year: input.year,
    phase: 'collection',
    phaseChangedAt: new Date().toISOString(),
    collectionClosesAt: input.collectionClosesAt,
    nextDeadline: { at: input.collectionClosesAt, label: 'collection closes' },
    policy: null,
    candidateIds: [],
    screeningRound: 1,
    approval: null,
    sentBack: [],
    votes: [],
    elected: [],
    runOff: null,
    projectIds: [],
    reports: [],
    rating: null,
    feedbackTasks: { started: 0, done: 0 },
  };
  let collectionClosedBy: Actor | null = null;
  let concluding = false;
  let screeningOutcome: { notTaken: FeedbackTarget[] } | null = null;
  let ratingClosed = false;
  let closingVote = false;
  const calendarChanges: CalendarChange[] = [];

  // Handlers first, before any await (docs/architecture.md, "House style"): a decision may arrive as soon as the workflow exists.
  setHandler(batchStateQuery, () => state);
  setHandler(taskCompletedSignal, (completion: TaskCompletion) => {
    if (completion.kind === 'proposerFeedback') state.feedbackTasks.done += 1;
  });
  setHandler(calendarChangedSignal, (change: CalendarChange) => {
    calendarChanges.push(change);
  });

  setHandler(
    closeCollectionUpdate,
    ({ actor }) => {
      collectionClosedBy = actor;
      return state;
    },
    { validator: ({ actor }) => allowed(actor, ['collection'], 'closeCollection') },
  );

  setHandler(
    concludeScreeningUpdate,
    async ({ actor }) => {
      concluding = true;
      try {
        // Screening follows collection, which begins once the policy is loaded.
        const policy = state.policy!;
        const at = new Date().toISOString();
        const endsAt = await acts.computeDue({
          jurisdictionId,
          from: at,
          rule: { kind: 'workingDays', days: policy.candidatePublicityWorkingDays },
        });
        const nextDeadline = { at: endsAt, label: 'candidate publicity ends' };
        const outcome = await asDecisionFailure(
          () => acts.concludeScreening({ phase: phaseRecord('candidatePublicity', at, nextDeadline, actor) }),
          batchFailureTypes.invalid,
        );
        state.candidateIds = outcome.candidateIds;
        Object.assign(state, { phase: 'candidatePublicity', phaseChangedAt: at, nextDeadline });
        screeningOutcome = { notTaken: outcome.notTaken };
        return state;
      } finally {
        concluding = false;
      }
    },
    {
      validator: ({ actor }) => {
        allowed(actor, ['screening'], 'concludeScreening');
        if (concluding) throw outOfPhase('screeningConcluding');
      },
    },
  );

  setHandler(
    openVoteUpdate,
    async (vote: OpenVoteInput) => {
      const round = state.votes.length + 1;
      const session: VoteSessionState = {
        sessionId: `${batchId}-vote-${round}`,
        round,
        seats: vote.seats,
        candidateIds: state.runOff ? [...state.runOff.candidateIds] : [...state.candidateIds],
        status: 'open',
        result: null,
      };
      // Pushed before the await, so a second opening while this one is recorded is refused.
      state.votes.push(session);
      await acts.openVoteSession({
        sessionId: session.sessionId,
        batchId,
        round,
        seats: session.seats,
        candidateIds: session.candidateIds,
        deputiesEntitled: vote.deputiesEntitled,
        deputiesPresent: vote.deputiesPresent,
        scrutineers: vote.scrutineers,
        tellers: vote.tellers,
        box: vote.box ?? null,
        actor: vote.actor,
        at: new Date().toISOString(),
      });
      return session;
    },
    { validator: (vote) => voteOpeningAllowed(vote) },
  );

  setHandler(
    closeVoteUpdate,
    async ({ actor, confirmIncomplete }) => {
      const session = openSession()!;
      const closeInput = () => ({
        sessionId: session.sessionId,
        policy: state.policy!.election,
        actor,
        at: new Date().toISOString(),
      });
      // Added after batches had voted: quorum, ballots ≤ present and a confirmed early close are checked by an
      // activity before counting, and a paper vote is counted from its tellers' totals (docs/domain.md, "Vote").
      if (!patched('vote-integrity')) {
        session.status = 'closed';
        session.result = await acts.closeVoteSession(closeInput());
      } else {
        closingVote = true;
        try {
          const check = await asDecisionFailure(() =>
            acts.prepareVoteClose({
              sessionId: session.sessionId,
              confirmIncomplete: confirmIncomplete ?? null,
              actor,
              at: new Date().toISOString(),
            }),
          ).catch((err: unknown) => {
            // An unconfirmed early close is a conflict with what the office saw (409); the rest break a rule (422).
            if (err instanceof ApplicationFailure)
              throw ApplicationFailure.create({
                type:
                  err.type === voteCloseRefusals.unconfirmed ? batchFailureTypes.outOfPhase : batchFailureTypes.invalid,
                message: err.message,
                // The activity's refusal code rides along, so the API answers in the reader's language.
                details: err.details ?? undefined,
                nonRetryable: true,
              });
            throw err;
          });
          session.status = 'closed';
          session.result =
            check.countedFrom === 'tellersTotals'
              ? await acts.closeTalliedVoteSession(closeInput())
              : await acts.closeVoteSession(closeInput());
        } finally {
          closingVote = false;
        }
      }
      const result = session.result;
      state.elected = state.runOff ? [...state.elected, ...result.elected] : [...result.elected];
      state.runOff = result.runOff;
      return session;
    },
    {
      validator: ({ actor }) => {
        allowed(actor, ['vote'], 'closeVote');
        if (!openSession()) throw outOfPhase('noVoteOpen');
        if (closingVote) throw outOfPhase('voteClosing');
      },
    },
  );

  setHandler(
    openRatingUpdate,
    async ({ actor, box }) => {
      const at = new Date().toISOString();
      state.rating = { sessionId: `${batchId}-rating`, status: 'open', results: [] };
      await enterPhase('rating', null, actor);
      await acts.openRatingSession({
        sessionId: state.rating.sessionId,
        batchId,
        projectIds: state.projectIds,
        box: box ?? null,
        actor,
        at,
      });
      return state;
    },
    {
      validator: ({ actor }) => {
        allowed(actor, ['implementation'], 'openRating');
        if (state.rating) throw outOfPhase('ratingAlreadyOpened');
        const opensAt = ratingOpensAt();
        if (Date.now() < opensAt) {
          throw outOfPhase('ratingNotYet', {
            year: input.year,
            nextYear: input.year + 1,
            from: new Date(opensAt).toISOString().slice(0, 10),
          });
        }
      },
    },
  );

  setHandler(
    closeRatingUpdate,
    async ({ actor }) => {
      const rating = state.rating!;
      rating.status = 'closed';
      try {
        rating.results = await asDecisionFailure(
          () =>
            acts.closeRatingSession({
              sessionId: rating.sessionId,
              rule: state.policy!.ratingRule,
              actor,
              at: new Date().toISOString(),
            }),
          batchFailureTypes.invalid,
        );
      } catch (err) {
        rating.status = 'open';
        throw err;
      }
      ratingClosed = true;
      return state;
    },
    {
      validator: ({ actor }) => {
        allowed(actor, ['rating'], 'closeRating');
        if (state.rating?.status !== 'open') throw outOfPhase('noRatingOpen');
      },
    },
  );

  // 1. Collection 征集, until its closing date or an early close by the office.
  state.policy = await acts.loadBatchPolicy({ jurisdictionId });
  const policy = state.policy;
  await enterPhase('collection', { at: input.collectionClosesAt, label: 'collection closes' }, input.openedBy);
  await condition(() => collectionClosedBy !== null, Math.max(0, Date.parse(input.collectionClosesAt) - Date.now()));

  for (;;) {
    // 2. Screening 筛选论证; reviewers score and decide in the API, the office concludes here.
    await enterPhase('screening', null, state.screeningRound === 1 ? collectionClosedBy : null);
    screeningOutcome = null;
    await condition(() => screeningOutcome !== null);
    startProposerFeedback((screeningOutcome as { notTaken: FeedbackTarget[] } | null)?.notTaken ?? [], policy);

    // 3. Candidate publicity 公示 for N working days, counted from when it began.
    await waitOutPublicity(state.phaseChangedAt, policy.candidatePublicityWorkingDays);

    // 4. The approval chain; any step may send the list back to screening.
    await enterPhase('approval', null, null);
    const sentBack = await runApprovalChain(policy);
    if (!sentBack) break;
    state.screeningRound += 1;
  }

  // 5. The vote 差额票决, with as many run-offs as ties at the last seat need.
  state.approval = null;
  await enterPhase('vote', null, null);
  await notices.send({
    dedupeKey: `${batchId}:vote-ready`,
    to: { kind: 'role', role: 'coordinator', jurisdictionId },
    kind: 'info',
    title: `${input.title}：候选项目清单已提请人代会票决`,
    body: `候选项目${state.candidateIds.length}个。请在人代会召开时开始票决。`,
    workflowId: batchId,
    taskId: null,
  });
  await condition(
    () =>
      state.votes.length > 0 &&
      state.votes.every((v) => v.status === 'closed' && v.result !== null) &&
      state.runOff === null,
  );
  await acts.publishElection({
    batchId,
    elected: state.elected,
    sessions: state.votes.map((v) => ({ sessionId: v.sessionId, result: v.result! })),
  });

  // 6. Result publicity 结果公示, then one project workflow per elected project.
  const resultPublicityFrom = new Date().toISOString();
  const resultPublicityEnds = await acts.computeDue({
    jurisdictionId,
    from: resultPublicityFrom,
    rule: { kind: 'workingDays', days: policy.resultPublicityWorkingDays },
  });
  await enterPhase('resultPublicity', { at: resultPublicityEnds, label: 'result publicity ends' }, null);
  await waitOutPublicity(resultPublicityFrom, policy.resultPublicityWorkingDays);

  const projects = await acts.recordProjects({ batchId, jurisdictionId, candidateIds: state.elected });
  for (const project of projects) {
    await startChild(votedProjectWorkflow, {
      workflowId: project.projectId,
      args: [project],
      // A project outlives the batch: its rating consequences run for months after the batch closes.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    state.projectIds.push(project.projectId);
  }

  if (projects.length > 0) {
    // 7. Reports to the standing committee while the projects run; 8. rating at the next congress.
    await enterPhase(
      'implementation',
      { at: new Date(ratingOpensAt()).toISOString(), label: 'rating at the next congress' },
      null,
    );
    const reports = Promise.all([
      runReport('halfYear', `${input.year}-07-01`, policy),
      runReport('yearEnd', `${input.year}-12-01`, policy),
    ]);
    // Added after batches were already running: recorded histories without the marker keep the old path.
    const bulletins = patched('monthly-bulletin') ? writeMonthlyBulletins(() => ratingClosed) : Promise.resolve();
    await condition(() => ratingClosed);
    const ratedAt = new Date().toISOString();
    for (const result of state.rating!.results) {
      await getExternalWorkflowHandle(result.projectId).signal(ratingOutcomeSignal, {
        batchId,
        outcome: result.outcome,
        counts: result.counts,
        ratedAt,
      });
    }
    await Promise.all([reports, bulletins]);
  }

  await enterPhase('closed', null, null);
  await notices.settle();
  await condition(allHandlersFinished);
  return state;

  // ——— the procedure's steps ———

  /**
   * Waits until the publicity period in `state.nextDeadline` ends. When the office changes a day of the
   * calendar inside it (a holiday entered late), the API signals and the end is recounted from the period's
   * start through the calendar activity, so the public gets its full N working days (README, "Calendar").
   */
  async function waitOutPublicity(from: string, workingDays: number): Promise<void> {
    let seen = calendarChanges.length;
    for (;;) {
      const ms = Date.parse(state.nextDeadline!.at) - Date.now();
      if (ms <= 0) return;
      // A timer like the sleep it replaced; only a calendar signal, which older runs never received, ends it early.
      if (!(await condition(() => calendarChanges.length > seen, ms))) return;
      const change = calendarChanges[calendarChanges.length - 1]!;
      seen = calendarChanges.length;
      if (!patched('calendar-changed')) continue;
      const endsAt = await acts.computeDue({ jurisdictionId, from, rule: { kind: 'workingDays', days: workingDays } });
      const previous = state.nextDeadline!;
      if (endsAt === previous.at) continue;
      state.nextDeadline = { at: endsAt, label: previous.label };
      await acts.recordBatchDeadline({ batchId, previous, nextDeadline: state.nextDeadline, change });
    }
  }

  async function enterPhase(
    phase: BatchPhase,
    nextDeadline: BatchState['nextDeadline'],
    actor: Actor | null,
  ): Promise<void> {
    const at = new Date().toISOString();
    Object.assign(state, { phase, phaseChangedAt: at, nextDeadline });
    await acts.recordBatchPhase(phaseRecord(phase, at, nextDeadline, actor));
  }

  function phaseRecord(
    phase: BatchPhase,
    at: string,
    nextDeadline: BatchState['nextDeadline'],
    actor: Actor | null,
  ): RecordPhaseInput {
    return {
      batchId,
      jurisdictionId,
      year: input.year,
      title: input.title,
      collectionClosesAt: input.collectionClosesAt,
      phase,
      at,
      nextDeadline,
      actor,
    };
  }

  /** Every proposer not taken is told why by the responsible department, with a deadline that escalates (docs/domain.md, "Screening" [S1]). */
  function startProposerFeedback(targets: FeedbackTarget[], batchPolicy: BatchPolicy): void {
    for (const target of targets) {
      const taskId = `task-${batchId}-feedback-${target.suggestionId}-${target.proposerId}`;
      const task: HumanTaskInput = {
        taskId,
        ownerWorkflowId: batchId,
        jurisdictionId,
        kind: 'proposerFeedback',
        title: `答复建议人：${target.title}`,
        assignee: target.departmentId
          ? { kind: 'department', departmentId: target.departmentId }
          : { kind: 'role', role: 'coordinator', jurisdictionId },
        due: { kind: 'workingDays', days: batchPolicy.proposerFeedbackWorkingDays },
        remindBefore: ['1 day'],
        payload: { ...target },
      };
      state.feedbackTasks.started += 1;
      // Not awaited: feedback runs beside the batch. A proposer already told in an earlier round keeps that task.
      startChild(humanTaskWorkflow, {
        workflowId: taskId,
        args: [task],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }).catch((err: unknown) => {
        if (err instanceof WorkflowExecutionAlreadyStartedError) state.feedbackTasks.started -= 1;
        else log.error('proposer feedback task did not start', { taskId, error: String(err) });
      });
    }
  }

  /** Returns true when a step sent the list back to screening. */
  async function runApprovalChain(batchPolicy: BatchPolicy): Promise<boolean> {
    for (const { step, label } of approvalSteps) {
      const taskId = `task-${batchId}-r${state.screeningRound}-${step}`;
      state.approval = { round: state.screeningRound, step, taskId };
      const completion = await runTask(taskId, {
        kind: 'approvalDecision',
        title: `${label}：${input.title}`,
        // The standing committee office records each body's decision as it is taken.
        assignee: { kind: 'role', role: 'coordinator', jurisdictionId },
        due: { kind: 'workingDays', days: batchPolicy.approvalStepWorkingDays },
        remindBefore: ['1 day'],
        payload: { batchId, step, round: state.screeningRound, candidateIds: state.candidateIds },
      });
      if (completion.result.decision === 'sendBack') {
        state.sentBack.push({
          step: step as ApprovalStep,
          note: String(completion.result.note ?? ''),
          at: completion.completedAt,
        });
        return true;
      }
    }
    return false;
  }

  /** A government report (docs/domain.md, "Reports" [S0]) opening on `opensOn`, then its hearing by the standing committee. */
  async function runReport(kind: ReportState['kind'], opensOn: string, batchPolicy: BatchPolicy): Promise<void> {
    const report: ReportState = {
      kind,
      opensAt: startOfChinaDay(opensOn).toISOString(),
      status: 'waiting',
      taskId: null,
    };
    state.reports.push(report);
    await sleepUntil(report.opensAt);
    const name = kind === 'halfYear' ? '半年' : '年终';
    report.taskId = `task-${batchId}-${kind}-report`;
    report.status = 'reporting';
    await runTask(report.taskId, {
      kind: 'governmentReport',
      title: `${input.title}${name}工作报告`,
      assignee: { kind: 'role', role: 'official', jurisdictionId },
      due: { kind: 'calendar', days: batchPolicy.reportDueDays },
      remindBefore: ['3 days'],
      payload: { batchId, report: kind, projectIds: state.projectIds },
    });
    report.taskId = `task-${batchId}-${kind}-hearing`;
    report.status = 'hearing';
    await runTask(report.taskId, {
      kind: 'reportHearing',
      title: `常委会听取${input.title}${name}工作报告`,
      assignee: { kind: 'role', role: 'coordinator', jurisdictionId },
      due: { kind: 'calendar', days: batchPolicy.hearingDueDays },
      remindBefore: ['3 days'],
      payload: { batchId, report: kind },
    });
    report.status = 'heard';
  }

  /** A person's task owned by this batch, awaited to its completion. */
  function runTask(
    taskId: string,
    task: Omit<HumanTaskInput, 'taskId' | 'ownerWorkflowId' | 'jurisdictionId'>,
  ): Promise<TaskCompletion> {
    return executeChild(humanTaskWorkflow, {
      workflowId: taskId,
      args: [{ taskId, ownerWorkflowId: batchId, jurisdictionId, ...task }],
    });
  }

  /** 月通报 (docs/domain.md, "Cadence" [S0]): on the first of each month, the past month's standing of every project, until the rating. */
  async function writeMonthlyBulletins(done: () => boolean): Promise<void> {
    for (;;) {
      const today = chinaDay(new Date());
      const firstOfNextMonth = startOfChinaDay(`${nextMonth(today.slice(0, 7))}-01`).getTime();
      if (await condition(done, Math.max(1, firstOfNextMonth - Date.now()))) return;
      await acts.writeMonthlyBulletin({ batchId, month: today.slice(0, 7), at: new Date().toISOString() });
    }
  }

  function ratingOpensAt(): number {
    return startOfChinaDay(`${input.year + 1}-01-01`).getTime();
  }

  function openSession(): VoteSessionState | undefined {
    return state.votes.find((v) => v.status === 'open');
  }

  function allowed(actor: Actor, phases: BatchPhase[], deed: RefusalDeed): void {
    if (actor.jurisdictionId !== jurisdictionId || !actor.roles.includes('coordinator')) {
      throw refusalFailure(batchFailureTypes.forbidden, 'deedForbidden', { deed });
    }
    if (!phases.includes(state.phase)) throw outOfPhase('deedNotNow', { deed, batchPhase: state.phase });
  }

  function voteOpeningAllowed(vote: OpenVoteInput): void {
    allowed(vote.actor, ['vote'], 'openVote');
    if (openSession()) throw outOfPhase('voteAlreadyOpen');
    if (state.votes.length > 0 && !state.runOff) throw outOfPhase('noRunOff');
    const pol = state.policy!;
    const problems: string[] = [];
    // A congress votes only with two thirds of its deputies present, counted from the attendance.
    const quorum = quorumProblem(vote.deputiesPresent, vote.deputiesEntitled);
    if (quorum) problems.push(quorum);
    const named = (names: string[]) => names.filter((n) => n.trim().length > 0).length;
    if (named(vote.scrutineers) !== pol.scrutineers)
      problems.push(`name exactly ${pol.scrutineers} scrutineers (监票人)`);
    if (named(vote.tellers) !== pol.tellers) problems.push(`name exactly ${pol.tellers} tellers (计票人)`);
    if (state.runOff) {
      if (vote.seats !== state.runOff.seats) problems.push(`the run-off fills ${state.runOff.seats} seat(s)`);
    } else {
      const problem = voteOpeningProblem(state.candidateIds.length, vote.seats, pol.election);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) {
      throw ApplicationFailure.create({
        type: batchFailureTypes.invalid,
        message: `the vote cannot open: ${problems.join('; ')}`,
        nonRetryable: true,
      });
    }
  }
}

async function sleepUntil(isoInstant: string): Promise<void> {
  const ms = Date.parse(isoInstant) - Date.now();
  if (ms > 0) await sleep(ms);
}

function outOfPhase(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(batchFailureTypes.outOfPhase, code, params);
}

/** 'YYYY-MM' of the month after `month`. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { batchFailureTypes } from '../domain/contract/failures';
import { ratingOpensAt } from '../domain/batchProcedure';
import {
  type AnnualBatchInput,
  type BatchState,
  batchStateQuery,
  closeCollectionUpdate,
  closeRatingUpdate,
  closeVoteUpdate,
  concludeScreeningUpdate,
  openRatingUpdate,
  openVoteUpdate,
} from './annualBatch.messages';
import { acts, AnnualBatch } from './annualBatch/batch';
import {
  runApprovalChain,
  routeRatingResults,
  runReport,
  sendRatingOutcomes,
  startProjects,
  startProposerFeedback,
  waitOutPublicity,
  writeMonthlyBulletins,
} from './annualBatch/steps';
import { calendarChangedSignal } from './calendar.messages';
import { taskCompletedSignal } from './humanTask.messages';
import { createNoticeSender } from './notify';

/**
 * One annual batch (年度批次), docs/domain.md, "Collection" to "Vote", "Reports" and "Rating", read top to bottom:
 * collection → screening → candidate publicity → approval chain (which may send the list back to screening) →
 * vote (with run-offs for ties) → result publicity → one project workflow per elected project, half-year and
 * year-end reports → rating at the next year's congress, whose outcome goes to each project. Ballots and ratings
 * never pass through here: the workflow opens and closes sessions, and an activity counts them.
 *
 * The office's decisions and the state they change live in annualBatch/batch.ts, the longer steps in
 * annualBatch/steps.ts, the rules in domain/batchProcedure.ts.
 *
 * Versioning: any change to the order of commands goes behind `patched()` and the recorded histories in
 * test/histories must keep replaying.
 */
export async function annualBatchWorkflow(input: AnnualBatchInput): Promise<BatchState> {
  const batch = new AnnualBatch(input);
  const { batchId, jurisdictionId, state } = batch;
  const notices = createNoticeSender();

  // Handlers first, before any await (docs/architecture.md, "House style"): a decision may arrive as soon as the workflow exists.
  setHandler(batchStateQuery, () => state);
  setHandler(taskCompletedSignal, (completion) => batch.taskCompleted(completion));
  setHandler(calendarChangedSignal, (change) => batch.calendarChanged(change));
  setHandler(closeCollectionUpdate, (a) => batch.closeCollection(a), {
    validator: (a) => batch.validateCloseCollection(a),
  });
  setHandler(concludeScreeningUpdate, (a) => batch.concludeScreening(a), {
    validator: (a) => batch.validateConcludeScreening(a),
  });
  setHandler(openVoteUpdate, (v) => batch.openVote(v), { validator: (v) => batch.validateOpenVote(v) });
  setHandler(closeVoteUpdate, (c) => batch.closeVote(c), { validator: (c) => batch.validateCloseVote(c) });
  setHandler(openRatingUpdate, (r) => batch.openRating(r), { validator: (r) => batch.validateOpenRating(r) });
  setHandler(closeRatingUpdate, (a) => batch.closeRating(a), { validator: (a) => batch.validateCloseRating(a) });

  if (input.carried) {
    // Handed on under delivery: the election is history; the reports, bulletins and rating carry on. A report
    // whose task is open belongs to the run that opened it, so a batch is handed on between reports.
    if (
      state.phase !== 'implementation' ||
      state.reports.some((r) => r.status === 'reporting' || r.status === 'hearing')
    )
      throw ApplicationFailure.create({
        type: batchFailureTypes.invalid,
        message: 'a batch is handed on under delivery and between its reports',
        nonRetryable: true,
      });
    await deliver();
    return close();
  }

  // 1. Collection 征集, until its closing date or an early close by the office.
  state.policy = await acts.loadBatchPolicy({ jurisdictionId });
  const policy = state.policy;
  // Added when townships got their own procedure (docs/domain.md, "Levels"); batches started before run the county's.
  if (patched('township-procedure')) state.level = await acts.loadJurisdictionLevel({ jurisdictionId });
  await batch.enterPhase('collection', { at: input.collectionClosesAt, label: 'collection closes' }, input.openedBy);
  await condition(
    () => batch.collectionClosedBy !== null,
    Math.max(0, Date.parse(input.collectionClosesAt) - Date.now()),
  );

  for (;;) {
    // 2. Screening 筛选论证; reviewers score and decide in the API, the office concludes (batch.concludeScreening).
    await batch.enterPhase('screening', null, state.screeningRound === 1 ? batch.collectionClosedBy : null);
    batch.screeningOutcome = null;
    await condition(() => batch.screeningOutcome !== null);
    startProposerFeedback(batch, batch.notTaken());

    // 3. Candidate publicity 公示 for N working days, counted from when it began.
    await waitOutPublicity(batch, state.phaseChangedAt, policy.candidatePublicityWorkingDays);

    // 4. The approval chain of the batch's level (a township's presidium for the standing committee); any step may
    //    send the list back to screening.
    await batch.enterPhase('approval', null, null);
    const sentBack = await runApprovalChain(batch);
    if (!sentBack) break;
    state.screeningRound += 1;
  }

  // 5. The vote 差额票决 (batch.openVote, batch.closeVote), with as many run-offs as ties at the last seat need.
  state.approval = null;
  await batch.enterPhase('vote', null, null);
  await notices.send({
    dedupeKey: `${batchId}:vote-ready`,
    to: { kind: 'role', role: 'coordinator', jurisdictionId },
    kind: 'info',
    title: `${input.title}：候选项目清单已提请${batch.bodies.congress}票决`,
    body: `候选项目${state.candidateIds.length}个。请在${batch.bodies.congress}召开时开始票决。`,
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
  await batch.enterPhase('resultPublicity', { at: resultPublicityEnds, label: 'result publicity ends' }, null);
  await waitOutPublicity(batch, resultPublicityFrom, policy.resultPublicityWorkingDays);
  const projects = await startProjects(batch);

  if (projects > 0) {
    // 7. Reports while the projects run, and the monthly bulletin.
    await batch.enterPhase(
      'implementation',
      { at: new Date(ratingOpensAt(input.year)).toISOString(), label: 'rating at the next congress' },
      null,
    );
    await deliver();
  }
  return close();

  /** 7. Reports while the projects run, and the monthly bulletin; 8. the rating and where its results go. */
  async function deliver(): Promise<void> {
    const reports = Promise.all([runReport(batch, 'halfYear'), runReport(batch, 'yearEnd')]);
    // Added after batches were already running: recorded histories without the marker keep the old path.
    const bulletins = patched('monthly-bulletin') ? writeMonthlyBulletins(batch) : Promise.resolve();

    // 8. Rating 满意度测评 at the next congress (batch.openRating, batch.closeRating), the deputies having the year-end
    //    report before them; the presidium confirms the results, which go to the deputies, the party committee, the
    //    government and the organisation department; then each project hears its outcome.
    await condition(() => batch.ratingClosed);
    // Added when results went where the sources send them; batches rated before told their projects at once.
    if (patched('rating-results-routed')) await routeRatingResults(batch, notices);
    await sendRatingOutcomes(batch);
    await Promise.all([reports, bulletins]);
  }

  async function close(): Promise<BatchState> {
    await batch.enterPhase('closed', null, null);
    await notices.settle();
    await condition(allHandlersFinished);
    return state;
  }
}

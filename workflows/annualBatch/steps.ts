import {
  ApplicationFailure,
  ParentClosePolicy,
  condition,
  executeChild,
  getExternalWorkflowHandle,
  log,
  patched,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { FeedbackTarget } from '../../activities/batches';
import {
  approvalStepsFor,
  nextMonth,
  RATING_CONFIRMATION_WORKING_DAYS,
  reportOpensOn,
} from '../../domain/batchProcedure';
import { childSearchAttributes } from '../../domain/searchAttributes';
import { chinaDay, startOfChinaDay } from '../../domain/workingDays';
import type { ReportState } from '../annualBatch.messages';
import { humanTaskWorkflow } from '../humanTask';
import type { HumanTaskInput, TaskCompletion } from '../humanTask.messages';
import type { NoticeSender } from '../notify';
import { votedProjectWorkflow } from '../votedProject';
import { ratingOutcomeSignal } from '../votedProject.messages';
import { acts, type AnnualBatch } from './batch';

/**
 * The steps of the procedure that take more than a line (workflows/annualBatch.ts reads them in order). Each
 * issues its commands in the order the recorded histories expect (test/histories/README.md).
 */

/**
 * Waits until the publicity period in `state.nextDeadline` ends. When the office changes a day of the
 * calendar inside it (a holiday entered late), the API signals and the end is recounted from the period's
 * start through the calendar activity, so the public gets its full N working days (README, "Calendar").
 */
export async function waitOutPublicity(batch: AnnualBatch, from: string, workingDays: number): Promise<void> {
  const { state, calendarChanges } = batch;
  let seen = calendarChanges.length;
  for (;;) {
    const ms = Date.parse(state.nextDeadline!.at) - Date.now();
    if (ms <= 0) return;
    // A timer like the sleep it replaced; only a calendar signal, which older runs never received, ends it early.
    if (!(await condition(() => calendarChanges.length > seen, ms))) return;
    const change = calendarChanges[calendarChanges.length - 1]!;
    seen = calendarChanges.length;
    if (!patched('calendar-changed')) continue;
    const endsAt = await acts.computeDue({
      jurisdictionId: batch.jurisdictionId,
      from,
      rule: { kind: 'workingDays', days: workingDays },
    });
    const previous = state.nextDeadline!;
    if (endsAt === previous.at) continue;
    state.nextDeadline = { at: endsAt, label: previous.label };
    await acts.recordBatchDeadline({ batchId: batch.batchId, previous, nextDeadline: state.nextDeadline, change });
  }
}

/** Every proposer not taken is told why by the responsible department, with a deadline that escalates (docs/domain.md, "Screening" [S1]). */
export function startProposerFeedback(batch: AnnualBatch, targets: FeedbackTarget[]): void {
  const { batchId, jurisdictionId, state } = batch;
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
      due: { kind: 'workingDays', days: batch.policy.proposerFeedbackWorkingDays },
      remindBefore: ['1 day'],
      payload: { ...target },
    };
    state.feedbackTasks.started += 1;
    // Not awaited: feedback runs beside the batch. A proposer already told in an earlier round keeps that task.
    startChild(humanTaskWorkflow, {
      workflowId: taskId,
      args: [task],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: childSearchAttributes(workflowInfo().typedSearchAttributes, { jurisdictionId, batchId }),
    }).catch((err: unknown) => {
      if (err instanceof WorkflowExecutionAlreadyStartedError) state.feedbackTasks.started -= 1;
      else log.error('proposer feedback task did not start', { taskId, error: String(err) });
    });
  }
}

/**
 * Runs each approval step of the batch's level as a decision task (domain/batchProcedure.ts approvalStepsFor);
 * returns true when a step sent the list back to screening.
 */
export async function runApprovalChain(batch: AnnualBatch): Promise<boolean> {
  const { batchId, jurisdictionId, state, input } = batch;
  for (const { step, label } of approvalStepsFor(batch.level, batch.policy)) {
    const taskId = `task-${batchId}-r${state.screeningRound}-${step}`;
    state.approval = { round: state.screeningRound, step, taskId };
    const completion = await runTask(batch, taskId, {
      kind: 'approvalDecision',
      title: `${label}：${input.title}`,
      // The office (of the standing committee, presidium or working committee) records each body's decision.
      assignee: { kind: 'role', role: 'coordinator', jurisdictionId },
      due: { kind: 'workingDays', days: batch.policy.approvalStepWorkingDays },
      remindBefore: ['1 day'],
      payload: { batchId, step, round: state.screeningRound, candidateIds: state.candidateIds },
    });
    if (completion.result.decision === 'sendBack') {
      state.sentBack.push({
        step,
        note: String(completion.result.note ?? ''),
        at: completion.completedAt,
      });
      return true;
    }
  }
  return false;
}

/** One project workflow per elected project; a project outlives the batch. */
export async function startProjects(batch: AnnualBatch): Promise<number> {
  const projects = await acts.recordProjects({
    batchId: batch.batchId,
    jurisdictionId: batch.jurisdictionId,
    candidateIds: batch.state.elected,
  });
  for (const project of projects) {
    await startChild(votedProjectWorkflow, {
      workflowId: project.projectId,
      args: [project],
      // What the coordinator's list of running projects finds it by; the project upserts its warning as it changes.
      typedSearchAttributes: childSearchAttributes(workflowInfo().typedSearchAttributes, {
        ...project,
        warningLevel: 'none',
      }),
      // A project outlives the batch: its rating consequences run for months after the batch closes.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    batch.state.projectIds.push(project.projectId);
  }
  return projects.length;
}

/** A government report (docs/domain.md, "Reports" [S0]) opening on its day, then its hearing by the standing committee (a township's presidium). */
export async function runReport(batch: AnnualBatch, kind: ReportState['kind']): Promise<void> {
  const { batchId, state, input, policy } = batch;
  // A batch handed on keeps the reports it has heard; one still waiting opens on its day here.
  const carried = state.reports.find((r) => r.kind === kind);
  if (carried?.status === 'heard') return;
  const report: ReportState = carried ?? {
    kind,
    opensAt: startOfChinaDay(reportOpensOn(kind, input.year)).toISOString(),
    status: 'waiting',
    taskId: null,
  };
  if (!carried) state.reports.push(report);
  await sleepUntil(report.opensAt);
  const name = kind === 'halfYear' ? '半年' : '年终';
  // Unfinished projects of earlier years stay in the reports until they close (docs/domain.md, "Changes and
  // termination"); a new activity call, so batches already past this point replay without it.
  const carriedProjects = patched('carried-projects-reported') ? await acts.listCarriedProjects({ batchId }) : null;
  report.taskId = `task-${batchId}-${kind}-report`;
  report.status = 'reporting';
  await runTask(batch, report.taskId, {
    kind: 'governmentReport',
    title: `${input.title}${name}工作报告`,
    assignee: { kind: 'role', role: 'official', jurisdictionId: batch.jurisdictionId },
    due: { kind: 'calendar', days: policy.reportDueDays },
    remindBefore: ['3 days'],
    payload: { batchId, report: kind, projectIds: state.projectIds, ...(carriedProjects ? { carriedProjects } : {}) },
  });
  report.taskId = `task-${batchId}-${kind}-hearing`;
  report.status = 'hearing';
  await runTask(batch, report.taskId, {
    kind: 'reportHearing',
    title: `${batch.bodies.standingBody}听取${input.title}${name}工作报告`,
    assignee: { kind: 'role', role: 'coordinator', jurisdictionId: batch.jurisdictionId },
    due: { kind: 'calendar', days: policy.hearingDueDays },
    remindBefore: ['3 days'],
    payload: { batchId, report: kind },
  });
  report.status = 'heard';
}

/** 月通报 (docs/domain.md, "Cadence" [S0]): on the first of each month, the past month's standing of every project, until the rating. */
export async function writeMonthlyBulletins(batch: AnnualBatch): Promise<void> {
  for (;;) {
    const today = chinaDay(new Date());
    const firstOfNextMonth = startOfChinaDay(`${nextMonth(today.slice(0, 7))}-01`).getTime();
    if (await condition(() => batch.ratingClosed, Math.max(1, firstOfNextMonth - Date.now()))) return;
    await acts.writeMonthlyBulletin({ batchId: batch.batchId, month: today.slice(0, 7), at: new Date().toISOString() });
  }
}

/**
 * Rating results go where the sources send them (docs/domain.md, "Consequences" [S4]): the session's presidium
 * confirms them (the office records it), then one report document records them with its distribution, every
 * deputy is told, and the government gets them back; the party committee and the organisation department
 * receive the report the office downloads (GET /api/batches/:id/rating-report).
 */
export async function routeRatingResults(batch: AnnualBatch, notices: NoticeSender): Promise<void> {
  const { batchId, jurisdictionId, input, bodies } = batch;
  const rating = batch.state.rating!;
  const taskId = `task-${batchId}-rating-confirmation`;
  rating.confirmation = { taskId, confirmedOn: null };
  const confirmed = await runTask(batch, taskId, {
    kind: 'ratingConfirmation',
    title: `${bodies.sessionPresidium}确认${input.title}满意度测评结果`,
    assignee: { kind: 'role', role: 'coordinator', jurisdictionId },
    due: { kind: 'workingDays', days: RATING_CONFIRMATION_WORKING_DAYS },
    remindBefore: ['1 day'],
    payload: {
      batchId,
      sessionId: rating.sessionId,
      results: rating.results.map(({ projectId, outcome }) => ({ projectId, outcome })),
    },
  });
  const confirmedOn = String(confirmed.result.confirmedOn);
  rating.confirmation.confirmedOn = confirmedOn;
  const report = await acts.recordRatingReport({
    batchId,
    sessionId: rating.sessionId,
    level: batch.level,
    confirmedOn,
    confirmedBy: confirmed.completedBy,
    note: String(confirmed.result.note ?? ''),
    at: new Date().toISOString(),
  });
  const body = `${report.summary}测评结果已经${bodies.sessionPresidium}确认。`;
  await notices.send({
    dedupeKey: `${batchId}:rating-announced`,
    to: { kind: 'role', role: 'deputy', jurisdictionId },
    kind: 'info',
    title: `${report.title}（通报全体代表）`,
    body,
    workflowId: batchId,
    taskId: null,
  });
  await notices.send({
    dedupeKey: `${batchId}:rating-fed-back`,
    to: { kind: 'role', role: 'official', jurisdictionId },
    kind: 'info',
    title: `${report.title}（反馈${bodies.government}）`,
    body: `${body}基本满意、不满意的项目须作出说明，不满意的项目须限期整改。`,
    workflowId: batchId,
    taskId: null,
  });
}

/** Each project's workflow hears its rating outcome and runs the consequences (docs/domain.md, "Consequences"). */
export async function sendRatingOutcomes(batch: AnnualBatch): Promise<void> {
  const ratedAt = new Date().toISOString();
  for (const result of batch.state.rating!.results) {
    await getExternalWorkflowHandle(result.projectId)
      .signal(ratingOutcomeSignal, {
        batchId: batch.batchId,
        outcome: result.outcome,
        counts: result.counts,
        ratedAt,
      })
      .catch((err: unknown) => {
        // A project the committee terminated has closed (docs/domain.md, "Changes and termination"): it has no
        // consequences to run, and the rest of the batch's projects still hear theirs. Same commands, no patch.
        if (err instanceof ApplicationFailure && err.type === 'ExternalWorkflowExecutionNotFound') {
          log.info('rating outcome not sent to a closed project', { projectId: result.projectId });
          return;
        }
        throw err;
      });
  }
}

/** A person's task owned by this batch, awaited to its completion. */
export function runTask(
  batch: AnnualBatch,
  taskId: string,
  task: Omit<HumanTaskInput, 'taskId' | 'ownerWorkflowId' | 'jurisdictionId'>,
): Promise<TaskCompletion> {
  return executeChild(humanTaskWorkflow, {
    workflowId: taskId,
    args: [{ taskId, ownerWorkflowId: batch.batchId, jurisdictionId: batch.jurisdictionId, ...task }],
    typedSearchAttributes: childSearchAttributes(workflowInfo().typedSearchAttributes, {
      jurisdictionId: batch.jurisdictionId,
      batchId: batch.batchId,
    }),
  });
}

async function sleepUntil(isoInstant: string): Promise<void> {
  const ms = Date.parse(isoInstant) - Date.now();
  if (ms > 0) await sleep(ms);
}

import { patched } from '@temporalio/workflow';
import type { Actor } from '../../domain/assignee';
import {
  consequenceNames,
  type ConsequenceNames,
  consequencesOf,
  endOfChinaDay,
  type Explainer,
  oversightHeld,
  oversightMeasureName,
  rectificationDueAt,
  reRatingEscalationAt,
  reRatingPeriod,
  taskDue,
} from '../../domain/projectRules';
import { addCalendarPeriod, chinaDay } from '../../domain/workingDays';
import type { OversightMeasure } from '../../domain/taskKinds';
import { asDecisionFailure } from '../decisionFailure';
import { projectFailureTypes, type OpenReRatingInput, type RatingOutcomeNotice } from '../votedProject.messages';
import { acts, nowIso, type Project, type TaskDoneHandler } from './project';

/**
 * The rating's consequences (docs/domain.md, "Consequences"): 基本满意 and 不满意 are explained to the
 * standing committee; 不满意 is also rectified within 3 months and re-rated by the committee; still
 * 不满意, the committee decides whether to take an oversight measure, and a chosen one is held and its
 * conclusions carried out. A township's presidium, or a street's 议政代表会议, takes the committee's place
 * (docs/domain.md, "Levels"): the titles and notices name the body of the project's level.
 */

/** The body the titles and notices name; projects rated before the level was read are a county's. */
function names(project: Project): ConsequenceNames {
  return consequenceNames(project.state.level ?? 'county');
}

export async function rated(project: Project, notice: RatingOutcomeNotice): Promise<void> {
  const { state, input } = project;
  state.rating = notice;
  // Who hears, re-rates and decides depends on the level; projects rated before were named as a county's.
  if (patched('level-consequences'))
    state.level = await acts.loadJurisdictionLevel({ jurisdictionId: input.jurisdictionId });
  await acts.recordProjectRating({ projectId: project.projectId, batchId: input.batchId, notice });
  if (notice.outcome === 'satisfied') return;
  const policy = state.policy!;
  // Respective explanations ("分别"): projects rated before keep both heads explaining, as they were told.
  const respective = patched('respective-explanations');
  const { explainers, rectify } = consequencesOf(notice.outcome, respective);
  if (respective) state.consequence.explanationsExpected = explainers.length;
  await project.setConsequence(rectify ? 'rectifying' : 'explaining', null, {
    outcome: notice.outcome,
    counts: notice.counts,
  });
  for (const explainer of explainers) {
    await project.openTask(
      'explanation',
      explanationTitle(explainer, project),
      explainer === 'unitHead' ? project.department() : project.leaderOrDepartment(),
      taskDue('explanation', policy),
      { outcome: notice.outcome, explainer },
    );
  }
  if (rectify) await askForRectification(project, notice);
}

/** 不满意: the department rectifies and reports within 3 months of the congress closing. */
async function askForRectification(project: Project, notice: RatingOutcomeNotice): Promise<void> {
  const { state, input } = project;
  const policy = state.policy!;
  const title = `整改并报告（三个月内）：${project.title}`;
  if (!patched('rectification-from-congress-close')) {
    // Projects rated before counted the months from the rating's arrival.
    await project.openTask(
      'rectificationReport',
      title,
      project.department(),
      { kind: 'calendar', months: policy.rectificationMonths },
      { ratedAt: notice.ratedAt, counts: notice.counts },
    );
    return;
  }
  const congressClosedOn = await acts.congressClosingDay({ batchId: input.batchId });
  const dueAt = rectificationDueAt(congressClosedOn, notice.ratedAt, policy.rectificationMonths);
  state.consequence.rectificationDueAt = dueAt;
  await project.openTask(
    'rectificationReport',
    title,
    project.department(),
    { kind: 'at', at: dueAt },
    { ratedAt: notice.ratedAt, congressClosedOn, counts: notice.counts },
  );
}

function explanationTitle(explainer: Explainer, project: Project): string {
  return explainer === 'unitHead'
    ? `单位负责人说明：${project.title}`
    : `${names(project).viceHead}说明：${project.title}`;
}

/** The office opens the committee's re-rating once the rectification is reported. */
export async function openReRating(project: Project, { actor, box }: OpenReRatingInput): Promise<void> {
  const { state, input, projectId } = project;
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
  await project.milestone('project.reRatingOpened', actor, { sessionId });
  await project.notices.send({
    dedupeKey: `${sessionId}:open`,
    to: { kind: 'role', role: 'committeeMember', jurisdictionId: project.jurisdictionId },
    kind: 'info',
    title: `再次测评：${project.title}`,
    body: `整改情况已报告，请${names(project).members}对该项目进行无记名再次测评。`,
    workflowId: projectId,
    taskId: null,
  });
}

/** Counted by the batch's rating rule; still 不满意, the committee decides on oversight. */
export async function closeReRating(project: Project, actor: Actor): Promise<void> {
  const { state } = project;
  const reRating = state.consequence.reRating!;
  const { ratingRule } = await acts.loadBatchPolicy({ jurisdictionId: project.jurisdictionId });
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
  if (result.outcome !== 'unsatisfied') {
    state.consequence.stage = 'settled';
    await project.milestone('project.reRated', actor, published);
    return;
  }
  state.consequence.stage = 'oversight';
  await project.milestone('project.reRated', actor, published);
  await project.openTask(
    'oversightMeasure',
    `${names(project).body}决定监督措施：${project.title}`,
    project.coordinators(),
    taskDue('oversightMeasure', state.policy!),
    counts ? { counts } : { outcome: result.outcome },
  );
  await project.warnLeaders(
    '整改后再次测评仍不满意',
    `${names(project).body}将研究决定是否开展专题询问、质询、特定问题调查或其他监督措施。`,
  );
}

/** The instants the lapsed re-rating escalates at: its deadline, then once more each period after. */
export function consequenceTicks(project: Project): number[] {
  const next = nextReRatingEscalation(project);
  return next === null ? [] : [next];
}

/** A re-rating not closed by its deadline escalates to the office and the responsible leader. */
export async function consequenceTick(project: Project, now: number): Promise<void> {
  const next = nextReRatingEscalation(project);
  if (next === null || now < next) return;
  const { consequence } = project.state;
  consequence.reRatingEscalations = (consequence.reRatingEscalations ?? 0) + 1;
  await project.milestone('project.reRatingOverdue', null, {
    dueAt: consequence.reRatingDueAt,
    escalation: consequence.reRatingEscalations,
  });
  await project.warnLeaders(
    `再次测评已逾期（第${consequence.reRatingEscalations}次督办）`,
    `整改已报告，${names(project).members}应于${chinaDay(new Date(consequence.reRatingDueAt!))}前完成再次测评，请尽快组织。`,
  );
}

function nextReRatingEscalation(project: Project): number | null {
  const { consequence, policy } = project.state;
  if (!consequence.reRatingDueAt) return null;
  if (consequence.stage !== 'awaitingReRating' && consequence.stage !== 'reRating') return null;
  return Date.parse(reRatingEscalationAt(consequence.reRatingDueAt, consequence.reRatingEscalations ?? 0, policy!));
}

export const consequenceTasks: Record<string, TaskDoneHandler> = {
  async explanation(project) {
    const { consequence, policy } = project.state;
    consequence.explanationsDone += 1;
    if (consequence.explanationsDone === (consequence.explanationsExpected ?? 2)) {
      await project.openTask(
        'explanationHearing',
        `${names(project).body}听取说明：${project.title}`,
        project.coordinators(),
        taskDue('explanationHearing', policy!),
        {},
      );
    }
  },
  async explanationHearing(project) {
    if (project.state.consequence.stage === 'explaining')
      await project.setConsequence('settled', null, { heard: true });
  },
  async rectificationReport(project, completion) {
    const { consequence, policy } = project.state;
    // The re-rating has its deadline from the report on; projects rectified before had none.
    if (patched('re-rating-deadline')) {
      consequence.reRatingDueAt = addCalendarPeriod(new Date(), reRatingPeriod(policy!)).toISOString();
      consequence.reRatingEscalations = 0;
    }
    await project.setConsequence('awaitingReRating', null, { measures: completion.result.measures });
    await project.notices.send({
      dedupeKey: `${project.projectId}:rectified`,
      to: project.coordinators(),
      kind: 'info',
      title: `整改已报告：${project.title}`,
      body: consequence.reRatingDueAt
        ? `请于${chinaDay(new Date(consequence.reRatingDueAt))}前启动${names(project).members}再次测评。`
        : `请启动${names(project).members}再次测评。`,
      workflowId: project.projectId,
      taskId: completion.taskId,
    });
  },
  async oversightMeasure(project, completion) {
    const { result } = completion;
    const { consequence, policy } = project.state;
    if (!patched('oversight-follow-through')) {
      // Decided before a measure was followed to its end: the decision settled the consequences.
      consequence.measure = String(result.measure);
      await project.setConsequence('settled', null, { measure: result.measure, note: result.note });
      await project.warnLeaders(`已决定监督措施：${String(result.measure)}`, String(result.note));
      return;
    }
    const measure = result.measure as OversightMeasure;
    const name = oversightMeasureName(measure, String(result.otherMeasure ?? ''));
    const reason = String(result.note);
    consequence.measure = measure;
    consequence.oversight = { measure, name, reason, heldOn: null, conclusionsOpen: 0 };
    if (!oversightHeld(measure)) {
      await project.setConsequence('settled', null, { measure, reason });
      await project.warnLeaders(`${names(project).body}决定不采取监督措施`, reason);
      return;
    }
    await project.milestone('project.oversightDecided', null, { measure, name, reason });
    await project.openTask(
      'oversightMeeting',
      `${name}：${project.title}`,
      project.coordinators(),
      taskDue('oversightMeeting', policy!),
      { measure, name, reason },
    );
    await project.warnLeaders(`已决定监督措施：${name}`, reason);
  },
  /** The measure was held: each conclusion goes to the department with the meeting's deadline. */
  async oversightMeeting(project, completion) {
    const { result } = completion;
    const oversight = project.state.consequence.oversight!;
    const conclusions = (result.conclusions as string[]) ?? [];
    oversight.heldOn = String(result.heldOn);
    oversight.conclusionsOpen = conclusions.length;
    await project.milestone('project.oversightHeld', null, {
      measure: oversight.measure,
      heldOn: result.heldOn,
      conclusions: conclusions.length,
      dueOn: result.conclusionsDueOn,
    });
    for (const [i, conclusion] of conclusions.entries()) {
      await project.openTask(
        'oversightConclusion',
        `落实${oversight.name}意见 ${i + 1}：${project.title}`,
        project.department(),
        { kind: 'at', at: endOfChinaDay(String(result.conclusionsDueOn)) },
        { conclusion, measure: oversight.measure, heldOn: result.heldOn },
      );
    }
    if (conclusions.length === 0) await project.setConsequence('settled', null, { measure: oversight.measure });
  },
  async oversightConclusion(project) {
    const oversight = project.state.consequence.oversight!;
    oversight.conclusionsOpen -= 1;
    if (oversight.conclusionsOpen === 0) await project.setConsequence('settled', null, { measure: oversight.measure });
  },
};

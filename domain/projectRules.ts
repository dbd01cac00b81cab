import { bodiesOf, type JurisdictionLevel } from './batchProcedure';
import type { Refusal } from './contract/refusals';
import type { DueRuleInput } from './dueRule';
import type { ProjectPolicy } from './projectPolicy';
import type { RatingOutcome } from './rating';
import type { OversightMeasure, TaskKind } from './taskKinds';
import { addCalendarPeriod, addDays } from './workingDays';

/**
 * The voted project's rules, apart from the workflow that follows them (docs/domain.md, "Supervision",
 * "Consequences" and "Post-evaluation"). Each is a pure function, so each can be read and tested alone.
 */

/** Why a person may not join the supervision group now, or null when they may (docs/domain.md, "Supervision"). */
export function supervisionGroupRefusal(
  group: readonly { userId: string }[],
  userId: string,
  limits: ProjectPolicy['supervisionGroup'],
): Refusal | null {
  if (group.some((m) => m.userId === userId)) return { code: 'alreadyInGroup', params: {} };
  if (group.length >= limits.max) return { code: 'groupFull', params: { count: group.length, max: limits.max } };
  return null;
}

/** Below its minimum (3 by default), a group is flagged until someone joins or the office appoints a member. */
export function supervisionGroupShort(groupSize: number, limits: ProjectPolicy['supervisionGroup']): boolean {
  return groupSize < limits.min;
}

/** Who may sit on a supervision group: deputies and residents' representatives (docs/domain.md, "Supervision"). */
export function maySitOnSupervisionGroup(roles: readonly string[]): boolean {
  return roles.includes('deputy') || roles.includes('residentRepresentative');
}

/** Who explains a rating (docs/domain.md, "Consequences"): the project unit's principal head, or the 包抓 vice head. */
export type Explainer = 'unitHead' | 'viceHead';

export interface RatingConsequences {
  explainers: Explainer[];
  /** 不满意: rectify within the policy's months and be re-rated. */
  rectify: boolean;
}

/**
 * What follows an outcome. The explanations are respective ("分别"): 基本满意 ⇒ the unit's principal head,
 * 不满意 ⇒ the responsible vice head. Projects rated before that was read so had both explain for both,
 * which `respective: false` reproduces for their replay.
 */
export function consequencesOf(outcome: RatingOutcome, respective = true): RatingConsequences {
  if (outcome === 'satisfied') return { explainers: [], rectify: false };
  const explainers: Explainer[] = !respective
    ? ['unitHead', 'viceHead']
    : outcome === 'basicallySatisfied'
      ? ['unitHead']
      : ['viceHead'];
  return { explainers, rectify: outcome === 'unsatisfied' };
}

/**
 * The deadlines of the project's people's tasks. The sources name the rectification's 3 months and the
 * one-year look-back; the 3, 10 and 20 working days of the office's own steps are ours.
 */
export function taskDue(
  kind: Extract<
    TaskKind,
    | 'progressReport'
    | 'supervisionCheck'
    | 'quarterlyEvaluation'
    | 'findingResponse'
    | 'explanation'
    | 'explanationHearing'
    | 'oversightMeasure'
    | 'performanceEvaluation'
    | 'lookBack'
    | 'lookBackRectification'
    | 'oversightMeeting'
    | 'acceptanceArrangement'
  >,
  policy: ProjectPolicy,
): DueRuleInput {
  switch (kind) {
    case 'progressReport':
      return { kind: 'workingDays', days: policy.progressReportDueWorkingDays };
    case 'supervisionCheck':
      return { kind: 'workingDays', days: 3 };
    case 'quarterlyEvaluation':
    case 'oversightMeasure':
    case 'acceptanceArrangement':
      return { kind: 'workingDays', days: 10 };
    case 'findingResponse':
      return { kind: 'workingDays', days: policy.findingResponseWorkingDays };
    case 'explanation':
    case 'explanationHearing':
      return { kind: 'calendar', days: policy.explanationDueDays };
    case 'performanceEvaluation':
    case 'lookBack':
      return { kind: 'workingDays', days: 20 };
    case 'lookBackRectification':
      return { kind: 'workingDays', days: policy.lookBackSuggestionDueWorkingDays };
    case 'oversightMeeting':
      // The standing committee meets about every two months; the measure is held at a meeting.
      return { kind: 'calendar', months: 2 };
  }
}

/**
 * The rectification is due `months` after the congress closed (docs/domain.md, "Consequences": "3 months of
 * the congress closing"), at the end of that day in China; without a recorded closing day, from the rating.
 */
export function rectificationDueAt(congressClosedOn: string | null, ratedAt: string, months: number): string {
  const from = congressClosedOn ? new Date(`${congressClosedOn}T00:00:00+08:00`) : new Date(ratedAt);
  const due = addCalendarPeriod(from, { months, days: 0, hours: 0 });
  return congressClosedOn ? new Date(due.getTime() + 86_400_000 - 1000).toISOString() : due.toISOString();
}

/** The last second of a day in China, as an instant: a deadline "by the 3rd" includes the 3rd. */
export function endOfChinaDay(day: string): string {
  return new Date(Date.parse(`${day}T23:59:59+08:00`)).toISOString();
}

/**
 * The committee re-rates within `reRatingDueDays` of the rectification report (docs/domain.md, "Consequences");
 * a lapsed re-rating escalates at the deadline and again each such period after.
 */
export function reRatingPeriod(policy: ProjectPolicy): { months: 0; days: number; hours: 0 } {
  return { months: 0, days: policy.reRatingDueDays, hours: 0 };
}

/** A project's rating consequences are over when there were none, or they have run their course. */
export function consequencesSettled(rated: boolean, stage: string): boolean {
  return rated && (stage === 'none' || stage === 'settled');
}

/** The one-year post-evaluation is over once evaluated, looked back at, and every look-back suggestion rectified. */
export function postEvaluationDone(
  post: { evaluated: boolean; lookedBack: boolean; suggestionsOpen: number } | null,
): boolean {
  return post !== null && post.evaluated && post.lookedBack && post.suggestionsOpen === 0;
}

/** When a lapsed re-rating escalates next: at its deadline, then once more each `reRatingDueDays` after. */
export function reRatingEscalationAt(dueAt: string, escalationsSoFar: number, policy: ProjectPolicy): string {
  return addCalendarPeriod(new Date(dueAt), {
    months: 0,
    days: policy.reRatingDueDays * escalationsSoFar,
    hours: 0,
  }).toISOString();
}

const measureNames: Record<Exclude<OversightMeasure, 'otherMeasure'>, string> = {
  specialInquiry: '专题询问',
  formalQuestioning: '质询',
  specialInvestigation: '特定问题调查',
  none: '不采取监督措施',
};

/** How the committee's decision is named to people: the measure, or the other one it named. */
export function oversightMeasureName(measure: OversightMeasure, otherMeasure: string): string {
  return measure === 'otherMeasure' ? otherMeasure.trim() || '其他监督措施' : measureNames[measure];
}

/**
 * A second 不满意 leaves the standing committee a choice, not a duty (docs/domain.md, "Consequences"): with no
 * measure the consequences end there; a chosen one is held and its conclusions carried out first.
 */
export function oversightHeld(measure: OversightMeasure): boolean {
  return measure !== 'none';
}

// ——— government acts (docs/domain.md, "Levels"; who performs them: domain/governmentActs.ts) ———

/** The record of an acceptance is due a week after the day it was arranged for (ours, not the sources'). */
export const ACCEPTANCE_RECORD_DAYS = 7;

export function acceptanceRecordDue(heldOn: string): DueRuleInput {
  return { kind: 'at', at: endOfChinaDay(addDays(heldOn, ACCEPTANCE_RECORD_DAYS)) };
}

// ——— the level's names for the rating's consequences (docs/domain.md, "Levels") ———

export interface ConsequenceNames {
  /** Hears the explanations, re-rates and decides on oversight. */
  body: string;
  /** Who re-rates, as a notice addresses them. */
  members: string;
  /** The responsible vice head who explains a 不满意. */
  viceHead: string;
}

/**
 * A county's standing committee; a township congress has none, and its presidium 主席团 does that work; a street
 * has no congress, and its 议政代表会议 rates and re-rates.
 */
export function consequenceNames(level: JurisdictionLevel): ConsequenceNames {
  const bodies = bodiesOf(level);
  switch (level) {
    case 'county':
      return { body: bodies.standingBody, members: '常委会组成人员', viceHead: '分管副县长' };
    case 'township':
      return { body: bodies.standingBody, members: '主席团成员', viceHead: '分管副乡镇长' };
    case 'street':
      return { body: bodies.congress, members: '议政代表', viceHead: '街道办事处分管副主任' };
  }
}

import { reportOpensOn } from './batchProcedure';
import type { ProjectPhase } from './contract/vocabulary';
import type { DueRuleInput } from './dueRule';
import type { ProjectPolicy } from './projectPolicy';
export { type GroupEvaluationGrade, groupEvaluationGrades } from './taskKinds';
import { endOfChinaDay } from './projectRules';
import { chinaDay, startOfChinaDay } from './workingDays';

/**
 * The supervision group's two fixed acts of the year (docs/domain.md, "Supervision"): a concentrated inspection
 * at mid-year (集中视察), whose itemised list of findings goes to the department with deadlines (交办清单, 限期反馈),
 * and an overall evaluation at year-end (总体评价), given when the government reports on the year. Both fall on
 * the instants the batch already uses for the government's half-year and year-end reports (batchProcedure.ts
 * `reportOpensOn`), so the group inspects and evaluates as the standing committee hears the reports.
 */

/** How many working days the group has to hand in its inspection list or its evaluation; the sources give none. */
export const GROUP_WORK_DUE_WORKING_DAYS = 20;

/** The first instant after `now` on which `kind`'s report opens (China time), as an ISO instant. */
function nextReportInstant(kind: 'halfYear' | 'yearEnd', now: number): string {
  const year = Number(chinaDay(new Date(now)).slice(0, 4));
  for (const y of [year, year + 1]) {
    const at = startOfChinaDay(reportOpensOn(kind, y)).getTime();
    if (at > now) return new Date(at).toISOString();
  }
  // Unreachable: next year's report always lies after `now`.
  throw new Error(`no ${kind} instant after ${new Date(now).toISOString()}`);
}

/** The next mid-year concentrated inspection after `now`: the day the half-year report opens. */
export function nextInspectionAt(now: number): string {
  return nextReportInstant('halfYear', now);
}

/** The next year-end evaluation after `now`: the day the year-end report opens. */
export function nextYearEndEvaluationAt(now: number): string {
  return nextReportInstant('yearEnd', now);
}

/** The year (China time) an inspection or evaluation instant belongs to. */
export function groupWorkYear(at: string): number {
  return Number(chinaDay(new Date(at)).slice(0, 4));
}

/** A project still being built is inspected at mid-year; one accepted or in use has nothing left to push along. */
export function inspectsAtMidYear(phase: ProjectPhase): boolean {
  return phase === 'implementation';
}

/**
 * The group evaluates the year a project was built in: every year-end while it is unfinished, and the year-end of
 * the year it was accepted; a project accepted in an earlier year is left to its rating and post-evaluation.
 */
export function evaluatesAtYearEnd(phase: ProjectPhase, acceptedAt: string | null, year: number): boolean {
  if (phase === 'implementation') return true;
  if (phase === 'closed' || acceptedAt === null) return false;
  return Number(chinaDay(new Date(acceptedAt)).slice(0, 4)) === year;
}

/** One item of the inspection list: a finding, with its own deadline or the policy's. */
export interface InspectionItemDue {
  /** 'YYYY-MM-DD': answered by the end of this day in China. */
  dueOn?: string | undefined;
  dueWorkingDays?: number | undefined;
}

/** An item's deadline: the day the group named, or its working days, or the policy's finding deadline. */
export function inspectionItemDue(item: InspectionItemDue, policy: ProjectPolicy): DueRuleInput {
  if (item.dueOn) return { kind: 'at', at: endOfChinaDay(item.dueOn) };
  return { kind: 'workingDays', days: item.dueWorkingDays ?? policy.findingResponseWorkingDays };
}

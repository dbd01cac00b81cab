import type { JurisdictionLevel } from './batchProcedure';
import type { ProjectChangeBody } from './contract/projectChange';
import type { Refusal } from './contract/refusals';
import type { ProjectPhase } from './contract/vocabulary';
import { defaultStagePlan } from './projectPlan';
import type { StagePlan } from './progressWarning';
import { addDays } from './workingDays';

/**
 * Projects that outlive the rating, and the committee's decisions that change or end them (docs/domain.md,
 * "Changes and termination").
 */

/**
 * Who decides (docs/domain.md, "Levels"): the county's standing committee; a township's presidium, which has
 * no standing committee; a street's council of deputies (议政代表会议), which voted the projects.
 */
export function decidingBody(level: JurisdictionLevel): string {
  switch (level) {
    case 'county':
      return '人大常委会';
    case 'township':
      return '乡镇人大主席团';
    case 'street':
      return '议政代表会议';
  }
}

/**
 * An unfinished project is one not yet accepted as complete: it stays in the reports and bulletins of the
 * following years until it is accepted or the committee ends it. Kept in SQL by the bulletin and report
 * queries (activities/bulletins.ts), which filter on these phases.
 */
export const unfinishedPhases = ['implementation'] as const satisfies readonly ProjectPhase[];

/** A project of an earlier year's batch still reported this year. */
export function carriedOver(project: { batchYear: number; phase: ProjectPhase }, reportYear: number): boolean {
  return project.batchYear < reportYear && (unfinishedPhases as readonly ProjectPhase[]).includes(project.phase);
}

/** How a carried project is marked in a bulletin or a report: 结转自2027年. */
export function carriedLabel(batchYear: number): string {
  return `结转自${batchYear}年`;
}

export interface ProjectChangeContext {
  phase: ProjectPhase;
  deadline: string;
  /** 'YYYY-MM-DD' in China. */
  today: string;
}

/**
 * Why the office may not record this decision, or null. The API's schema catches malformed input first; the
 * workflow's validator asks again with the project's own state, so a decision never half-applies.
 */
export function projectChangeRefusal(decision: ProjectChangeBody, project: ProjectChangeContext): Refusal | null {
  const refuse = (code: Refusal['code'], params: Refusal['params'] = {}): Refusal => ({ code, params });
  if (project.phase === 'closed') return refuse('projectChangeClosed');
  if (!decision.reason.trim()) return refuse('changeReasonMissing');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.meetingOn) || decision.meetingOn > project.today)
    return refuse('meetingDayInvalid', { day: decision.meetingOn });
  switch (decision.kind) {
    case 'changeDeadline':
      if (project.phase !== 'implementation') return refuse('changeAfterAcceptance');
      if (!decision.newDeadline) return refuse('newDeadlineMissing');
      if (decision.newDeadline < project.today) return refuse('newDeadlineInPast', { day: decision.newDeadline });
      if (decision.newDeadline === project.deadline) return refuse('deadlineUnchanged', { day: decision.newDeadline });
      return null;
    case 'changeScope':
      if (project.phase !== 'implementation') return refuse('changeAfterAcceptance');
      if (!decision.scope?.trim()) return refuse('newScopeMissing');
      return null;
    case 'terminate':
      return null;
  }
}

/**
 * The stage plan under a new deadline: the department's plan stretched (or shrunk) from its first day to the new
 * deadline, each stage keeping its share of the time, so the warnings measure against what the committee decided.
 * Without a plan, the default one from today.
 */
export function replannedStages(plan: StagePlan | null, today: string, newDeadline: string): StagePlan {
  if (!plan || plan.length === 0) return defaultStagePlan(today, newDeadline);
  const start = plan[0]!.plannedStart;
  const oldSpan = daysFrom(start, plan[plan.length - 1]!.plannedEnd) + 1;
  const newSpan = daysFrom(start, newDeadline) + 1;
  if (newSpan < plan.length * 2 || oldSpan < 1) return defaultStagePlan(start, newDeadline);
  const stretched: StagePlan = [];
  let from = start;
  plan.forEach((stage, i) => {
    const left = plan.length - 1 - i;
    const share = Math.round(((daysFrom(start, stage.plannedEnd) + 1) * newSpan) / oldSpan) - 1;
    // Every stage keeps at least a day, and leaves a day to each stage after it.
    const latest = addDays(newDeadline, -left);
    const end = left === 0 ? newDeadline : minDay(maxDay(addDays(start, share), from), latest);
    stretched.push({ ...stage, plannedStart: from, plannedEnd: end });
    from = addDays(end, 1);
  });
  return stretched;
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** A decision's one-line summary, for the notices, the audit trail and the public page. */
export function projectChangeSummary(
  decision: Pick<ProjectChangeBody, 'kind' | 'newDeadline' | 'reason' | 'meetingOn'>,
  decidedBy: string,
): string {
  const what =
    decision.kind === 'changeDeadline'
      ? `完成时限调整为 ${decision.newDeadline}`
      : decision.kind === 'changeScope'
        ? '项目建设内容调整'
        : '项目终止（不再继续实施）';
  return `${decidedBy} ${decision.meetingOn} 会议决定：${what}。理由：${decision.reason}`;
}

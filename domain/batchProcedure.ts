import type { BatchPolicy } from './batchPolicy';
import { type ApprovalStep, approvalSteps } from './contract/vocabulary';
import { type Refusal, refusalMessage, refusalOffices } from './contract/refusals';
import { voteOpeningRefusal } from './election';
import type { RatingCounts, RatingOutcome } from './rating';
import { quorumRefusal } from './voteIntegrity';
import { startOfChinaDay } from './workingDays';

/**
 * The annual batch's rules that are not about ballots or ratings themselves: when the rating may open, when
 * the reports open, what a vote needs to open. Pure, so the workflow reads as the procedure and these are
 * tested on their own (test/domain/batchProcedure.test.ts).
 */

/** A batch's projects are rated at the next year's congress (docs/domain.md, "Rating"): not before 1 January. */
export function ratingOpensAt(year: number): number {
  return startOfChinaDay(`${year + 1}-01-01`).getTime();
}

/** Why the rating may not open at `now`, or undefined when it may. */
export function ratingOpeningProblem(year: number, now: number): string | undefined {
  const opensAt = ratingOpensAt(year);
  return now < opensAt
    ? `projects of ${year} are rated at the ${year + 1} congress, from ${new Date(opensAt).toISOString().slice(0, 10)}`
    : undefined;
}

export type ReportKind = 'halfYear' | 'yearEnd';

/** The government reports at half-year and year-end (docs/domain.md, "Reports"): the day each opens. */
export function reportOpensOn(kind: ReportKind, year: number): string {
  return kind === 'halfYear' ? `${year}-07-01` : `${year}-12-01`;
}

/** 'YYYY-MM' of the month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface VoteOpening {
  seats: number;
  deputiesEntitled: number;
  deputiesPresent: number;
  scrutineers: string[];
  tellers: string[];
}

/**
 * Everything that keeps a vote from opening (docs/domain.md, "Vote"): the quorum, the scrutineers and tellers
 * the policy names, and either the competition margin or, for a run-off, the seats the tie left open.
 */
export function voteOpeningProblems(
  vote: VoteOpening,
  policy: Pick<BatchPolicy, 'scrutineers' | 'tellers' | 'election'>,
  candidates: number,
  runOff: { seats: number } | null,
): string[] {
  return voteOpeningRefusals(vote, policy, candidates, runOff).map((r) => refusalMessage(r, 'en'));
}

/** The same problems by refusal code (domain/contract/refusals.ts), so the office reads them in its language. */
export function voteOpeningRefusals(
  vote: VoteOpening,
  policy: Pick<BatchPolicy, 'scrutineers' | 'tellers' | 'election'>,
  candidates: number,
  runOff: { seats: number } | null,
): Refusal[] {
  const problems: Refusal[] = [];
  // A congress votes only with two thirds of its deputies present, counted from the attendance.
  const quorum = quorumRefusal(vote.deputiesPresent, vote.deputiesEntitled);
  if (quorum) problems.push(quorum);
  const named = (names: string[]) => names.filter((n) => n.trim().length > 0).length;
  if (named(vote.scrutineers) !== policy.scrutineers)
    problems.push({ code: 'scrutineerCount', params: { count: policy.scrutineers } });
  if (named(vote.tellers) !== policy.tellers) problems.push({ code: 'tellerCount', params: { count: policy.tellers } });
  if (runOff) {
    if (vote.seats !== runOff.seats) problems.push({ code: 'runOffSeats', params: { seats: runOff.seats } });
  } else {
    const problem = voteOpeningRefusal(candidates, vote.seats, policy.election);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** 县/区, 乡镇, 街道 (docs/domain.md, "Levels"): the jurisdiction's level chooses who does each step. */
export const jurisdictionLevels = ['county', 'township', 'street'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];

/** Who does what at a level: the names the procedure's tasks, notices and reports carry. */
export interface LevelBodies {
  /** The assembly that votes and rates, as a notice names it. */
  congress: string;
  /** Hears the reports and gives the congress side's opinion between sessions. */
  standingBody: string;
  /** Its office, which runs the batch in the console (role coordinator). */
  office: string;
  /** Confirms the rating results at the session (docs/domain.md, "Consequences" [S4]: 大会主席团确认). */
  sessionPresidium: string;
  government: string;
  partyCommittee: string;
  organisationDepartment: string;
}

/**
 * A township congress has no standing committee: its presidium 主席团 does that work; a street's deputies sit in
 * the 议政代表会议 under the district congress's working committee 人大街道工委 (docs/domain.md, "Levels").
 */
export function bodiesOf(level: JurisdictionLevel): LevelBodies {
  switch (level) {
    case 'county':
      return {
        congress: '人代会',
        standingBody: '常委会',
        office: refusalOffices.county.en,
        sessionPresidium: '大会主席团',
        government: '人民政府',
        partyCommittee: '党委',
        organisationDepartment: '党委组织部',
      };
    case 'township':
      return {
        congress: '乡镇人代会',
        standingBody: '乡镇人大主席团',
        office: refusalOffices.township.en,
        sessionPresidium: '大会主席团',
        government: '乡镇人民政府',
        partyCommittee: '乡镇党委',
        organisationDepartment: '党委组织部门',
      };
    case 'street':
      return {
        congress: '议政代表会议',
        standingBody: '人大街道工委',
        office: refusalOffices.street.en,
        sessionPresidium: '议政代表会议主席团',
        government: '街道办事处',
        partyCommittee: '街道党工委',
        organisationDepartment: '党工委组织部门',
      };
  }
}

export interface ApprovalStepSpec {
  step: ApprovalStep;
  label: string;
}

/**
 * The approval chain at a level (docs/domain.md, "Approval chain" [S0], "Levels"). A county's is [S0]'s four
 * steps. A township's or a street's presidium (working committee) takes the standing committee's place, and its
 * party committee reviews the list only when its policy says so ([S1]'s townships do, 乡镇党委专题会议).
 */
export function approvalStepsFor(
  level: JurisdictionLevel,
  policy: Pick<BatchPolicy, 'partyCommitteeReviewsTownshipList'>,
): ApprovalStepSpec[] {
  if (level === 'county') return approvalSteps.map(({ step, label }) => ({ step, label }));
  const bodies = bodiesOf(level);
  return [
    { step: 'executiveMeeting', label: `${bodies.government}研究` },
    level === 'township'
      ? { step: 'presidiumOpinion', label: `${bodies.standingBody}征求意见` }
      : { step: 'workingCommitteeOpinion', label: `${bodies.standingBody}征求意见` },
    ...(policy.partyCommitteeReviewsTownshipList
      ? [{ step: 'partyCommitteeApproval' as const, label: `${bodies.partyCommittee}审定` }]
      : []),
    { step: 'billToCongress', label: `提请${bodies.congress}票决` },
  ];
}

/** The presidium confirms the results at the session; a few working days cover a session that ends first (ours, not the sources'). */
export const RATING_CONFIRMATION_WORKING_DAYS = 3;

/**
 * Where confirmed rating results go (docs/domain.md, "Consequences" [S4]): announced to every deputy, reported to
 * the party committee, fed back to the government, copied to the organisation department as an input to cadre
 * assessment.
 */
export function ratingDistribution(level: JurisdictionLevel): { to: string; how: string }[] {
  const bodies = bodiesOf(level);
  return [
    { to: '全体代表', how: '通报' },
    { to: bodies.partyCommittee, how: '报告' },
    { to: bodies.government, how: '反馈' },
    { to: bodies.organisationDepartment, how: '抄送' },
  ];
}

const outcomeNames: Record<RatingOutcome, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

export interface RatedProject {
  title: string;
  outcome: RatingOutcome;
  /** Null where a small session publishes outcomes only (docs/domain.md, "Vote"). */
  counts: RatingCounts | null;
}

/** The report document of a confirmed rating: what the deputies, the party committee, the government and the organisation department receive. */
export function ratingReportText(report: {
  batchTitle: string;
  level: JurisdictionLevel;
  confirmedOn: string;
  note: string;
  projects: RatedProject[];
}): { title: string; body: string } {
  const bodies = bodiesOf(report.level);
  const title = `关于${report.batchTitle}满意度测评结果的报告`;
  const tally = (o: RatingOutcome) => report.projects.filter((p) => p.outcome === o).length;
  const lines = [
    title,
    '',
    `${report.batchTitle}共${report.projects.length}个项目，经${bodies.congress}全体代表无记名分项目测评，测评结果已于${report.confirmedOn}经${bodies.sessionPresidium}确认：满意${tally('satisfied')}个，基本满意${tally('basicallySatisfied')}个，不满意${tally('unsatisfied')}个。`,
    '',
    ...report.projects.map((p, i) => {
      const counts = p.counts
        ? `（满意${p.counts.satisfied}票，基本满意${p.counts.basicallySatisfied}票，不满意${p.counts.unsatisfied}票）`
        : '';
      return `${i + 1}. ${p.title}：${outcomeNames[p.outcome]}${counts}`;
    }),
    '',
    '基本满意的项目由项目单位主要负责人作出说明；不满意的项目由包抓领导作出说明，政府在闭会后3个月内整改并报告整改情况。',
    ...(report.note ? ['', `${bodies.sessionPresidium}意见：${report.note}`] : []),
    '',
    ratingDistribution(report.level)
      .map((d) => `${d.how}：${d.to}`)
      .join('；'),
  ];
  return { title, body: lines.join('\n') };
}

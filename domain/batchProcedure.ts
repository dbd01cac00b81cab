import type { BatchPolicy } from './batchPolicy';
import { voteOpeningProblem } from './election';
import { quorumProblem } from './voteIntegrity';
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
  const problems: string[] = [];
  // A congress votes only with two thirds of its deputies present, counted from the attendance.
  const quorum = quorumProblem(vote.deputiesPresent, vote.deputiesEntitled);
  if (quorum) problems.push(quorum);
  const named = (names: string[]) => names.filter((n) => n.trim().length > 0).length;
  if (named(vote.scrutineers) !== policy.scrutineers)
    problems.push(`name exactly ${policy.scrutineers} scrutineers (监票人)`);
  if (named(vote.tellers) !== policy.tellers) problems.push(`name exactly ${policy.tellers} tellers (计票人)`);
  if (runOff) {
    if (vote.seats !== runOff.seats) problems.push(`the run-off fills ${runOff.seats} seat(s)`);
  } else {
    const problem = voteOpeningProblem(candidates, vote.seats, policy.election);
    if (problem) problems.push(problem);
  }
  return problems;
}

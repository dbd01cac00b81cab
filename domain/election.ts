import { z } from 'zod';
import { type Refusal, refusalMessage } from './contract/refusals';

export const COMPETITION_FLOOR_PERCENT = 20;

/** 差额票决 rules (docs/domain.md, "Vote"); every number here is a jurisdiction policy parameter. */
export const electionPolicySchema = z.object({
  /**
   * Candidates must exceed seats by at least this share (docs/domain.md, "Vote": ≥ 20%). A jurisdiction may
   * ask for more competition, never less: the floor is in the schema, so a workflow never receives less.
   */
  competitionPercent: z
    .number()
    .int()
    .min(COMPETITION_FLOOR_PERCENT, `candidates must exceed seats by at least ${COMPETITION_FLOOR_PERCENT}%`)
    .max(500)
    .default(20),
  /**
   * A ballot approving more candidates than there are seats is invalid, or counted as cast. The sources are
   * silent on it: invalid is local practice, a parameter, not a source's rule (docs/domain.md, "Vote").
   */
  overApprovalInvalidates: z.boolean().default(true),
  /** Who "more than half" is counted of: deputies entitled, deputies present (default) or valid ballots. */
  majorityBase: z.enum(['entitled', 'present', 'validBallots']).default('present'),
});
export type ElectionPolicy = z.infer<typeof electionPolicySchema>;

export const voteChoiceSchema = z.enum(['approve', 'disapprove', 'abstain']);
export type VoteChoice = z.infer<typeof voteChoiceSchema>;
/** 非常必要 / 必要 / 一般, optional per candidate. */
export const prioritySchema = z.enum(['veryNecessary', 'necessary', 'ordinary']);
export type Priority = z.infer<typeof prioritySchema>;

/** How many valid ballots gave a candidate each priority (docs/domain.md, "Vote"); a ballot may give none. */
export type PriorityCounts = Record<Priority, number>;
export const noPriorities = (): PriorityCounts => ({ veryNecessary: 0, necessary: 0, ordinary: 0 });

export const ballotSchema = z.object({
  marks: z
    .array(z.object({ candidateId: z.string().min(1), choice: voteChoiceSchema, priority: prioritySchema.optional() }))
    .min(1, 'mark at least one candidate'),
});
export type Ballot = z.infer<typeof ballotSchema>;
export type BallotMark = Ballot['marks'][number];

/** Candidates needed before a vote may open: seats × (1 + competition), rounded up. */
export function minimumCandidates(seats: number, policy: Pick<ElectionPolicy, 'competitionPercent'>): number {
  return Math.ceil((seats * (100 + policy.competitionPercent)) / 100);
}

/** Why a vote may not open, or undefined when it may. */
export function voteOpeningProblem(
  candidates: number,
  seats: number,
  policy: Pick<ElectionPolicy, 'competitionPercent'>,
): string | undefined {
  const refusal = voteOpeningRefusal(candidates, seats, policy);
  return refusal && refusalMessage(refusal, 'en');
}

/** The same, by refusal code (domain/contract/refusals.ts), for a reader of either language. */
export function voteOpeningRefusal(
  candidates: number,
  seats: number,
  policy: Pick<ElectionPolicy, 'competitionPercent'>,
): Refusal | undefined {
  if (seats < 1) return { code: 'noSeats', params: {} };
  const needed = minimumCandidates(seats, policy);
  return candidates >= needed
    ? undefined
    : { code: 'tooFewCandidates', params: { seats, needed, percent: policy.competitionPercent, candidates } };
}

/**
 * A ballot naming an unknown candidate, or one candidate twice, is refused outright (the deputy can
 * fix it); over-approval is a valid act of voting that makes the ballot invalid, and is counted so.
 */
export function ballotProblem(ballot: Ballot, candidateIds: readonly string[]): string | undefined {
  const known = new Set(candidateIds);
  const seen = new Set<string>();
  for (const { candidateId } of ballot.marks) {
    if (!known.has(candidateId)) return `"${candidateId}" is not a candidate in this vote`;
    if (seen.has(candidateId)) return `candidate "${candidateId}" is marked more than once`;
    seen.add(candidateId);
  }
  return undefined;
}

export function isBallotValid(
  ballot: Ballot,
  seats: number,
  policy: Pick<ElectionPolicy, 'overApprovalInvalidates'>,
): boolean {
  const approvals = ballot.marks.filter((m) => m.choice === 'approve').length;
  return !(policy.overApprovalInvalidates && approvals > seats);
}

export interface CandidateTally {
  candidateId: string;
  approve: number;
  disapprove: number;
  abstain: number;
  /**
   * The priorities marked beside the choice, counted over valid ballots whatever the choice, and published with
   * the result (docs/domain.md, "Vote"). Absent when a paper count's tellers did not total them.
   */
  priorities?: PriorityCounts;
  /** Approvals > half the majority base. */
  passed: boolean;
}

export interface ElectionResult {
  ballotsCast: number;
  validBallots: number;
  invalidBallots: number;
  majorityBase: number;
  tallies: CandidateTally[];
  elected: string[];
  /** Passing candidates tied at the last seat(s): reported for a run-off, never broken silently. */
  runOff: { seats: number; candidateIds: string[] } | null;
}

export interface TallyInput {
  candidateIds: readonly string[];
  seats: number;
  ballots: readonly Ballot[];
  deputiesEntitled: number;
  deputiesPresent: number;
  policy: ElectionPolicy;
}

export function tallyVote(input: TallyInput): ElectionResult {
  const { candidateIds, seats, ballots, policy } = input;
  const counts = new Map<string, Counts>(
    candidateIds.map((id) => [id, { approve: 0, disapprove: 0, abstain: 0, priorities: noPriorities() }]),
  );
  let validBallots = 0;
  for (const ballot of ballots) {
    if (!isBallotValid(ballot, seats, policy)) continue;
    validBallots += 1;
    for (const mark of ballot.marks) {
      const c = counts.get(mark.candidateId);
      if (!c) continue;
      c[mark.choice] += 1;
      if (mark.priority && c.priorities) c.priorities[mark.priority] += 1;
    }
  }
  return decide({ ...input, ballotsCast: ballots.length, validBallots, counts });
}

export interface TotalsTallyInput {
  candidateIds: readonly string[];
  seats: number;
  /** The tellers' sheet of a paper or voting-device vote; checked with `tellerTotalsProblem` first. */
  totals: {
    ballotsCast: number;
    invalidBallots: number;
    candidates: readonly {
      candidateId: string;
      approve: number;
      disapprove: number;
      abstain: number;
      priorities?: PriorityCounts;
    }[];
  };
  deputiesEntitled: number;
  deputiesPresent: number;
  policy: ElectionPolicy;
}

/** The same rules as `tallyVote`, from the tellers' totals instead of the ballots themselves. */
export function tallyFromTotals(input: TotalsTallyInput): ElectionResult {
  const { totals } = input;
  const byId = new Map(totals.candidates.map((c) => [c.candidateId, c]));
  const counts = new Map<string, Counts>(
    input.candidateIds.map((id) => {
      const c = byId.get(id);
      const counted = { approve: c?.approve ?? 0, disapprove: c?.disapprove ?? 0, abstain: c?.abstain ?? 0 };
      return [id, c?.priorities ? { ...counted, priorities: { ...c.priorities } } : counted];
    }),
  );
  return decide({
    ...input,
    ballotsCast: totals.ballotsCast,
    validBallots: totals.ballotsCast - totals.invalidBallots,
    counts,
  });
}

interface Counts {
  approve: number;
  disapprove: number;
  abstain: number;
  priorities?: PriorityCounts;
}

function decide(input: {
  candidateIds: readonly string[];
  seats: number;
  ballotsCast: number;
  validBallots: number;
  counts: Map<string, Counts>;
  deputiesEntitled: number;
  deputiesPresent: number;
  policy: ElectionPolicy;
}): ElectionResult {
  const { candidateIds, seats, ballotsCast, validBallots, counts, policy } = input;
  const majorityBase = { entitled: input.deputiesEntitled, present: input.deputiesPresent, validBallots }[
    policy.majorityBase
  ];
  const tallies: CandidateTally[] = candidateIds.map((candidateId) => {
    const c = counts.get(candidateId)!;
    return { candidateId, ...c, passed: c.approve * 2 > majorityBase };
  });

  const passing = tallies.filter((t) => t.passed).sort((a, b) => b.approve - a.approve);
  let elected = passing.map((t) => t.candidateId);
  let runOff: ElectionResult['runOff'] = null;
  const lastSeat = passing[seats - 1];
  if (passing.length > seats && lastSeat) {
    const lastSeatApprovals = lastSeat.approve;
    const above = passing.filter((t) => t.approve > lastSeatApprovals);
    const tied = passing.filter((t) => t.approve === lastSeatApprovals);
    elected = above.map((t) => t.candidateId);
    const seatsLeft = seats - above.length;
    if (tied.length > seatsLeft) runOff = { seats: seatsLeft, candidateIds: tied.map((t) => t.candidateId) };
    else elected.push(...tied.map((t) => t.candidateId));
  }
  return {
    ballotsCast,
    validBallots,
    invalidBallots: ballotsCast - validBallots,
    majorityBase,
    tallies,
    elected,
    runOff,
  };
}

/** What a session with few participants publishes: who passed and was elected, no count that names a person. */
export interface ElectionOutcome {
  outcomeOnly: true;
  tallies: { candidateId: string; passed: boolean }[];
  elected: string[];
  runOff: ElectionResult['runOff'];
}

/**
 * In a small session a count can name a person (3 members, 2 approvals: the office knows who sat), so only
 * the outcome is published below `outcomeOnlyBelow` participants (docs/domain.md, "Vote"). Who took part is
 * the smaller of those present and the ballots cast: a session of 40 present closed early after one ballot
 * would otherwise publish that one deputy's marks, and the receipts say who cast it.
 */
export function publishableResult(
  result: ElectionResult,
  present: number,
  outcomeOnlyBelow: number,
): ElectionResult | ElectionOutcome {
  if (!isSmallSession(present, result.ballotsCast, outcomeOnlyBelow)) return result;
  return {
    outcomeOnly: true,
    tallies: result.tallies.map(({ candidateId, passed }) => ({ candidateId, passed })),
    elected: result.elected,
    runOff: result.runOff,
  };
}

/** Whether a session publishes its outcome only: fewer took part (present, and of them, who cast) than the floor. */
export function isSmallSession(present: number, ballotsCast: number, outcomeOnlyBelow: number): boolean {
  return Math.min(present, ballotsCast) < outcomeOnlyBelow;
}

import { z } from 'zod';
import { type Refusal, refusalMessage } from './contract/refusals';

/** How the close-time check refuses; the batch workflow answers the first as a 409, the second as a 422. */
export const voteCloseRefusals = {
  /** Not every deputy present has voted and the counts were not (or no longer) confirmed; or totals await confirmation. */
  unconfirmed: 'VoteCloseUnconfirmed',
  /** Against a rule: no quorum, more ballots than deputies present, inconsistent totals. */
  invalid: 'VoteCloseInvalid',
} as const;

/**
 * What makes a congress vote valid whoever runs it (docs/domain.md, "Vote"): a session is held only with at
 * least two thirds of the deputies present (地方各级人民代表大会和地方各级人民政府组织法, 三分之二以上: 以上 includes
 * the number itself); ballots cast never exceed the deputies present; closing before every deputy present
 * has voted is a deliberate act by the office, confirmed with the counts it saw.
 */

/** Deputies who must be present for the congress to vote: ceil(2/3 · entitled), since exactly two thirds suffices. */
export function quorumOf(deputiesEntitled: number): number {
  return Math.ceil((deputiesEntitled * 2) / 3);
}

/** Why a session may not be held with these many present, or undefined when it may. */
export function quorumProblem(deputiesPresent: number, deputiesEntitled: number): string | undefined {
  const refusal = quorumRefusal(deputiesPresent, deputiesEntitled);
  return refusal && refusalMessage(refusal, 'en');
}

/** The same, by refusal code (domain/contract/refusals.ts), for a reader of either language. */
export function quorumRefusal(deputiesPresent: number, deputiesEntitled: number): Refusal | undefined {
  if (!Number.isInteger(deputiesEntitled) || deputiesEntitled < 1) return { code: 'entitledTooFew', params: {} };
  if (!Number.isInteger(deputiesPresent) || deputiesPresent < 0) return { code: 'presentNotWhole', params: {} };
  const counts = { present: deputiesPresent, entitled: deputiesEntitled };
  if (deputiesPresent > deputiesEntitled) return { code: 'presentOverEntitled', params: counts };
  const needed = quorumOf(deputiesEntitled);
  return deputiesPresent >= needed ? undefined : { code: 'noQuorum', params: { ...counts, needed } };
}

/** Ballots cast can never exceed the deputies present. */
export function ballotsOverPresentProblem(ballotsCast: number, deputiesPresent: number): string | undefined {
  return ballotsCast > deputiesPresent
    ? `${ballotsCast} ballots were cast but only ${deputiesPresent} deputies are present; the vote is void and cannot be closed`
    : undefined;
}

export const closeConfirmationSchema = z.object({
  ballotsCast: z.number().int().min(0),
  present: z.number().int().min(0),
});
export type CloseConfirmation = z.infer<typeof closeConfirmationSchema>;

/**
 * Closing while some deputies present have not voted must carry the counts the office saw, so the moment is
 * chosen knowingly and a count that moved since (a ballot arriving) is caught. Undefined when closing may go on.
 */
export function incompleteCloseProblem(
  counts: { ballotsCast: number; present: number },
  confirmation: CloseConfirmation | undefined,
): string | undefined {
  if (counts.ballotsCast >= counts.present) return undefined;
  const seen = `${counts.ballotsCast} of ${counts.present} deputies present have voted`;
  if (!confirmation)
    return `${seen}; to close now, confirm with confirmIncomplete: { ballotsCast: ${counts.ballotsCast}, present: ${counts.present} }`;
  if (confirmation.ballotsCast !== counts.ballotsCast || confirmation.present !== counts.present)
    return `the counts have changed since you confirmed ${confirmation.ballotsCast} of ${confirmation.present}: now ${seen}; confirm again to close`;
  return undefined;
}

/** One candidate's line on the tellers' sheet (计票结果) of a paper or voting-device vote. */
export const candidateTotalsSchema = z.object({
  candidateId: z.string().min(1),
  approve: z.number().int().min(0),
  disapprove: z.number().int().min(0),
  abstain: z.number().int().min(0),
  /** The priorities marked on the valid ballots, when the tellers totalled them (docs/domain.md, "Vote"). */
  priorities: z
    .object({
      veryNecessary: z.number().int().min(0),
      necessary: z.number().int().min(0),
      ordinary: z.number().int().min(0),
    })
    .strict()
    .optional(),
});

/** The tellers' totals of a paper or hall-device vote, entered by one person and confirmed by another. */
export const tellerTotalsSchema = z.object({
  ballotsCast: z.number().int().min(0),
  invalidBallots: z.number().int().min(0),
  candidates: z.array(candidateTotalsSchema).min(1, 'give the totals of every candidate'),
});
export type TellerTotals = z.infer<typeof tellerTotalsSchema>;

/** Why the tellers' totals cannot be right, or undefined when they add up. */
export function tellerTotalsProblem(
  totals: TellerTotals,
  candidateIds: readonly string[],
  deputiesPresent: number,
): string | undefined {
  const over = ballotsOverPresentProblem(totals.ballotsCast, deputiesPresent);
  if (over) return over;
  if (totals.invalidBallots > totals.ballotsCast)
    return `${totals.invalidBallots} invalid ballots is more than the ${totals.ballotsCast} cast`;
  const given = totals.candidates.map((c) => c.candidateId);
  const unknown = given.find((id) => !candidateIds.includes(id));
  if (unknown) return `"${unknown}" is not a candidate in this vote`;
  if (new Set(given).size !== given.length) return 'a candidate appears more than once';
  const missing = candidateIds.find((id) => !given.includes(id));
  if (missing) return `the totals of candidate "${missing}" are missing`;
  const valid = totals.ballotsCast - totals.invalidBallots;
  for (const c of totals.candidates) {
    const sum = c.approve + c.disapprove + c.abstain;
    if (sum !== valid)
      return `candidate "${c.candidateId}": approve ${c.approve} + disapprove ${c.disapprove} + abstain ${c.abstain} = ${sum}, but there are ${valid} valid ballots`;
    // A ballot gives a candidate one priority at most, so the priorities cannot outnumber the valid ballots.
    const p = c.priorities;
    if (p && p.veryNecessary + p.necessary + p.ordinary > valid)
      return `candidate "${c.candidateId}": very necessary ${p.veryNecessary} + necessary ${p.necessary} + ordinary ${p.ordinary} = ${p.veryNecessary + p.necessary + p.ordinary}, more than the ${valid} valid ballots`;
  }
  return undefined;
}

/** Equal totals, entry by entry: the confirming person re-reads the sheet, not just presses a button. */
export function sameTotals(a: TellerTotals, b: TellerTotals): boolean {
  const key = (t: TellerTotals) =>
    JSON.stringify([
      t.ballotsCast,
      t.invalidBallots,
      [...t.candidates]
        .sort((x, y) => x.candidateId.localeCompare(y.candidateId))
        .map((c) => [
          c.candidateId,
          c.approve,
          c.disapprove,
          c.abstain,
          c.priorities ? [c.priorities.veryNecessary, c.priorities.necessary, c.priorities.ordinary] : null,
        ]),
    ]);
  return key(a) === key(b);
}

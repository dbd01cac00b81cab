import { z } from 'zod';
import type { Ballot, VoteChoice } from './election';
import type { RatingOutcome as RatingChoice } from './rating';

/**
 * The one shape a secret ballot or rating sheet has on the wire and inside its seal (docs/secrecy.md):
 * every candidate (or project) exactly once, in the session's own order, one fixed-width code each. Two
 * ballots of one session are therefore the same number of bytes whatever they say, so neither the
 * request's Content-Length nor the sealed row's size tells a choice, and no ballot keeps the order or the
 * subset a deputy's client happened to send.
 */

type Priority = NonNullable<Ballot['marks'][number]['priority']>;

/** Two characters per candidate: the choice, then the priority (0 when none; docs/domain.md, "Vote"). */
const choiceCodes: Record<VoteChoice, string> = { approve: 'a', disapprove: 'd', abstain: 's' };
const priorityCodes: Record<Priority | 'none', string> = {
  none: '0',
  veryNecessary: '1',
  necessary: '2',
  ordinary: '3',
};
const choiceOf = Object.fromEntries(Object.entries(choiceCodes).map(([k, v]) => [v, k])) as Record<string, VoteChoice>;
const priorityOf = Object.fromEntries(Object.entries(priorityCodes).map(([k, v]) => [v, k])) as Record<
  string,
  Priority | 'none'
>;

/** Width of one candidate's code in an encoded ballot. */
export const ballotCodeWidth = 2;

/** The body a deputy's client sends to cast a ballot: `{"ballot":"a0d0s1…"}`, nothing else. */
export interface EncodedBallot {
  ballot: string;
}

/**
 * Encodes a ballot for a session's candidates, in that order. A candidate the deputy left unmarked is an
 * abstention (弃权), as a blank on a paper ballot is; naming anyone else, or someone twice, is an error.
 */
export function encodeBallot(marks: Ballot['marks'], candidateIds: readonly string[]): string {
  const byCandidate = new Map<string, Ballot['marks'][number]>();
  for (const mark of marks) {
    if (!candidateIds.includes(mark.candidateId)) throw new Error(`"${mark.candidateId}" is not a candidate`);
    if (byCandidate.has(mark.candidateId)) throw new Error(`candidate "${mark.candidateId}" is marked twice`);
    byCandidate.set(mark.candidateId, mark);
  }
  return candidateIds
    .map((id) => {
      const mark = byCandidate.get(id);
      return choiceCodes[mark?.choice ?? 'abstain'] + priorityCodes[mark?.priority ?? 'none'];
    })
    .join('');
}

/** The request body the console sends: the same number of bytes for every ballot of a session. */
export const ballotRequestBody = (marks: Ballot['marks'], candidateIds: readonly string[]): string =>
  JSON.stringify({ ballot: encodeBallot(marks, candidateIds) } satisfies EncodedBallot);

/** Why an encoded ballot is not one of this session's, or undefined when it is. */
export function encodedBallotProblem(encoded: string, candidateIds: readonly string[]): string | undefined {
  const expected = candidateIds.length * ballotCodeWidth;
  if (encoded.length !== expected)
    return `a ballot of this session has exactly ${expected} characters, two per candidate in the ballot's order; this one has ${encoded.length}`;
  for (let i = 0; i < encoded.length; i += ballotCodeWidth) {
    if (!Object.hasOwn(choiceOf, encoded[i]!) || !Object.hasOwn(priorityOf, encoded[i + 1]!))
      return `the mark for candidate ${i / ballotCodeWidth + 1} ("${encoded.slice(i, i + ballotCodeWidth)}") is not a choice`;
  }
  return undefined;
}

/** The normalised ballot: every candidate once, in the session's order. Throws on a malformed encoding. */
export function decodeBallot(encoded: string, candidateIds: readonly string[]): Ballot {
  const problem = encodedBallotProblem(encoded, candidateIds);
  if (problem) throw new Error(problem);
  return {
    marks: candidateIds.map((candidateId, i) => {
      const choice = choiceOf[encoded[i * ballotCodeWidth]!]!;
      const priority = priorityOf[encoded[i * ballotCodeWidth + 1]!]!;
      return priority === 'none' ? { candidateId, choice } : { candidateId, choice, priority };
    }),
  };
}

/** Every encoded ballot a session with this many candidates can receive (for tests of the fixed size). */
export function everyEncodedBallot(candidates: number): string[] {
  const codes = Object.values(choiceCodes).flatMap((c) => Object.values(priorityCodes).map((p) => c + p));
  let all = [''];
  for (let i = 0; i < candidates; i += 1) all = all.flatMap((prefix) => codes.map((code) => prefix + code));
  return all;
}

/** One character per project of a rating session (docs/domain.md, "Rating"). */
const ratingCodes: Record<RatingChoice, string> = { satisfied: 's', basicallySatisfied: 'b', unsatisfied: 'u' };
const ratingOf = Object.fromEntries(Object.entries(ratingCodes).map(([k, v]) => [v, k])) as Record<
  string,
  RatingChoice
>;

/** The body a rating client sends: `{"sheet":"sbu…"}`, one code per project in the session's order. */
export interface EncodedRatingSheet {
  sheet: string;
}

export function encodeRatingSheet(
  ratings: readonly { projectId: string; choice: RatingChoice }[],
  projectIds: readonly string[],
): string {
  return projectIds
    .map((id) => {
      const rating = ratings.find((r) => r.projectId === id);
      if (!rating) throw new Error(`project "${id}" is not rated`);
      return ratingCodes[rating.choice];
    })
    .join('');
}

/** The request body the console sends: the same number of bytes for every sheet of a session. */
export const ratingRequestBody = (
  ratings: readonly { projectId: string; choice: RatingChoice }[],
  projectIds: readonly string[],
): string => JSON.stringify({ sheet: encodeRatingSheet(ratings, projectIds) } satisfies EncodedRatingSheet);

export function encodedRatingSheetProblem(encoded: string, projectIds: readonly string[]): string | undefined {
  if (encoded.length !== projectIds.length)
    return `a rating sheet of this session has exactly ${projectIds.length} characters, one per project in the sheet's order; this one has ${encoded.length}`;
  const bad = [...encoded].findIndex((c) => !Object.hasOwn(ratingOf, c));
  return bad < 0 ? undefined : `the rating for project ${bad + 1} ("${encoded[bad]}") is not a rating`;
}

export function decodeRatingSheet(
  encoded: string,
  projectIds: readonly string[],
): { projectId: string; choice: RatingChoice }[] {
  const problem = encodedRatingSheetProblem(encoded, projectIds);
  if (problem) throw new Error(problem);
  return projectIds.map((projectId, i) => ({ projectId, choice: ratingOf[encoded[i]!]! }));
}

/**
 * The only body a ballot may have. The length is checked against the session (encodedBallotProblem); the
 * cap here only keeps an absurd body from being parsed.
 */
export const encodedBallotSchema = z.object({ ballot: z.string().max(2000) }).strict();
export const encodedRatingSheetSchema = z.object({ sheet: z.string().max(2000) }).strict();

/** What the scrutineers hand over to open a sealed box at close (docs/secrecy.md). */
export const boxSharesSchema = z.object({
  shares: z.array(z.string().trim().max(200)).max(255).default([]),
});

/** Who holds the shares of a congress rating's key: the session's scrutineers (监票人), by name. */
export const openRatingSchema = z.object({
  scrutineers: z
    .array(z.string().trim().min(1).max(50))
    .min(2, 'name at least two scrutineers to hold the key to the sealed rating sheets')
    .max(255),
});

import { describe, expect, it } from 'vitest';
import {
  type Ballot,
  ballotProblem,
  electionPolicySchema,
  minimumCandidates,
  tallyVote,
  voteOpeningProblem,
} from '../../domain/election';

const policy = electionPolicySchema.parse({});
const approving = (...ids: string[]): Ballot => ({
  marks: ids.map((candidateId) => ({ candidateId, choice: 'approve' as const })),
});
const many = (n: number, ballot: Ballot) => Array.from({ length: n }, () => ballot);

describe('opening a vote', () => {
  it('needs seats × 1.2 candidates, rounded up', () => {
    expect(minimumCandidates(10, policy)).toBe(12);
    expect(minimumCandidates(8, policy)).toBe(10); // 9.6 → 10
    expect(minimumCandidates(5, policy)).toBe(6);
    expect(voteOpeningProblem(9, 8, policy)).toMatch(/8 seats need at least 10 candidates/);
    expect(voteOpeningProblem(10, 8, policy)).toBeUndefined();
  });
});

describe('ballots', () => {
  it('refuses an unknown candidate or a candidate marked twice', () => {
    expect(ballotProblem(approving('a', 'x'), ['a', 'b'])).toMatch(/"x" is not a candidate/);
    expect(ballotProblem(approving('a', 'a'), ['a', 'b'])).toMatch(/more than once/);
    expect(ballotProblem(approving('a'), ['a', 'b'])).toBeUndefined();
  });
});

describe('tallying', () => {
  const candidates = ['a', 'b', 'c'];

  it('elects with more than half of the deputies present, not exactly half', () => {
    const ballots = [...many(5, approving('a', 'b')), ...many(5, approving('a'))];
    const result = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots,
      deputiesEntitled: 12,
      deputiesPresent: 10,
      policy,
    });
    expect(result.majorityBase).toBe(10);
    expect(result.tallies.find((t) => t.candidateId === 'b')).toMatchObject({ approve: 5, passed: false });
    expect(result.elected).toEqual(['a']);
    expect(result.runOff).toBeNull();
  });

  it('counts a ballot approving more candidates than seats as invalid', () => {
    const ballots = [...many(6, approving('a', 'b')), approving('a', 'b', 'c')];
    const result = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots,
      deputiesEntitled: 7,
      deputiesPresent: 7,
      policy,
    });
    expect(result).toMatchObject({ ballotsCast: 7, validBallots: 6, invalidBallots: 1 });
    expect(result.tallies.find((t) => t.candidateId === 'c')!.approve).toBe(0);
    const lenient = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots,
      deputiesEntitled: 7,
      deputiesPresent: 7,
      policy: { ...policy, overApprovalInvalidates: false },
    });
    expect(lenient.invalidBallots).toBe(0);
  });

  it('takes the highest approvals when more pass than seats, and reports a tie at the last seat', () => {
    const ballots = [...many(4, approving('a', 'b')), ...many(3, approving('a', 'c')), ...many(1, approving('b', 'c'))];
    // a 7, b 5, c 4 of 8 present: a and b pass (> 4), c does not; 2 seats → a, b.
    const clear = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots,
      deputiesEntitled: 8,
      deputiesPresent: 8,
      policy,
    });
    expect(clear.elected).toEqual(['a', 'b']);
    const tiedBallots = [
      ...many(4, approving('a', 'b')),
      ...many(4, approving('a', 'c')),
      ...many(1, approving('b', 'c')),
    ];
    // a 8, b 5, c 5 of 9: all pass; 2 seats → a, then b and c tie for the last seat.
    const tied = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots: tiedBallots,
      deputiesEntitled: 9,
      deputiesPresent: 9,
      policy,
    });
    expect(tied.elected).toEqual(['a']);
    expect(tied.runOff).toEqual({ seats: 1, candidateIds: ['b', 'c'] });
  });

  it('can count the majority of valid ballots instead of deputies present', () => {
    const ballots = [...many(3, approving('a')), ...many(2, approving('a', 'b', 'c'))];
    const result = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots,
      deputiesEntitled: 6,
      deputiesPresent: 6,
      policy: { ...policy, majorityBase: 'validBallots' },
    });
    expect(result.majorityBase).toBe(3);
    expect(result.elected).toEqual(['a']);
  });

  it('counts the priorities marked on valid ballots, whatever the choice, and leaves invalid ballots out', () => {
    const ballots: Ballot[] = [
      {
        marks: [
          { candidateId: 'a', choice: 'approve', priority: 'veryNecessary' },
          { candidateId: 'b', choice: 'disapprove', priority: 'ordinary' },
        ],
      },
      {
        marks: [
          { candidateId: 'a', choice: 'approve', priority: 'veryNecessary' },
          { candidateId: 'c', choice: 'abstain' },
        ],
      },
      { marks: [{ candidateId: 'a', choice: 'approve', priority: 'necessary' }] },
      // Over-approving: invalid, so its priorities are not counted either.
      {
        marks: [
          { candidateId: 'a', choice: 'approve', priority: 'ordinary' },
          { candidateId: 'b', choice: 'approve', priority: 'ordinary' },
          { candidateId: 'c', choice: 'approve', priority: 'ordinary' },
        ],
      },
    ];
    const result = tallyVote({
      candidateIds: candidates,
      seats: 2,
      ballots,
      deputiesEntitled: 4,
      deputiesPresent: 4,
      policy,
    });
    expect(result.tallies.map((t) => [t.candidateId, t.priorities])).toEqual([
      ['a', { veryNecessary: 2, necessary: 1, ordinary: 0 }],
      ['b', { veryNecessary: 0, necessary: 0, ordinary: 1 }],
      ['c', { veryNecessary: 0, necessary: 0, ordinary: 0 }],
    ]);
  });
});

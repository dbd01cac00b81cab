import { describe, expect, it } from 'vitest';
import {
  electionPolicySchema,
  isSmallSession,
  publishableResult,
  tallyFromTotals,
  tallyVote,
} from '../../domain/election';
import {
  ballotsOverPresentProblem,
  incompleteCloseProblem,
  quorumOf,
  quorumProblem,
  sameTotals,
  type TellerTotals,
  tellerTotalsProblem,
} from '../../domain/voteIntegrity';

const policy = electionPolicySchema.parse({});

describe('quorum: two thirds of the deputies entitled, 以上 including the number itself', () => {
  it('is met at exactly two thirds and missed one below', () => {
    expect(quorumOf(300)).toBe(200);
    expect(quorumProblem(200, 300)).toBeUndefined();
    expect(quorumProblem(199, 300)).toMatch(/no quorum: 199 of 300 deputies are present; at least 200/);
  });

  it('rounds two thirds up when it is not a whole number', () => {
    expect(quorumOf(8)).toBe(6); // 5.33…
    expect(quorumProblem(6, 8)).toBeUndefined();
    expect(quorumProblem(5, 8)).toMatch(/at least 6/);
    expect(quorumOf(7)).toBe(5); // 4.67…
    expect(quorumProblem(5, 7)).toBeUndefined();
  });

  it('refuses more present than entitled', () => {
    expect(quorumProblem(9, 8)).toMatch(/9 deputies are recorded present but only 8 are entitled/);
  });
});

describe('ballots cast never exceed the deputies present', () => {
  it('allows as many ballots as deputies present, not one more', () => {
    expect(ballotsOverPresentProblem(230, 230)).toBeUndefined();
    expect(ballotsOverPresentProblem(231, 230)).toMatch(/231 ballots were cast but only 230 deputies are present/);
  });
});

describe('closing before every deputy present has voted', () => {
  it('needs a confirmation carrying the current counts', () => {
    expect(incompleteCloseProblem({ ballotsCast: 230, present: 230 }, undefined)).toBeUndefined();
    expect(incompleteCloseProblem({ ballotsCast: 212, present: 230 }, undefined)).toMatch(
      /212 of 230 deputies present have voted; to close now, confirm/,
    );
    expect(incompleteCloseProblem({ ballotsCast: 213, present: 230 }, { ballotsCast: 212, present: 230 })).toMatch(
      /changed since you confirmed 212 of 230: now 213 of 230/,
    );
    expect(
      incompleteCloseProblem({ ballotsCast: 212, present: 230 }, { ballotsCast: 212, present: 230 }),
    ).toBeUndefined();
  });
});

describe("the tellers' totals of a paper or voting-device vote", () => {
  const totals: TellerTotals = {
    ballotsCast: 10,
    invalidBallots: 1,
    candidates: [
      { candidateId: 'a', approve: 6, disapprove: 2, abstain: 1 },
      { candidateId: 'b', approve: 4, disapprove: 4, abstain: 1 },
    ],
  };

  it('add up when every candidate has as many marks as valid ballots', () => {
    expect(tellerTotalsProblem(totals, ['a', 'b'], 10)).toBeUndefined();
  });

  it('are refused with more ballots than deputies present', () => {
    expect(tellerTotalsProblem(totals, ['a', 'b'], 9)).toMatch(/10 ballots were cast but only 9/);
  });

  it('are refused when a candidate’s marks do not sum to the valid ballots', () => {
    const wrong = {
      ...totals,
      candidates: [totals.candidates[0]!, { candidateId: 'b', approve: 5, disapprove: 4, abstain: 1 }],
    };
    expect(tellerTotalsProblem(wrong, ['a', 'b'], 10)).toMatch(/candidate "b": .* = 10, but there are 9 valid ballots/);
  });

  it('are refused with a candidate missing, unknown or twice, or more invalid ballots than cast', () => {
    expect(tellerTotalsProblem({ ...totals, candidates: [totals.candidates[0]!] }, ['a', 'b'], 10)).toMatch(
      /totals of candidate "b" are missing/,
    );
    expect(tellerTotalsProblem(totals, ['a'], 10)).toMatch(/"b" is not a candidate/);
    expect(
      tellerTotalsProblem({ ...totals, candidates: [totals.candidates[0]!, totals.candidates[0]!] }, ['a', 'b'], 10),
    ).toMatch(/more than once/);
    expect(tellerTotalsProblem({ ...totals, invalidBallots: 11 }, ['a', 'b'], 10)).toMatch(/more than the 10 cast/);
  });

  it('may carry each candidate’s priorities, never more than the valid ballots, and tally them', () => {
    const withPriorities = {
      ...totals,
      candidates: [
        { ...totals.candidates[0]!, priorities: { veryNecessary: 5, necessary: 2, ordinary: 1 } },
        totals.candidates[1]!,
      ],
    };
    expect(tellerTotalsProblem(withPriorities, ['a', 'b'], 10)).toBeUndefined();
    const tooMany = {
      ...totals,
      candidates: [
        { ...totals.candidates[0]!, priorities: { veryNecessary: 5, necessary: 3, ordinary: 2 } },
        totals.candidates[1]!,
      ],
    };
    expect(tellerTotalsProblem(tooMany, ['a', 'b'], 10)).toMatch(/candidate "a": .* = 10, more than the 9 valid/);
    expect(sameTotals(withPriorities, totals)).toBe(false);
    const result = tallyFromTotals({
      candidateIds: ['a', 'b'],
      seats: 1,
      totals: withPriorities,
      deputiesEntitled: 12,
      deputiesPresent: 10,
      policy,
    });
    expect(result.tallies.map((t) => t.priorities)).toEqual([
      { veryNecessary: 5, necessary: 2, ordinary: 1 },
      undefined,
    ]);
  });

  it('compare equal whatever the order of the candidates', () => {
    expect(sameTotals(totals, { ...totals, candidates: [...totals.candidates].reverse() })).toBe(true);
    expect(sameTotals(totals, { ...totals, invalidBallots: 0 })).toBe(false);
  });

  it('are tallied by the same rules as ballots', () => {
    const fromTotals = tallyFromTotals({
      candidateIds: ['a', 'b'],
      seats: 1,
      totals,
      deputiesEntitled: 12,
      deputiesPresent: 10,
      policy,
    });
    const ballots = [
      ...Array.from({ length: 4 }, () => ({
        marks: [
          { candidateId: 'a', choice: 'approve' as const },
          { candidateId: 'b', choice: 'disapprove' as const },
        ],
      })),
      ...Array.from({ length: 2 }, () => ({
        marks: [
          { candidateId: 'a', choice: 'approve' as const },
          { candidateId: 'b', choice: 'abstain' as const },
        ],
      })),
    ];
    expect(fromTotals).toMatchObject({ ballotsCast: 10, validBallots: 9, invalidBallots: 1, majorityBase: 10 });
    // 6 of 10 present approve a (> half); b's 4 is less than half.
    expect(fromTotals.elected).toEqual(['a']);
    expect(fromTotals.tallies.map((t) => [t.candidateId, t.passed])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    const fromBallots = tallyVote({
      candidateIds: ['a', 'b'],
      seats: 1,
      ballots,
      deputiesEntitled: 12,
      deputiesPresent: 10,
      policy,
    });
    expect(fromBallots.elected).toEqual(fromTotals.elected);
  });
});

describe('a small session publishes the outcome only', () => {
  const result = tallyFromTotals({
    candidateIds: ['a'],
    seats: 1,
    totals: {
      ballotsCast: 3,
      invalidBallots: 0,
      candidates: [{ candidateId: 'a', approve: 2, disapprove: 1, abstain: 0 }],
    },
    deputiesEntitled: 3,
    deputiesPresent: 3,
    policy,
  });

  it('keeps no count below the threshold, and the full tally at it', () => {
    const small = publishableResult(result, 3, 10);
    expect(small).toEqual({
      outcomeOnly: true,
      tallies: [{ candidateId: 'a', passed: true }],
      elected: ['a'],
      runOff: null,
    });
    expect(JSON.stringify(small)).not.toMatch(/approve|ballotsCast|majorityBase/);
    expect(publishableResult(result, 3, 3)).toBe(result);
  });

  it('counts who took part as the smaller of those present and the ballots cast', () => {
    // 40 present, closed early after 3 ballots: the receipts name the three, so the counts would name their marks.
    expect(publishableResult(result, 40, 10)).toMatchObject({ outcomeOnly: true });
    expect(isSmallSession(40, 3, 10)).toBe(true);
    expect(isSmallSession(40, 10, 10)).toBe(false);
    expect(isSmallSession(9, 40, 10)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { meanScore, proposerIsAnswered, screeningWeightsSchema, weightedScore } from '../../domain/screening';

const seed003 = { publicSupport: 40, fundingFeasibility: 30, socialBenefit: 20, implementationDifficulty: 10 };

describe('screening score (docs/domain.md, "Screening" [S3] rubric)', () => {
  it('weights public support 40, funding 30, social benefit 20 and difficulty 10', () => {
    expect(
      weightedScore(
        { publicSupport: 100, fundingFeasibility: 0, socialBenefit: 0, implementationDifficulty: 0 },
        seed003,
      ),
    ).toBe(40);
    expect(
      weightedScore(
        { publicSupport: 0, fundingFeasibility: 0, socialBenefit: 0, implementationDifficulty: 100 },
        seed003,
      ),
    ).toBe(10);
    expect(
      weightedScore(
        { publicSupport: 85, fundingFeasibility: 70, socialBenefit: 90, implementationDifficulty: 55 },
        seed003,
      ),
    ).toBe(78.5);
  });

  it('averages several reviewers and has no score before anyone has scored', () => {
    const a = { publicSupport: 80, fundingFeasibility: 80, socialBenefit: 80, implementationDifficulty: 80 };
    const b = { publicSupport: 60, fundingFeasibility: 60, socialBenefit: 60, implementationDifficulty: 61 };
    expect(meanScore([a, b], seed003)).toBe(70.1);
    expect(meanScore([], seed003)).toBeNull();
  });

  it('refuses weights that do not add up to 100', () => {
    const result = screeningWeightsSchema.safeParse({ ...seed003, socialBenefit: 25 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/add up to 100/);
  });
});

describe('batch policy', () => {
  it('fills in the defaults in docs/domain.md, "Policy parameters" for whatever a jurisdiction leaves out', () => {
    const policy = batchPolicyOf({});
    expect(policy).toMatchObject({
      screeningWeights: seed003,
      candidatePublicityWorkingDays: 7,
      resultPublicityWorkingDays: 5,
      scrutineers: 3,
      tellers: 2,
      election: { competitionPercent: 20, overApprovalInvalidates: true, majorityBase: 'present' },
      ratingRule: 'twoThirds',
    });
  });

  it('keeps what a township sets differently from its county (docs/domain.md, "Levels" [S4])', () => {
    const township = batchPolicyOf({
      ratingRule: 'eightyPercent',
      election: { majorityBase: 'entitled' },
      candidatePublicityWorkingDays: 10,
    });
    expect(township.ratingRule).toBe('eightyPercent');
    expect(township.election).toEqual({
      competitionPercent: 20,
      overApprovalInvalidates: true,
      majorityBase: 'entitled',
    });
    expect(township.candidatePublicityWorkingDays).toBe(10);
    expect(() => batchPolicyOf({ resultPublicityWorkingDays: 0 })).toThrow();
  });
});

describe('who is told the outcome', () => {
  it('answers every proposer not taken except those whose suggestion was marked spam', () => {
    expect(proposerIsAnswered('candidate')).toBe(false);
    expect(proposerIsAnswered('rejected')).toBe(true);
    expect(proposerIsAnswered('reserve')).toBe(true);
    expect(proposerIsAnswered('pendingResearch')).toBe(true);
    expect(proposerIsAnswered('spam')).toBe(false);
  });
});

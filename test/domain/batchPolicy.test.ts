import { describe, expect, it } from 'vitest';
import {
  batchPolicyOf,
  batchPolicySchema,
  PUBLICITY_FLOOR_WORKING_DAYS,
  RESULT_PUBLICITY_FLOOR_WORKING_DAYS,
} from '../../domain/batchPolicy';
import { COMPETITION_FLOOR_PERCENT } from '../../domain/election';

const messages = (stored: unknown) => batchPolicySchema.safeParse(stored).error?.issues.map((i) => i.message) ?? [];

describe('the floors of a batch policy (docs/domain.md, "Policy parameters")', () => {
  it('are the sources’ numbers: publicity 7 working days, result publicity 5, competition 20%', () => {
    expect([PUBLICITY_FLOOR_WORKING_DAYS, RESULT_PUBLICITY_FLOOR_WORKING_DAYS, COMPETITION_FLOOR_PERCENT]).toEqual([
      7, 5, 20,
    ]);
    expect(batchPolicyOf({})).toMatchObject({
      candidatePublicityWorkingDays: 7,
      resultPublicityWorkingDays: 5,
      election: { competitionPercent: 20 },
    });
  });

  it('accept a stricter policy and the floor itself', () => {
    const strict = batchPolicyOf({
      candidatePublicityWorkingDays: 10,
      resultPublicityWorkingDays: 7,
      election: { competitionPercent: 50 },
    });
    expect(strict).toMatchObject({
      candidatePublicityWorkingDays: 10,
      resultPublicityWorkingDays: 7,
      election: { competitionPercent: 50 },
    });
    expect(messages({ candidatePublicityWorkingDays: 7, resultPublicityWorkingDays: 5 })).toEqual([]);
  });

  it('refuse a looser policy with a message that names the floor', () => {
    expect(messages({ candidatePublicityWorkingDays: 6 })).toEqual([
      'candidate publicity lasts at least 7 working days',
    ]);
    expect(messages({ resultPublicityWorkingDays: 4 })).toEqual(['results are published for at least 5 working days']);
    expect(messages({ election: { competitionPercent: 19 } })).toEqual([
      'candidates must exceed seats by at least 20%',
    ]);
  });

  it('hold for a stored policy too: one below a floor never loads into a workflow', () => {
    expect(() => batchPolicyOf({ candidatePublicityWorkingDays: 0 })).toThrow(/at least 7 working days/);
    expect(() => batchPolicyOf({ resultPublicityWorkingDays: 1 })).toThrow(/at least 5 working days/);
    expect(() => batchPolicyOf({ election: { competitionPercent: 0 } })).toThrow(/at least 20%/);
  });
});

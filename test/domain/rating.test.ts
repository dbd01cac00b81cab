import { describe, expect, it } from 'vitest';
import { classifyRating, countRatings } from '../../domain/rating';

const votes = (satisfied: number, basicallySatisfied: number, unsatisfied: number) => ({
  satisfied,
  basicallySatisfied,
  unsatisfied,
});

describe('satisfaction rating, the 2/3 rule (docs/domain.md, "Rating" [S4])', () => {
  it('is 满意 only when satisfied is strictly more than two thirds', () => {
    expect(classifyRating(votes(61, 29, 0))).toBe('satisfied'); // 61/90 > 2/3
    expect(classifyRating(votes(60, 30, 0))).toBe('basicallySatisfied'); // exactly 2/3
    expect(classifyRating(votes(2, 1, 0))).toBe('basicallySatisfied'); // exactly 2/3 with small numbers
  });

  it('is 不满意 only when unsatisfied is strictly more than half', () => {
    expect(classifyRating(votes(10, 14, 25))).toBe('unsatisfied'); // 25/49
    expect(classifyRating(votes(10, 15, 25))).toBe('basicallySatisfied'); // exactly half
  });

  it('counts choices and refuses an empty rating', () => {
    expect(countRatings(['satisfied', 'unsatisfied', 'satisfied'])).toEqual(votes(2, 0, 1));
    expect(() => classifyRating(votes(0, 0, 0))).toThrow(/at least one vote/);
  });
});

describe('satisfaction rating, the 80% rule (docs/domain.md, "Rating" [S1], [S3])', () => {
  it('is 不满意 below 80% approval and not at exactly 80%', () => {
    expect(classifyRating(votes(30, 49, 21), 'eightyPercent')).toBe('unsatisfied'); // 79%
    expect(classifyRating(votes(30, 50, 20), 'eightyPercent')).toBe('basicallySatisfied'); // 80%
    expect(classifyRating(votes(70, 20, 10), 'eightyPercent')).toBe('satisfied');
  });
});

import { z } from 'zod';

/** 满意度测评 outcomes (docs/domain.md, "Rating"). */
export const ratingOutcomes = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const; // 满意 / 基本满意 / 不满意
export type RatingOutcome = (typeof ratingOutcomes)[number];
export const ratingChoiceSchema = z.enum(ratingOutcomes);

/**
 * twoThirds (docs/domain.md, "Rating" [S4], default): 满意 if satisfied > 2/3 of those rating, 不满意 if unsatisfied > 1/2,
 * else 基本满意. eightyPercent (docs/domain.md, "Rating" [S1], [S3]): approval (satisfied + basically satisfied) below 80%
 * is 不满意 and must be rectified; above that the 2/3 test still separates 满意 from 基本满意.
 */
export const ratingRuleSchema = z.enum(['twoThirds', 'eightyPercent']);
export type RatingRule = z.infer<typeof ratingRuleSchema>;

export interface RatingCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

/** Integer comparisons only: "exactly 2/3 is not 满意" must not depend on floating-point rounding. */
export function classifyRating(counts: RatingCounts, rule: RatingRule = 'twoThirds'): RatingOutcome {
  const total = counts.satisfied + counts.basicallySatisfied + counts.unsatisfied;
  if (total === 0) throw new Error('a rating needs at least one vote');
  if (rule === 'eightyPercent') {
    const approving = counts.satisfied + counts.basicallySatisfied;
    if (approving * 5 < total * 4) return 'unsatisfied';
  } else if (counts.unsatisfied * 2 > total) {
    return 'unsatisfied';
  }
  return counts.satisfied * 3 > total * 2 ? 'satisfied' : 'basicallySatisfied';
}

export function countRatings(choices: readonly RatingOutcome[]): RatingCounts {
  const counts: RatingCounts = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };
  for (const choice of choices) counts[choice] += 1;
  return counts;
}

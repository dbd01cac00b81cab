import { z } from 'zod';

/** 筛选论证 criteria with [S3]'s weights as defaults (docs/domain.md, "Screening"). */
export const screeningCriteria = [
  'publicSupport',
  'fundingFeasibility',
  'socialBenefit',
  'implementationDifficulty',
] as const; // 民意基础 / 资金可行性 / 社会效益 / 实施难度
export type ScreeningCriterion = (typeof screeningCriteria)[number];

export const screeningWeightsSchema = z
  .object({
    publicSupport: z.number().int().min(0).max(100).default(40),
    fundingFeasibility: z.number().int().min(0).max(100).default(30),
    socialBenefit: z.number().int().min(0).max(100).default(20),
    implementationDifficulty: z.number().int().min(0).max(100).default(10),
  })
  .refine((w) => w.publicSupport + w.fundingFeasibility + w.socialBenefit + w.implementationDifficulty === 100, {
    message: 'the screening weights must add up to 100',
  });
export type ScreeningWeights = z.infer<typeof screeningWeightsSchema>;

/** One reviewer's marks, each 0–100 (a higher implementation-difficulty mark means easier to deliver). */
export const screeningScoreSchema = z.object({
  publicSupport: z.number().int().min(0).max(100),
  fundingFeasibility: z.number().int().min(0).max(100),
  socialBenefit: z.number().int().min(0).max(100),
  implementationDifficulty: z.number().int().min(0).max(100),
});
export type ScreeningScore = z.infer<typeof screeningScoreSchema>;

/** The weighted mark, 0–100, to one decimal. */
export function weightedScore(score: ScreeningScore, weights: ScreeningWeights): number {
  const tenths = screeningCriteria.reduce((sum, c) => sum + score[c] * weights[c], 0) / 10;
  return Math.round(tenths) / 10;
}

/** The mean of several reviewers' weighted marks, or null before anyone has scored. */
export function meanScore(scores: readonly ScreeningScore[], weights: ScreeningWeights): number | null {
  if (scores.length === 0) return null;
  const total = scores.reduce((sum, s) => sum + weightedScore(s, weights), 0);
  return Math.round((total / scores.length) * 10) / 10;
}

/**
 * The joint review's outcome (联合审查): candidate, 储备库, 待研项目库, or rejected; or spam, the office's
 * mark for junk from the anonymous public form (no proposer to answer, no score needed).
 */
export const screeningOutcomes = ['candidate', 'reserve', 'pendingResearch', 'rejected', 'spam'] as const;
export const screeningOutcomeSchema = z.enum(screeningOutcomes);
export type ScreeningOutcome = z.infer<typeof screeningOutcomeSchema>;

/** Every outcome but candidate leaves a proposer to be told why (docs/domain.md, "Screening" [S1]). */
export function isTaken(outcome: ScreeningOutcome): boolean {
  return outcome === 'candidate';
}

/** A proposer not taken is told why by a feedback task; spam has no real proposer to tell. */
export function proposerIsAnswered(outcome: ScreeningOutcome): boolean {
  return !isTaken(outcome) && outcome !== 'spam';
}

export const suggestionChannels = [
  'online',
  'hotline12345',
  'liaisonStation',
  'letter',
  'doorToDoor',
  'deputy',
  'department',
] as const; // 网上 / 12345 热线 / 代表联络站 / 来信 / 入户走访 / 代表 / 部门
export const suggestionChannelSchema = z.enum(suggestionChannels);
export type SuggestionChannel = z.infer<typeof suggestionChannelSchema>;

export const suggestionCategories = [
  'education',
  'transport',
  'water',
  'health',
  'elderCare',
  'environment',
  'culture',
  'other',
] as const;
export const suggestionCategorySchema = z.enum(suggestionCategories);
export type SuggestionCategory = z.infer<typeof suggestionCategorySchema>;

import { z } from 'zod';
import {
  screeningOutcomeSchema,
  screeningScoreSchema,
  suggestionCategorySchema,
  suggestionChannelSchema,
} from '../screening';
import { candidateDraftSchema } from './candidates';
import { idempotencyKeySchema, idFilter, listOptions } from './common';
import type { ScreeningOutcome } from './vocabulary';

const PHONE = /^\+?[0-9][0-9 -]{4,18}[0-9]$/;
const email = z.email();

/** A phone number or an e-mail address: the proposer is told the outcome (docs/domain.md, "Screening" [S1]). */
export const contactSchema = z
  .string()
  .trim()
  .max(120)
  .refine(
    (v) => PHONE.test(v) || email.safeParse(v).success,
    'give a phone number or an e-mail address, so the proposer can be told the outcome',
  );

const suggestionFields = {
  key: idempotencyKeySchema,
  title: z.string().trim().min(2, 'give the suggestion a title').max(200),
  description: z.string().trim().min(1, 'describe what is needed').max(4000),
  category: suggestionCategorySchema,
  location: z.string().trim().min(1, 'say where (village, street or road)').max(200),
};

/** The public form: anyone, no login; always the online channel. */
export const publicSuggestionSchema = z.object({
  ...suggestionFields,
  proposer: z.object({ name: z.string().trim().max(50).optional(), contact: contactSchema }),
});

/** Entered by a signed-in deputy, official, or a coordinator on behalf of a member of the public. */
export const enteredSuggestionSchema = z.object({
  ...suggestionFields,
  channel: suggestionChannelSchema.optional(),
  proposer: z.object({ name: z.string().trim().max(50).optional(), contact: contactSchema.optional() }).optional(),
});
export type EnteredSuggestion = z.infer<typeof enteredSuggestionSchema>;
export type SuggestionContent = Pick<EnteredSuggestion, 'title' | 'description' | 'category' | 'location'>;

export const suggestionFilterSchema = z
  .object({
    batch_id: z.string().optional(),
    outcome: z.union([screeningOutcomeSchema, z.literal('none')]).optional(),
    category: suggestionCategorySchema.optional(),
    channel: suggestionChannelSchema.optional(),
    q: z.string().trim().max(200).optional(),
    id: idFilter.optional(),
  })
  .strict();

export const suggestionSortable = ['created_at', 'id', 'title', 'score'] as const;
export const suggestionList = listOptions({
  sortable: suggestionSortable,
  defaultSort: ['created_at', 'DESC'],
  filter: suggestionFilterSchema,
});

export const mergeSchema = z.object({ intoId: z.string().min(1, 'name the suggestion to merge into') });

export const scoreSchema = screeningScoreSchema.extend({ note: z.string().trim().max(2000).optional() });

/** The joint review (联合审查): an outcome with its reason, the answering department, and for a candidate its draft. */
export const reviewSchema = z
  .object({
    outcome: screeningOutcomeSchema,
    reason: z.string().trim().min(1, 'give the reason: proposers are told it').max(2000),
    departmentId: z.string().min(1, 'name the department that answers for it'),
    fundingSource: z.string().trim().min(1).max(200).optional(),
    policyCompliant: z.boolean().optional(),
    candidate: candidateDraftSchema.optional(),
  })
  .superRefine((review, ctx) => {
    if (review.outcome === 'candidate' && !review.candidate) {
      ctx.addIssue({
        code: 'custom',
        path: ['candidate'],
        message:
          'a candidate needs its responsibility list: title, description, implementingUnit, budgetYuan, deadline, acceptanceStandard, responsibleLeaderUserId',
      });
    }
    if (review.outcome !== 'candidate' && review.candidate) {
      ctx.addIssue({
        code: 'custom',
        path: ['candidate'],
        message: `only a candidate carries candidate details, not ${review.outcome}`,
      });
    }
    if (review.outcome === 'candidate' && review.policyCompliant === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['policyCompliant'],
        message: 'a suggestion that does not comply with policy cannot become a candidate',
      });
    }
  });
export type ReviewBody = z.infer<typeof reviewSchema>;

export const reserveImportSchema = z.object({
  suggestionIds: z.array(z.string().min(1)).min(1, 'name at least one reserve-library suggestion').max(200),
});

/** A suggestion as GET /api/suggestions returns it (api/suggestions/suggestions.service.ts). */
export interface Suggestion {
  id: string;
  batch_id: string;
  title: string;
  description: string;
  category: string;
  location: string;
  channel: string;
  merged_into_id: string | null;
  department_id: string | null;
  outcome: ScreeningOutcome | null;
  outcome_reason: string | null;
  funding_source: string | null;
  reviewed_at: string | null;
  created_at: string;
  proposer_count: number;
  score: number | null;
  /** Only on GET one. */
  proposers?: {
    id: number;
    kind: string;
    name: string | null;
    contact: string | null;
    department_name: string | null;
    created_at: string;
  }[];
  scores?: {
    reviewer_user_id: string;
    reviewer_name: string;
    public_support: number;
    funding_feasibility: number;
    social_benefit: number;
    implementation_difficulty: number;
    weighted: number;
    note: string | null;
  }[];
  merged?: { id: string; title: string; created_at: string }[];
  candidate?: { id: string; title: string } | null;
}

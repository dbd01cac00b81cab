import { z } from 'zod';
import { boxSharesSchema } from '../ballotEncoding';
import { idFilter } from './common';
import { batchPhases } from './vocabulary';

export const createBatchSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(2).max(200).optional(),
  /** Collection closes at the end of this day, China Standard Time. */
  collectionClosesOn: z.iso.date({ message: 'give the closing day as YYYY-MM-DD' }),
});

export const openVoteSchema = z.object({
  seats: z.number().int().min(1, 'at least one seat'),
  deputiesEntitled: z.number().int().min(1),
  deputiesPresent: z.number().int().min(1),
  scrutineers: z.array(z.string().trim().min(1).max(50)).min(1),
  tellers: z.array(z.string().trim().min(1).max(50)).min(1),
});
export type OpenVoteBody = z.infer<typeof openVoteSchema>;

/** Whose batches a list shows: the office's own, or its townships' and streets'. */
export const batchScopes = ['own', 'townships'] as const;

export const batchFilterSchema = z
  .object({
    phase: z.enum(batchPhases).optional(),
    year: z.coerce.number().int().optional(),
    id: idFilter.optional(),
    /**
     * The county office watches its townships' batches (docs/domain.md, "Levels"): `own` lists its own, `townships`
     * those of its townships and streets; absent, both.
     */
    scope: z.enum(batchScopes, "choose 'own' or 'townships'").optional(),
    jurisdiction_id: z.string().trim().min(1).max(60).optional(),
  })
  .strict();
export const batchSortable = ['year', 'created_at', 'phase', 'next_deadline_at'] as const;

/**
 * Closing the congress rating: the scrutineers' shares and, once the office knows it, the day the congress
 * closes, from which a 不满意 project's 3 months of rectification run (docs/domain.md, "Consequences").
 */
export const closeRatingSchema = boxSharesSchema.extend({
  congressClosedOn: z.iso.date({ message: 'give the day the congress closes as YYYY-MM-DD' }).optional(),
});

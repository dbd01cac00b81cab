import { z } from 'zod';
import { flag, idempotencyKeySchema, idFilter } from './common';
import { contactSchema } from './suggestions';

/** A resident's comment on the published candidate list, or on one candidate (docs/domain.md, "Candidate publicity" [S3]). */
export const publicCommentSchema = z.object({
  key: idempotencyKeySchema,
  candidateId: z.string().min(1).optional(),
  authorName: z.string().trim().max(50).optional(),
  contact: contactSchema.optional(),
  body: z.string().trim().min(1, 'write your comment').max(4000),
});

export const respondSchema = z.object({
  adopted: z.boolean({ message: 'adopted: say whether the comment is adopted (true or false)' }),
  response: z.string().trim().min(1, 'write the answer the commenter will read').max(4000),
});

export const commentFilterSchema = z
  .object({
    batch_id: z.string().optional(),
    candidate_id: z.string().optional(),
    adopted: flag.optional(),
    answered: flag.optional(),
    spam: flag.optional(),
    id: idFilter.optional(),
  })
  .strict();

export const commentSortable = ['created_at', 'id'] as const;

import { z } from 'zod';

const ids = z
  .array(z.string().min(1).max(200))
  .min(1, 'name at least one item')
  .max(500, 'mark at most 500 items at a time');

/** The office's bulk action on junk from the public form; other outcomes are reviewed one by one. */
export const bulkReviewSchema = z.object({
  ids,
  outcome: z.literal('spam', { message: 'only spam can be set in bulk; review other outcomes one by one' }),
  reason: z.string().trim().min(1).max(2000).optional(),
});

/** Marks (or, with spam false, unmarks) public comments as spam. */
export const bulkSpamSchema = z.object({ ids, spam: z.boolean().default(true) });

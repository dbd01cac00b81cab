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

/**
 * A receipt code: what a commenter or proposer is given when they submit, to read the office's answer on the
 * public site without any personal data (docs/domain.md, "Candidate publicity"). Twelve characters of
 * Crockford's base32 (60 random bits), shown in groups of four; read back forgivingly, as people copy them.
 */
export const receiptCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const receiptCodeLength = 12;

/** The stored form: upper case, no separators, and the letters people confuse with digits read as digits. */
export const normaliseReceiptCode = (input: string): string =>
  input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

/** The shown form: XXXX-XXXX-XXXX. */
export const formatReceiptCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

export const receiptCodeSchema = z
  .string()
  .max(40, 'a receipt code is 12 letters and digits, such as 7K3M-Q9XA-2B4F')
  .transform(normaliseReceiptCode)
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${receiptCodeAlphabet}]{${receiptCodeLength}}$`),
        'a receipt code is 12 letters and digits, such as 7K3M-Q9XA-2B4F',
      ),
  );

/** Where a comment or suggestion stands, as its author reads it by receipt code. */
export type ReceiptStatus =
  | 'awaitingAnswer'
  | 'answered'
  | 'underReview'
  | 'candidate'
  | 'reserve'
  | 'pendingResearch'
  | 'rejected'
  /** Marked as junk from the anonymous form: kept, never answered. */
  | 'closed';

export interface PublicReceipt {
  receiptCode: string;
  kind: 'comment' | 'suggestion';
  batch: { id: string; title: string };
  submittedAt: string;
  /** The candidate commented on (null: the whole list), or the suggestion's title. */
  subject: string | null;
  status: ReceiptStatus;
  /** A comment's answer says whether it is adopted; null otherwise. */
  adopted: boolean | null;
  answer: string | null;
  /** The suggestion this one was merged into, whose outcome it shares. */
  mergedInto: string | null;
}

/** A comment on the candidate list as GET /api/publicity-comments returns it to the office (api/publicity). */
export interface PublicityComment {
  id: string;
  batch_id: string;
  candidate_id: string | null;
  candidate_title: string | null;
  author_name: string | null;
  contact: string | null;
  body: string;
  adopted: boolean | null;
  response: string | null;
  created_at: string;
}

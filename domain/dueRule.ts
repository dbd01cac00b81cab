import { z } from 'zod';

/**
 * How a deadline is counted (docs/domain.md, "Time"): publicity periods and response deadlines count
 * working days on the national calendar with its swapped weekends; half-year, 3-month and 1-year
 * deadlines are calendar periods. All in China Standard Time.
 */
export const dueRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workingDays'), days: z.number().int().min(1).max(365) }),
  z.object({
    kind: z.literal('calendar'),
    months: z.number().int().min(0).max(60).default(0),
    days: z.number().int().min(0).max(3650).default(0),
    hours: z
      .number()
      .int()
      .min(0)
      .max(24 * 365)
      .default(0),
  }),
]);

export type DueRule = z.infer<typeof dueRuleSchema>;
export type DueRuleInput = z.input<typeof dueRuleSchema>;

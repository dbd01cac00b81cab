import { z } from 'zod';

const workingDaysRule = z.object({ kind: z.literal('workingDays'), days: z.number().int().min(1).max(365) });
const calendarRule = z.object({
  kind: z.literal('calendar'),
  months: z.number().int().min(0).max(60).default(0),
  days: z.number().int().min(0).max(3650).default(0),
  hours: z
    .number()
    .int()
    .min(0)
    .max(24 * 365)
    .default(0),
});
/**
 * A deadline the office names outright ("due at 17:00 on the 3rd", e.g. a meeting's start). Whether it
 * lies in the future is checked where a person sets it (api/tasks), not here: a workflow reading it
 * back on replay or at a later rung of the ladder sees it in the past, and that is fine.
 */
const atRule = z.object({
  kind: z.literal('at'),
  at: z.iso.datetime({ offset: true, message: 'give the due time as an ISO instant, e.g. 2027-03-01T17:00:00+08:00' }),
});

/**
 * How a deadline is counted (docs/domain.md, "Time"): publicity periods and response deadlines count
 * working days on the national calendar with its swapped weekends; half-year, 3-month and 1-year
 * deadlines are calendar periods. All in China Standard Time.
 */
export const relativeDueRuleSchema = z.discriminatedUnion('kind', [workingDaysRule, calendarRule]);
/** A relative rule, or an absolute instant. */
export const dueRuleSchema = z.discriminatedUnion('kind', [workingDaysRule, calendarRule, atRule]);

export type DueRule = z.infer<typeof dueRuleSchema>;
export type DueRuleInput = z.input<typeof dueRuleSchema>;
export type RelativeDueRuleInput = z.input<typeof relativeDueRuleSchema>;

/**
 * How long each rung of the escalation ladder waits when the first deadline was an instant: an
 * instant cannot be counted again from the lapse, so the ladder climbs one working day at a time.
 */
export const escalationAfterInstant: RelativeDueRuleInput = { kind: 'workingDays', days: 1 };

import { z } from 'zod';

/** A calendar day as the office writes it. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'give the day as YYYY-MM-DD')
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    // 2027-13-01 parses to nothing, 2027-02-30 rolls over to March: neither is a day.
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
  }, 'there is no such day');

/** National: the State Council's schedule, for every jurisdiction; local: a closure of the caller's own. */
export const scopeSchema = z.enum(['national', 'local'], { message: 'scope is national or local' });
export type CalendarScope = z.infer<typeof scopeSchema>;

export const yearSchema = z.coerce
  .number({ message: 'give the year as a number' })
  .int()
  .min(2000, 'give a year from 2000')
  .max(2100, 'give a year up to 2100');

export const setDaySchema = z.object({
  scope: scopeSchema,
  day: daySchema,
  /** false: a holiday or closure; true: a swapped working day (调休上班). */
  working: z.boolean({ message: 'say whether the day is worked' }),
  reason: z.string().trim().min(1, 'say why, e.g. 国庆节, 国庆调休上班, 县城防汛闭馆').max(200),
});
export type SetDay = z.infer<typeof setDaySchema>;

export const dayRefSchema = z.object({ scope: scopeSchema, day: daySchema });

/** A change not yet made: which open deadlines it would move. `working: null` removes the day's entry. */
export const impactSchema = dayRefSchema.extend({ working: z.boolean().nullable() });
export type Impact = z.infer<typeof impactSchema>;

export const previewSchema = z.object({
  from: daySchema,
  workingDays: z
    .number({ message: 'give the number of working days' })
    .int('give a whole number of working days')
    .min(1, 'count at least 1 working day')
    .max(365, 'count at most 365 working days'),
});

// What the calendar routes answer (api/calendar), read by the console as they are declared here.

/** Where a day's state comes from: the package's national data, a national entry, the county's closure, one's own. */
export type DaySource = 'package' | 'national' | 'county' | 'local';

export interface CalendarDay {
  day: string;
  working: boolean;
  /** What the national schedule alone says (the package and national entries). */
  nationalWorking: boolean;
  source: DaySource;
  reason: string | null;
}

/** One entry of a schedule: national (no jurisdiction), the county's, or the caller's own. */
export interface CalendarEntryRow {
  jurisdiction_id: string | null;
  day: string;
  working: boolean;
  reason: string;
}

/** GET /api/calendar/:year: every day as it stands for the caller's jurisdiction, and the entries behind it. */
export interface CalendarYear {
  year: number;
  jurisdictionId: string;
  packageCovers: boolean;
  mayEditNational: boolean;
  days: CalendarDay[];
  entries: { national: CalendarEntryRow[]; county: CalendarEntryRow[]; local: CalendarEntryRow[] };
}

/** A running working-day deadline a change moves, with its end before and after. */
export interface AffectedDeadline {
  kind: 'publicity' | 'task';
  /** The workflow that owns the deadline: the batch's, or the task's own. */
  workflowId: string;
  jurisdictionId: string;
  title: string;
  label: string;
  from: string;
  dueAt: string;
  newDueAt: string;
}

/** What a change (or its preview, POST /api/calendar/impact) answers: the deadlines it moves. */
export interface CalendarChangeResult {
  affected: AffectedDeadline[];
}

/** POST /api/calendar/preview: `workingDays` from `from` end at `dueAt`, the end of `lastDay`. */
export interface WorkingDaysPreview {
  from: string;
  workingDays: number;
  dueAt: string;
  lastDay: string;
}

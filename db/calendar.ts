import schedule from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { CalendarEntryRow } from '../domain/contract/calendar';
import type { DueRule } from '../domain/dueRule';
import {
  addCalendarPeriod,
  addDays,
  addWorkingDays,
  chinaDay,
  composeWorkingDayRule,
  weekdayOf,
  type IsWorkingDay,
} from '../domain/workingDays';

// chinese-days' own isWorkday builds its tables and reads weekdays in the host's local time, so on a host west
// of UTC it answers for the wrong day. Its published tables, keyed by 'YYYY-MM-DD', carry the same schedule.
const nationalHolidays = new Set(Object.keys(schedule.holidays));
const nationalSwappedWorkdays = new Set(Object.keys(schedule.workdays));

/**
 * The State Council's schedule with its swapped weekends (调休), as published in chinese-days; years the
 * package does not know yet fall back to Monday–Friday, which national overrides then correct.
 */
export const nationalIsWorkingDay: IsWorkingDay = (day) => {
  if (nationalSwappedWorkdays.has(day)) return true;
  const weekday = weekdayOf(day);
  return weekday >= 1 && weekday <= 5 && !nationalHolidays.has(day);
};

export interface ComputeDueInput {
  jurisdictionId: string;
  /** ISO instant the period starts from. */
  from: string;
  rule: DueRule;
}

export interface Calendar {
  isWorkingDay(jurisdictionId: string, day: string): Promise<boolean>;
  /** The due instant as an ISO string. */
  computeDue(input: ComputeDueInput): Promise<string>;
}

// 365 working days (the longest DueRule) take about a year and a half; two years covers them in one query.
const INITIAL_WINDOW_DAYS = 2 * 366;

/** A row of calendar_overrides as the API shows it (domain/contract/calendar.ts). */
export type OverrideRow = CalendarEntryRow;

/**
 * The overrides that bear on a jurisdiction for days in [first, last]: national rows, its county's (a county
 * closure applies to its townships, docs/domain.md "Levels") and its own.
 */
export async function overridesFor(
  db: Kysely<Database>,
  jurisdictionId: string,
  first: string,
  last: string,
): Promise<{ national: OverrideRow[]; county: OverrideRow[]; local: OverrideRow[] }> {
  const rows = await db
    .selectFrom('calendar_overrides')
    .select(['jurisdiction_id', 'day', 'working', 'reason'])
    .where((eb) =>
      eb.or([
        eb('jurisdiction_id', '=', jurisdictionId),
        eb('jurisdiction_id', 'is', null),
        eb(
          'jurisdiction_id',
          'in',
          eb.selectFrom('jurisdictions').select('parent_id').where('id', '=', jurisdictionId),
        ),
      ]),
    )
    .where('day', '>=', first)
    .where('day', '<=', last)
    .execute();
  return {
    national: rows.filter((r) => r.jurisdiction_id === null),
    county: rows.filter((r) => r.jurisdiction_id !== null && r.jurisdiction_id !== jurisdictionId),
    local: rows.filter((r) => r.jurisdiction_id === jurisdictionId),
  };
}

/** The working-day rule from such overrides: the jurisdiction's own row beats its county's, which beats the nation's. */
export function ruleOf(overrides: {
  national: OverrideRow[];
  county: OverrideRow[];
  local: OverrideRow[];
}): IsWorkingDay {
  const national = composeWorkingDayRule(nationalIsWorkingDay, overrides.national);
  return composeWorkingDayRule(composeWorkingDayRule(national, overrides.county), overrides.local);
}

/** The working-day rule for `jurisdictionId`, exact for days in [first, last]. */
export async function workingDayRule(
  db: Kysely<Database>,
  jurisdictionId: string,
  first: string,
  last: string,
): Promise<IsWorkingDay> {
  return ruleOf(await overridesFor(db, jurisdictionId, first, last));
}

/**
 * The calendar the workflows' deadlines come from (through the computeDue activity) and the API's preview
 * uses: one implementation, so the console predicts exactly what a workflow will compute.
 */
export function createCalendar(db: Kysely<Database>): Calendar {
  return {
    async isWorkingDay(jurisdictionId, day) {
      const rule = await workingDayRule(db, jurisdictionId, day, day);
      return rule(day);
    },

    async computeDue({ jurisdictionId, from, rule }) {
      const start = new Date(from);
      if (Number.isNaN(start.getTime())) throw new RangeError(`Not an ISO instant: ${from}`);
      if (rule.kind === 'calendar') return addCalendarPeriod(start, rule).toISOString();
      if (rule.kind === 'at') return new Date(rule.at).toISOString();

      const first = chinaDay(start);
      for (let windowDays = INITIAL_WINDOW_DAYS; ; windowDays *= 2) {
        const last = addDays(first, windowDays);
        const due = addWorkingDays(start, rule.days, await workingDayRule(db, jurisdictionId, first, last));
        // Only days up to the last counted one were consulted; if they all lay in the window, no override
        // outside it could have changed the answer. Otherwise closures pushed it further: widen and retry.
        const lastCounted = addDays(chinaDay(due), -1);
        if (lastCounted <= last) return due.toISOString();
      }
    },
  };
}

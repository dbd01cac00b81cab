import type { DueRule } from './dueRule';

/**
 * Deadline arithmetic in China Standard Time (docs/domain.md, "Time"). Pure and deterministic, so workflows may
 * call it too: the calendar is passed in, never looked up here.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
// UTC+8 all year: China has had no daylight saving time since 1991, so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * HOUR_MS;
// A jurisdiction could misconfigure its overrides into a calendar with no working days at all.
const MAX_DAYS_WITHOUT_WORK = 3650;

/** Whether a 'YYYY-MM-DD' day (China Standard Time) is a working day. */
export type IsWorkingDay = (day: string) => boolean;

export interface CalendarPeriod {
  months: number;
  days: number;
  hours: number;
}

export interface WorkingDayOverride {
  day: string;
  working: boolean;
}

/** The 'YYYY-MM-DD' day in China Standard Time on which `instant` falls. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as an office writes it: 'YYYY-MM-DD HH:mm', China Standard Time. */
export function chinaDateTime(instant: Date | string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant 00:00 China Standard Time of a 'YYYY-MM-DD' day. */
export function startOfChinaDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 2025-02-30 over to March; a day that does not exist is a caller's bug, not a deadline.
  if (new Date(utcMidnight).toISOString().slice(0, 10) !== day) throw new RangeError(`No such day: ${day}`);
  return new Date(utcMidnight - CHINA_OFFSET_MS);
}

/** The day of the week of a 'YYYY-MM-DD' day, 0 for Sunday to 6 for Saturday. */
export function weekdayOf(day: string): number {
  return new Date(startOfChinaDay(day).getTime() + CHINA_OFFSET_MS).getUTCDay();
}

/** The 'YYYY-MM-DD' day `count` calendar days after `day` (negative counts go back). */
export function addDays(day: string, count: number): string {
  return chinaDay(new Date(startOfChinaDay(day).getTime() + count * DAY_MS));
}

/**
 * The deadline `days` working days after `from`. The day of `from` itself never counts, whatever the hour
 * (a notice served at 10:00 leaves the whole of the next working day); the deadline is the end of the last
 * counted day, i.e. 00:00 China Standard Time of the calendar day after it.
 */
export function addWorkingDays(from: Date, days: number, isWorkingDay: IsWorkingDay): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Working days must be a positive integer: ${days}`);
  let day = chinaDay(from);
  let counted = 0;
  let sinceLastWorkingDay = 0;
  while (counted < days) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) {
      counted += 1;
      sinceLastWorkingDay = 0;
    } else if (++sinceLastWorkingDay >= MAX_DAYS_WITHOUT_WORK) {
      throw new Error(`No working day in the ${MAX_DAYS_WITHOUT_WORK} days up to ${day}: check calendar_overrides`);
    }
  }
  return startOfChinaDay(addDays(day, 1));
}

/**
 * `from` plus a calendar period: months first, on the China wall clock, keeping the time of day and clamping
 * to the month's last day (01-31 + 1 month = 02-28 or 02-29); then days, then hours.
 */
export function addCalendarPeriod(from: Date, period: CalendarPeriod): Date {
  const { months, days, hours } = period;
  if (![months, days, hours].every(Number.isInteger)) {
    throw new RangeError(`Calendar period parts must be integers: ${JSON.stringify({ months, days, hours })}`);
  }
  // Shifting by the fixed offset lets the UTC getters read the China wall clock.
  const wall = new Date(from.getTime() + CHINA_OFFSET_MS);
  const monthIndex = wall.getUTCFullYear() * 12 + wall.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const timeOfDay = wall.getTime() - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  const movedWall = Date.UTC(year, month, Math.min(wall.getUTCDate(), lastDayOfMonth)) + timeOfDay;
  return new Date(movedWall - CHINA_OFFSET_MS + days * DAY_MS + hours * HOUR_MS);
}

/** When something that starts at `from` is due under `rule`. */
export function dueInstant(from: Date, rule: DueRule, isWorkingDay: IsWorkingDay): Date {
  switch (rule.kind) {
    case 'workingDays':
      return addWorkingDays(from, rule.days, isWorkingDay);
    case 'calendar':
      return addCalendarPeriod(from, rule);
    case 'at':
      return new Date(rule.at);
  }
}

/** The national calendar corrected by overrides; an override always wins over the rule beneath it. */
export function composeWorkingDayRule(national: IsWorkingDay, overrides: readonly WorkingDayOverride[]): IsWorkingDay {
  const byDay = new Map(overrides.map((o) => [o.day, o.working]));
  return (day) => byDay.get(day) ?? national(day);
}

/**
 * How many working days a working-day deadline counts: those after the day of `from` and before the day of
 * `due` (the inverse of addWorkingDays). Lets a deadline already set be recounted on a changed calendar.
 */
export function workingDaysBetween(from: Date, due: Date, isWorkingDay: IsWorkingDay): number {
  const last = chinaDay(due);
  let count = 0;
  for (let day = addDays(chinaDay(from), 1); day < last; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** Whether `instant` is 00:00 China Standard Time, as every working-day deadline is. */
export function isChinaMidnight(instant: Date): boolean {
  return startOfChinaDay(chinaDay(instant)).getTime() === instant.getTime();
}

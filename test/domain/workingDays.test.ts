import { describe, expect, it } from 'vitest';
import { nationalIsWorkingDay } from '../../activities/calendar';
import { dueRuleSchema } from '../../domain/dueRule';
import {
  addCalendarPeriod,
  addWorkingDays,
  chinaDay,
  composeWorkingDayRule,
  dueInstant,
  isChinaMidnight,
  startOfChinaDay,
  weekdayOf,
  workingDaysBetween,
} from '../../domain/workingDays';

const at = (iso: string) => new Date(iso);

describe('China Standard Time days', () => {
  it('names the day by the clock in China, not in UTC', () => {
    expect(chinaDay(at('2025-09-30T23:30:00+08:00'))).toBe('2025-09-30');
    expect(chinaDay(at('2025-10-01T00:30:00+08:00'))).toBe('2025-10-01');
    expect(chinaDay(at('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
  });

  it('starts a day at midnight in China', () => {
    expect(startOfChinaDay('2025-10-12').toISOString()).toBe('2025-10-11T16:00:00.000Z');
  });

  it('tells the day of the week whatever the host time zone', () => {
    expect(['2025-09-28', '2025-10-11', '2025-10-13'].map(weekdayOf)).toEqual([0, 6, 1]);
  });

  it('rejects days that do not exist', () => {
    expect(() => startOfChinaDay('2025-02-30')).toThrow(RangeError);
    expect(() => startOfChinaDay('2025-9-30')).toThrow(RangeError);
  });
});

describe('the national calendar', () => {
  it('knows the swapped working weekends and the National Day week of 2025', () => {
    expect(nationalIsWorkingDay('2025-09-28')).toBe(true);
    expect(nationalIsWorkingDay('2025-10-11')).toBe(true);
    for (let date = 1; date <= 8; date += 1) {
      expect(nationalIsWorkingDay(`2025-10-0${date}`)).toBe(false);
    }
  });
});

describe('addWorkingDays', () => {
  it('skips the National Day holiday and counts the swapped Saturday', () => {
    const due = addWorkingDays(at('2025-09-30T10:00:00+08:00'), 3, nationalIsWorkingDay);

    // 10-09, 10-10 and the working Saturday 10-11.
    expect(due).toEqual(at('2025-10-12T00:00:00+08:00'));
  });

  it('counts seven working days over an ordinary weekend', () => {
    const due = addWorkingDays(at('2025-11-10T09:00:00+08:00'), 7, nationalIsWorkingDay);

    // 11-11 to 11-14, then 11-17 to 11-19.
    expect(due).toEqual(at('2025-11-20T00:00:00+08:00'));
  });

  it('never counts the starting day, however early it starts', () => {
    const due = addWorkingDays(at('2025-11-10T00:00:00+08:00'), 1, nationalIsWorkingDay);

    expect(due).toEqual(at('2025-11-12T00:00:00+08:00'));
  });

  it('counts from the day in China when the UTC day is still the day before', () => {
    // 07:30 on Monday 09-29 in China is 23:30 on Sunday 09-28 in UTC.
    const due = addWorkingDays(at('2025-09-29T07:30:00+08:00'), 1, nationalIsWorkingDay);

    expect(due).toEqual(at('2025-10-01T00:00:00+08:00'));
  });

  it('treats a late evening in China as that day, though it is afternoon in UTC', () => {
    const due = addWorkingDays(at('2025-09-30T23:30:00+08:00'), 3, nationalIsWorkingDay);

    expect(due).toEqual(at('2025-10-12T00:00:00+08:00'));
  });

  it('moves the deadline past a local closure', () => {
    const closed = composeWorkingDayRule(nationalIsWorkingDay, [{ day: '2025-11-12', working: false }]);

    const due = addWorkingDays(at('2025-11-10T09:00:00+08:00'), 3, closed);

    expect(addWorkingDays(at('2025-11-10T09:00:00+08:00'), 3, nationalIsWorkingDay)).toEqual(
      at('2025-11-14T00:00:00+08:00'),
    );
    expect(due).toEqual(at('2025-11-15T00:00:00+08:00'));
  });

  it('honours a national override for a year the package has no schedule for', () => {
    const from = at('2026-12-30T10:00:00+08:00');
    const withNewYear = composeWorkingDayRule(nationalIsWorkingDay, [{ day: '2027-01-01', working: false }]);

    // Without the override 2027-01-01, a Friday, looks like an ordinary working day.
    expect(addWorkingDays(from, 2, nationalIsWorkingDay)).toEqual(at('2027-01-02T00:00:00+08:00'));
    expect(addWorkingDays(from, 2, withNewYear)).toEqual(at('2027-01-05T00:00:00+08:00'));
  });

  it('lets an override make a weekend day a working day', () => {
    const swapped = composeWorkingDayRule(nationalIsWorkingDay, [{ day: '2025-11-15', working: true }]);

    const due = addWorkingDays(at('2025-11-13T09:00:00+08:00'), 2, swapped);

    expect(due).toEqual(at('2025-11-16T00:00:00+08:00'));
  });

  it('gives up on a calendar with no working days instead of looping forever', () => {
    expect(() => addWorkingDays(at('2025-11-10T09:00:00+08:00'), 1, () => false)).toThrow(/No working day/);
  });

  it('rejects a count that is not a positive whole number', () => {
    expect(() => addWorkingDays(at('2025-11-10T09:00:00+08:00'), 0, nationalIsWorkingDay)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2025-11-10T09:00:00+08:00'), 1.5, nationalIsWorkingDay)).toThrow(RangeError);
  });
});

describe('addCalendarPeriod', () => {
  it('clamps to the last day of a shorter month and keeps the time of day', () => {
    const due = addCalendarPeriod(at('2026-01-31T09:00:00+08:00'), { months: 3, days: 0, hours: 0 });

    expect(due).toEqual(at('2026-04-30T09:00:00+08:00'));
  });

  it('ends a year from a leap day on 28 February', () => {
    const due = addCalendarPeriod(at('2024-02-29T10:00:00+08:00'), { months: 12, days: 0, hours: 0 });

    expect(due).toEqual(at('2025-02-28T10:00:00+08:00'));
  });

  it('reads the month on the China clock when the UTC date is a day behind', () => {
    // 07:00 on 01-31 in China is still 01-30 in UTC; a UTC month would land on 03-01 in China.
    const due = addCalendarPeriod(at('2026-01-31T07:00:00+08:00'), { months: 1, days: 0, hours: 0 });

    expect(due).toEqual(at('2026-02-28T07:00:00+08:00'));
  });

  it('adds days and hours after the months', () => {
    const due = addCalendarPeriod(at('2026-01-31T09:00:00+08:00'), { months: 1, days: 1, hours: 15 });

    expect(due).toEqual(at('2026-03-02T00:00:00+08:00'));
  });
});

describe('dueInstant', () => {
  it('counts working days or calendar time as the rule says', () => {
    const from = at('2025-09-30T10:00:00+08:00');

    expect(dueInstant(from, { kind: 'workingDays', days: 3 }, nationalIsWorkingDay)).toEqual(
      at('2025-10-12T00:00:00+08:00'),
    );
    expect(dueInstant(from, { kind: 'calendar', months: 0, days: 3, hours: 0 }, nationalIsWorkingDay)).toEqual(
      at('2025-10-03T10:00:00+08:00'),
    );
  });

  it('takes an absolute rule as the instant it names, whatever the start and the calendar', () => {
    const rule = dueRuleSchema.parse({ kind: 'at', at: '2025-10-01T17:00:00+08:00' });

    expect(dueInstant(at('2025-09-30T10:00:00+08:00'), rule, () => false)).toEqual(at('2025-10-01T09:00:00Z'));
  });

  it('refuses an absolute rule that is not an instant with its offset', () => {
    expect(dueRuleSchema.safeParse({ kind: 'at', at: '2025-10-01 17:00' }).success).toBe(false);
    expect(dueRuleSchema.safeParse({ kind: 'at', at: '2025-10-01T17:00:00' }).success).toBe(false);
  });
});

describe('composeWorkingDayRule', () => {
  it('lets overrides win and leaves other days to the calendar beneath', () => {
    const rule = composeWorkingDayRule(nationalIsWorkingDay, [
      { day: '2025-10-08', working: true },
      { day: '2025-10-09', working: false },
    ]);

    expect([rule('2025-10-07'), rule('2025-10-08'), rule('2025-10-09'), rule('2025-10-10')]).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('National Day 2027 as the office enters it', () => {
  // chinese-days stops at 2026; the office enters 1–7 October 2027 as holidays and the swapped working days
  // (Sunday 26 September and Saturday 9 October) as national overrides.
  const entered = [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2027-10-${d}`, working: false })),
    { day: '2027-09-26', working: true },
    { day: '2027-10-09', working: true },
  ];
  const rule = composeWorkingDayRule(nationalIsWorkingDay, entered);

  it('ends a 7-working-day publicity opened on Tuesday 28 September with Wednesday 13 October', () => {
    // 29, 30 Sep; 8, 9 (swapped Saturday), 11, 12, 13 Oct.
    const end = addWorkingDays(at('2027-09-28T10:00:00+08:00'), 7, rule);
    expect(end.toISOString()).toBe('2027-10-13T16:00:00.000Z');
    expect(workingDaysBetween(at('2027-09-28T10:00:00+08:00'), end, rule)).toBe(7);
  });

  it('would end it on 7 October without the entries: the package treats 2027 as Monday to Friday', () => {
    const end = addWorkingDays(at('2027-09-28T10:00:00+08:00'), 7, nationalIsWorkingDay);
    expect(end.toISOString()).toBe('2027-10-07T16:00:00.000Z');
  });

  it('recognises working-day deadlines by their midnight', () => {
    expect(isChinaMidnight(at('2027-10-13T16:00:00Z'))).toBe(true);
    expect(isChinaMidnight(at('2027-10-13T17:00:00Z'))).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar, type Calendar } from '../../activities/calendar';
import { createTestDatabase, type TestDatabase } from '../support/database';

let testDb: TestDatabase;
let calendar: Calendar;

const threeWorkingDays = { kind: 'workingDays', days: 3 } as const;
// Monday 2025-11-10: an ordinary week, three working days end with Thursday 11-13.
const mondayMorning = '2025-11-10T09:00:00+08:00';

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db
    .insertInto('jurisdictions')
    .values([
      { id: 'county-a', name: '甲县', level: 'county', parent_id: null, policy: JSON.stringify({}) },
      { id: 'county-b', name: '乙县', level: 'county', parent_id: null, policy: JSON.stringify({}) },
    ])
    .execute();
  await testDb.db
    .insertInto('calendar_overrides')
    .values([
      { jurisdiction_id: 'county-a', day: '2025-11-12', working: false, reason: '县城防汛闭馆' },
      { jurisdiction_id: null, day: '2027-01-01', working: false, reason: '元旦' },
      // The nation works a day the county keeps closed: the county's own row decides.
      { jurisdiction_id: null, day: '2025-11-22', working: true, reason: '调休上班' },
      { jurisdiction_id: 'county-a', day: '2025-11-22', working: false, reason: '县级活动' },
    ])
    .execute();
  calendar = createCalendar(testDb.db);
});

afterAll(async () => {
  await testDb?.drop();
});

describe('createCalendar', () => {
  it('moves a deadline past a closure of its own jurisdiction', async () => {
    const due = await calendar.computeDue({ jurisdictionId: 'county-a', from: mondayMorning, rule: threeWorkingDays });

    expect(due).toBe(new Date('2025-11-15T00:00:00+08:00').toISOString());
  });

  it('leaves other jurisdictions untouched by a local closure', async () => {
    const due = await calendar.computeDue({ jurisdictionId: 'county-b', from: mondayMorning, rule: threeWorkingDays });

    expect(due).toBe(new Date('2025-11-14T00:00:00+08:00').toISOString());
  });

  it('applies national overrides to every jurisdiction', async () => {
    const from = '2026-12-30T10:00:00+08:00';
    const rule = { kind: 'workingDays', days: 2 } as const;

    const dueA = await calendar.computeDue({ jurisdictionId: 'county-a', from, rule });
    const dueB = await calendar.computeDue({ jurisdictionId: 'county-b', from, rule });

    // 12-31, then Monday 01-04: New Year's Day 2027 is off although the package does not know 2027.
    expect([dueA, dueB]).toEqual([
      new Date('2027-01-05T00:00:00+08:00').toISOString(),
      new Date('2027-01-05T00:00:00+08:00').toISOString(),
    ]);
  });

  it("lets a jurisdiction's row beat a national row for the same day", async () => {
    await expect(calendar.isWorkingDay('county-a', '2025-11-22')).resolves.toBe(false);
    await expect(calendar.isWorkingDay('county-b', '2025-11-22')).resolves.toBe(true);
  });

  it('follows the national schedule where no row says otherwise', async () => {
    await expect(calendar.isWorkingDay('county-b', '2025-09-28')).resolves.toBe(true);
    await expect(calendar.isWorkingDay('county-b', '2025-10-08')).resolves.toBe(false);
  });

  it('counts calendar periods without consulting working days', async () => {
    const due = await calendar.computeDue({
      jurisdictionId: 'county-a',
      from: '2026-01-31T09:00:00+08:00',
      rule: { kind: 'calendar', months: 3, days: 0, hours: 0 },
    });

    expect(due).toBe(new Date('2026-04-30T09:00:00+08:00').toISOString());
  });

  it('widens its window when closures push the deadline beyond two years', async () => {
    const closed = Array.from({ length: 800 }, (_, i) => {
      const day = new Date(Date.UTC(2030, 0, 2 + i)).toISOString().slice(0, 10);
      return { jurisdiction_id: 'county-b', day, working: false, reason: '长期闭馆' };
    });
    await testDb.db.insertInto('calendar_overrides').values(closed).execute();

    // Tuesday 2030-01-01 counts; everything from 01-02 for 800 days is closed, so the second day is after that.
    const due = await calendar.computeDue({
      jurisdictionId: 'county-b',
      from: '2029-12-31T09:00:00+08:00',
      rule: { kind: 'workingDays', days: 2 },
    });

    const firstOpen = new Date(Date.UTC(2030, 0, 2 + 800)).toISOString().slice(0, 10);
    expect(firstOpen).toBe('2032-03-12');
    // 2032-03-12 is a Friday.
    expect(due).toBe(new Date('2032-03-13T00:00:00+08:00').toISOString());
  });
});

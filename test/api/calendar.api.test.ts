import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { startTestApi, type TestApi } from '../support/testApi';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';

// API → PostgreSQL, real. No worker runs: the workflows a change moves are signalled by id, and a workflow
// that does not exist (as here) has nothing to move. test/workflows/calendarChange.test.ts runs them.
const PASSWORD = 'correct horse battery';
const TOWNSHIP = 'test-township';

let testDb: TestDatabase;
let app: Express;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await seedPeople(testDb.db, hash);
  const { db } = testDb;
  await db
    .insertInto('jurisdictions')
    .values({ id: TOWNSHIP, name: '城关镇', level: 'township', parent_id: jurisdictionId, policy: '{}' })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: 'township',
      username: 'township',
      display_name: '镇人大主席团办公室',
      password_hash: hash,
      roles: ['coordinator'],
      jurisdiction_id: TOWNSHIP,
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
  api = await startTestApi(db, { signIn: ['coordinator', 'township', 'deputy'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

const as = (username: string) => api.as(username);
const setDay = (username: string, body: object) => request(app).put('/api/calendar/days').set(as(username)).send(body);
const preview = (username: string, from: string, workingDays: number) =>
  request(app).post('/api/calendar/preview').set(as(username)).send({ from, workingDays });
const year = async (username: string, y: number) => {
  const res = await request(app).get(`/api/calendar/${y}`).set(as(username)).expect(200);
  return res.body as {
    mayEditNational: boolean;
    packageCovers: boolean;
    days: { day: string; working: boolean; source: string; reason: string | null }[];
  };
};
const dayOf = async (username: string, day: string) =>
  (await year(username, Number(day.slice(0, 4)))).days.find((d) => d.day === day);
const overrides = () => testDb.db.selectFrom('calendar_overrides').selectAll().orderBy('day').execute();
const auditOf = (action: string) =>
  testDb.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

describe('the national schedule', () => {
  it('shows a year the package does not know as Monday to Friday', async () => {
    const y2027 = await year('coordinator', 2027);
    expect(y2027.packageCovers).toBe(false);
    expect(y2027.mayEditNational).toBe(true);
    expect(y2027.days).toHaveLength(365);
    expect(y2027.days.find((d) => d.day === '2027-10-01')).toMatchObject({ working: true, source: 'package' });
    // 2026 comes from the package: 国庆 is a holiday there.
    expect((await dayOf('coordinator', '2026-10-01'))?.working).toBe(false);
  });

  it('ends a 7-working-day publicity from 28 September 2027 on 13 October once the office enters 国庆 and its swapped Saturday', async () => {
    const before = await preview('coordinator', '2027-09-28', 7).expect(200);
    expect(before.body.lastDay).toBe('2027-10-07');

    for (const d of ['01', '02', '03', '04', '05', '06', '07']) {
      const res = await setDay('coordinator', {
        scope: 'national',
        day: `2027-10-${d}`,
        working: false,
        reason: '国庆节',
      });
      expect(res.status, res.body.message).toBe(200);
    }
    for (const day of ['2027-09-26', '2027-10-09']) {
      const res = await setDay('coordinator', { scope: 'national', day, working: true, reason: '国庆调休上班' });
      expect(res.status, res.body.message).toBe(200);
    }

    // 29, 30 Sep; 8, 9 (Saturday, worked), 11, 12, 13 Oct.
    const after = await preview('coordinator', '2027-09-28', 7).expect(200);
    expect(after.body).toMatchObject({ lastDay: '2027-10-13', dueAt: '2027-10-13T16:00:00.000Z' });
    // Every jurisdiction follows the national schedule.
    expect((await preview('township', '2027-09-28', 7).expect(200)).body.lastDay).toBe('2027-10-13');
    expect(await dayOf('township', '2027-10-09')).toMatchObject({
      working: true,
      source: 'national',
      reason: '国庆调休上班',
    });

    const entered = await auditOf('calendar.daySet');
    expect(entered).toHaveLength(9);
    expect(entered[0]).toMatchObject({
      actor_user_id: 'coordinator',
      actor_label: '陈主任',
      subject: 'calendar:national',
      detail: { scope: 'national', day: '2027-10-01', before: null, after: { working: false, reason: '国庆节' } },
    });
  });

  it('shows the office its calendar entries in the audit log', async () => {
    const res = await request(app)
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ action: 'calendar.daySet' }) })
      .set(as('coordinator'))
      .expect(200);
    expect(res.body).toHaveLength(9);
    expect(res.body[0]).toMatchObject({ subject: 'calendar:national', actor_label: '陈主任' });
  });

  it('replaces a day’s entry and records what it was', async () => {
    const res = await setDay('coordinator', {
      scope: 'national',
      day: '2027-10-09',
      working: true,
      reason: '国庆节调休（周六上班）',
    });
    expect(res.status, res.body.message).toBe(200);
    expect(res.body.before).toEqual({ working: true, reason: '国庆调休上班' });
    expect((await overrides()).filter((o) => o.day === '2027-10-09')).toHaveLength(1);
  });

  it('refuses the national schedule to a township and to anyone but the office, and writes nothing', async () => {
    const count = (await overrides()).length;
    const township = await setDay('township', { scope: 'national', day: '2027-12-24', working: false, reason: '圣诞' });
    expect(township.status).toBe(403);
    expect(township.body.message).toMatch(/only a county office enters the national schedule/);
    await setDay('deputy', { scope: 'national', day: '2027-12-24', working: false, reason: 'x' }).expect(403);
    expect(await overrides()).toHaveLength(count);
  });

  it('refuses a day that does not exist, a missing reason or scope, with a message under each field', async () => {
    const count = (await overrides()).length;
    const bad = await setDay('coordinator', { scope: 'planet', day: '2027-02-30', working: false, reason: ' ' }).expect(
      400,
    );
    expect(bad.body.errors).toMatchObject({
      scope: 'scope is national or local',
      day: 'there is no such day',
      reason: expect.stringMatching(/say why/),
    });
    const badPreview = await preview('coordinator', '2027-13-01', 0).expect(400);
    expect(badPreview.body.errors).toMatchObject({
      from: 'there is no such day',
      workingDays: 'count at least 1 working day',
    });
    await request(app).get('/api/calendar/1999').set(as('coordinator')).expect(400);
    expect(await overrides()).toHaveLength(count);
  });
});

describe('local closures', () => {
  it('applies a county closure to its townships, and a township’s own closure to itself only', async () => {
    const county = await setDay('coordinator', {
      scope: 'local',
      day: '2027-11-10',
      working: false,
      reason: '县城防汛',
    });
    expect(county.status, county.body.message).toBe(200);
    expect(await dayOf('township', '2027-11-10')).toMatchObject({
      working: false,
      source: 'county',
      reason: '县城防汛',
    });
    // Monday 8 Nov + 3 working days: 9, 11, 12 (the 10th closed).
    expect((await preview('township', '2027-11-08', 3).expect(200)).body.lastDay).toBe('2027-11-12');

    const own = await setDay('township', { scope: 'local', day: '2027-11-16', working: false, reason: '镇人代会会期' });
    expect(own.status, own.body.message).toBe(200);
    expect(await dayOf('township', '2027-11-16')).toMatchObject({ working: false, source: 'local' });
    expect(await dayOf('coordinator', '2027-11-16')).toMatchObject({ working: true, source: 'package' });
    expect((await auditOf('calendar.daySet')).at(-1)).toMatchObject({ subject: `calendar:${TOWNSHIP}` });
  });

  it('removes an entry, recording what it was, and answers 404 for a day with none', async () => {
    const removed = await request(app).delete('/api/calendar/days/local/2027-11-16').set(as('township')).expect(200);
    expect(removed.body.before).toEqual({ working: false, reason: '镇人代会会期' });
    expect(await dayOf('township', '2027-11-16')).toMatchObject({ working: true, source: 'package' });
    expect(await auditOf('calendar.dayCleared')).toMatchObject([
      { actor_user_id: 'township', detail: { day: '2027-11-16', before: { working: false }, after: null } },
    ]);
    const none = await request(app).delete('/api/calendar/days/local/2027-11-16').set(as('township')).expect(404);
    expect(none.body.message).toMatch(/local entry for 2027-11-16 was not found/);
    await request(app).delete('/api/calendar/days/moon/2027-11-16').set(as('township')).expect(400);
  });
});

describe('running deadlines a change moves', () => {
  it('lists the publicity and the open task a holiday inside them would move, and nothing else, without writing', async () => {
    const { db } = testDb;
    // Publicity from Monday 6 December 2027, 10:00, for 7 working days: 7–10, 13–15 December.
    await db
      .insertInto('batches')
      .values([
        {
          id: `batch-${jurisdictionId}-2028`,
          jurisdiction_id: jurisdictionId,
          year: 2028,
          title: '测试县2028年民生实事项目',
          phase: 'candidatePublicity',
          phase_changed_at: '2027-12-06T02:00:00Z',
          next_deadline_at: '2027-12-15T16:00:00Z',
          next_deadline_label: 'candidate publicity ends',
        },
        {
          id: `batch-${TOWNSHIP}-2028`,
          jurisdiction_id: TOWNSHIP,
          year: 2028,
          title: '城关镇2028年民生实事项目',
          phase: 'screening',
          phase_changed_at: '2027-12-01T02:00:00Z',
          next_deadline_at: null,
          next_deadline_label: null,
        },
      ])
      .execute();
    const task = (id: string, due: string) => ({
      id,
      owner_workflow_id: null,
      jurisdiction_id: TOWNSHIP,
      kind: 'instruction',
      title: `任务${id}`,
      assignee_kind: 'role' as const,
      assignee_ref: `coordinator@${TOWNSHIP}`,
      payload: '{}',
      due_at: due,
      status: 'open' as const,
      created_at: '2027-12-06T02:00:00Z',
    });
    // 3 working days (7–9 Dec), and a calendar period of 3 days that ends at 10:00.
    await db
      .insertInto('tasks')
      .values([task('task-wd', '2027-12-09T16:00:00Z'), task('task-cal', '2027-12-09T02:00:00Z')])
      .execute();

    const impact = await request(app)
      .post('/api/calendar/impact')
      .set(as('coordinator'))
      .send({ scope: 'local', day: '2027-12-08', working: false })
      .expect(200);
    expect(impact.body.affected).toEqual([
      expect.objectContaining({ kind: 'task', workflowId: 'task-wd', newDueAt: '2027-12-10T16:00:00.000Z' }),
      expect.objectContaining({
        kind: 'publicity',
        workflowId: `batch-${jurisdictionId}-2028`,
        label: 'candidate publicity ends',
        dueAt: '2027-12-15T16:00:00.000Z',
        newDueAt: '2027-12-16T16:00:00.000Z',
      }),
    ]);
    // A day after both ends moves nothing; a township's own change reaches only its own.
    const later = await request(app)
      .post('/api/calendar/impact')
      .set(as('coordinator'))
      .send({ scope: 'local', day: '2027-12-20', working: false })
      .expect(200);
    expect(later.body.affected).toEqual([]);
    const township = await request(app)
      .post('/api/calendar/impact')
      .set(as('township'))
      .send({ scope: 'local', day: '2027-12-08', working: false })
      .expect(200);
    expect(township.body.affected.map((a: { workflowId: string }) => a.workflowId)).toEqual(['task-wd']);
    expect((await overrides()).some((o) => o.day === '2027-12-08')).toBe(false);
  });
});

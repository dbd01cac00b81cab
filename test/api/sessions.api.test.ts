import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { startTestApi, type TestApi } from '../support/testApi';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// API → PostgreSQL, real: the session lists a deputy opens on a phone, and the 400 body a form reads.
const PASSWORD = 'correct horse battery';
const BATCH = `batch-${jurisdictionId}-2026`;

let testDb: TestDatabase;
let app: Express;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db, await hashPassword(PASSWORD));
  await db
    .insertInto('users')
    .values({
      id: 'deputy2',
      username: 'deputy2',
      display_name: '何代表',
      password_hash: await hashPassword(PASSWORD),
      roles: ['deputy'],
      jurisdiction_id: jurisdictionId,
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
  await insertVotedProject(db, { key: 'road', batchId: BATCH, year: 2026, deadline: '2026-11-30' });
  await insertVotedProject(db, { key: 'lamp', batchId: BATCH, year: 2026, deadline: '2026-11-30' });
  const session = { batch_id: BATCH, opened_by: 'coordinator' };
  await db
    .insertInto('vote_sessions')
    .values([
      {
        ...session,
        id: `${BATCH}-vote-1`,
        round: 1,
        seats: 1,
        candidate_ids: ['cand-road', 'cand-lamp'],
        deputies_entitled: 2,
        deputies_present: 2,
        scrutineers: [],
        tellers: [],
        status: 'closed',
        opened_at: '2026-01-10T01:00:00Z',
        closed_at: '2026-01-10T03:00:00Z',
      },
      {
        ...session,
        id: `${BATCH}-vote-2`,
        round: 2,
        seats: 1,
        candidate_ids: ['cand-road'],
        deputies_entitled: 2,
        deputies_present: 2,
        scrutineers: [],
        tellers: [],
        status: 'open',
        opened_at: '2026-01-10T04:00:00Z',
      },
    ])
    .execute();
  await db
    .insertInto('ballot_receipts')
    .values({ session_id: `${BATCH}-vote-1`, deputy_user_id: 'deputy', receipt_code: 'R-VOTE-1' })
    .execute();
  await db
    .insertInto('rating_sessions')
    .values([
      {
        ...session,
        id: `${BATCH}-rating`,
        kind: 'congress',
        project_ids: ['project-road', 'project-lamp'],
        status: 'open',
        opened_at: '2027-01-10T01:00:00Z',
      },
      {
        ...session,
        id: 'project-road-rerating-1',
        kind: 'committee',
        project_ids: ['project-road'],
        status: 'closed',
        opened_at: '2027-05-01T01:00:00Z',
        closed_at: '2027-05-08T01:00:00Z',
        result: JSON.stringify({ counts: { satisfied: 1 } }),
      },
    ])
    .execute();
  await db
    .insertInto('rating_receipts')
    .values({ session_id: `${BATCH}-rating`, deputy_user_id: 'deputy', receipt_code: 'R-RATE-1' })
    .execute();
  await db
    .insertInto('ratings')
    .values({
      id: '00000000-0000-4000-8000-000000000001',
      session_id: `${BATCH}-rating`,
      project_id: 'project-road',
      choice: 'unsatisfied',
    })
    .execute();

  api = await startTestApi(db, { signIn: ['coordinator', 'deputy', 'deputy2'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

const as = (username: string) => api.as(username);
const query = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]));

describe('the rating sessions list', () => {
  it('says whether I have rated in each session and nothing about anyone’s ratings', async () => {
    const mine = await request(app).get('/api/rating-sessions').set(as('deputy')).expect(200);
    expect(mine.headers['content-range']).toBe('rating-sessions 0-1/2');
    expect(mine.body).toEqual([
      {
        id: 'project-road-rerating-1',
        batch_id: BATCH,
        kind: 'committee',
        status: 'closed',
        opened_at: '2027-05-01T01:00:00.000Z',
        closed_at: '2027-05-08T01:00:00.000Z',
        project_count: 1,
        rated: false,
      },
      {
        id: `${BATCH}-rating`,
        batch_id: BATCH,
        kind: 'congress',
        status: 'open',
        opened_at: '2027-01-10T01:00:00.000Z',
        closed_at: null,
        project_count: 2,
        rated: true,
      },
    ]);
    const other = await request(app)
      .get('/api/rating-sessions')
      .set(as('deputy2'))
      .query(query({ filter: { status: 'open' } }))
      .expect(200);
    expect(other.body).toEqual([expect.objectContaining({ id: `${BATCH}-rating`, rated: false })]);
  });
});

describe('the vote sessions list', () => {
  it('says whether I have voted in each session, never how, and no ballot count while a session is open', async () => {
    const res = await request(app)
      .get('/api/vote-sessions')
      .set(as('deputy'))
      .query(query({ sort: ['round', 'ASC'] }))
      .expect(200);
    expect(
      res.body.map((s: { id: string; voted: boolean; ballots_cast: number }) => [s.id, s.voted, s.ballots_cast]),
    ).toEqual([
      [`${BATCH}-vote-1`, true, 1],
      // An open session shows no running count: whoever closes it could otherwise pick the moment.
      [`${BATCH}-vote-2`, false, null],
    ]);
    const other = await request(app).get('/api/vote-sessions').set(as('deputy2')).expect(200);
    expect(other.body.every((s: { voted: boolean }) => s.voted === false)).toBe(true);
  });
});

describe('a 400 for an invalid body', () => {
  it('names each field’s first message beside the message', async () => {
    const res = await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .send({
        key: 'short',
        kind: 'instruction',
        title: 'x',
        assignee: { kind: 'department' },
        due: { kind: 'calendar', days: 3 },
      })
      .expect(400);
    expect(res.body.message).toMatch(/^invalid request — /);
    expect(res.body.errors).toMatchObject({
      key: 'key must be 8–64 letters, digits or dashes (the form generates it)',
      title: 'give the task a title',
    });
    expect(Object.keys(res.body.errors)).toContain('assignee.departmentId');
  });
});

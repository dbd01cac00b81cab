import { testDataConverter } from '../support/payloadKey';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBatchActivities } from '../../activities/batches';
import { type AppDeps, createApp } from '../../api/app';
import { hashPassword } from '../../db/passwords';
import { createTokenSigner } from '../../api/auth/tokens';
import { issueToken, revokeSessionsOf } from '../../api/security/sessions';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';

// API → PostgreSQL, real: the findings of the security review (issue 12), each refused as it should be.
const PASSWORD = 'correct horse battery';
const OTHER = 'other-county';
const BATCH = `batch-${jurisdictionId}-2027`;

let testDb: TestDatabase;
let app: Express;
let appDeps: AppDeps;
let connection: Connection;
let adminUiDist: string;
const tokens = createTokenSigner('x'.repeat(40));

const login = (username: string, password = PASSWORD) =>
  request(app).post('/api/auth/login').send({ username, password });
const bearer = async (username: string) => {
  const res = await login(username).expect(200);
  return { Authorization: `Bearer ${res.body.token as string}` };
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db, await hashPassword(PASSWORD));
  // A neighbouring county with its own department, official and task.
  await db
    .insertInto('jurisdictions')
    .values({ id: OTHER, name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('departments')
    .values({ id: 'dept-other-roads', jurisdiction_id: OTHER, name: '邻县交通运输局', leader_user_id: null })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: 'neighbour',
      username: 'neighbour',
      display_name: '邻县科员',
      password_hash: await hashPassword(PASSWORD),
      roles: ['official'],
      jurisdiction_id: OTHER,
      department_id: 'dept-other-roads',
      email: null,
      phone: null,
    })
    .execute();
  const task = (id: string, jurisdiction: string, title: string, departmentId: string) => ({
    id,
    owner_workflow_id: null,
    jurisdiction_id: jurisdiction,
    kind: 'instruction',
    title,
    assignee_kind: 'department' as const,
    assignee_ref: departmentId,
    payload: '{}',
    due_at: '2027-01-01T00:00:00Z',
    status: 'open' as const,
    completed_by: null,
    completed_at: null,
    result: null,
  });
  await db
    .insertInto('tasks')
    .values([
      task('task-foreign', OTHER, '邻县机密：拆迁补偿名单核查', 'dept-other-roads'),
      task('task-water', jurisdictionId, '本县水利局：河道清淤', 'dept-water'),
    ])
    .execute();

  adminUiDist = mkdtempSync(path.join(tmpdir(), 'admin-ui-dist-'));
  writeFileSync(path.join(adminUiDist, 'index.html'), '<!doctype html><div id="root"></div>');
  connection = await Connection.connect({ address: inject('temporalAddress') });
  appDeps = {
    db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens,
    taskQueue: 'security-test',
    temporalUiUrl: 'http://127.0.0.1:8233',
    adminUiDist,
    loginThrottle: { failuresBeforeLockout: 3, lockoutMinutes: 15, failuresPerAddress: 50 },
    publicFormLimit: { windowMinutes: 60, perAddress: 3 },
  };
  app = createApp(appDeps);
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
  if (adminUiDist) rmSync(adminUiDist, { recursive: true, force: true });
});

describe('security headers', () => {
  it('forbids framing and inline scripts on the console and the API', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await request(app).get(url).expect(200);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('signing in', () => {
  it('locks a username after repeated failures, even against the right password, and records each failure without the password', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await login('colleague', `guess-${i}`).expect(401);
      expect(res.body.message).toMatch(/username or password/);
    }
    const locked = await login('colleague').expect(429);
    expect(locked.body.message).toMatch(/locked after 3 failed sign-ins; try again in 15 minutes/);
    const failures = await testDb.db
      .selectFrom('login_failures')
      .selectAll()
      .where('username', '=', 'colleague')
      .execute();
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatchObject({ username: 'colleague', ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(JSON.stringify(failures)).not.toContain('guess-');
    // Another username is not locked by it.
    await login('official').expect(200);
  });

  it('ends a session on the server at logout, so the same token is refused afterwards', async () => {
    const auth = await bearer('deputy');
    await request(app).get('/api/auth/me').set(auth).expect(200);
    const out = await request(app).post('/api/auth/logout').set(auth).expect(200);
    expect(out.body.message).toBe('signed out');
    const after = await request(app).get('/api/auth/me').set(auth).expect(401);
    expect(after.body.message).toMatch(/sign in again/);
    await request(app).get('/api/tasks').set(auth).expect(401);
  });

  it('revokes every session of a user at once, and refuses a well-signed token that carries no live session', async () => {
    const first = await bearer('leader');
    const second = await bearer('leader');
    expect(await revokeSessionsOf(testDb.db, 'leader')).toBe(2);
    await request(app).get('/api/auth/me').set(first).expect(401);
    await request(app).get('/api/auth/me').set(second).expect(401);

    const user = {
      userId: 'coordinator',
      username: 'coordinator',
      displayName: '陈主任',
      roles: ['coordinator' as const],
      jurisdictionId,
      departmentId: null,
    };
    const unknownSession = await tokens.sign(user, 'never-opened');
    await request(app).get('/api/auth/me').set('Authorization', `Bearer ${unknownSession}`).expect(401);
    const live = await issueToken(testDb.db, tokens, user);
    await request(app).get('/api/auth/me').set('Authorization', `Bearer ${live}`).expect(200);
  });
});

describe('the anonymous public forms', () => {
  it('limit how many submissions one address makes, with a message', async () => {
    const suggest = () => request(app).post(`/api/public/batches/${BATCH}/suggestions`).send({ key: 'x' });
    for (let i = 0; i < 3; i++) expect((await suggest()).status).not.toBe(429);
    const limited = await suggest().expect(429);
    expect(limited.body.message).toMatch(/too many suggestions from this address/);

    const comment = () => request(app).post(`/api/public/batches/${BATCH}/comments`).send({ key: 'x' });
    for (let i = 0; i < 3; i++) expect((await comment()).status).not.toBe(429);
    expect((await comment().expect(429)).body.message).toMatch(/too many comments/);
    // Reading the public list is not limited.
    expect((await request(app).get(`/api/public/batches/${BATCH}`)).status).not.toBe(429);
    // Reached directly (npm start), a written X-Forwarded-For is nobody's address: it does not lift the limit.
    expect((await suggest().set('X-Forwarded-For', '198.51.100.7')).status).toBe(429);
  });

  it('count each client behind the proxy compose puts in front by the address the proxy saw', async () => {
    // As compose runs it: nginx appends the address it saw to X-Forwarded-For, and the API believes that one hop.
    // Before TRUST_PROXY every request came from nginx's address: one limit and one lockout for the whole county.
    const behindProxy = createApp({
      ...appDeps,
      trustProxyHops: 1,
      publicFormLimit: { windowMinutes: 60, perAddress: 1 },
      loginThrottle: { failuresBeforeLockout: 100, lockoutMinutes: 15, failuresPerAddress: 2 },
    });
    const suggestFrom = (forwarded: string) =>
      request(behindProxy)
        .post(`/api/public/batches/${BATCH}/suggestions`)
        .set('X-Forwarded-For', forwarded)
        .send({ key: 'x' });
    expect((await suggestFrom('203.0.113.1')).status).not.toBe(429);
    expect((await suggestFrom('203.0.113.1')).status).toBe(429);
    expect((await suggestFrom('203.0.113.2')).status).not.toBe(429);
    // What the client wrote before the proxy's own entry is not believed.
    expect((await suggestFrom('198.51.100.9, 203.0.113.1')).status).toBe(429);

    // Failed sign-ins: counted per client address (spraying many usernames from one is stopped), and logged with it.
    const fail = (forwarded: string, username: string) =>
      request(behindProxy)
        .post('/api/auth/login')
        .set('X-Forwarded-For', forwarded)
        .send({ username, password: 'wrong-password' });
    expect((await fail('203.0.113.5', 'spray-1')).status).toBe(401);
    expect((await fail('203.0.113.5', 'spray-2')).status).toBe(401);
    const sprayed = await fail('203.0.113.5', 'spray-3');
    expect(sprayed.status).toBe(429);
    expect(sprayed.body.message).toMatch(/too many failed sign-ins from this address/);
    expect((await fail('203.0.113.6', 'spray-4')).status).toBe(401);
    const logged = await testDb.db
      .selectFrom('login_failures')
      .select(['username', 'ip'])
      .where('username', 'like', 'spray-%')
      .orderBy('username')
      .execute();
    expect(logged).toEqual([
      { username: 'spray-1', ip: '203.0.113.5' },
      { username: 'spray-2', ip: '203.0.113.5' },
      { username: 'spray-4', ip: '203.0.113.6' },
    ]);
  });
});

describe('spam from the public form', () => {
  beforeAll(async () => {
    const { db } = testDb;
    await db
      .insertInto('batches')
      .values({ id: BATCH, jurisdiction_id: jurisdictionId, year: 2027, title: '2027年度民生实事', phase: 'screening' })
      .execute();
    const suggestion = (id: string, title: string, outcome: 'candidate' | 'rejected' | null) => ({
      id,
      batch_id: BATCH,
      title,
      description: title,
      category: 'transport',
      location: '城关镇',
      channel: 'online',
      merged_into_id: null,
      promoted_from_id: null,
      department_id: 'dept-roads',
      outcome,
      outcome_reason: outcome ? '理由' : null,
      funding_source: null,
      policy_compliant: null,
      reviewed_by: null,
      reviewed_at: null,
    });
    await db
      .insertInto('suggestions')
      .values([
        suggestion('sug-road', '县道改造', 'candidate'),
        suggestion('sug-far', '修建机场', 'rejected'),
        suggestion('sug-junk-1', '买药加微信', null),
        suggestion('sug-junk-2', 'http://spam.example', null),
      ])
      .execute();
    await db
      .insertInto('suggestion_proposers')
      .values(
        ['sug-road', 'sug-far', 'sug-junk-1', 'sug-junk-2'].map((id) => ({
          suggestion_id: id,
          kind: 'public' as const,
          name: null,
          contact: '13800000000',
          user_id: null,
          department_id: null,
        })),
      )
      .execute();
    await db
      .insertInto('candidates')
      .values({
        id: 'cand-road',
        batch_id: BATCH,
        suggestion_id: 'sug-road',
        title: '县道改造',
        description: '县道改造',
        department_id: 'dept-roads',
        responsible_leader_user_id: null,
        implementing_unit: '县交通运输局',
        budget_yuan: 1000000,
        deadline: '2027-11-30',
        acceptance_standard: '通车',
        status: 'active',
        elected: null,
        approvals: null,
      })
      .execute();
  });

  it('lets the office mark many suggestions spam at once, and screening then ends without a feedback task for them', async () => {
    const auth = await bearer('coordinator');
    const deputy = await bearer('deputy');
    await request(app)
      .post('/api/suggestions/bulk-review')
      .set(deputy)
      .send({ ids: ['sug-junk-1'], outcome: 'spam' })
      .expect(403);
    const other = await request(app)
      .post('/api/suggestions/bulk-review')
      .set(auth)
      .send({ ids: ['sug-junk-1'], outcome: 'rejected' })
      .expect(400);
    expect(other.body.message).toMatch(/only spam can be set in bulk/);
    const unknown = await request(app)
      .post('/api/suggestions/bulk-review')
      .set(auth)
      .send({ ids: ['sug-junk-1', 'sug-nowhere'], outcome: 'spam' })
      .expect(404);
    expect(unknown.body.message).toBe('suggestion "sug-nowhere" was not found');

    const marked = await request(app)
      .post('/api/suggestions/bulk-review')
      .set(auth)
      .send({ ids: ['sug-junk-1', 'sug-junk-2'], outcome: 'spam' })
      .expect(200);
    expect(marked.body).toEqual({ updated: 2 });
    const rows = await testDb.db.selectFrom('suggestions').select(['id', 'outcome']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'sug-far', outcome: 'rejected' },
      { id: 'sug-junk-1', outcome: 'spam' },
      { id: 'sug-junk-2', outcome: 'spam' },
      { id: 'sug-road', outcome: 'candidate' },
    ]);

    // The activity that ends screening: spam counts as reviewed (none was scored), and only the
    // rejected suggestion's proposer is handed to the workflow for a feedback task.
    const { concludeScreening } = createBatchActivities({ db: testDb.db });
    const concluded = await concludeScreening({
      phase: {
        batchId: BATCH,
        jurisdictionId,
        year: 2027,
        title: '2027年度民生实事',
        collectionClosesAt: '2026-12-01T00:00:00Z',
        phase: 'candidatePublicity',
        at: '2026-12-20T00:00:00Z',
        nextDeadline: null,
        actor: null,
      },
    });
    expect(concluded.candidateIds).toEqual(['cand-road']);
    expect(concluded.notTaken.map((t) => t.suggestionId)).toEqual(['sug-far']);
  });

  it('lets the office mark public comments spam in bulk and leave them out of its list', async () => {
    await testDb.db
      .insertInto('publicity_comments')
      .values([
        { id: 'cmt-real', batch_id: BATCH, candidate_id: null, author_name: null, contact: null, body: '支持' },
        { id: 'cmt-junk', batch_id: BATCH, candidate_id: null, author_name: null, contact: null, body: '加微信' },
      ])
      .execute();
    const auth = await bearer('coordinator');
    const res = await request(app)
      .post('/api/publicity-comments/bulk-spam')
      .set(auth)
      .send({ ids: ['cmt-junk'] })
      .expect(200);
    expect(res.body).toEqual({ updated: 1 });
    const kept = await request(app)
      .get('/api/publicity-comments')
      .query({ filter: JSON.stringify({ spam: false }) })
      .set(auth)
      .expect(200);
    expect((kept.body as { id: string }[]).map((c) => c.id)).toEqual(['cmt-real']);
  });
});

describe('another jurisdiction', () => {
  it('cannot be given a task: its people and departments are refused with 422', async () => {
    const auth = await bearer('coordinator');
    const base = {
      key: 'task-0001-cross',
      kind: 'instruction',
      title: '越界交办',
      instructions: '请处理',
      due: { kind: 'calendar', days: 3 },
    };
    const toDept = await request(app)
      .post('/api/tasks')
      .set(auth)
      .send({ ...base, assignee: { kind: 'department', departmentId: 'dept-other-roads' } })
      .expect(422);
    expect(toDept.body.message).toBe('assignee: there is no department "dept-other-roads" in your jurisdiction');
    const toUser = await request(app)
      .post('/api/tasks')
      .set(auth)
      .send({ ...base, assignee: { kind: 'user', userId: 'neighbour' } })
      .expect(422);
    expect(toUser.body.message).toMatch(/no user "neighbour" in your jurisdiction/);
    expect(await testDb.db.selectFrom('tasks').select('id').where('title', '=', '越界交办').execute()).toEqual([]);
  });

  it('has no departments the caller can read', async () => {
    const auth = await bearer('official');
    await request(app).get('/api/departments/dept-water').set(auth).expect(200);
    const res = await request(app).get('/api/departments/dept-other-roads').set(auth).expect(404);
    expect(JSON.stringify(res.body)).not.toContain('邻县');
  });

  it('never learns a task title from a refusal', async () => {
    const auth = await bearer('official');
    const foreign = await request(app)
      .post('/api/tasks/task-foreign/complete')
      .set(auth)
      .send({ result: { note: 'x' } })
      .expect(404);
    expect(JSON.stringify(foreign.body)).not.toContain('拆迁');
    const notMine = await request(app)
      .post('/api/tasks/task-water/complete')
      .set(auth)
      .send({ result: { note: 'x' } })
      .expect(403);
    expect(notMine.body.message).toBe('this task is assigned to department dept-water, not to you');
    expect(JSON.stringify(notMine.body)).not.toContain('河道');
  });
});

describe('a ballot or rating sheet on the wire', () => {
  it('is taken only in its one spelling, so its size never depends on the choices', async () => {
    const auth = await bearer('deputy');
    const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      request(app)
        .post(url)
        .set(auth)
        .set({ 'Content-Type': 'application/json', ...headers })
        .send(body)
        // The bytes as they are: superagent would write a Buffer sent as JSON as `{"type":"Buffer",…}`.
        .serialize((b: unknown) => b as string);
    for (const [url, field, code] of [
      ['/api/vote-sessions/vs-nowhere/ballots', 'ballot', 'a0d0s1'],
      ['/api/rating-sessions/rs-nowhere/ratings', 'sheet', 'sbu'],
    ] as const) {
      const canonical = JSON.stringify({ [field]: code });
      // The one spelling passes to the session's own checks (there is no such session).
      expect((await post(url, canonical)).status, url).toBe(404);
      // Before the fix each of these was read as the same ballot, at a size of its own.
      for (const spelled of [
        `{ "${field}": "${code}" }`,
        `{"${field}":"${code}"}\n`,
        `{"${field}":"\\u00${Buffer.from(code[0]!).toString('hex')}${code.slice(1)}"}`,
      ]) {
        const res = await post(url, spelled);
        expect(res.status, spelled).toBe(400);
        expect(res.body.message).toMatch(/exactly as \{"ballot":"…"\} or \{"sheet":"…"\}, without spaces or escapes/);
        expect(res.body.code).toBe('secretBodyNotCanonical');
      }
      const gzipped = await post(url, gzipSync(canonical), { 'Content-Encoding': 'gzip' });
      expect(gzipped.status).toBe(415);
      expect(gzipped.body.message).toMatch(/uncompressed \(got Content-Encoding: gzip\)/);
    }
    expect(await testDb.db.selectFrom('ballot_receipts').select('session_id').execute()).toEqual([]);
    expect(await testDb.db.selectFrom('rating_receipts').select('session_id').execute()).toEqual([]);
  });
});

describe('bad input', () => {
  it('is refused before any route with a message that says what to change', async () => {
    const auth = await bearer('coordinator');
    const undecodable = await request(app).get('/api/batches/%').set(auth).expect(400);
    expect(undecodable.body.message).toMatch(/malformed percent-encoding/);
    const nul = await request(app).get('/api/suggestions/a%00b').set(auth).expect(400);
    expect(nul.body.message).toBe('the address contains a NUL character (U+0000)');
    const nulInFilter = await request(app)
      .get('/api/suggestions')
      .query({ filter: JSON.stringify({ q: 'a\u0000b' }) })
      .set(auth)
      .expect(400);
    expect(nulInFilter.body.message).toMatch(/filter: q contains a NUL character/);
    const nulInBody = await request(app)
      .post('/api/auth/login')
      .send({ username: 'coordinator\u0000', password: PASSWORD })
      .expect(400);
    expect(nulInBody.body.message).toBe('invalid request — username: contains a NUL character (U+0000)');
    const text = await request(app)
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ username: 'coordinator', password: PASSWORD }))
      .expect(415);
    expect(text.body.message).toBe(
      'send the request body as JSON with Content-Type: application/json (got text/plain)',
    );
    const latin1 = await request(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{}')
      .expect(415);
    expect(latin1.body.message).toMatch(/UTF-8 JSON/);
  });

  it('answers an empty id filter with an empty page, and reads ids only in their one spelling', async () => {
    const auth = await bearer('coordinator');
    const empty = await request(app)
      .get('/api/suggestions')
      .query({ filter: JSON.stringify({ id: [] }) })
      .set(auth)
      .expect(200);
    expect(empty.body).toEqual([]);
    expect(empty.headers['content-range']).toBe('suggestions 0-0/0');
    const [event] = await testDb.db.selectFrom('audit_events').select('id').orderBy('id').limit(1).execute();
    expect(event).toBeDefined();
    await request(app).get(`/api/audit-events/${event!.id}`).set(auth).expect(200);
    for (const odd of ['0x1', '1e0', '+1', '%201', '01']) {
      const alias = odd.replace(/1$/, String(event!.id)).replace('0x1', `0x${Number(event!.id).toString(16)}`);
      await request(app).get(`/api/audit-events/${alias}`).set(auth).expect(404);
    }
  });
});

import { Client, Connection, defaultPayloadConverter } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createApp } from '../../api/app';
import { hashPassword } from '../../db/passwords';
import { createTokenSigner } from '../../api/auth/tokens';
import { createWorker } from '../../worker/createWorker';
import { type humanTaskWorkflow } from '../../workflows/humanTask';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedPeople } from '../support/fixtures';
import { testDataConverter, testPayloadKey } from '../support/payloadKey';

// API → Temporal dev server → worker → PostgreSQL, all real; only the HTTP socket is supertest's.
const PASSWORD = 'correct horse battery';
const taskQueue = `api-test-${process.pid}`;

let testDb: TestDatabase;
let app: Express;
let worker: Worker;
let workerRun: Promise<void>;
let nativeConnection: NativeConnection;
let connection: Connection;
let temporal: Client;
const notifier = createNotifier({ mailFrom: 'office@test.local' });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
  const address = inject('temporalAddress');
  [nativeConnection, connection] = await Promise.all([
    NativeConnection.connect({ address }),
    Connection.connect({ address }),
  ]);
  temporal = new Client({ connection, dataConverter: testDataConverter });
  worker = await createWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ db: testDb.db, notifier }),
    payloadKey: testPayloadKey,
  });
  workerRun = worker.run();
  app = createApp({
    db: testDb.db,
    temporal,
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue,
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of ['coordinator', 'official', 'colleague', 'outsider', 'deputy']) {
    const res = await request(app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    tokens[username] = res.body.token as string;
  }
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await Promise.all([nativeConnection?.close(), connection?.close(), notifier.close()]);
  await testDb?.drop();
});

const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
const newTask = (key: string) => ({
  key,
  kind: 'instruction',
  title: '核查县道X012路面坑洼',
  assignee: { kind: 'department', departmentId: 'dept-roads' },
  due: { kind: 'workingDays', days: 3 },
  instructions: '请于三个工作日内现场核查并报送整改方案',
});
const taskRows = () => testDb.db.selectFrom('tasks').selectAll().execute();

describe('who is calling', () => {
  it('answers health and config without a login', async () => {
    await request(app).get('/api/health').expect(200, { ok: true });
    const config = await request(app).get('/api/config').expect(200);
    expect(config.body.temporalUiUrl).toBe('http://127.0.0.1:8233');
  });

  it('refuses a wrong password, a missing token and a forged one with 401 and a message', async () => {
    const wrong = await request(app)
      .post('/api/auth/login')
      .send({ username: 'official', password: 'guess' })
      .expect(401);
    expect(wrong.body.message).toMatch(/username or password/);
    await request(app).post('/api/auth/login').send({ username: 'nobody', password: PASSWORD }).expect(401);
    const missing = await request(app).get('/api/tasks').expect(401);
    expect(missing.body.message).toMatch(/sign in/);
    const forged = createTokenSigner('y'.repeat(40));
    const token = await forged.sign(
      {
        userId: 'coordinator',
        username: 'coordinator',
        displayName: 'x',
        roles: ['coordinator'],
        jurisdictionId: 'test-county',
        departmentId: null,
      },
      'a-session-id',
    );
    await request(app).get('/api/tasks').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('tells who is signed in, with roles and never a password hash', async () => {
    const me = await request(app).get('/api/auth/me').set(as('official')).expect(200);
    expect(me.body).toEqual({
      id: 'official',
      username: 'official',
      displayName: '李科长',
      roles: ['official'],
      jurisdictionId: 'test-county',
      departmentId: 'dept-roads',
      mustChangePassword: false,
    });
    const users = await request(app).get('/api/users').set(as('coordinator')).expect(200);
    expect(users.headers['content-range']).toMatch(/^users 0-\d+\/6$/);
    expect(JSON.stringify(users.body)).not.toContain('password_hash');
    expect(JSON.stringify(users.body)).not.toContain('$argon2');
    await request(app).get('/api/users').set(as('official')).expect(403);
    await request(app).get('/api/audit-events').set(as('deputy')).expect(403);
  });
});

describe('a coordinator assigns a task and an official completes it', () => {
  const key = 'road-x012-check';
  const taskId = `task-adhoc-${key}`;

  it('refuses a task from someone who is not a coordinator, or with bad fields, and changes nothing', async () => {
    const byOfficial = await request(app).post('/api/tasks').set(as('official')).send(newTask(key)).expect(403);
    expect(byOfficial.body.message).toMatch(/coordinator/);
    const untitled = await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .send({ ...newTask(key), title: '' })
      .expect(400);
    expect(untitled.body.message).toMatch(/title/);
    const nobody = await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .send({ ...newTask(key), assignee: { kind: 'department', departmentId: 'dept-ghosts' } })
      .expect(422);
    expect(nobody.body.message).toMatch(/no department "dept-ghosts"/);
    await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .set('Content-Type', 'application/json')
      .send('{"key":')
      .expect(400);
    expect(await taskRows()).toEqual([]);
  });

  it('starts one task workflow even when the form is submitted twice', async () => {
    const first = await request(app).post('/api/tasks').set(as('coordinator')).send(newTask(key)).expect(201);
    expect(first.body).toMatchObject({
      id: taskId,
      status: 'open',
      assignee_kind: 'department',
      assignee_label: '县交通运输局',
      overdue: false,
    });
    expect(first.body.payload).toEqual({
      instructions: '请于三个工作日内现场核查并报送整改方案',
      assignedBy: 'coordinator',
    });
    await request(app).post('/api/tasks').set(as('coordinator')).send(newTask(key)).expect(201);
    expect((await taskRows()).map((t) => t.id)).toEqual([taskId]);
    const assigned = await testDb.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'task.assigned')
      .execute();
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ actor_user_id: 'coordinator', actor_label: '陈主任', workflow_id: taskId });
  });

  it('shows the task in the department inbox and the live workflow state, and hides it from others', async () => {
    const mine = await request(app)
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ mine: true }) })
      .set(as('colleague'))
      .expect(200);
    expect(mine.body.map((t: { id: string }) => t.id)).toEqual([taskId]);
    const outsider = await request(app).get('/api/tasks').set(as('outsider')).expect(200);
    expect(outsider.body).toEqual([]);
    expect(outsider.headers['content-range']).toBe('tasks 0-0/0');
    await request(app).get(`/api/tasks/${taskId}`).set(as('deputy')).expect(404);
    const one = await request(app).get(`/api/tasks/${taskId}`).set(as('official')).expect(200);
    expect(one.body.live).toMatchObject({ phase: 'open', escalationLevel: 0 });
    expect(one.body.live.ladder.map((s: { label: string }) => s.label)).toEqual([
      '包抓领导王副县长（县交通运输局）',
      '人大常委会办公室',
    ]);
    expect(new Date(one.body.due_at).toISOString()).toBe(one.body.live.dueAt);
  });

  it('refuses a bad sort or filter with a message', async () => {
    const res = await request(app)
      .get('/api/tasks')
      .query({ sort: JSON.stringify(['password', 'ASC']) })
      .set(as('coordinator'))
      .expect(400);
    expect(res.body.message).toMatch(/sort/);
    await request(app)
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ drop: 'table' }) })
      .set(as('coordinator'))
      .expect(400);
  });

  it('refuses the wrong person and a malformed result, leaving the task open', async () => {
    const wrong = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('outsider'))
      .send({ result: { note: '已处理' } })
      .expect(403);
    expect(wrong.body.message).toMatch(/department dept-roads/);
    const empty = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: {} })
      .expect(422);
    expect(empty.body.message).toMatch(/note/);
    const shapeless = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: 'done' })
      .expect(400);
    expect(shapeless.body.message).toMatch(/result/);
    await request(app)
      .post('/api/tasks/task-adhoc-none/complete')
      .set(as('official'))
      .send({ result: { note: 'x' } })
      .expect(404);
    expect((await taskRows())[0]).toMatchObject({ status: 'open', completed_by: null });
  });

  it('completes through a workflow update, once; a retry is answered, a second person gets 409', async () => {
    const done = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: { note: ' 已核查，方案已报送 ' } })
      .expect(200);
    expect(done.body).toMatchObject({
      id: taskId,
      status: 'done',
      completed_by: 'official',
      // The screen names the person, not the account id.
      completed_by_label: '李科长',
      result: { note: '已核查，方案已报送' },
    });
    const retry = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: { note: '已核查，方案已报送' } })
      .expect(200);
    expect(retry.body.completed_at).toBe(done.body.completed_at);
    const second = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('colleague'))
      .send({ result: { note: '我也做了' } })
      .expect(409);
    expect(second.body.message).toMatch(/already been completed/);

    const completion = await temporal.workflow.getHandle<typeof humanTaskWorkflow>(taskId).result();
    expect(completion).toMatchObject({
      completedBy: 'official',
      escalationLevel: 0,
      result: { note: '已核查，方案已报送' },
    });
    const row = (await taskRows())[0];
    expect(row).toMatchObject({ status: 'done', completed_by: 'official', result: { note: '已核查，方案已报送' } });
  });

  it('leaves an audit trail of who assigned, opened and completed, visible to the coordinator', async () => {
    const trail = await request(app)
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ workflow_id: taskId }), sort: JSON.stringify(['id', 'ASC']) })
      .set(as('coordinator'))
      .expect(200);
    const actions = trail.body.map((e: { action: string; actor_label: string }) => `${e.action} by ${e.actor_label}`);
    expect(actions).toEqual(
      expect.arrayContaining(['task.assigned by 陈主任', 'task.opened by system', 'task.completed by 李科长']),
    );
    expect(actions.filter((a: string) => a.startsWith('task.completed'))).toHaveLength(1);
  });

  it('puts the assignment in each department member’s inbox, which only they can mark read', async () => {
    const inbox = await request(app)
      .get('/api/notices')
      .query({ filter: JSON.stringify({ unread: true }) })
      .set(as('colleague'))
      .expect(200);
    const assigned = inbox.body.find(
      (n: { task_id: string; kind: string }) => n.task_id === taskId && n.kind === 'assigned',
    );
    expect(assigned).toBeDefined();
    await request(app).post(`/api/notices/${assigned.id}/read`).set(as('official')).expect(404);
    const read = await request(app).post(`/api/notices/${assigned.id}/read`).set(as('colleague')).expect(200);
    expect(read.body.read_at).not.toBeNull();
    const again = await request(app).post(`/api/notices/${assigned.id}/read`).set(as('colleague')).expect(200);
    expect(again.body.read_at).toBe(read.body.read_at);
    const unread = await request(app)
      .get('/api/notices')
      .query({ filter: JSON.stringify({ unread: true }) })
      .set(as('colleague'))
      .expect(200);
    expect(unread.body.map((n: { id: number }) => n.id)).not.toContain(assigned.id);
  });
});

describe('a task due at a named instant', () => {
  it('refuses an instant already past with a message, and starts nothing', async () => {
    const before = (await taskRows()).length;
    const res = await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .send({ ...newTask('due-at-past-0001'), due: { kind: 'at', at: '2020-01-01T09:00:00+08:00' } })
      .expect(422);
    expect(res.body.message).toMatch(/due\.at: .*already passed/);
    expect((await taskRows()).length).toBe(before);
    await expect(temporal.workflow.getHandle('task-adhoc-due-at-past-0001').describe()).rejects.toThrow(/not found/i);
  });

  it('is due exactly then, and its ladder climbs a working day at a time after it', async () => {
    const dueAt = new Date(Date.now() + 60 * 60_000);
    dueAt.setUTCMilliseconds(0);
    const created = await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .send({ ...newTask('due-at-future-0001'), due: { kind: 'at', at: dueAt.toISOString() } })
      .expect(201);
    expect(new Date(created.body.due_at).toISOString()).toBe(dueAt.toISOString());
    const input = (await temporal.workflow.getHandle('task-adhoc-due-at-future-0001').fetchHistory()).events?.[0]
      ?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    // The history holds the input sealed (temporal/payloadCodec.ts): open it with the tests' key.
    const [opened] = await testDataConverter.payloadCodecs![0]!.decode([input!], {
      type: 'workflow',
      namespace: 'default',
      workflowId: 'task-adhoc-due-at-future-0001',
    });
    const started = defaultPayloadConverter.fromPayload<{ escalateEvery: unknown }>(opened!);
    expect(started.escalateEvery).toEqual({ kind: 'workingDays', days: 1 });
  });
});

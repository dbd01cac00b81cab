import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { keyedId } from '../../api/batchRecords';
import { hashPassword } from '../../db/passwords';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type DevServerWorker, startDevServerWorker } from '../support/devServerWorker';
import { eventually, jurisdictionId, seedPeople, userRow } from '../support/fixtures';
import { insertElectedProject } from '../support/projectFixtures';

// API → PostgreSQL → Temporal dev server → worker, all real: a flag opens a real audit task, a finding closes it.
// The money is the government's (docs/domain.md, "Fund pool"): finance sets, allocates and pays; the department
// requests; a supervision-group member or the office flags; the audit office's finding clears or keeps the freeze.
const PASSWORD = 'correct horse battery';
const taskQueue = `funds-test-${process.pid}`;
const BATCH = `batch-${jurisdictionId}-2026`;
const TOWN = 'test-town';
const TOWN_BATCH = `batch-${TOWN}-2026`;
const ROAD = 'project-road-x012';
const WELL = 'project-well-dongh';
const TOWN_TOILET = 'project-town-toilet';

let testDb: TestDatabase;
let app: Express;
let dev: DevServerWorker;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await seedPeople(testDb.db, hash);
  const { db } = testDb;
  const person = userRow(hash);
  await db
    .insertInto('jurisdictions')
    .values({ id: TOWN, name: '城关镇', level: 'township', parent_id: jurisdictionId, policy: '{}' })
    .execute();
  await db
    .insertInto('departments')
    .values({ id: 'dept-town', jurisdiction_id: TOWN, name: '城关镇建设办', leader_user_id: null })
    .execute();
  await db
    .insertInto('users')
    .values([
      person('finance', '吴科长', ['financeOfficer'], jurisdictionId),
      person('auditor', '郑审计', ['auditor'], jurisdictionId),
      person('committee', '钱委员', ['committeeMember'], jurisdictionId),
      person('deputy2', '何代表', ['deputy'], jurisdictionId),
      person('townFinance', '镇财政所', ['financeOfficer'], TOWN),
      person('townOfficial', '镇建设办', ['official'], TOWN, 'dept-town'),
    ])
    .execute();
  await db
    .insertInto('batches')
    .values([
      {
        id: BATCH,
        jurisdiction_id: jurisdictionId,
        year: 2026,
        title: '测试县2026年民生实事项目',
        phase: 'implementation',
      },
      { id: TOWN_BATCH, jurisdiction_id: TOWN, year: 2026, title: '城关镇2026年民生实事项目', phase: 'implementation' },
    ])
    .execute();
  await insertElectedProject(testDb.db, {
    id: ROAD,
    batchId: BATCH,
    departmentId: 'dept-roads',
    title: '县道X012线路面改造',
    candidate: { responsible_leader_user_id: 'leader' },
    project: { responsible_leader_user_id: 'leader' },
  });
  await insertElectedProject(testDb.db, {
    id: WELL,
    batchId: BATCH,
    departmentId: 'dept-water',
    title: '东河村饮水安全工程',
    candidate: { responsible_leader_user_id: 'leader' },
    project: { responsible_leader_user_id: 'leader' },
  });
  await insertElectedProject(testDb.db, {
    id: TOWN_TOILET,
    batchId: TOWN_BATCH,
    departmentId: 'dept-town',
    title: '城关镇公厕改造',
    candidate: { responsible_leader_user_id: 'leader' },
    project: { responsible_leader_user_id: 'leader' },
  });
  await db
    .insertInto('supervision_members')
    .values({ project_id: ROAD, user_id: 'deputy', joined_at: '2026-03-02T01:00:00Z' })
    .execute();

  dev = await startDevServerWorker(db, taskQueue);
  app = createApp({
    db,
    temporal: dev.temporal,
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue,
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of [
    'coordinator',
    'official',
    'outsider',
    'deputy',
    'deputy2',
    'committee',
    'finance',
    'auditor',
    'townFinance',
    'townOfficial',
  ]) {
    const res = await request(app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    tokens[username] = res.body.token as string;
  }
});

afterAll(async () => {
  await dev?.stop();
  await testDb?.drop();
});

const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
const projectRow = (id: string) =>
  testDb.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const setPool = (username: string, batchId: string, totalYuan: number) =>
  request(app).put(`/api/batches/${batchId}/fund-pool`).set(as(username)).send({ totalYuan });
const move = (username: string, projectId: string, verb: string, body: Record<string, unknown>) =>
  request(app).post(`/api/projects/${projectId}/funds/${verb}`).set(as(username)).send(body);
const allocate = (username: string, projectId: string, key: string, amountYuan: number, poolBatchId?: string) =>
  move(username, projectId, 'allocate', { key, amountYuan, note: '年度资金安排', poolBatchId });
const ask = (username: string, projectId: string, key: string, amountYuan: number) =>
  move(username, projectId, 'request-disbursement', { key, amountYuan, note: '按进度申请拨付' });
const pay = (username: string, projectId: string, key: string, requestId: string) =>
  move(username, projectId, 'disburse', { key, requestId, note: '按申请拨付' });
const flag = (username: string, key: string, note = '发票金额与合同不符') =>
  move(username, ROAD, 'flag-anomaly', { key, note });
const finding = (username: string, key: string, verdict: 'clear' | 'keep', note: string) =>
  move(username, ROAD, 'audit-finding', { key, finding: verdict, note });
const auditTasks = () =>
  testDb.db.selectFrom('tasks').selectAll().where('kind', '=', 'fundAudit').orderBy('created_at').execute();

describe('the money is the government’s', () => {
  it('leaves the congress office no hand in the money: it cannot set the pool, allocate or pay', async () => {
    const office = await setPool('coordinator', BATCH, 5_000_000).expect(403);
    expect(office.body.message).toBe('only a financeOfficer may do this');
    await allocate('coordinator', ROAD, 'alloc-0000-office', 1_000).expect(403);
    await pay('coordinator', ROAD, 'pay-0000-office', 'fund-nothing').expect(403);
    await ask('coordinator', ROAD, 'ask-0000-office', 1_000).expect(403);
    await move('coordinator', ROAD, 'clear-anomaly', { key: 'clear-0000-office', note: '解除' }).expect(404);
    expect(await testDb.db.selectFrom('fund_pools').selectAll().execute()).toEqual([]);
  });

  it('lets finance set its own pool and allocate it, and no one else', async () => {
    await setPool('townFinance', BATCH, 5_000_000).expect(404);
    const set = await setPool('finance', BATCH, 5_000_000).expect(200);
    expect(set.body).toMatchObject({ total_yuan: 5_000_000, allocated_yuan: 0, unallocated_yuan: 5_000_000 });
    // Who set it, when, and from what to what (docs/domain.md, "Fund pool").
    const poolEvents = await testDb.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'fundPool.set')
      .where('subject', '=', BATCH)
      .execute();
    expect(poolEvents).toEqual([
      expect.objectContaining({
        actor_user_id: 'finance',
        at: expect.any(Date),
        detail: expect.objectContaining({ previousYuan: null, totalYuan: 5_000_000 }),
      }),
    ]);
    const first = await allocate('finance', ROAD, 'alloc-0001-road', 3_000_000).expect(201);
    expect(first.body).toMatchObject({
      movement: { id: keyedId('fund', ROAD, 'alloc-0001-road'), kind: 'allocation', by_user_id: 'finance' },
      funds: { allocationYuan: 3_000_000, disbursedYuan: 0 },
    });
    await allocate('finance', ROAD, 'alloc-0001-road', 3_000_000).expect(200);
    const over = await allocate('finance', WELL, 'alloc-0002-well', 2_500_000).expect(422);
    expect(over.body.message).toMatch(/¥500,000 over its total of ¥5,000,000/);
    await allocate('official', ROAD, 'alloc-0003-road', 1).expect(403);
    expect((await projectRow(ROAD)).allocation_yuan).toBe(3_000_000);
  });

  it('pays only what the responsible department requested, once per request', async () => {
    const other = await ask('outsider', ROAD, 'ask-0001-road', 100_000).expect(403);
    expect(other.body.message).toBe('only an official of 县交通运输局 may request a payment for this project');
    const asked = await ask('official', ROAD, 'ask-0002-road', 400_000).expect(201);
    expect(asked.body.movement).toMatchObject({ kind: 'disbursementRequested', amount_yuan: 400_000 });
    expect((await projectRow(ROAD)).disbursed_yuan).toBe(0);
    const tooMuch = await ask('official', ROAD, 'ask-0003-road', 3_000_001).expect(422);
    expect(tooMuch.body.message).toMatch(/would exceed the allocation of ¥3,000,000/);

    const requestId = asked.body.movement.id as string;
    await pay('official', ROAD, 'pay-0001-road', requestId).expect(403);
    const paid = await pay('finance', ROAD, 'pay-0001-road', requestId).expect(201);
    expect(paid.body.movement).toMatchObject({ kind: 'disbursement', amount_yuan: 400_000, request_id: requestId });
    expect(paid.body.funds).toMatchObject({ disbursedYuan: 400_000, remaining: 2_600_000 });
    await pay('finance', ROAD, 'pay-0001-road', requestId).expect(200);
    const twice = await pay('finance', ROAD, 'pay-0002-road', requestId).expect(409);
    expect(twice.body.message).toMatch(/has already been paid/);
    await pay('finance', ROAD, 'pay-0003-road', 'fund-000000000000').expect(404);
    expect((await projectRow(ROAD)).disbursed_yuan).toBe(400_000);

    const funds = await request(app).get(`/api/projects/${ROAD}/funds`).set(as('committee')).expect(200);
    expect(funds.body.open_requests).toEqual([]);
  });

  it('freezes payment on a flag from the supervision group and gives the audit office a task', async () => {
    const outsider = await flag('deputy2', 'flag-0001-road').expect(403);
    expect(outsider.body.message).toMatch(/supervision group, or the office/);
    const waiting = await ask('official', ROAD, 'ask-0004-road', 100_000).expect(201);
    const flagged = await flag('deputy', 'flag-0002-road').expect(201);
    expect(flagged.body.funds).toMatchObject({ frozen: true });
    await flag('coordinator', 'flag-0003-road', '审计发现重复列支').expect(201);
    await flag('coordinator', 'flag-0003-road', '审计发现重复列支').expect(200);

    const frozenPay = await pay('finance', ROAD, 'pay-0004-road', waiting.body.movement.id).expect(409);
    expect(frozenPay.body.message).toBe('disbursement is frozen until the anomaly is cleared');
    await ask('official', ROAD, 'ask-0005-road', 1_000).expect(409);

    const tasks = await eventually(async () => {
      const rows = await auditTasks();
      return rows.length === 2 ? rows : undefined;
    }, 'the audit tasks');
    expect(tasks.map((t) => [t.assignee_kind, t.assignee_ref, t.status])).toEqual([
      ['role', `${jurisdictionId}:auditor`, 'open'],
      ['role', `${jurisdictionId}:auditor`, 'open'],
    ]);
    expect(tasks[0]!.payload).toMatchObject({ projectId: ROAD, flagId: flagged.body.movement.id });
    const inbox = await request(app).get('/api/tasks').set(as('auditor')).expect(200);
    expect(inbox.body.map((t: { kind: string }) => t.kind)).toEqual(['fundAudit', 'fundAudit']);
    const shortcut = await request(app)
      .post(`/api/tasks/${tasks[0]!.id}/complete`)
      .set(as('auditor'))
      .send({ result: { finding: 'clear', note: '无问题' } })
      .expect(409);
    expect(shortcut.body.message).toMatch(/record the audit finding on the project's funds/);
  });

  it('lets only the audit office’s finding keep or clear the freeze, and the finding closes its tasks', async () => {
    await finding('coordinator', 'audit-0001-road', 'clear', '已核实').expect(403);
    await finding('finance', 'audit-0001-road', 'clear', '已核实').expect(403);
    const kept = await finding('auditor', 'audit-0002-road', 'keep', '重复列支属实，待追回').expect(201);
    expect(kept.body).toMatchObject({ movement: { kind: 'anomalyKept' }, funds: { frozen: true } });
    const closed = await auditTasks();
    expect(closed.map((t) => [t.status, t.completed_by, t.result])).toEqual([
      ['done', 'auditor', { finding: 'keep', note: '重复列支属实，待追回' }],
      ['done', 'auditor', { finding: 'keep', note: '重复列支属实，待追回' }],
    ]);

    const cleared = await finding('auditor', 'audit-0003-road', 'clear', '已追回，发票已更正').expect(201);
    expect(cleared.body).toMatchObject({ movement: { kind: 'anomalyCleared' }, funds: { frozen: false } });
    await finding('auditor', 'audit-0003-road', 'clear', '已追回，发票已更正').expect(200);
    const nothing = await finding('auditor', 'audit-0004-road', 'clear', '再次解除').expect(409);
    expect(nothing.body.message).toMatch(/not frozen/);

    const open = await request(app).get(`/api/projects/${ROAD}/funds`).set(as('finance')).expect(200);
    const [waiting] = open.body.open_requests;
    await pay('finance', ROAD, 'pay-0005-road', waiting.id).expect(201);
    expect((await projectRow(ROAD)).disbursed_yuan).toBe(500_000);
  });
});

describe('a county pool funding a township project', () => {
  it('lets the county’s finance fund and pay a township project from the county pool', async () => {
    await allocate('townFinance', TOWN_TOILET, 'alloc-0001-town', 100_000).expect(422); // the township has no pool yet
    const funded = await allocate('finance', TOWN_TOILET, 'alloc-0002-town', 500_000, BATCH).expect(201);
    expect(funded.body.funds).toMatchObject({ allocationYuan: 500_000 });
    expect((await projectRow(TOWN_TOILET)).fund_pool_batch_id).toBe(BATCH);
    const pool = await request(app).get(`/api/batches/${BATCH}/fund-pool`).set(as('finance')).expect(200);
    expect(pool.body).toMatchObject({ allocated_yuan: 3_500_000, disbursed_yuan: 500_000 });
    const over = await allocate('finance', TOWN_TOILET, 'alloc-0003-town', 2_000_001, BATCH).expect(422);
    expect(over.body.message).toMatch(/over its total of ¥5,000,000/);

    const asked = await ask('townOfficial', TOWN_TOILET, 'ask-0001-town', 200_000).expect(201);
    const town = await pay('townFinance', TOWN_TOILET, 'pay-0001-town', asked.body.movement.id).expect(403);
    expect(town.body.message).toMatch(/pool funds this project \(test-county\)/);
    await pay('finance', TOWN_TOILET, 'pay-0002-town', asked.body.movement.id).expect(201);
    expect((await projectRow(TOWN_TOILET)).disbursed_yuan).toBe(200_000);
    const moved = await allocate('townFinance', TOWN_TOILET, 'alloc-0004-town', 1, TOWN_BATCH).expect(422);
    expect(moved.body.message).toMatch(/no fund pool yet/);
  });

  it('reports the pool to the congress office, read-only, with the township project in it', async () => {
    const report = await request(app).get(`/api/batches/${BATCH}/fund-pool/report`).set(as('coordinator')).expect(200);
    expect(report.body.pool).toMatchObject({
      total_yuan: 5_000_000,
      allocated_yuan: 3_500_000,
      disbursed_yuan: 700_000,
    });
    // By batch, then title: 东河村… before 县道….
    expect(report.body.projects).toMatchObject([
      { id: WELL, allocation_yuan: 0 },
      {
        id: ROAD,
        jurisdiction_name: '测试县',
        allocation_yuan: 3_000_000,
        disbursed_yuan: 500_000,
        anomalies_flagged: 2,
        funds_frozen: false,
      },
      {
        id: TOWN_TOILET,
        jurisdiction_name: '城关镇',
        allocation_yuan: 500_000,
        disbursed_yuan: 200_000,
        requested_open_yuan: 0,
      },
    ]);
    await request(app).get(`/api/batches/${BATCH}/fund-pool/report`).set(as('committee')).expect(200);
    await request(app).get(`/api/batches/${BATCH}/fund-pool/report`).set(as('deputy')).expect(403);
  });
});

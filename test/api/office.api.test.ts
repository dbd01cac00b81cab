import { testDataConverter } from '../support/payloadKey';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import iconv from 'iconv-lite';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { hashPassword } from '../../db/passwords';
import { createTokenSigner } from '../../api/auth/tokens';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';

// API → PostgreSQL, real: an office sets itself up — townships, people, departments, passwords, the roster.
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a river runs through it';

let testDb: TestDatabase;
let app: Express;
let connection: Connection;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
  // Another county, whose people this office must not see.
  await testDb.db
    .insertInto('jurisdictions')
    .values({ id: 'other-county', name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await testDb.db
    .insertInto('users')
    .values({
      id: 'stranger',
      username: 'stranger',
      display_name: '邻县主任',
      password_hash: 'x',
      roles: ['coordinator'],
      jurisdiction_id: 'other-county',
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  app = createApp({
    db: testDb.db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue: 'unused',
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of ['coordinator', 'official', 'deputy', 'leader']) tokens[username] = await login(username);
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

async function login(username: string, password = PASSWORD): Promise<string> {
  const res = await request(app).post('/api/auth/login').send({ username, password }).expect(200);
  return res.body.token as string;
}
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = (username: string) => bearer(tokens[username]!);
const auditOf = (subject: string) =>
  testDb.db.selectFrom('audit_events').selectAll().where('subject', '=', subject).orderBy('id').execute();

describe('jurisdictions', () => {
  it('lets the county office create a township with its own office account and a one-time password', async () => {
    const res = await request(app)
      .post('/api/jurisdictions')
      .set(as('coordinator'))
      .send({
        name: '清河镇',
        level: 'township',
        code: 'qinghe',
        coordinator: { username: 'qinghe-office', display_name: '清河镇人大主席团办公室' },
      })
      .expect(201);
    expect(res.body.jurisdiction).toEqual({
      id: `${jurisdictionId}-qinghe`,
      name: '清河镇',
      level: 'township',
      parent_id: jurisdictionId,
    });
    expect(res.body.coordinator.oneTimePassword).toMatch(/^\S{14}$/);

    const row = await testDb.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'qinghe-office')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      roles: ['coordinator'],
      jurisdiction_id: `${jurisdictionId}-qinghe`,
      must_change_password: true,
    });
    const [event] = await auditOf(`jurisdiction:${jurisdictionId}-qinghe`);
    expect(event).toMatchObject({
      action: 'jurisdiction.created',
      actor_user_id: 'coordinator',
      jurisdiction_id: jurisdictionId,
    });
    expect(event!.detail).toEqual({
      before: null,
      after: { name: '清河镇', level: 'township', parent_id: jurisdictionId },
    });

    const list = await request(app).get('/api/jurisdictions').set(as('coordinator')).expect(200);
    expect(list.body.map((j: { name: string }) => j.name)).toEqual(['测试县', '清河镇']);
    expect(list.body[1].active_coordinators).toBe(1);
  });

  it('refuses a bad form field by field, a taken code, a township creating townships and a non-office role', async () => {
    const bad = await request(app)
      .post('/api/jurisdictions')
      .set(as('coordinator'))
      .send({ name: '', level: 'village', code: 'Bad Code', coordinator: { username: 'x', display_name: '' } })
      .expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual([
      'code',
      'coordinator.display_name',
      'coordinator.username',
      'level',
      'name',
    ]);

    const taken = await request(app)
      .post('/api/jurisdictions')
      .set(as('coordinator'))
      .send({
        name: '清河镇二',
        level: 'township',
        code: 'qinghe',
        coordinator: { username: 'qinghe2', display_name: '某' },
      })
      .expect(409);
    expect(taken.body.errors).toHaveProperty('code');

    const townshipOffice = await firstLogin('qinghe-office');
    await request(app)
      .post('/api/jurisdictions')
      .set(bearer(townshipOffice))
      .send({ name: '某村', level: 'township', coordinator: { username: 'village', display_name: '某' } })
      .expect(403);
    await request(app).get('/api/jurisdictions').set(as('official')).expect(403);
    expect(await testDb.db.selectFrom('jurisdictions').select('id').execute()).toHaveLength(3);
  });

  it('shows the county office its townships’ batches and projects to read, but takes no decisions on them', async () => {
    const township = `${jurisdictionId}-qinghe`;
    const batchId = `batch-${township}-2027`;
    await testDb.db
      .insertInto('batches')
      .values({ id: batchId, jurisdiction_id: township, year: 2027, title: '清河镇2027年', phase: 'collection' })
      .execute();

    const list = await request(app).get('/api/batches').set(as('coordinator')).expect(200);
    expect(list.body.map((b: { id: string }) => b.id)).toContain(batchId);
    const one = await request(app).get(`/api/batches/${batchId}`).set(as('coordinator')).expect(200);
    expect(one.body).toMatchObject({ id: batchId, read_only: true });
    await request(app).post(`/api/batches/${batchId}/close-collection`).set(as('coordinator')).expect(404);
    // A county official does not watch the townships.
    const official = await request(app).get('/api/batches').set(as('official')).expect(200);
    expect(official.body.map((b: { id: string }) => b.id)).not.toContain(batchId);
  });

  it('lets the county office narrow the batch list to its own or its townships’, each row naming its jurisdiction', async () => {
    const township = `${jurisdictionId}-qinghe`;
    const own = `batch-${jurisdictionId}-2027`;
    await testDb.db
      .insertInto('batches')
      .values({ id: own, jurisdiction_id: jurisdictionId, year: 2027, title: '测试县2027年', phase: 'vote' })
      .execute();
    const listed = async (filter: object) => {
      const res = await request(app)
        .get('/api/batches')
        .query({ filter: JSON.stringify(filter) })
        .set(as('coordinator'))
        .expect(200);
      return res.body.map((b: { id: string; jurisdiction_name: string; jurisdiction_level: string }) => [
        b.id,
        b.jurisdiction_name,
        b.jurisdiction_level,
      ]);
    };
    expect(await listed({ scope: 'townships' })).toEqual([[`batch-${township}-2027`, '清河镇', 'township']]);
    expect(await listed({ scope: 'own' })).toEqual([[own, '测试县', 'county']]);
    expect(await listed({ jurisdiction_id: township })).toEqual([[`batch-${township}-2027`, '清河镇', 'township']]);
    const bad = await request(app)
      .get('/api/batches')
      .query({ filter: JSON.stringify({ scope: 'everyone' }) })
      .set(as('coordinator'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/own.*townships/);
  });
});

/** Signs in with the one-time password the office handed out, and replaces it. */
async function firstLogin(username: string): Promise<string> {
  const reset = await request(app)
    .post(`/api/users/${await idOf(username)}/reset-password`)
    .set(as('coordinator'))
    .expect(200);
  const token = await login(username, reset.body.oneTimePassword as string);
  await request(app)
    .post('/api/auth/change-password')
    .set(bearer(token))
    .send({ currentPassword: reset.body.oneTimePassword, newPassword: NEW_PASSWORD })
    .expect(200);
  return token;
}

async function idOf(username: string): Promise<string> {
  return (await testDb.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
    .id;
}

describe('people', () => {
  it('creates a responsible vice head, a committee member, a residents’ representative and a finance official', async () => {
    const create = (body: Record<string, unknown>) => request(app).post('/api/users').set(as('coordinator')).send(body);
    const vice = await create({
      username: 'vice-head',
      display_name: '周副县长',
      roles: ['official'],
      leader: true,
    }).expect(201);
    expect(vice.body).toMatchObject({ roles: ['official'], leader: true, active: true, must_change_password: true });
    expect(vice.body.oneTimePassword).toEqual(expect.any(String));
    expect(vice.body).not.toHaveProperty('password_hash');
    await create({
      username: 'member1',
      display_name: '常委甲',
      roles: ['deputy', 'committeeMember'],
      electoral_district: '清河镇',
    }).expect(201);
    await create({
      username: 'resident1',
      display_name: '居民代表乙',
      roles: ['residentRepresentative'],
      phone: '138 0000 1111',
    })
      .expect(201)
      .expect((res) => expect(res.body.phone).toBe('13800001111'));
    await create({
      username: 'finance1',
      display_name: '财政局会计',
      roles: ['official'],
      department_id: 'dept-water',
    }).expect(201);

    const [event] = await auditOf(`user:${vice.body.id}`);
    expect(event).toMatchObject({ action: 'user.created', actor_label: '陈主任', jurisdiction_id: jurisdictionId });
    const listed = await request(app).get('/api/audit-events').set(as('coordinator')).expect(200);
    expect(listed.body.map((e: { subject: string }) => e.subject)).toContain(`user:${vice.body.id}`);
  });

  it('creates the finance office’s and the audit office’s accounts with the roles the fund routes check', async () => {
    for (const [username, role] of [
      ['finance-office', 'financeOfficer'],
      ['audit-office', 'auditor'],
    ] as const) {
      const created = await request(app)
        .post('/api/users')
        .set(as('coordinator'))
        .send({ username, display_name: `${username}账号`, roles: [role] })
        .expect(201);
      expect(created.body).toMatchObject({ roles: [role], must_change_password: true });
      const me = await request(app)
        .get('/api/auth/me')
        .set(bearer(await firstLogin(username)))
        .expect(200);
      expect(me.body.roles).toEqual([role]);
    }
  });

  it('lets a residents’ representative sign up for a supervision group, as deputies do', async () => {
    const token = await firstLogin('resident1');
    // Past the role check: the project is looked up (and is not there), where an official is refused at once.
    const join = await request(app).post('/api/projects/project-none/supervision-group/join').set(bearer(token));
    expect(join.status).toBe(404);
    await request(app).post('/api/projects/project-none/supervision-group/join').set(as('official')).expect(403);
  });

  it('refuses each bad field with its message, a taken username, a foreign department and a leader who is not an official', async () => {
    const bad = await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'a b', display_name: '', roles: [], email: 'nope', phone: '123' })
      .expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['display_name', 'email', 'phone', 'roles', 'username']);
    const taken = await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'official', display_name: '重名', roles: ['official'] })
      .expect(409);
    expect(taken.body.errors.username).toMatch(/taken/);
    await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'lead2', display_name: '某', roles: ['deputy'], leader: true })
      .expect(422)
      .expect((res) => expect(res.body.errors).toHaveProperty('leader'));
    await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'elsewhere', display_name: '某', roles: ['official'], jurisdiction_id: 'other-county' })
      .expect(422);
    await request(app)
      .post('/api/users')
      .set(as('official'))
      .send({ username: 'x1x', display_name: '某', roles: ['official'] })
      .expect(403);
    expect(
      await testDb.db
        .selectFrom('users')
        .select('id')
        .where('username', 'in', ['a b', 'lead2', 'elsewhere', 'x1x'])
        .execute(),
    ).toEqual([]);
  });

  it('changes roles at once: the person’s next request runs with the roles in the database, not the token’s', async () => {
    await request(app).get('/api/users').set(as('leader')).expect(403);
    await request(app)
      .put('/api/users/leader')
      .set(as('coordinator'))
      .send({ roles: ['official', 'coordinator'] })
      .expect(200);
    await request(app).get('/api/users').set(as('leader')).expect(200);
    await request(app)
      .put('/api/users/leader')
      .set(as('coordinator'))
      .send({ roles: ['official'] })
      .expect(200);
    await request(app).get('/api/users').set(as('leader')).expect(403);
    const events = await auditOf('user:leader');
    expect(events.map((e) => e.action)).toEqual(['user.updated', 'user.updated']);
    expect(events[0]!.detail).toMatchObject({
      before: { roles: ['official'] },
      after: { roles: ['official', 'coordinator'] },
    });
  });

  it('disables a person without deleting them: their token stops working, sign-in is refused, history keeps the name', async () => {
    const before = await request(app).get('/api/tasks').set(as('deputy'));
    expect(before.status).toBe(200);
    const res = await request(app).post('/api/users/deputy/disable').set(as('coordinator')).expect(200);
    expect(res.body).toMatchObject({ id: 'deputy', active: false, display_name: '刘代表' });
    await request(app).get('/api/tasks').set(as('deputy')).expect(401);
    await request(app).post('/api/auth/login').send({ username: 'deputy', password: PASSWORD }).expect(401);
    const disabled = await request(app)
      .get('/api/users')
      .query({ filter: JSON.stringify({ active: false }) })
      .set(as('coordinator'))
      .expect(200);
    expect(disabled.body.map((u: { id: string }) => u.id)).toEqual(['deputy']);
    await request(app).post('/api/users/deputy/enable').set(as('coordinator')).expect(200);
    // Disabling ended the person's sessions on the server: enabled again, they sign in afresh.
    await request(app).get('/api/tasks').set(as('deputy')).expect(401);
    tokens.deputy = await login('deputy');
    await request(app).get('/api/tasks').set(as('deputy')).expect(200);
  });

  it('keeps the last active office account of a jurisdiction: neither disabled nor stripped of the role (409)', async () => {
    const other = await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'coordinator2', display_name: '吴科长', roles: ['coordinator'] })
      .expect(201);
    await request(app).post(`/api/users/${other.body.id}/disable`).set(as('coordinator')).expect(200);
    const strip = await request(app)
      .put('/api/users/coordinator')
      .set(as('coordinator'))
      .send({ roles: ['official'] })
      .expect(409);
    expect(strip.body.message).toMatch(/last active office account/);
    await request(app).post('/api/users/coordinator/disable').set(as('coordinator')).expect(409);
    // A township's last office account, disabled by the county office.
    const township = await idOf('qinghe-office');
    const last = await request(app).post(`/api/users/${township}/disable`).set(as('coordinator')).expect(409);
    expect(last.body.message).toMatch(/last active office account/);
    const row = await testDb.db
      .selectFrom('users')
      .select(['roles', 'active'])
      .where('id', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['coordinator'], active: true });
  });

  it('lets the county office list a township’s people, and no other county’s', async () => {
    const township = await request(app)
      .get('/api/users')
      .query({ filter: JSON.stringify({ jurisdiction_id: `${jurisdictionId}-qinghe` }) })
      .set(as('coordinator'))
      .expect(200);
    expect(township.body.map((u: { username: string }) => u.username)).toEqual(['qinghe-office']);
    await request(app)
      .get('/api/users')
      .query({ filter: JSON.stringify({ jurisdiction_id: 'other-county' }) })
      .set(as('coordinator'))
      .expect(404);
  });

  it('answers 404 for a person of another county', async () => {
    await request(app).get('/api/users/stranger').set(as('coordinator')).expect(404);
    await request(app).put('/api/users/stranger').set(as('coordinator')).send({ display_name: '改' }).expect(404);
    await request(app).post('/api/users/stranger/reset-password').set(as('coordinator')).expect(404);
  });
});

describe('departments', () => {
  it('creates a department with its leader and renames it without losing its tasks', async () => {
    const created = await request(app)
      .post('/api/departments')
      .set(as('coordinator'))
      .send({ name: '县审计局', leader_user_id: 'leader' })
      .expect(201);
    expect(created.body).toMatchObject({ name: '县审计局', leader_user_id: 'leader', jurisdiction_id: jurisdictionId });
    await testDb.db
      .insertInto('tasks')
      .values({
        id: 'task-audit',
        owner_workflow_id: null,
        jurisdiction_id: jurisdictionId,
        kind: 'instruction',
        title: '审计资金使用',
        assignee_kind: 'department',
        assignee_ref: created.body.id as string,
        payload: '{}',
        due_at: '2027-01-01T00:00:00Z',
        status: 'open',
      })
      .execute();
    const renamed = await request(app)
      .put(`/api/departments/${created.body.id}`)
      .set(as('coordinator'))
      .send({ name: '县审计局（更名）' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id: created.body.id, name: '县审计局（更名）', leader_user_id: 'leader' });
    const task = await testDb.db
      .selectFrom('tasks')
      .select('assignee_ref')
      .where('id', '=', 'task-audit')
      .executeTakeFirstOrThrow();
    expect(task.assignee_ref).toBe(created.body.id);
    const events = await auditOf(`department:${created.body.id}`);
    expect(events.map((e) => e.detail)).toEqual([
      { before: null, after: { name: '县审计局', leader_user_id: 'leader' } },
      {
        before: { name: '县审计局', leader_user_id: 'leader' },
        after: { name: '县审计局（更名）', leader_user_id: 'leader' },
      },
    ]);
  });

  it('refuses an empty name, a duplicate name and a leader who is not an active official of the county', async () => {
    const empty = await request(app).post('/api/departments').set(as('coordinator')).send({ name: ' ' }).expect(400);
    expect(empty.body.errors).toHaveProperty('name');
    await request(app).post('/api/departments').set(as('coordinator')).send({ name: '县水利局' }).expect(409);
    const leader = await request(app)
      .post('/api/departments')
      .set(as('coordinator'))
      .send({ name: '县林业局', leader_user_id: 'deputy' })
      .expect(422);
    expect(leader.body.errors).toHaveProperty('leader_user_id');
    await request(app).put('/api/departments/dept-roads').set(as('official')).send({ name: '改' }).expect(403);
    expect(await testDb.db.selectFrom('departments').select('id').where('name', '=', '县林业局').execute()).toEqual([]);
  });
});

describe('passwords', () => {
  it('forces a one-time password to be changed before anything else, by a policy a person can follow', async () => {
    const created = await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'newcomer', display_name: '新同志', roles: ['official'] })
      .expect(201);
    const oneTime = created.body.oneTimePassword as string;
    const signIn = await request(app)
      .post('/api/auth/login')
      .send({ username: 'newcomer', password: oneTime })
      .expect(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    const token = signIn.body.token as string;

    const refused = await request(app).get('/api/tasks').set(bearer(token)).expect(403);
    expect(refused.body).toMatchObject({ code: 'passwordChangeRequired' });
    const me = await request(app).get('/api/auth/me').set(bearer(token)).expect(200);
    expect(me.body.mustChangePassword).toBe(true);

    const change = (currentPassword: string, newPassword: string) =>
      request(app).post('/api/auth/change-password').set(bearer(token)).send({ currentPassword, newPassword });
    expect((await change(oneTime, 'short').expect(400)).body.errors.newPassword).toMatch(/at least 10/);
    expect((await change(oneTime, 'newcomer').expect(400)).body.errors.newPassword).toMatch(/10|username/);
    expect((await change(oneTime, 'qwertyuiop').expect(400)).body.errors.newPassword).toMatch(/common passwords/);
    expect((await change(oneTime, 'aaaaaaaaaaaa').expect(400)).body.errors.newPassword).toMatch(/common|repeat/);
    expect((await change('wrong guess', NEW_PASSWORD).expect(403)).body.errors).toHaveProperty('currentPassword');
    await change(oneTime, NEW_PASSWORD).expect(200);

    await request(app).get('/api/tasks').set(bearer(token)).expect(200);
    await request(app).post('/api/auth/login').send({ username: 'newcomer', password: oneTime }).expect(401);
    const again = await request(app)
      .post('/api/auth/login')
      .send({ username: 'newcomer', password: NEW_PASSWORD })
      .expect(200);
    expect(again.body.user.mustChangePassword).toBe(false);
    const events = await auditOf(`user:${created.body.id}`);
    expect(events.map((e) => e.action)).toEqual(['user.created', 'user.passwordChanged']);
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it('lets anyone change their own password, and the office reset someone’s to a new one-time password', async () => {
    await request(app)
      .post('/api/auth/change-password')
      .set(as('official'))
      .send({ currentPassword: PASSWORD, newPassword: 'official business 2027' })
      .expect(200);
    const reset = await request(app).post('/api/users/official/reset-password').set(as('coordinator')).expect(200);
    const signIn = await request(app)
      .post('/api/auth/login')
      .send({ username: 'official', password: reset.body.oneTimePassword })
      .expect(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    // The reset ended the sessions opened before it; the new sign-in meets the one-time-password wall.
    await request(app).get('/api/tasks').set(as('official')).expect(401);
    const pending = bearer(signIn.body.token as string);
    await request(app).get('/api/tasks').set(pending).expect(403);
    await request(app).post('/api/users/official/reset-password').set(pending).expect(403);
  });
});

describe('the deputy roster import', () => {
  const header = '姓名,选区,手机,邮箱,常委会组成人员';
  const good = iconv.encode(
    [header, '马志远,清河镇,13900000001,mzy@example.cn,是', '黄晓燕,清河镇第二选区,13900000002,,否'].join('\r\n'),
    'gbk',
  );
  const upload = (path: string, body: Buffer) =>
    request(app).post(path).set(as('coordinator')).set('Content-Type', 'text/csv').send(body);

  it('previews each row’s problems by line number and writes nothing; the import refuses the whole file', async () => {
    const users = await testDb.db.selectFrom('users').select('id').execute();
    const bad = Buffer.from([header, '马志远,清河镇,13900000001,,是', '无名,火星,139,,否'].join('\n'));
    const preview = await upload('/api/users/import/preview', bad).expect(200);
    expect(preview.body.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'district' }),
      expect.objectContaining({ line: 3, field: 'phone' }),
    ]);
    expect(preview.body.summary).toMatchObject({ create: 1, problems: 2 });
    const refused = await upload('/api/users/import', bad).expect(422);
    expect(refused.body.message).toMatch(/nothing was imported.*line 3/);
    expect(refused.body.problems).toHaveLength(2);
    expect(await testDb.db.selectFrom('users').select('id').execute()).toHaveLength(users.length);
  });

  it('imports a GBK CSV in one go, and the same file again changes nothing', async () => {
    const preview = await upload('/api/users/import/preview', good).expect(200);
    expect(preview.body.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'create']);
    const first = await upload('/api/users/import', good).expect(200);
    expect(first.body.summary).toMatchObject({ create: 2, update: 0, unchanged: 0 });
    const ma = await testDb.db
      .selectFrom('users')
      .selectAll()
      .where('phone', '=', '13900000001')
      .executeTakeFirstOrThrow();
    expect(ma).toMatchObject({
      display_name: '马志远',
      roles: ['deputy', 'committeeMember'],
      electoral_district: '清河镇',
      jurisdiction_id: jurisdictionId,
    });
    await request(app).post('/api/auth/login').send({ username: ma.username, password: '!no-password' }).expect(401);

    const events = await testDb.db.selectFrom('audit_events').select('id').execute();
    const again = await upload('/api/users/import', good).expect(200);
    expect(again.body.summary).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(await testDb.db.selectFrom('audit_events').select('id').execute()).toHaveLength(events.length);

    const changed = iconv.encode([header, '马志远,清河镇,13900000001,mzy@example.cn,否'].join('\r\n'), 'gbk');
    const update = await upload('/api/users/import', changed).expect(200);
    expect(update.body.summary).toMatchObject({ update: 1 });
    const after = await testDb.db.selectFrom('users').select('roles').where('id', '=', ma.id).executeTakeFirstOrThrow();
    expect(after.roles).toEqual(['deputy']);
    expect((await auditOf(`user:${ma.id}`)).map((e) => e.action)).toEqual(['user.imported', 'user.importUpdated']);
  });

  it('imports 2,000 deputies in one transaction, with an audit event each', async () => {
    const lines = [header];
    for (let i = 0; i < 2_000; i++)
      lines.push(`代表${i},清河镇第${(i % 9) + 1}选区,1360000${String(i).padStart(4, '0')},,否`);
    const importedEvents = () =>
      testDb.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'user.imported')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const eventsBefore = await importedEvents();
    const started = Date.now();
    const res = await upload('/api/users/import', Buffer.from(lines.join('\n'))).expect(200);
    expect(res.body.summary).toMatchObject({ create: 2_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const imported = await testDb.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('phone', 'like', '1360000%')
      .executeTakeFirstOrThrow();
    expect(Number(imported.n)).toBe(2_000);
    expect(await importedEvents()).toBe(eventsBefore + 2_000);
  });

  it('refuses an empty upload and people who are not the office', async () => {
    await upload('/api/users/import/preview', Buffer.alloc(0)).expect(400);
    await request(app)
      .post('/api/users/import')
      .set(as('deputy'))
      .set('Content-Type', 'text/csv')
      .send(good)
      .expect(403);
  });
});

describe('the audit trail of the office’s changes', () => {
  it('records disabling, enabling, a password reset and a township’s rename: who, when, before and after', async () => {
    const created = await request(app)
      .post('/api/users')
      .set(as('coordinator'))
      .send({ username: 'clerk-audit', display_name: '文书甲', roles: ['official'] })
      .expect(201);
    const id = created.body.id as string;
    await request(app).post(`/api/users/${id}/disable`).set(as('coordinator')).expect(200);
    await request(app).post(`/api/users/${id}/enable`).set(as('coordinator')).expect(200);
    await request(app).post(`/api/users/${id}/reset-password`).set(as('coordinator')).expect(200);
    const events = await auditOf(`user:${id}`);
    expect(events.map((e) => e.action)).toEqual([
      'user.created',
      'user.disabled',
      'user.enabled',
      'user.passwordReset',
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ actor_user_id: 'coordinator', actor_label: '陈主任', jurisdiction_id: jurisdictionId });
      expect(e.at).toBeInstanceOf(Date);
    }
    expect(events.slice(1).map((e) => e.detail)).toEqual([
      { before: expect.objectContaining({ active: true }), after: expect.objectContaining({ active: false }) },
      { before: expect.objectContaining({ active: false }), after: expect.objectContaining({ active: true }) },
      { before: { must_change_password: true }, after: { must_change_password: true } },
    ]);

    const township = `${jurisdictionId}-qinghe`;
    const { name } = await testDb.db
      .selectFrom('jurisdictions')
      .select('name')
      .where('id', '=', township)
      .executeTakeFirstOrThrow();
    await request(app)
      .put(`/api/jurisdictions/${township}`)
      .set(as('coordinator'))
      .send({ name: '清河镇（更名）' })
      .expect(200);
    expect((await auditOf(`jurisdiction:${township}`)).at(-1)).toMatchObject({
      action: 'jurisdiction.updated',
      actor_user_id: 'coordinator',
      detail: { before: { name }, after: { name: '清河镇（更名）' } },
    });
  });
});

import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { hashPassword } from '../../db/passwords';
import { createTokenSigner } from '../../api/auth/tokens';
import { keyedId } from '../../api/batchRecords';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople, userRow } from '../support/fixtures';
import { insertElectedProject } from '../support/projectFixtures';
import { testDataConverter } from '../support/payloadKey';

// API → PostgreSQL, real. The fund pool, photos, findings and bulletins are rows the tests arrange and
// read back. No project workflow runs here: the decision routes are shown only as far as the API goes
// (roles, jurisdiction, input), and then as a 409 from Temporal, which has no such workflow.
const PASSWORD = 'correct horse battery';
const BATCH = `batch-${jurisdictionId}-2026`;
const OTHER_COUNTY = 'other-county';
const OTHER_BATCH = `batch-${OTHER_COUNTY}-2026`;
const ROAD = 'project-road-x012';
const WELL = 'project-well-dongh';
const FOREIGN = 'project-other-park';

let testDb: TestDatabase;
let app: Express;
let connection: Connection;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await seedPeople(testDb.db, hash);
  const { db } = testDb;
  const person = userRow(hash);
  await db
    .insertInto('jurisdictions')
    .values({ id: OTHER_COUNTY, name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('departments')
    .values({ id: 'dept-other', jurisdiction_id: OTHER_COUNTY, name: '邻县住建局', leader_user_id: null })
    .execute();
  await db
    .insertInto('users')
    .values([
      person('reviewer', '周审查', ['reviewer'], jurisdictionId),
      person('committee', '钱委员', ['committeeMember'], jurisdictionId),
      person('deputy2', '何代表', ['deputy'], jurisdictionId),
      person('stranger', '孙主任', ['coordinator'], OTHER_COUNTY),
      person('strangerDeputy', '邻县代表', ['deputy'], OTHER_COUNTY),
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
      {
        id: OTHER_BATCH,
        jurisdiction_id: OTHER_COUNTY,
        year: 2026,
        title: '邻县2026年民生实事项目',
        phase: 'implementation',
      },
    ])
    .execute();
  await insertElectedProject(db, {
    id: ROAD,
    batchId: BATCH,
    departmentId: 'dept-roads',
    title: '县道X012线路面改造',
    project: {
      responsible_leader_user_id: 'leader',
      progress_percent: 30,
      warning: 'red',
      warning_reason: '进度滞后计划25个百分点',
    },
  });
  await insertElectedProject(db, {
    id: WELL,
    batchId: BATCH,
    departmentId: 'dept-water',
    title: '东河村饮水安全工程',
    project: { progress_percent: 100, warning: 'yellow', phase: 'accepted', deadline: '2026-06-30' },
  });
  await insertElectedProject(db, {
    id: FOREIGN,
    batchId: OTHER_BATCH,
    departmentId: 'dept-other',
    title: '邻县口袋公园',
  });
  await db
    .insertInto('supervision_members')
    .values({ project_id: ROAD, user_id: 'deputy', joined_at: '2026-03-02T01:00:00Z' })
    .execute();

  connection = await Connection.connect({ address: inject('temporalAddress') });
  app = createApp({
    db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue: 'unused',
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of [
    'coordinator',
    'official',
    'outsider',
    'deputy',
    'deputy2',
    'reviewer',
    'committee',
    'stranger',
    'strangerDeputy',
  ]) {
    const res = await request(app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    tokens[username] = res.body.token as string;
  }
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
const list = (path: string, username: string, query: Record<string, unknown> = {}) =>
  request(app)
    .get(path)
    .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
    .set(as(username));

describe('listing and reading projects', () => {
  it('lists the jurisdiction’s projects with department and leader, filtered and sorted in the react-admin dialect', async () => {
    const all = await list('/api/projects', 'official', { sort: ['progress_percent', 'DESC'] }).expect(200);
    expect(all.headers['content-range']).toBe('projects 0-1/2');
    expect(all.body).toMatchObject([
      { id: WELL, department_name: '县水利局', responsible_leader_name: null },
      {
        id: ROAD,
        department_name: '县交通运输局',
        responsible_leader_name: '王副县长',
        progress_percent: 30,
        warning: 'red',
      },
    ]);

    // By severity, not by name: red before yellow.
    const worst = await list('/api/projects', 'deputy', { sort: ['warning', 'DESC'] }).expect(200);
    expect(worst.body.map((p: { id: string }) => p.id)).toEqual([ROAD, WELL]);
    const byDeadline = await list('/api/projects', 'deputy', { sort: ['deadline', 'ASC'] }).expect(200);
    expect(byDeadline.body.map((p: { id: string }) => p.id)).toEqual([WELL, ROAD]);

    const filtered = async (filter: object) =>
      (await list('/api/projects', 'deputy', { filter }).expect(200)).body.map((p: { id: string }) => p.id);
    expect(await filtered({ warning: 'red' })).toEqual([ROAD]);
    expect(await filtered({ phase: 'accepted' })).toEqual([WELL]);
    expect(await filtered({ department_id: 'dept-roads', batch_id: BATCH })).toEqual([ROAD]);
    expect(await filtered({ q: 'x012' })).toEqual([ROAD]);
    expect(await filtered({ id: [WELL, FOREIGN] })).toEqual([WELL]);

    const bad = await list('/api/projects', 'deputy', { sort: ['budget_yuan', 'ASC'] }).expect(400);
    expect(bad.body.message).toMatch(/sort/);
    await list('/api/projects', 'deputy', { filter: { warning: 'purple' } }).expect(400);
  });

  it('reads a project with its supervision group, funds and a link to its workflow, live state null while the workflow is unreachable', async () => {
    const res = await request(app).get(`/api/projects/${ROAD}`).set(as('official')).expect(200);
    expect(res.body).toMatchObject({
      id: ROAD,
      title: '县道X012线路面改造',
      department_name: '县交通运输局',
      live: null,
      supervision_group: [{ user_id: 'deputy', display_name: '刘代表' }],
      funds: { allocationYuan: 0, disbursedYuan: 0, frozen: false, remaining: 0, percentDisbursed: 0 },
      temporalUiUrl: `http://127.0.0.1:8233/namespaces/default/workflows/${ROAD}`,
    });
  });

  it('shows a deputy what happened to a project, newest first, and nothing of another project or jurisdiction', async () => {
    const events = [
      { action: 'project.planned', workflow_id: ROAD, at: '2026-03-01T02:00:00Z' },
      { action: 'project.warning', workflow_id: ROAD, at: '2026-04-01T02:00:00Z' },
      { action: 'project.planned', workflow_id: WELL, at: '2026-03-02T02:00:00Z' },
    ];
    await testDb.db
      .insertInto('audit_events')
      .values(
        events.map((e, i) => ({
          ...e,
          dedupe_key: `timeline-test-${i}`,
          actor_user_id: null,
          actor_label: 'system',
          subject: e.workflow_id,
          detail: '{}',
        })),
      )
      .execute();
    const res = await list(`/api/projects/${ROAD}/timeline`, 'deputy', { range: [0, 9] }).expect(200);
    expect(res.body.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'project.warning',
      'project.planned',
    ]);
    expect(res.body.every((e: { workflow_id: string }) => e.workflow_id === ROAD)).toBe(true);
    expect(res.headers['content-range']).toMatch(/^timeline 0-\d+\/\d+$/);
    await list(`/api/projects/${ROAD}/timeline`, 'stranger').expect(404);
    await list(`/api/projects/${ROAD}/timeline`, 'deputy', { filter: { action: 'x' } }).expect(400);
    // Later tests read this project's audit trail without the timeline's.
    await testDb.db.deleteFrom('audit_events').where('dedupe_key', 'like', 'timeline-test-%').execute();
  });

  it('hides another jurisdiction’s projects, as if they did not exist', async () => {
    expect((await list('/api/projects', 'stranger').expect(200)).body.map((p: { id: string }) => p.id)).toEqual([
      FOREIGN,
    ]);
    const res = await request(app).get(`/api/projects/${ROAD}`).set(as('stranger')).expect(404);
    expect(res.body.message).toBe(`project "${ROAD}" was not found`);
    await request(app).get(`/api/projects/${FOREIGN}`).set(as('coordinator')).expect(404);
    await request(app).get(`/api/projects/${ROAD}/funds`).set(as('stranger')).expect(404);
    await request(app).get(`/api/projects`).expect(401);
  });
});

describe('decisions that go to the project’s workflow', () => {
  it('refuses a role before asking the workflow, even for a project the caller cannot see', async () => {
    const join = await request(app)
      .post(`/api/projects/${ROAD}/supervision-group/join`)
      .set(as('coordinator'))
      .expect(403);
    expect(join.body.message).toBe('only a deputy or residentRepresentative may do this');
    for (const verb of ['accept-completion', 'enter-use', 're-rating/open', 're-rating/close']) {
      const res = await request(app)
        .post(`/api/projects/${ROAD}/${verb}`)
        .set(as('deputy'))
        .send({ inUseOn: '2026-12-01' })
        .expect(403);
      expect(res.body.message).toBe('only a coordinator may do this');
    }
    await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('official'))
      .send({ key: 'finding-0001', text: '路面开裂' })
      .expect(403);
    await request(app)
      .post(`/api/projects/${ROAD}/findings/finding-x/review`)
      .set(as('coordinator'))
      .send({ accepted: true, note: '' })
      .expect(403);
    await request(app).post(`/api/projects/${FOREIGN}/supervision-group/join`).set(as('coordinator')).expect(403);
  });

  it('answers 404 for another jurisdiction’s project and 400 for bad input, before the workflow is asked', async () => {
    await request(app).post(`/api/projects/${ROAD}/accept-completion`).set(as('stranger')).expect(404);
    await request(app).post(`/api/projects/${ROAD}/supervision-group/join`).set(as('strangerDeputy')).expect(404);
    const badDay = await request(app)
      .post(`/api/projects/${ROAD}/enter-use`)
      .set(as('coordinator'))
      .send({ inUseOn: '1 Dec' })
      .expect(400);
    expect(badDay.body.message).toMatch(/inUseOn/);
    await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('deputy'))
      .send({ key: 'short', text: '路面开裂' })
      .expect(400);
    await request(app)
      .post(`/api/projects/${ROAD}/findings/${keyedId('finding', WELL, 'x')}/review`)
      .set(as('deputy'))
      .send({ accepted: true, note: '' })
      .expect(404);
  });

  it('answers a decision on a project whose workflow is not running with a 409 and a message', async () => {
    const decisions: [string, string, object][] = [
      ['deputy', 'supervision-group/join', {}],
      ['coordinator', 'accept-completion', {}],
      ['coordinator', 'enter-use', { inUseOn: '2026-12-01' }],
      ['coordinator', 're-rating/open', { scrutineers: ['王监票', '李监票', '张监票'] }],
      ['coordinator', 're-rating/close', {}],
    ];
    for (const [username, verb, body] of decisions) {
      const res = await request(app)
        .post(`/api/projects/${ROAD}/${verb}`)
        .set(as(username))
        .set('Idempotency-Key', `retry-${verb}`)
        .send(body);
      expect(res.status, verb).toBe(409);
      expect(res.body.message, verb).toBe('this item is closed and takes no more decisions');
    }
    const filed = await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('deputy'))
      .send({ key: 'finding-0001', text: '路面开裂' })
      .expect(409);
    expect(filed.body.message).toMatch(/closed/);
    expect(await testDb.db.selectFrom('findings').selectAll().execute()).toEqual([]);
  });

  it('answers a resubmitted finding with the finding already filed under its key, and refuses the key reused for another', async () => {
    const id = keyedId('finding', ROAD, 'finding-0002');
    await testDb.db
      .insertInto('findings')
      .values({
        id,
        project_id: ROAD,
        filed_by: 'deputy',
        text: '施工围挡缺失，存在安全隐患',
        photo_ids: [],
        status: 'awaitingResponse',
        filed_at: '2026-04-01T02:00:00Z',
      })
      .execute();
    const again = await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('deputy'))
      .send({ key: 'finding-0002', text: '施工围挡缺失，存在安全隐患' })
      .expect(200);
    expect(again.body).toMatchObject({ id, project_id: ROAD, status: 'awaitingResponse' });
    const reused = await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('deputy'))
      .send({ key: 'finding-0002', text: '另一个问题' })
      .expect(409);
    expect(reused.body.message).toMatch(/already used for a different finding/);
  });

  it('refuses a finding citing a photo nobody uploaded', async () => {
    const res = await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('deputy'))
      .send({ key: 'finding-0003', text: '路灯不亮', photoIds: ['photo-nothing'] })
      .expect(422);
    expect(res.body.message).toBe('photoIds: no uploaded photo "photo-nothing"');
  });
});

describe('findings', () => {
  it('lists and reads the jurisdiction’s findings, filtered by project and status', async () => {
    await testDb.db
      .insertInto('findings')
      .values({
        id: 'finding-well-1',
        project_id: WELL,
        filed_by: 'deputy2',
        text: '水质检测报告未公示',
        photo_ids: [],
        status: 'responded',
        response: '已公示',
        filed_at: '2026-05-01T02:00:00Z',
      })
      .execute();
    const all = await list('/api/findings', 'official').expect(200);
    expect(all.headers['content-range']).toBe('findings 0-1/2');
    expect(all.body[0]).toMatchObject({
      id: 'finding-well-1',
      project_title: '东河村饮水安全工程',
      filed_by_name: '何代表',
    });
    const ids = async (filter: object) =>
      (await list('/api/findings', 'official', { filter }).expect(200)).body.map((f: { id: string }) => f.id);
    expect(await ids({ project_id: ROAD })).toEqual([keyedId('finding', ROAD, 'finding-0002')]);
    expect(await ids({ status: 'responded' })).toEqual(['finding-well-1']);
    const one = await request(app).get('/api/findings/finding-well-1').set(as('deputy')).expect(200);
    expect(one.body).toMatchObject({ text: '水质检测报告未公示', response: '已公示', project_id: WELL });
    await request(app).get('/api/findings/finding-well-1').set(as('stranger')).expect(404);
    expect((await list('/api/findings', 'stranger').expect(200)).body).toEqual([]);
  });
});

// The fund pool's rules and who may move money: test/api/funds.api.test.ts.

describe('photos', () => {
  // A 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  const upload = (username: string, type: string, body: Buffer) =>
    request(app).post('/api/photos').set(as(username)).set('Content-Type', type).send(body);

  it('stores an uploaded photo once and serves its bytes back with their type', async () => {
    const first = await upload('deputy', 'image/png', png).expect(201);
    expect(first.body.id).toMatch(/^photo-[0-9a-f]{12}$/);
    const again = await upload('deputy', 'image/png', png).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await testDb.db.selectFrom('photos').select(['id', 'uploaded_by', 'content_type']).execute()).toEqual([
      { id: first.body.id, uploaded_by: 'deputy', content_type: 'image/png' },
    ]);

    const read = await request(app).get(`/api/photos/${first.body.id}`).set(as('official')).buffer(true).expect(200);
    expect(read.headers['content-type']).toBe('image/png');
    // Stored re-encoded: the same 1×1 pixel, not necessarily the same bytes.
    expect(await sharp(read.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    await request(app).get(`/api/photos/${first.body.id}`).set(as('stranger')).expect(404);
    await request(app).get(`/api/photos/${first.body.id}`).expect(401);

    // A finding may now cite it.
    const cited = await request(app)
      .post(`/api/projects/${ROAD}/findings`)
      .set(as('deputy'))
      .send({ key: 'finding-0004', text: '路面坑洼', photoIds: [first.body.id] })
      .expect(409);
    expect(cited.body.message).toMatch(/closed/);
  });

  it('refuses anything but a JPEG, PNG or WebP image, bytes that are not what they claim, and more than 5 MB', async () => {
    const text = await upload('deputy', 'text/plain', Buffer.from('not a photo')).expect(415);
    expect(text.body.message).toBe('upload the photo as image/jpeg, image/png, image/webp');
    const json = await request(app).post('/api/photos').set(as('deputy')).send({ photo: 'base64…' }).expect(415);
    expect(json.body.message).toMatch(/upload the photo/);
    const disguised = await upload('deputy', 'image/jpeg', png).expect(415);
    expect(disguised.body.message).toBe('the upload is not the image/jpeg image its Content-Type says');
    const huge = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await upload('deputy', 'image/png', huge).expect(413);
    expect(tooLarge.body.message).toBe('the request body is larger than the limit of 5 MB');
    expect(await testDb.db.selectFrom('photos').select('id').execute()).toHaveLength(1);
  });

  it('refuses bytes that only start like an image, and strips what a camera wrote into a photo', async () => {
    const junk = Buffer.concat([png.subarray(0, 16), Buffer.from('<?php system($_GET["c"]); ?>')]);
    const refused = await upload('deputy', 'image/png', junk).expect(422);
    expect(refused.body.message).toMatch(/not a readable image\/png image/);
    expect(await testDb.db.selectFrom('photos').select('id').execute()).toHaveLength(1);

    const withGps = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } })
      .jpeg()
      .withExif({ IFD0: { Artist: '李科长', Copyright: 'secret-location' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const stored = await upload('deputy', 'image/jpeg', withGps).expect(201);
    const row = await testDb.db
      .selectFrom('photos')
      .select('bytes')
      .where('id', '=', stored.body.id as string)
      .executeTakeFirstOrThrow();
    expect((await sharp(row.bytes).metadata()).exif).toBeUndefined();
    expect(row.bytes.includes('secret-location')).toBe(false);
  });
});

describe('monthly bulletins (月通报)', () => {
  const body = '# 测试县2026年民生实事项目 2026年3月通报\n\n- 县道X012线路面改造：红色预警，进度30%\n';
  beforeAll(async () => {
    await testDb.db
      .insertInto('bulletins')
      .values([
        { id: `${BATCH}-bulletin-2026-03`, batch_id: BATCH, month: '2026-03', body },
        { id: `${BATCH}-bulletin-2026-04`, batch_id: BATCH, month: '2026-04', body: '# 4月通报\n' },
        { id: `${OTHER_BATCH}-bulletin-2026-03`, batch_id: OTHER_BATCH, month: '2026-03', body: '# 邻县\n' },
      ])
      .execute();
  });

  it('lists the jurisdiction’s bulletins, newest month first, to the office and to those it is circulated to', async () => {
    const res = await list('/api/bulletins', 'coordinator', { filter: { batch_id: BATCH } }).expect(200);
    expect(res.headers['content-range']).toBe('bulletins 0-1/2');
    expect(res.body.map((b: { month: string }) => b.month)).toEqual(['2026-04', '2026-03']);
    expect(res.body[0]).not.toHaveProperty('body');
    expect(
      (await list('/api/bulletins', 'coordinator', { filter: { month: '2026-03' } }).expect(200)).body,
    ).toHaveLength(1);
    // Circulated and published in the console (docs/domain.md, "Implementation"): deputies read them too.
    expect((await list('/api/bulletins', 'deputy', { filter: { batch_id: BATCH } }).expect(200)).body).toHaveLength(2);
    expect(
      (await list('/api/bulletins', 'stranger').expect(200)).body.map((b: { batch_id: string }) => b.batch_id),
    ).toEqual([OTHER_BATCH]);
  });

  it('downloads a bulletin as a Markdown attachment named after its batch and month', async () => {
    const res = await request(app)
      .get(`/api/bulletins/${BATCH}-bulletin-2026-03/download`)
      .set(as('coordinator'))
      .expect(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename=bulletin-${BATCH}-2026-03.md`);
    expect(res.text).toBe(body);
    const one = await request(app).get(`/api/bulletins/${BATCH}-bulletin-2026-03`).set(as('coordinator')).expect(200);
    expect(one.body).toMatchObject({ month: '2026-03', body, batch_title: '测试县2026年民生实事项目' });
    await request(app).get(`/api/bulletins/${BATCH}-bulletin-2026-03/download`).set(as('stranger')).expect(404);
  });
});

describe('re-rating by standing committee members (docs/domain.md, "Consequences")', () => {
  beforeAll(async () => {
    await testDb.db
      .insertInto('rating_sessions')
      .values([
        {
          id: `${ROAD}-rerating-1`,
          batch_id: BATCH,
          kind: 'committee',
          project_ids: [ROAD],
          status: 'open',
          opened_by: 'coordinator',
          opened_at: '2027-06-01T01:00:00Z',
        },
        {
          id: `${BATCH}-rating`,
          batch_id: BATCH,
          kind: 'congress',
          project_ids: [ROAD, WELL],
          status: 'open',
          opened_by: 'coordinator',
          opened_at: '2027-01-10T01:00:00Z',
        },
      ])
      .execute();
  });
  const rate = (username: string, sessionId: string, projectIds: string[]) =>
    request(app)
      .post(`/api/rating-sessions/${sessionId}/ratings`)
      .set(as(username))
      // The fixed-length sheet: one code per project, here all 基本满意 (docs/secrecy.md).
      .send({ sheet: 'b'.repeat(projectIds.length) });

  it('takes a committee re-rating from standing committee members only, and the congress rating from deputies only', async () => {
    const deputy = await rate('deputy', `${ROAD}-rerating-1`, [ROAD]).expect(403);
    expect(deputy.body.message).toBe('only standing committee members take part in a committee re-rating');
    const member = await rate('committee', `${ROAD}-rerating-1`, [ROAD]).expect(201);
    expect(member.body.sessionId).toBe(`${ROAD}-rerating-1`);
    await rate('committee', `${ROAD}-rerating-1`, [ROAD]).expect(409);

    const notDeputy = await rate('committee', `${BATCH}-rating`, [ROAD, WELL]).expect(403);
    expect(notDeputy.body.message).toBe('only deputies take part in a rating session');
    await rate('deputy', `${BATCH}-rating`, [ROAD, WELL]).expect(201);
    const ratings = await testDb.db
      .selectFrom('ratings')
      .select(['session_id', 'project_id'])
      .orderBy('session_id')
      .orderBy('project_id')
      .execute();
    expect(ratings).toEqual([
      { session_id: `${BATCH}-rating`, project_id: ROAD },
      { session_id: `${BATCH}-rating`, project_id: WELL },
      { session_id: `${ROAD}-rerating-1`, project_id: ROAD },
    ]);
  });
});

import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { hashPassword } from '../../db/passwords';
import { createTokenSigner } from '../../api/auth/tokens';
import type { Role } from '../../db/schema';
import type { BatchPhase } from '../../workflows/annualBatch.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { testDataConverter } from '../support/payloadKey';

// API → PostgreSQL, real; these routes read the batch phase and never call the workflow, so no worker runs.
// Each test sets the phase it needs on the batch row, as the batch workflow would.
const PASSWORD = 'correct horse battery';
const BATCH = `batch-${jurisdictionId}-2026`;
const LAST_YEAR = `batch-${jurisdictionId}-2025`;
const OTHER_COUNTY = 'other-county';
const OTHER_BATCH = `batch-${OTHER_COUNTY}-2025`;

let testDb: TestDatabase;
let app: Express;
let connection: Connection;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await seedPeople(testDb.db, hash);
  const { db } = testDb;
  const person = (id: string, name: string, roles: Role[], jurisdiction: string) => ({
    id,
    username: id,
    display_name: name,
    password_hash: hash,
    roles,
    jurisdiction_id: jurisdiction,
    department_id: null,
    email: null,
    phone: null,
  });
  await db
    .insertInto('jurisdictions')
    .values({ id: OTHER_COUNTY, name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('users')
    .values([
      person('reviewer', '周审查', ['reviewer'], jurisdictionId),
      person('reviewer2', '吴财政', ['reviewer'], jurisdictionId),
      person('stranger', '孙主任', ['coordinator'], OTHER_COUNTY),
    ])
    .execute();
  await db
    .insertInto('batches')
    .values([
      {
        id: LAST_YEAR,
        jurisdiction_id: jurisdictionId,
        year: 2025,
        title: '测试县2025年民生实事项目',
        phase: 'closed',
      },
      {
        id: BATCH,
        jurisdiction_id: jurisdictionId,
        year: 2026,
        title: '测试县2026年民生实事项目',
        phase: 'collection',
        collection_closes_at: '2026-01-31T16:00:00Z',
      },
      { id: OTHER_BATCH, jurisdiction_id: OTHER_COUNTY, year: 2025, title: '邻县2025年民生实事项目', phase: 'closed' },
    ])
    .execute();
  // Last year's screening left a reserve-library item (储备库) with two proposers, and a rejected one.
  const lastYear = (id: string, batchId: string, outcome: 'reserve' | 'rejected', title: string) => ({
    id,
    batch_id: batchId,
    title,
    description: '村民反映多年',
    category: 'water',
    location: '东河村',
    channel: 'liaisonStation',
    outcome,
    outcome_reason: outcome === 'reserve' ? '资金不足，列入储备库' : '不属于民生实事范围',
  });
  await db
    .insertInto('suggestions')
    .values([
      lastYear('sug-reserve00001', LAST_YEAR, 'reserve', '东河村饮水管网改造'),
      lastYear('sug-rejected0001', LAST_YEAR, 'rejected', '修建村委会办公楼'),
      lastYear('sug-otherres0001', OTHER_BATCH, 'reserve', '邻县敬老院扩建'),
    ])
    .execute();
  await db
    .insertInto('suggestion_proposers')
    .values([
      {
        suggestion_id: 'sug-reserve00001',
        kind: 'public',
        name: '黄大爷',
        contact: '13800000001',
        user_id: null,
        department_id: null,
      },
      {
        suggestion_id: 'sug-reserve00001',
        kind: 'deputy',
        name: '刘代表',
        contact: null,
        user_id: 'deputy',
        department_id: null,
      },
    ])
    .execute();

  connection = await Connection.connect({ address: inject('temporalAddress') });
  app = createApp({
    db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue: 'unused',
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of ['coordinator', 'official', 'deputy', 'reviewer', 'reviewer2', 'stranger']) {
    const res = await request(app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    tokens[username] = res.body.token as string;
  }
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
const setPhase = (phase: BatchPhase) =>
  testDb.db.updateTable('batches').set({ phase }).where('id', '=', BATCH).execute();
const suggestionRows = (batchId = BATCH) =>
  testDb.db.selectFrom('suggestions').selectAll().where('batch_id', '=', batchId).orderBy('created_at').execute();
const proposersOf = (suggestionId: string) =>
  testDb.db
    .selectFrom('suggestion_proposers')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .orderBy('id')
    .execute();
const auditOf = (action: string) =>
  testDb.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

const publicForm = (key: string, overrides: Record<string, unknown> = {}) => ({
  key,
  title: '西街小学门口增设红绿灯',
  description: '上下学高峰车多，孩子过马路危险',
  category: 'transport',
  location: '西街小学',
  proposer: { name: '王女士', contact: '13900001234' },
  ...overrides,
});
const postPublic = (body: object, batchId = BATCH) =>
  request(app).post(`/api/public/batches/${batchId}/suggestions`).send(body);
const postEntered = (username: string, body: object, batchId = BATCH) =>
  request(app).post(`/api/batches/${batchId}/suggestions`).set(as(username)).send(body);

/** Ids the tests share, set as the batch moves along. */
const ids = { online: '', deputy: '', department: '', hotline: '', promoted: '' };

describe('collection (征集)', () => {
  it('accepts a suggestion from the public form without a login, once however often the form is resubmitted', async () => {
    const first = await postPublic(publicForm('form-0001-traffic')).expect(201);
    expect(first.body).toMatchObject({ batch_id: BATCH, title: '西街小学门口增设红绿灯', channel: 'online' });
    expect(first.body.id).toMatch(/^sug-[0-9a-f]{12}$/);
    ids.online = first.body.id;

    const again = await postPublic(publicForm('form-0001-traffic')).expect(200);
    expect(again.body.id).toBe(ids.online);

    expect((await suggestionRows()).map((s) => s.id)).toEqual([ids.online]);
    expect(await proposersOf(ids.online)).toMatchObject([
      { kind: 'public', name: '王女士', contact: '13900001234', user_id: null },
    ]);
    expect(await auditOf('suggestion.submitted')).toMatchObject([
      { workflow_id: BATCH, subject: ids.online, actor_user_id: null, actor_label: '王女士 (public form)' },
    ]);
  });

  it('tells the office of a new suggestion from the public form, once however often the form is resubmitted', async () => {
    const told = await testDb.db
      .selectFrom('notices')
      .innerJoin('users', 'users.id', 'notices.recipient_user_id')
      .select(['users.roles', 'notices.title', 'notices.workflow_id'])
      .where('notices.title', 'like', '新的群众建议%')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    for (const notice of told) {
      expect(notice.roles).toContain('coordinator');
      expect(notice).toMatchObject({ title: '新的群众建议：西街小学门口增设红绿灯', workflow_id: BATCH });
    }
    expect(new Set(told.map((n) => n.title)).size).toBe(1);
  });

  it('refuses a public suggestion with no way to reach the proposer, a bad key, or a reused key, and stores nothing', async () => {
    const noContact = await postPublic(publicForm('form-0002-nocontact', { proposer: { name: '匿名' } })).expect(400);
    expect(noContact.body.message).toMatch(/proposer\.contact/);
    const badContact = await postPublic(
      publicForm('form-0002-badcontact', { proposer: { contact: 'call me' } }),
    ).expect(400);
    expect(badContact.body.message).toMatch(/phone number or an e-mail address/);
    const badKey = await postPublic(publicForm('short')).expect(400);
    expect(badKey.body.message).toMatch(/key must be 8–64/);
    const badCategory = await postPublic(publicForm('form-0002-category', { category: 'space' })).expect(400);
    expect(badCategory.body.message).toMatch(/category/);
    const reused = await postPublic(publicForm('form-0001-traffic', { title: '另一件事：修路灯' })).expect(409);
    expect(reused.body.message).toMatch(/already used for a different suggestion/);
    const nowhere = await postPublic(publicForm('form-0002-nowhere'), 'batch-nowhere-2026').expect(404);
    expect(nowhere.body.message).toBe('batch "batch-nowhere-2026" was not found');
    expect(await suggestionRows()).toHaveLength(1);
  });

  it('takes an e-mail address as the contact', async () => {
    const res = await postPublic(
      publicForm('form-0003-email', { title: '北门菜市场雨棚翻修', proposer: { contact: 'resident@example.cn' } }),
    ).expect(201);
    expect(await proposersOf(res.body.id)).toMatchObject([
      { kind: 'public', name: null, contact: 'resident@example.cn' },
    ]);
  });

  it('records a deputy’s suggestion with the deputy as proposer, and an official’s with their department', async () => {
    const byDeputy = await postEntered(
      'deputy',
      publicForm('deputy-0001-elders', { title: '东河村老年食堂', category: 'elderCare', proposer: undefined }),
    ).expect(201);
    ids.deputy = byDeputy.body.id;
    expect(byDeputy.body).toMatchObject({ channel: 'deputy', proposer_count: 1, score: null, outcome: null });
    expect(await proposersOf(ids.deputy)).toMatchObject([
      { kind: 'deputy', user_id: 'deputy', name: '刘代表', department_id: null },
    ]);

    const byOfficial = await postEntered(
      'official',
      publicForm('dept-0001-bridge', { title: '西河便桥加固', proposer: undefined }),
    ).expect(201);
    ids.department = byOfficial.body.id;
    expect(byOfficial.body.channel).toBe('department');
    expect(await proposersOf(ids.department)).toMatchObject([
      { kind: 'department', department_id: 'dept-roads', user_id: 'official' },
    ]);
    expect(byOfficial.body.proposers[0].department_name).toBe('县交通运输局');
  });

  it('lets a coordinator enter a hotline suggestion for a member of the public, the channel and the contact being required', async () => {
    const hotline = publicForm('hotline-0001-toilet', {
      title: '南街公厕改造',
      category: 'environment',
      channel: 'hotline12345',
      proposer: { name: '赵先生', contact: '0731-12345678' },
    });
    const noChannel = await postEntered('coordinator', { ...hotline, channel: undefined }).expect(422);
    expect(noChannel.body.message).toMatch(/channel: say how the suggestion was received/);
    const noContact = await postEntered('coordinator', { ...hotline, proposer: { name: '赵先生' } }).expect(422);
    expect(noContact.body.message).toMatch(/proposer\.contact/);
    const online = await postEntered('coordinator', { ...hotline, channel: 'online' }).expect(422);
    expect(online.body.message).toMatch(/public form/);

    const res = await postEntered('coordinator', hotline).expect(201);
    ids.hotline = res.body.id;
    expect(res.body.channel).toBe('hotline12345');
    expect(await proposersOf(ids.hotline)).toMatchObject([
      { kind: 'public', name: '赵先生', contact: '0731-12345678', user_id: null },
    ]);
    const audit = (await auditOf('suggestion.submitted')).find((e) => e.subject === ids.hotline);
    expect(audit).toMatchObject({ actor_user_id: 'coordinator', actor_label: '陈主任' });
  });

  it('refuses a proposal from the screening group, and a channel the person does not speak for', async () => {
    const reviewer = await postEntered('reviewer', publicForm('reviewer-0001-x')).expect(403);
    expect(reviewer.body.message).toMatch(/screening group scores suggestions and may not propose/);
    const deputyAsDepartment = await postEntered(
      'deputy',
      publicForm('deputy-0002-x', { channel: 'department' }),
    ).expect(403);
    expect(deputyAsDepartment.body.message).toMatch(/official of a department/);
    const deputyForPublic = await postEntered('deputy', publicForm('deputy-0003-x', { channel: 'doorToDoor' })).expect(
      403,
    );
    expect(deputyForPublic.body.message).toMatch(/only a coordinator may enter/);
    await request(app).post(`/api/batches/${BATCH}/suggestions`).send(publicForm('anon-0001-x')).expect(401);
    expect(await suggestionRows()).toHaveLength(5);
  });

  it('hides another jurisdiction’s batch and suggestions from its people, as if they did not exist', async () => {
    const post = await postEntered('stranger', publicForm('stranger-0001-x', { channel: 'hotline12345' })).expect(404);
    expect(post.body.message).toBe(`batch "${BATCH}" was not found`);
    await request(app).get(`/api/suggestions/${ids.online}`).set(as('stranger')).expect(404);
    const list = await request(app).get('/api/suggestions').set(as('stranger')).expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual(['sug-otherres0001']);
    await request(app)
      .post(`/api/suggestions/${ids.online}/merge`)
      .set(as('stranger'))
      .send({ intoId: ids.hotline })
      .expect(404);
  });

  it('refuses scoring and the joint review while collection is open', async () => {
    const score = await request(app)
      .put(`/api/suggestions/${ids.online}/score`)
      .set(as('reviewer'))
      .send({ publicSupport: 90, fundingFeasibility: 80, socialBenefit: 70, implementationDifficulty: 60 })
      .expect(409);
    expect(score.body.message).toBe(
      'scoring a suggestion is only possible during screening (筛选论证); "测试县2026年民生实事项目" is in collection (征集)',
    );
    const review = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send({ outcome: 'rejected', reason: '重复', departmentId: 'dept-roads' })
      .expect(409);
    expect(review.body.message).toMatch(/the joint review is only possible during screening/);
  });
});

describe('reserve library imports (储备库)', () => {
  it('pulls a reserve item of last year into this batch with its proposers, once however often it is retried', async () => {
    const first = await request(app)
      .post(`/api/batches/${BATCH}/reserve-imports`)
      .set(as('coordinator'))
      .send({ suggestionIds: ['sug-reserve00001'] })
      .expect(201);
    expect(first.body.created).toBe(1);
    const [promoted] = first.body.suggestions;
    ids.promoted = promoted.id;
    expect(promoted).toMatchObject({
      batch_id: BATCH,
      promoted_from_id: 'sug-reserve00001',
      title: '东河村饮水管网改造',
      channel: 'liaisonStation',
      outcome: null,
    });
    expect(await proposersOf(ids.promoted)).toMatchObject([
      { kind: 'public', name: '黄大爷', contact: '13800000001' },
      { kind: 'deputy', user_id: 'deputy' },
    ]);

    const retry = await request(app)
      .post(`/api/batches/${BATCH}/reserve-imports`)
      .set(as('coordinator'))
      .send({ suggestionIds: ['sug-reserve00001', 'sug-reserve00001'] })
      .expect(200);
    expect(retry.body).toMatchObject({ created: 0, suggestions: [{ id: ids.promoted }] });
    expect((await suggestionRows()).filter((s) => s.promoted_from_id)).toHaveLength(1);
    expect(await proposersOf(ids.promoted)).toHaveLength(2);
    expect(await auditOf('suggestion.promoted')).toMatchObject([
      { subject: ids.promoted, actor_user_id: 'coordinator', workflow_id: BATCH },
    ]);
    // The source stays in last year's batch as it was.
    expect(await proposersOf('sug-reserve00001')).toHaveLength(2);
  });

  it('refuses, naming them, ids that are not reserve items of an earlier batch of this jurisdiction', async () => {
    const res = await request(app)
      .post(`/api/batches/${BATCH}/reserve-imports`)
      .set(as('coordinator'))
      .send({
        suggestionIds: ['sug-reserve00001', 'sug-rejected0001', 'sug-otherres0001', ids.online, 'sug-nothing00000'],
      })
      .expect(422);
    expect(res.body.message).toBe(
      `suggestionIds: not reserve-library items of an earlier batch of this jurisdiction: sug-rejected0001, sug-otherres0001, ${ids.online}, sug-nothing00000`,
    );
    const empty = await request(app)
      .post(`/api/batches/${BATCH}/reserve-imports`)
      .set(as('coordinator'))
      .send({ suggestionIds: [] })
      .expect(400);
    expect(empty.body.message).toMatch(/at least one/);
    const deputy = await request(app)
      .post(`/api/batches/${BATCH}/reserve-imports`)
      .set(as('deputy'))
      .send({ suggestionIds: ['sug-reserve00001'] })
      .expect(403);
    expect(deputy.body.message).toBe('only a coordinator may do this');
    await request(app)
      .post(`/api/batches/${OTHER_BATCH}/reserve-imports`)
      .set(as('coordinator'))
      .send({ suggestionIds: ['sug-otherres0001'] })
      .expect(404);
    expect(await suggestionRows()).toHaveLength(6);
  });
});

describe('merging duplicates', () => {
  let duplicate = '';

  it('moves a duplicate’s proposers to the suggestion it repeats, once; a retry changes nothing', async () => {
    const res = await postPublic(
      publicForm('form-0004-duplicate', {
        title: '西街小学路口红绿灯',
        proposer: { name: '李先生', contact: '13700000000' },
      }),
    ).expect(201);
    duplicate = res.body.id;
    const merged = await request(app)
      .post(`/api/suggestions/${duplicate}/merge`)
      .set(as('coordinator'))
      .send({ intoId: ids.online })
      .expect(200);
    expect(merged.body).toMatchObject({ id: duplicate, merged_into_id: ids.online, proposer_count: 0 });
    await request(app)
      .post(`/api/suggestions/${duplicate}/merge`)
      .set(as('coordinator'))
      .send({ intoId: ids.online })
      .expect(200);

    expect((await proposersOf(ids.online)).map((p) => p.name)).toEqual(['王女士', '李先生']);
    expect(await proposersOf(duplicate)).toEqual([]);
    const target = await request(app).get(`/api/suggestions/${ids.online}`).set(as('coordinator')).expect(200);
    expect(target.body).toMatchObject({ proposer_count: 2, merged: [{ id: duplicate, title: '西街小学路口红绿灯' }] });
    expect(await auditOf('suggestion.merged')).toMatchObject([
      { subject: duplicate, workflow_id: BATCH, detail: { into: ids.online, proposersMoved: 1 } },
    ]);
  });

  it('refuses a merge into itself, across batches, of or into a merged suggestion, by a deputy, and to an unknown id', async () => {
    const itself = await request(app)
      .post(`/api/suggestions/${ids.hotline}/merge`)
      .set(as('reviewer'))
      .send({ intoId: ids.hotline })
      .expect(422);
    expect(itself.body.message).toBe('intoId: a suggestion cannot be merged into itself');
    const across = await request(app)
      .post(`/api/suggestions/${ids.hotline}/merge`)
      .set(as('reviewer'))
      .send({ intoId: 'sug-reserve00001' })
      .expect(422);
    expect(across.body.message).toBe('intoId: only suggestions of the same batch can be merged');
    const again = await request(app)
      .post(`/api/suggestions/${duplicate}/merge`)
      .set(as('coordinator'))
      .send({ intoId: ids.hotline })
      .expect(409);
    expect(again.body.message).toBe(`"西街小学路口红绿灯" was already merged into ${ids.online}`);
    const intoMerged = await request(app)
      .post(`/api/suggestions/${ids.hotline}/merge`)
      .set(as('coordinator'))
      .send({ intoId: duplicate })
      .expect(409);
    expect(intoMerged.body.message).toBe(
      `"西街小学路口红绿灯" was itself merged into ${ids.online}; merge into that one`,
    );
    const deputy = await request(app)
      .post(`/api/suggestions/${ids.hotline}/merge`)
      .set(as('deputy'))
      .send({ intoId: ids.online })
      .expect(403);
    expect(deputy.body.message).toBe('only a coordinator or reviewer may do this');
    const unknown = await request(app)
      .post(`/api/suggestions/${ids.hotline}/merge`)
      .set(as('coordinator'))
      .send({ intoId: 'sug-nothing00000' })
      .expect(404);
    expect(unknown.body.message).toBe('suggestion "sug-nothing00000" was not found');
    const noTarget = await request(app)
      .post(`/api/suggestions/${ids.hotline}/merge`)
      .set(as('coordinator'))
      .send({})
      .expect(400);
    expect(noTarget.body.message).toMatch(/intoId/);
    expect(await proposersOf(ids.hotline)).toHaveLength(1);
    expect(await auditOf('suggestion.merged')).toHaveLength(1);
  });
});

describe('listing and reading suggestions', () => {
  it('lists the jurisdiction’s suggestions with proposer counts, filtered and sorted in the react-admin dialect', async () => {
    const all = await request(app)
      .get('/api/suggestions')
      .query({
        filter: JSON.stringify({ batch_id: BATCH }),
        sort: JSON.stringify(['title', 'ASC']),
        range: JSON.stringify([0, 2]),
      })
      .set(as('deputy'))
      .expect(200);
    expect(all.headers['content-range']).toBe('suggestions 0-2/7');
    expect(all.body).toHaveLength(3);
    const hotline = await request(app)
      .get('/api/suggestions')
      .query({ filter: JSON.stringify({ channel: 'hotline12345' }) })
      .set(as('official'))
      .expect(200);
    expect(hotline.body).toMatchObject([{ id: ids.hotline, proposer_count: 1, score: null }]);
    const found = await request(app)
      .get('/api/suggestions')
      .query({ filter: JSON.stringify({ q: '红绿灯' }), sort: JSON.stringify(['id', 'ASC']) })
      .set(as('reviewer'))
      .expect(200);
    expect(found.body.map((s: { title: string }) => s.title).sort()).toEqual([
      '西街小学路口红绿灯',
      '西街小学门口增设红绿灯',
    ]);
    const reserve = await request(app)
      .get('/api/suggestions')
      .query({ filter: JSON.stringify({ outcome: 'reserve' }) })
      .set(as('coordinator'))
      .expect(200);
    expect(reserve.body.map((s: { id: string }) => s.id)).toEqual(['sug-reserve00001']);
    const bad = await request(app)
      .get('/api/suggestions')
      .query({ filter: JSON.stringify({ outcome: 'maybe' }) })
      .set(as('coordinator'))
      .expect(400);
    expect(bad.body.message).toMatch(/filter/);
  });

  it('shows proposers’ contacts to the office and the screening group, and only names to deputies and officials', async () => {
    const byCoordinator = await request(app).get(`/api/suggestions/${ids.hotline}`).set(as('coordinator')).expect(200);
    expect(byCoordinator.body.proposers).toMatchObject([{ name: '赵先生', contact: '0731-12345678' }]);
    const byReviewer = await request(app).get(`/api/suggestions/${ids.hotline}`).set(as('reviewer')).expect(200);
    expect(byReviewer.body.proposers[0].contact).toBe('0731-12345678');
    for (const username of ['deputy', 'official']) {
      const res = await request(app).get(`/api/suggestions/${ids.hotline}`).set(as(username)).expect(200);
      expect(res.body.proposers).toMatchObject([{ name: '赵先生', contact: null }]);
    }
    await request(app).get('/api/suggestions/sug-nothing00000').set(as('deputy')).expect(404);
  });
});

describe('screening (筛选论证) and the joint review (联合审查)', () => {
  const marks = { publicSupport: 90, fundingFeasibility: 80, socialBenefit: 70, implementationDifficulty: 60 };
  const candidateDraft = {
    title: '西街小学路口信号灯建设',
    description: '在西街小学路口新建信号灯一处，配套斑马线和减速带',
    implementingUnit: '县公安局交警大队',
    budgetYuan: 380_000,
    deadline: '2026-09-01',
    acceptanceStandard: '信号灯投入使用，经交警部门验收合格',
    responsibleLeaderUserId: 'leader',
  };
  const review = (outcome: string, extra: Record<string, unknown> = {}) => ({
    outcome,
    reason: '群众呼声高，资金有保障',
    departmentId: 'dept-roads',
    ...extra,
  });

  it('keeps merging open in screening, and refuses it once publicity has begun', async () => {
    await setPhase('candidatePublicity');
    const late = await request(app)
      .post(`/api/suggestions/${ids.department}/merge`)
      .set(as('coordinator'))
      .send({ intoId: ids.online })
      .expect(409);
    expect(late.body.message).toMatch(
      /merging suggestions is only possible during collection \(征集\) or screening \(筛选论证\)/,
    );
    await setPhase('screening');
  });

  it('weights each reviewer’s marks by the jurisdiction’s policy and keeps one score per reviewer', async () => {
    const first = await request(app)
      .put(`/api/suggestions/${ids.online}/score`)
      .set(as('reviewer'))
      .send({ ...marks, note: '家长反映强烈' })
      .expect(200);
    // [S3]'s default weights (docs/domain.md, "Screening"): 90×40% + 80×30% + 70×20% + 60×10% = 80.
    expect(first.body.scores).toMatchObject([
      { reviewer_user_id: 'reviewer', reviewer_name: '周审查', weighted: 80, note: '家长反映强烈' },
    ]);
    expect(first.body.score).toBe(80);

    await testDb.db
      .updateTable('jurisdictions')
      .set({
        policy: JSON.stringify({
          screeningWeights: {
            publicSupport: 25,
            fundingFeasibility: 25,
            socialBenefit: 25,
            implementationDifficulty: 25,
          },
        }),
      })
      .where('id', '=', jurisdictionId)
      .execute();
    await request(app).put(`/api/suggestions/${ids.online}/score`).set(as('reviewer')).send(marks).expect(200);
    await testDb.db.updateTable('jurisdictions').set({ policy: '{}' }).where('id', '=', jurisdictionId).execute();
    const rescored = await request(app)
      .put(`/api/suggestions/${ids.online}/score`)
      .set(as('reviewer2'))
      .send({ publicSupport: 70, fundingFeasibility: 60, socialBenefit: 50, implementationDifficulty: 40 })
      .expect(200);
    // Equal weights gave the first reviewer 75; the second, under the default, 60.
    expect(
      rescored.body.scores.map((s: { reviewer_user_id: string; weighted: number; note: string | null }) => [
        s.reviewer_user_id,
        s.weighted,
        s.note,
      ]),
    ).toEqual([
      ['reviewer', 75, null],
      ['reviewer2', 60, null],
    ]);
    expect(rescored.body.score).toBe(67.5);
    await request(app)
      .put(`/api/suggestions/${ids.online}/score`)
      .set(as('reviewer2'))
      .send({ publicSupport: 70, fundingFeasibility: 60, socialBenefit: 50, implementationDifficulty: 40 })
      .expect(200);
    const rows = await testDb.db
      .selectFrom('suggestion_scores')
      .selectAll()
      .where('suggestion_id', '=', ids.online)
      .execute();
    expect(rows).toHaveLength(2);
    // Three changes; the repeated marks were a retry and are not recorded.
    expect(await auditOf('suggestion.scored')).toHaveLength(3);
    const byScore = await request(app)
      .get('/api/suggestions')
      .query({ sort: JSON.stringify(['score', 'DESC']), range: JSON.stringify([0, 0]) })
      .set(as('deputy'))
      .expect(200);
    expect(byScore.body).toMatchObject([{ id: ids.online, score: 67.5, proposer_count: 2 }]);
  });

  it('refuses a score from anyone but the screening group, out of range, or for a merged suggestion', async () => {
    const coordinator = await request(app)
      .put(`/api/suggestions/${ids.hotline}/score`)
      .set(as('coordinator'))
      .send(marks)
      .expect(403);
    expect(coordinator.body.message).toBe('only a reviewer may do this');
    const tooHigh = await request(app)
      .put(`/api/suggestions/${ids.hotline}/score`)
      .set(as('reviewer'))
      .send({ ...marks, publicSupport: 101 })
      .expect(400);
    expect(tooHigh.body.message).toMatch(/publicSupport/);
    const missing = await request(app)
      .put(`/api/suggestions/${ids.hotline}/score`)
      .set(as('reviewer'))
      .send({ publicSupport: 50 })
      .expect(400);
    expect(missing.body.message).toMatch(/fundingFeasibility/);
    const [merged] = (await suggestionRows()).filter((s) => s.merged_into_id);
    const res = await request(app)
      .put(`/api/suggestions/${merged!.id}/score`)
      .set(as('reviewer'))
      .send(marks)
      .expect(409);
    expect(res.body.message).toBe(`this suggestion was merged into ${ids.online}; score that one`);
    await request(app).put('/api/suggestions/sug-nothing00000/score').set(as('reviewer')).send(marks).expect(404);
    expect(
      await testDb.db
        .selectFrom('suggestion_scores')
        .select('suggestion_id')
        .where('suggestion_id', '!=', ids.online)
        .execute(),
    ).toEqual([]);
  });

  it('refuses a review before anyone has scored, or with its reason, department or candidate details wrong', async () => {
    const unscored = await request(app)
      .post(`/api/suggestions/${ids.hotline}/review`)
      .set(as('coordinator'))
      .send(review('rejected'))
      .expect(409);
    expect(unscored.body.message).toBe('no one of the screening group has scored this suggestion yet; score it first');

    const noDraft = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('candidate'))
      .expect(400);
    expect(noDraft.body.message).toMatch(/candidate: a candidate needs its responsibility list/);
    const misplaced = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('reserve', { candidate: candidateDraft }))
      .expect(400);
    expect(misplaced.body.message).toMatch(/only a candidate carries candidate details, not reserve/);
    const partial = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('candidate', { candidate: { ...candidateDraft, deadline: '2026-13-01', budgetYuan: -1 } }))
      .expect(400);
    expect(partial.body.message).toMatch(/candidate\.budgetYuan/);
    expect(partial.body.message).toMatch(/candidate\.deadline: deadline is a day/);
    const noncompliant = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('candidate', { candidate: candidateDraft, policyCompliant: false }))
      .expect(400);
    expect(noncompliant.body.message).toMatch(/does not comply with policy/);
    const noReason = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('rejected', { reason: '  ' }))
      .expect(400);
    expect(noReason.body.message).toMatch(/reason: give the reason/);
    const ghost = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('rejected', { departmentId: 'dept-ghosts' }))
      .expect(422);
    expect(ghost.body.message).toBe('departmentId: there is no department "dept-ghosts" in this jurisdiction');
    const { responsibleLeaderUserId: _leader, ...leaderless } = candidateDraft;
    const noLeader = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('candidate', { candidate: leaderless }))
      .expect(400);
    expect(noLeader.body.message).toMatch(
      /candidate\.responsibleLeaderUserId: name the responsible leader \(包抓领导\): every project has one/,
    );
    const strangerLeader = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('candidate', { candidate: { ...candidateDraft, responsibleLeaderUserId: 'stranger' } }))
      .expect(422);
    expect(strangerLeader.body.message).toBe(
      'candidate.responsibleLeaderUserId: there is no user "stranger" in this jurisdiction',
    );
    const deputy = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('deputy'))
      .send(review('rejected'))
      .expect(403);
    expect(deputy.body.message).toBe('only a reviewer or coordinator may do this');
    const [merged] = (await suggestionRows()).filter((s) => s.merged_into_id);
    const ofMerged = await request(app)
      .post(`/api/suggestions/${merged!.id}/review`)
      .set(as('coordinator'))
      .send(review('rejected'))
      .expect(409);
    expect(ofMerged.body.message).toBe(`this suggestion was merged into ${ids.online}; review that one`);
    await request(app)
      .post('/api/suggestions/sug-nothing00000/review')
      .set(as('coordinator'))
      .send(review('rejected'))
      .expect(404);

    const [suggestion] = await testDb.db.selectFrom('suggestions').selectAll().where('id', '=', ids.online).execute();
    expect(suggestion).toMatchObject({ outcome: null, reviewed_by: null });
    expect(await testDb.db.selectFrom('candidates').selectAll().execute()).toEqual([]);
  });

  it('makes a candidate with its responsibility list, withdraws it when a later review changes its mind, and revives it when the review changes back', async () => {
    const candidateId = ids.online.replace(/^sug-/, 'cand-');
    const made = await request(app)
      .post(`/api/suggestions/${ids.online}/review`)
      .set(as('reviewer'))
      .send(review('candidate', { candidate: candidateDraft, fundingSource: '县级财政', policyCompliant: true }))
      .expect(200);
    expect(made.body).toMatchObject({
      outcome: 'candidate',
      outcome_reason: '群众呼声高，资金有保障',
      department_id: 'dept-roads',
      funding_source: '县级财政',
      policy_compliant: true,
      reviewed_by: 'reviewer',
    });
    expect(made.body.candidate).toMatchObject({
      id: candidateId,
      batch_id: BATCH,
      status: 'active',
      department_id: 'dept-roads',
      responsible_leader_user_id: 'leader',
      budget_yuan: 380_000,
      deadline: '2026-09-01',
    });

    await request(app).put(`/api/suggestions/${ids.department}/score`).set(as('reviewer')).send(marks).expect(200);
    await request(app)
      .post(`/api/suggestions/${ids.department}/review`)
      .set(as('coordinator'))
      .send(review('candidate', { candidate: { ...candidateDraft, title: '西河便桥加固工程' } }))
      .expect(200);
    const reserved = await request(app)
      .post(`/api/suggestions/${ids.department}/review`)
      .set(as('coordinator'))
      .send(review('reserve', { reason: '今年资金不足，列入储备库' }))
      .expect(200);
    expect(reserved.body).toMatchObject({
      outcome: 'reserve',
      outcome_reason: '今年资金不足，列入储备库',
      reviewed_by: 'coordinator',
    });
    expect(reserved.body.candidate).toMatchObject({
      id: ids.department.replace(/^sug-/, 'cand-'),
      status: 'withdrawn',
    });
    const revived = await request(app)
      .post(`/api/suggestions/${ids.department}/review`)
      .set(as('coordinator'))
      .send(review('candidate', { candidate: { ...candidateDraft, title: '西河便桥加固工程' } }))
      .expect(200);
    expect(revived.body.candidate).toMatchObject({ id: ids.department.replace(/^sug-/, 'cand-'), status: 'active' });
    await request(app)
      .post(`/api/suggestions/${ids.department}/review`)
      .set(as('coordinator'))
      .send(review('reserve', { reason: '今年资金不足，列入储备库' }))
      .expect(200);

    await request(app).put(`/api/suggestions/${ids.hotline}/score`).set(as('reviewer2')).send(marks).expect(200);
    await request(app)
      .post(`/api/suggestions/${ids.hotline}/review`)
      .set(as('reviewer2'))
      .send(review('rejected', { reason: '已列入部门年度计划', departmentId: 'dept-water' }))
      .expect(200);
    // A retried review is recorded once.
    await request(app)
      .post(`/api/suggestions/${ids.hotline}/review`)
      .set(as('reviewer2'))
      .send(review('rejected', { reason: '已列入部门年度计划', departmentId: 'dept-water' }))
      .expect(200);

    const candidates = await testDb.db
      .selectFrom('candidates')
      .select(['id', 'status', 'title'])
      .orderBy('id')
      .execute();
    expect(candidates).toHaveLength(2);
    expect(candidates.find((c) => c.id === candidateId)).toMatchObject({
      status: 'active',
      title: '西街小学路口信号灯建设',
    });
    expect(
      (await auditOf('suggestion.reviewed')).map((e) => [e.subject, (e.detail as { outcome: string }).outcome]),
    ).toEqual([
      [ids.online, 'candidate'],
      [ids.department, 'candidate'],
      [ids.department, 'reserve'],
      [ids.department, 'candidate'],
      [ids.department, 'reserve'],
      [ids.hotline, 'rejected'],
    ]);
  });
});

describe('candidate publicity (候选项目公示)', () => {
  const candidateId = () => ids.online.replace(/^sug-/, 'cand-');
  const withdrawnId = () => ids.department.replace(/^sug-/, 'cand-');
  const comment = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    body: '建议同时增设护学岗',
    authorName: '钱女士',
    contact: '13600000000',
    ...extra,
  });
  const postComment = (body: object, batchId = BATCH) =>
    request(app).post(`/api/public/batches/${batchId}/comments`).send(body);

  it('shows where a batch stands to anyone, but keeps its candidate list private until publicity begins', async () => {
    const batch = await request(app).get(`/api/public/batches/${BATCH}`).expect(200);
    expect(batch.body).toMatchObject({
      id: BATCH,
      title: '测试县2026年民生实事项目',
      year: 2026,
      phase: 'screening',
      jurisdiction_name: '测试县',
      next_deadline_at: null,
    });
    const early = await request(app).get(`/api/public/batches/${BATCH}/candidates`).expect(409);
    expect(early.body.message).toBe(
      'the candidate list of "测试县2026年民生实事项目" is not public yet; it is published at candidate publicity (候选项目公示)',
    );
    const comment_ = await postComment(comment('comment-0000-early', { candidateId: candidateId() })).expect(409);
    expect(comment_.body.message).toMatch(
      /commenting on the candidate list is only possible during candidate publicity/,
    );
    await request(app).get('/api/public/batches/batch-nowhere-2026').expect(404);
  });

  it('publishes the active candidates, with department and leader, to anyone once publicity begins', async () => {
    await setPhase('candidatePublicity');
    const res = await request(app).get(`/api/public/batches/${BATCH}/candidates`).expect(200);
    expect(res.body).toEqual([
      {
        id: candidateId(),
        title: '西街小学路口信号灯建设',
        description: '在西街小学路口新建信号灯一处，配套斑马线和减速带',
        department_name: '县交通运输局',
        responsible_leader_name: '王副县长',
        implementing_unit: '县公安局交警大队',
        budget_yuan: 380_000,
        deadline: '2026-09-01',
        acceptance_standard: '信号灯投入使用，经交警部门验收合格',
        elected: null,
        approvals: null,
      },
    ]);
  });

  it('takes a public comment once per form key, and refuses one on an unknown or withdrawn candidate', async () => {
    const first = await postComment(comment('comment-0001-guard', { candidateId: candidateId() })).expect(201);
    expect(first.body.id).toMatch(/^cmt-[0-9a-f]{12}$/);
    expect(first.body).not.toHaveProperty('contact');
    const again = await postComment(comment('comment-0001-guard', { candidateId: candidateId() })).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const reused = await postComment(comment('comment-0001-guard', { body: '别的意见' })).expect(409);
    expect(reused.body.message).toMatch(/already used for a different comment/);
    await postComment(comment('comment-0002-general', { body: '希望多安排农村项目' })).expect(201);

    const unknown = await postComment(comment('comment-0003-unknown', { candidateId: 'cand-nothing' })).expect(422);
    expect(unknown.body.message).toBe('candidateId: "cand-nothing" is not on this batch\'s published candidate list');
    const withdrawn = await postComment(comment('comment-0004-withdrawn', { candidateId: withdrawnId() })).expect(422);
    expect(withdrawn.body.message).toMatch(/is not on this batch's published candidate list/);
    const empty = await postComment(comment('comment-0005-empty', { body: '' })).expect(400);
    expect(empty.body.message).toMatch(/body: write your comment/);

    const rows = await testDb.db.selectFrom('publicity_comments').selectAll().orderBy('created_at').execute();
    expect(rows).toMatchObject([
      {
        id: first.body.id,
        batch_id: BATCH,
        candidate_id: candidateId(),
        author_name: '钱女士',
        contact: '13600000000',
        adopted: null,
      },
      { candidate_id: null, body: '希望多安排农村项目' },
    ]);
    expect(await auditOf('comment.submitted')).toHaveLength(2);
  });

  it('lets only the coordinator read and answer comments; each answer is recorded once', async () => {
    await request(app).get('/api/publicity-comments').set(as('deputy')).expect(403);
    await request(app).get('/api/publicity-comments').set(as('stranger')).expect(200, []);
    const open = await request(app)
      .get('/api/publicity-comments')
      .query({ filter: JSON.stringify({ candidate_id: candidateId(), answered: false }) })
      .set(as('coordinator'))
      .expect(200);
    expect(open.headers['content-range']).toBe('publicity-comments 0-0/1');
    const [target] = open.body;
    expect(target).toMatchObject({ candidate_title: '西街小学路口信号灯建设', contact: '13600000000' });

    const blank = await request(app)
      .post(`/api/publicity-comments/${target.id}/respond`)
      .set(as('coordinator'))
      .send({ adopted: true, response: '' })
      .expect(400);
    expect(blank.body.message).toMatch(/response: write the answer/);
    const answer = { adopted: true, response: '采纳，已在实施方案中增设护学岗' };
    const answered = await request(app)
      .post(`/api/publicity-comments/${target.id}/respond`)
      .set(as('coordinator'))
      .send(answer)
      .expect(200);
    expect(answered.body).toMatchObject({ adopted: true, response: answer.response });
    await request(app)
      .post(`/api/publicity-comments/${target.id}/respond`)
      .set(as('coordinator'))
      .send(answer)
      .expect(200);
    expect(await auditOf('comment.answered')).toMatchObject([
      { subject: target.id, actor_user_id: 'coordinator', workflow_id: BATCH },
    ]);
    // A changed answer is recorded, and so is a return to the first one.
    await request(app)
      .post(`/api/publicity-comments/${target.id}/respond`)
      .set(as('coordinator'))
      .send({ adopted: false, response: '护学岗由学校安排' })
      .expect(200);
    await request(app)
      .post(`/api/publicity-comments/${target.id}/respond`)
      .set(as('coordinator'))
      .send(answer)
      .expect(200);
    expect((await auditOf('comment.answered')).map((e) => (e.detail as { adopted: boolean }).adopted)).toEqual([
      true,
      false,
      true,
    ]);
    const adopted = await request(app)
      .get('/api/publicity-comments')
      .query({ filter: JSON.stringify({ adopted: true }) })
      .set(as('coordinator'))
      .expect(200);
    expect(adopted.body.map((c: { id: string }) => c.id)).toEqual([target.id]);
    await request(app)
      .post('/api/publicity-comments/cmt-nothing/respond')
      .set(as('coordinator'))
      .send(answer)
      .expect(404);
  });

  it('amends a candidate with the reason and what changed, once, recording only the fields that differ', async () => {
    const change = {
      reason: '采纳公示意见：增设护学岗',
      changes: {
        budgetYuan: 420_000,
        description: '新建信号灯一处，配套斑马线、减速带和护学岗',
        title: '西街小学路口信号灯建设',
      },
    };
    const amended = await request(app)
      .patch(`/api/candidates/${candidateId()}`)
      .set(as('coordinator'))
      .send(change)
      .expect(200);
    expect(amended.body).toMatchObject({
      budget_yuan: 420_000,
      description: '新建信号灯一处，配套斑马线、减速带和护学岗',
      department_name: '县交通运输局',
    });
    expect(amended.body.amendments).toMatchObject([
      {
        amended_by: 'coordinator',
        amended_by_name: '陈主任',
        reason: '采纳公示意见：增设护学岗',
        before: { budgetYuan: 380_000, description: '在西街小学路口新建信号灯一处，配套斑马线和减速带' },
        after: { budgetYuan: 420_000, description: '新建信号灯一处，配套斑马线、减速带和护学岗' },
      },
    ]);
    expect(amended.body.amendments[0].before).not.toHaveProperty('title');

    await request(app).patch(`/api/candidates/${candidateId()}`).set(as('coordinator')).send(change).expect(200);
    expect(await testDb.db.selectFrom('candidate_amendments').selectAll().execute()).toHaveLength(1);
    expect(await auditOf('candidate.amended')).toMatchObject([
      { subject: candidateId(), workflow_id: BATCH, detail: { after: { budgetYuan: 420_000 } } },
    ]);
  });

  it('refuses an amendment without a reason or a change, by someone else, to a withdrawn candidate, or naming a stranger', async () => {
    const patch = (body: object, username = 'coordinator', id = candidateId()) =>
      request(app).patch(`/api/candidates/${id}`).set(as(username)).send(body);
    const noReason = await patch({ changes: { budgetYuan: 1 } }).expect(400);
    expect(noReason.body.message).toMatch(/reason/);
    const noChange = await patch({ reason: '无', changes: {} }).expect(400);
    expect(noChange.body.message).toMatch(/name at least one field to change/);
    const unknownField = await patch({ reason: '无', changes: { status: 'withdrawn' } }).expect(400);
    expect(unknownField.body.message).toMatch(/status/);
    const official = await patch({ reason: '无', changes: { budgetYuan: 1 } }, 'official').expect(403);
    expect(official.body.message).toBe('only a coordinator may do this');
    const withdrawn = await patch({ reason: '无', changes: { budgetYuan: 1 } }, 'coordinator', withdrawnId()).expect(
      409,
    );
    expect(withdrawn.body.message).toBe(
      'candidate "西河便桥加固工程" was withdrawn in screening and cannot be amended',
    );
    const leaderless = await patch({ reason: '调整包抓领导', changes: { responsibleLeaderUserId: null } }).expect(400);
    expect(leaderless.body.message).toMatch(
      /changes\.responsibleLeaderUserId: name the responsible leader \(包抓领导\): every project has one/,
    );
    const ghost = await patch({ reason: '调整责任单位', changes: { departmentId: 'dept-ghosts' } }).expect(422);
    expect(ghost.body.message).toBe('changes.departmentId: there is no department "dept-ghosts" in this jurisdiction');
    await patch({ reason: '无', changes: { budgetYuan: 1 } }, 'stranger').expect(404);
    await setPhase('vote');
    const late = await patch({ reason: '无', changes: { budgetYuan: 1 } }).expect(409);
    expect(late.body.message).toMatch(/amending a candidate is only possible during candidate publicity/);
    expect(await testDb.db.selectFrom('candidate_amendments').selectAll().execute()).toHaveLength(1);
  });

  it('lists the jurisdiction’s candidates with their department, keeps the list public during the vote, and closes comment answers', async () => {
    const active = await request(app)
      .get('/api/candidates')
      .query({ filter: JSON.stringify({ batch_id: BATCH, status: 'active' }) })
      .set(as('deputy'))
      .expect(200);
    expect(active.headers['content-range']).toBe('candidates 0-0/1');
    expect(active.body).toMatchObject([
      { id: candidateId(), department_name: '县交通运输局', responsible_leader_name: '王副县长', budget_yuan: 420_000 },
    ]);
    const all = await request(app)
      .get('/api/candidates')
      .query({ sort: JSON.stringify(['budget_yuan', 'DESC']) })
      .set(as('official'))
      .expect(200);
    expect(all.body.map((c: { status: string }) => c.status)).toEqual(['active', 'withdrawn']);
    await request(app).get('/api/candidates').set(as('stranger')).expect(200, []);
    await request(app).get(`/api/candidates/${candidateId()}`).set(as('stranger')).expect(404);
    const unknown = await request(app).get('/api/candidates/cand-nothing').set(as('deputy')).expect(404);
    expect(unknown.body.message).toBe('candidate "cand-nothing" was not found');
    // Still public during the vote; the result appears once the workflow sets it.
    await testDb.db
      .updateTable('candidates')
      .set({ elected: true, approvals: 88 })
      .where('id', '=', candidateId())
      .execute();
    const published = await request(app).get(`/api/public/batches/${BATCH}/candidates`).expect(200);
    expect(published.body).toMatchObject([{ id: candidateId(), elected: true, approvals: 88 }]);
    const [answered] = await testDb.db
      .selectFrom('publicity_comments')
      .select('id')
      .where('response', 'is not', null)
      .execute();
    const late = await request(app)
      .post(`/api/publicity-comments/${answered!.id}/respond`)
      .set(as('coordinator'))
      .send({ adopted: false, response: '迟到的答复' })
      .expect(409);
    expect(late.body.message).toMatch(
      /answering a comment is only possible during screening \(筛选论证\) or candidate publicity \(候选项目公示\) or the approval chain/,
    );
  });
});

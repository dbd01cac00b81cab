import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { startTestApi, type TestApi } from '../support/testApi';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';

const PASSWORD = 'correct horse battery';
const TOWNSHIP = 'test-township';
const BATCH = `batch-${jurisdictionId}-2027`;

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
  await db
    .insertInto('batches')
    .values({
      id: BATCH,
      jurisdiction_id: jurisdictionId,
      year: 2027,
      title: '测试县2027年民生实事项目',
      phase: 'collection',
      collection_closes_at: '2099-01-31T16:00:00Z',
    })
    .execute();
  api = await startTestApi(db, { signIn: ['coordinator', 'township', 'deputy', 'official'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

const as = (username: string) => api.as(username);
const storedPolicy = async (id: string) =>
  (await testDb.db.selectFrom('jurisdictions').select('policy').where('id', '=', id).executeTakeFirstOrThrow()).policy;

describe('policy parameters', () => {
  it('lists my jurisdiction and its townships with every parameter, defaults filled in', async () => {
    const res = await request(app).get('/api/policies').set(as('coordinator')).expect(200);
    expect(res.body.map((p: { id: string }) => p.id)).toEqual([jurisdictionId, TOWNSHIP]);
    expect(res.body[0].batch).toMatchObject({
      candidatePublicityWorkingDays: 7,
      resultPublicityWorkingDays: 5,
      election: { competitionPercent: 20 },
    });
    expect(res.body[0].project).toMatchObject({ supervisionGroup: { min: 3, max: 5 }, rectificationMonths: 3 });
    const township = await request(app).get('/api/policies').set(as('township')).expect(200);
    expect(township.body.map((p: { id: string }) => p.id)).toEqual([TOWNSHIP]);
  });

  it('stores a township’s longer publicity, with who changed what from what in the audit log', async () => {
    const current = (await request(app).get(`/api/policies/${TOWNSHIP}`).set(as('coordinator')).expect(200)).body;
    const res = await request(app)
      .put(`/api/policies/${TOWNSHIP}`)
      .set(as('coordinator'))
      .send({
        batch: {
          ...current.batch,
          candidatePublicityWorkingDays: 10,
          election: { ...current.batch.election, competitionPercent: 25 },
        },
        project: { ...current.project, findingResponseWorkingDays: 15 },
      })
      .expect(200);
    expect(res.body.batch).toMatchObject({ candidatePublicityWorkingDays: 10, election: { competitionPercent: 25 } });
    // What a batch opened now loads (activities/batches.ts loadBatchPolicy reads the same column).
    const stored = await storedPolicy(TOWNSHIP);
    expect(batchPolicyOf(stored).candidatePublicityWorkingDays).toBe(10);
    expect(stored).toMatchObject({ project: { findingResponseWorkingDays: 15 } });
    const audit = await testDb.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'policy.changed')
      .execute();
    expect(audit).toMatchObject([
      {
        actor_user_id: 'coordinator',
        subject: `policy:${TOWNSHIP}`,
        detail: {
          before: { batch: { candidatePublicityWorkingDays: 7 } },
          after: { batch: { candidatePublicityWorkingDays: 10 }, project: { findingResponseWorkingDays: 15 } },
        },
      },
    ]);
  });

  it('refuses values below the floors, naming each field, and stores nothing', async () => {
    const before = await storedPolicy(jurisdictionId);
    const res = await request(app)
      .put(`/api/policies/${jurisdictionId}`)
      .set(as('coordinator'))
      .send({
        batch: {
          candidatePublicityWorkingDays: 6,
          resultPublicityWorkingDays: 4,
          election: { competitionPercent: 19 },
        },
        project: { supervisionGroup: { min: 6, max: 5 }, rectificationMonths: 6, postEvaluationAfterMonths: 6 },
      })
      .expect(400);
    expect(res.body.errors).toEqual({
      'batch.candidatePublicityWorkingDays': 'candidate publicity lasts at least 7 working days',
      'batch.resultPublicityWorkingDays': 'results are published for at least 5 working days',
      'batch.election.competitionPercent': 'candidates must exceed seats by at least 20%',
      'project.supervisionGroup': 'the supervision group minimum must not exceed its maximum',
      'project.rectificationMonths': 'rectification is reported within 3 months at most',
      'project.postEvaluationAfterMonths': 'post-evaluation comes after at least 12 months in use',
    });
    expect(await storedPolicy(jurisdictionId)).toEqual(before);
  });

  it('keeps the floors whatever reaches a workflow: a stored value below them does not load', () => {
    expect(() => batchPolicyOf({ candidatePublicityWorkingDays: 3 })).toThrow(/at least 7 working days/);
    expect(() => batchPolicyOf({ election: { competitionPercent: 10 } })).toThrow(/at least 20%/);
  });

  it('refuses the county’s policy to a township, and policies to anyone but the office', async () => {
    await request(app)
      .put(`/api/policies/${jurisdictionId}`)
      .set(as('township'))
      .send({ batch: {}, project: {} })
      .expect(404);
    await request(app).get(`/api/policies/${jurisdictionId}`).set(as('township')).expect(404);
    await request(app).get('/api/policies').set(as('deputy')).expect(403);
    await request(app)
      .put(`/api/policies/${TOWNSHIP}`)
      .set(as('official'))
      .send({ batch: {}, project: {} })
      .expect(403);
  });
});

describe('offline entries', () => {
  it('records a suggestion received by letter with its proposer, and refuses one without a way to answer', async () => {
    const entry = {
      key: 'letter-000000001',
      title: '东街路灯不亮',
      description: '来信反映东街路灯坏了三个月',
      category: 'transport',
      location: '东街',
      channel: 'letter',
      proposer: { name: '赵大娘', contact: '13800000009' },
    };
    const res = await request(app)
      .post(`/api/batches/${BATCH}/suggestions`)
      .set(as('coordinator'))
      .send(entry)
      .expect(201);
    expect(res.body).toMatchObject({ channel: 'letter', title: '东街路灯不亮' });
    const proposers = await testDb.db
      .selectFrom('suggestion_proposers')
      .selectAll()
      .where('suggestion_id', '=', res.body.id)
      .execute();
    expect(proposers).toMatchObject([{ kind: 'public', name: '赵大娘', contact: '13800000009' }]);
    const noContact = await request(app)
      .post(`/api/batches/${BATCH}/suggestions`)
      .set(as('coordinator'))
      .send({ ...entry, key: 'letter-000000002', proposer: { name: '匿名' } })
      .expect(422);
    expect(noContact.body.message).toMatch(/proposer\.contact/);
    const letterByDeputy = await request(app)
      .post(`/api/batches/${BATCH}/suggestions`)
      .set(as('deputy'))
      .send({ ...entry, key: 'letter-000000003' })
      .expect(403);
    expect(letterByDeputy.body.message).toMatch(/only a coordinator/);
  });
});

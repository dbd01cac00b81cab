import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/testApi';

// API → PostgreSQL, real: a resident who commented or proposed reads the office's answer by the receipt code
// they were given (docs/domain.md, "Candidate publicity" and "Screening"), and nothing that names anyone.
const PASSWORD = 'correct horse battery';
const COLLECTING = `batch-${jurisdictionId}-2027`;
const PUBLICITY = `batch-${jurisdictionId}-2026`;
const codeShape = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

let testDb: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
  await testDb.db
    .insertInto('batches')
    .values([
      {
        id: COLLECTING,
        jurisdiction_id: jurisdictionId,
        year: 2027,
        title: '测试县2027年民生实事项目',
        phase: 'collection',
      },
      {
        id: PUBLICITY,
        jurisdiction_id: jurisdictionId,
        year: 2026,
        title: '测试县2026年民生实事项目',
        phase: 'candidatePublicity',
      },
    ])
    .execute();
  api = await startTestApi(testDb.db, { signIn: ['coordinator'], password: PASSWORD });
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

const suggest = (key: string, title: string) =>
  request(api.app)
    .post(`/api/public/batches/${COLLECTING}/suggestions`)
    .send({
      key,
      title,
      description: '上下学高峰车多，孩子过马路危险',
      category: 'transport',
      location: '西街小学',
      proposer: { name: '王女士', contact: '13900001234' },
    });
const lookUp = (code: string) => request(api.app).get(`/api/public/receipts/${encodeURIComponent(code)}`);
const setPhase = (phase: 'screening' | 'candidatePublicity') =>
  testDb.db.updateTable('batches').set({ phase }).where('id', '=', COLLECTING).execute();

describe('receipt codes', () => {
  it('give a proposer their suggestion’s outcome and reason once screening has ended, merged or not', async () => {
    const submitted = await suggest('receipt-form-0001', '西街小学门口增设红绿灯').expect(201);
    const code = submitted.body.receiptCode as string;
    expect(code).toMatch(codeShape);
    // A retried submit shows the same code.
    expect((await suggest('receipt-form-0001', '西街小学门口增设红绿灯').expect(200)).body.receiptCode).toBe(code);
    const duplicate = await suggest('receipt-form-0002', '西街小学路口装红绿灯').expect(201);
    expect(duplicate.body.receiptCode).not.toBe(code);

    // Read back forgivingly: lower case, without the dashes.
    const pending = await lookUp(code.replace(/-/g, '').toLowerCase()).expect(200);
    expect(pending.body).toEqual({
      receiptCode: code,
      kind: 'suggestion',
      batch: { id: COLLECTING, title: '测试县2027年民生实事项目' },
      submittedAt: expect.any(String),
      subject: '西街小学门口增设红绿灯',
      status: 'underReview',
      adopted: null,
      answer: null,
      mergedInto: null,
    });
    expect(JSON.stringify(pending.body)).not.toMatch(/王女士|13900001234/);

    // Reviewed but screening still under way: the outcome can change, so the proposer is not told yet.
    await testDb.db
      .updateTable('suggestions')
      .set({ outcome: 'rejected', outcome_reason: '已纳入市政道路改造计划，明年实施' })
      .where('id', '=', submitted.body.id)
      .execute();
    await testDb.db
      .updateTable('suggestions')
      .set({ merged_into_id: submitted.body.id })
      .where('id', '=', duplicate.body.id)
      .execute();
    await setPhase('screening');
    expect((await lookUp(code).expect(200)).body.status).toBe('underReview');

    await setPhase('candidatePublicity');
    const told = await lookUp(code).expect(200);
    expect(told.body).toMatchObject({
      status: 'rejected',
      answer: '已纳入市政道路改造计划，明年实施',
      mergedInto: null,
    });
    const merged = await lookUp(duplicate.body.receiptCode).expect(200);
    expect(merged.body).toMatchObject({
      subject: '西街小学路口装红绿灯',
      status: 'rejected',
      answer: '已纳入市政道路改造计划，明年实施',
      mergedInto: '西街小学门口增设红绿灯',
    });
  });

  it('give a commenter the office’s answer, and whether the comment was adopted', async () => {
    const submitted = await request(api.app)
      .post(`/api/public/batches/${PUBLICITY}/comments`)
      .send({ key: 'receipt-comment-0001', authorName: '李先生', contact: '13700001111', body: '建议先修东街' })
      .expect(201);
    const code = submitted.body.receiptCode as string;
    expect(code).toMatch(codeShape);
    const waiting = await lookUp(code).expect(200);
    expect(waiting.body).toMatchObject({ kind: 'comment', subject: null, status: 'awaitingAnswer', answer: null });
    expect(JSON.stringify(waiting.body)).not.toMatch(/李先生|13700001111/);

    await request(api.app)
      .post(`/api/publicity-comments/${submitted.body.id}/respond`)
      .set(api.as('coordinator'))
      .send({ adopted: true, response: '已采纳，东街列入第一批' })
      .expect(200);
    const answered = await lookUp(code).expect(200);
    expect(answered.body).toMatchObject({
      kind: 'comment',
      batch: { id: PUBLICITY },
      status: 'answered',
      adopted: true,
      answer: '已采纳，东街列入第一批',
    });
  });

  it('answer an unknown code with a 404 and a malformed one with a 400, each saying what to check', async () => {
    const unknown = await lookUp('ZZZZ-ZZZZ-ZZZZ').expect(404);
    expect(unknown.body.message).toMatch(/receipt code ZZZZ-ZZZZ-ZZZZ: check it against your receipt/);
    const malformed = await lookUp('not-a-code!').expect(400);
    expect(malformed.body.message).toMatch(/12 letters and digits/);
  });

  it('are looked up a limited number of times per address, so codes cannot be tried in bulk', async () => {
    // The count is kept in the database for every API process alike: the lookups above counted too.
    await testDb.db.deleteFrom('rate_limit_windows').execute();
    const limited = await startTestApi(testDb.db, {
      deps: { publicLookupLimit: { windowMinutes: 10, perAddress: 2 } },
    });
    try {
      await request(limited.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ1').expect(404);
      await request(limited.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ2').expect(404);
      const refused = await request(limited.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ3').expect(429);
      expect(refused.body.message).toMatch(/too many receipt code lookups/);
    } finally {
      await limited.close();
    }
  });
});

import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../db/passwords';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedPeople } from '../../support/fixtures';
import { startTestApi, type TestApi } from '../../support/testApi';

// API → PostgreSQL, real: the per-address limits counted in rate_limit_windows, so that several API processes
// (API_PROCESSES) or replicas on one database share one limit. Two createApp instances stand for two processes:
// with the in-memory store each allowed the whole limit.
const PASSWORD = 'correct horse battery';
const FORM = '/api/public/batches/batch-test-county-2027/suggestions';

let testDb: TestDatabase;
const apis: TestApi[] = [];

const twoProcesses = async (deps: Parameters<typeof startTestApi>[1]) => {
  const pair = [await startTestApi(testDb.db, deps), await startTestApi(testDb.db, deps)] as const;
  apis.push(...pair);
  return pair;
};
/** A limiter's key for this test's client: supertest connects over loopback (IPv4, or IPv4 in IPv6). */
const keyHere = (limiter: string) => expect.stringMatching(new RegExp(`^${limiter}:(::ffff:)?127\\.0\\.0\\.1$`));
const windows = () => testDb.db.selectFrom('rate_limit_windows').select(['key', 'hits']).orderBy('key').execute();

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
});

// Every test counts from the same loopback address.
beforeEach(async () => {
  await testDb.db.deleteFrom('rate_limit_windows').execute();
});

afterAll(async () => {
  for (const api of apis) await api.close();
  await testDb?.drop();
});

describe('per-address limits shared by every API process', () => {
  it('refuse the submission after the limit whichever process counted the earlier ones', async () => {
    const [a, b] = await twoProcesses({ deps: { publicFormLimit: { windowMinutes: 60, perAddress: 3 } } });
    for (const app of [a, b, a]) expect((await request(app.app).post(FORM).send({ key: 'x' })).status).not.toBe(429);
    const refused = await request(b.app).post(FORM).send({ key: 'x' }).expect(429);
    expect(refused.body.message).toBe('too many suggestions from this address; try again in 60 minutes');
    expect((await request(a.app).post(FORM).send({ key: 'x' })).status).toBe(429);
    // Each form and each limiter keeps its own count for the address.
    const comments = await request(a.app).post('/api/public/batches/batch-test-county-2027/comments').send({});
    expect(comments.status).not.toBe(429);
    expect(await windows()).toEqual([
      { key: keyHere('comments'), hits: 1 },
      { key: keyHere('suggestions'), hits: 5 },
    ]);
  });

  it('count submissions arriving at once exactly: no two processes read the same count', async () => {
    const [a, b] = await twoProcesses({ deps: { publicFormLimit: { windowMinutes: 60, perAddress: 5 } } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request((i % 2 ? a : b).app)
          .post(FORM)
          .send({ key: 'x' }),
      ),
    );
    expect(answers.filter((r) => r.status !== 429)).toHaveLength(5);
    expect(await windows()).toEqual([{ key: keyHere('suggestions'), hits: 12 }]);
  });

  it('start a new window once the old one has ended, and delete ended windows of other addresses', async () => {
    const [a, b] = await twoProcesses({ deps: { publicLookupLimit: { windowMinutes: 10, perAddress: 1 } } });
    await request(a.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ1').expect(404);
    await request(b.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ2').expect(429);
    // The window ends (as ten minutes would make it), and another address's window ended long ago.
    await testDb.db
      .updateTable('rate_limit_windows')
      .set({ reset_at: sql<Date>`now() - interval '1 second'` })
      .execute();
    await testDb.db
      .insertInto('rate_limit_windows')
      .values({ key: 'suggestions:203.0.113.9', hits: 4, reset_at: sql<Date>`now() - interval '2 hours'` })
      .execute();
    const [c] = await twoProcesses({ deps: { publicLookupLimit: { windowMinutes: 10, perAddress: 1 } } });
    await request(c.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ3').expect(404);
    expect(await windows()).toEqual([{ key: keyHere('receipt-lookups'), hits: 1 }]);
    const { rows } = await sql<{ ends_in: number }>`
      select extract(epoch from reset_at - now())::int as ends_in from rate_limit_windows`.execute(testDb.db);
    expect(rows[0]!.ends_in).toBeGreaterThan(9 * 60);
    await request(a.app).get('/api/public/receipts/ZZZZ-ZZZZ-ZZZ4').expect(429);
  });

  it('take a successful sign-in back off the count, so only failures from the address are limited', async () => {
    const throttle = { failuresBeforeLockout: 100, lockoutMinutes: 15, failuresPerAddress: 2 };
    const [a, b] = await twoProcesses({ deps: { loginThrottle: throttle } });
    const login = (app: TestApi, username: string, password: string) =>
      request(app.app).post('/api/auth/login').send({ username, password });
    for (const app of [a, b, a, b]) expect((await login(app, 'coordinator', PASSWORD)).status).toBe(200);
    // The hit is taken back once the response has gone out, so the last one may still be on its way.
    await expect.poll(windows, { timeout: 10_000 }).toEqual([{ key: keyHere('login'), hits: 0 }]);
    expect((await login(a, 'nobody-1', 'wrong password')).status).toBe(401);
    expect((await login(b, 'nobody-2', 'wrong password')).status).toBe(401);
    const refused = await login(a, 'coordinator', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toBe('too many failed sign-ins from this address; try again in 15 minutes');
  });
});

import { testDataConverter } from '../support/payloadKey';
import { createServer, type Server } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { issueToken } from '../../api/security/sessions';
import { apiTemporalConnectionOptions, TEMPORAL_REQUEST_LIMIT_MS } from '../../api/http/temporalDeadline';
import { createDb } from '../../db/connection';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedPeople } from '../support/fixtures';

// What a load balancer and a person see while PostgreSQL or Temporal is away: a 503 with a retry hint
// within seconds, never a 500 or a request left hanging.
const tokens = createTokenSigner('x'.repeat(32));
let testDb: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db);
  connection = await Connection.connect({ address: inject('temporalAddress') });
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

const appWith = (deps: Partial<Parameters<typeof createApp>[0]>) =>
  createApp({
    db: testDb.db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens,
    taskQueue: 'readiness',
    temporalUiUrl: 'http://127.0.0.1:8233',
    ...deps,
  });

describe('readiness', () => {
  it('is ready when PostgreSQL and Temporal both answer', async () => {
    const res = await request(appWith({})).get('/api/ready').expect(200);
    expect(res.body).toEqual({ ok: true, postgres: 'up', temporal: 'up' });
  });

  it('answers 503 with Retry-After, naming the dependency, when PostgreSQL is away; a list answers 503 too', async () => {
    // Port 1 on loopback: nothing listens, connections are refused at once.
    const deadDb = createDb('postgres://postgres:postgres@127.0.0.1:1/none', 1);
    try {
      const app = appWith({ db: deadDb });
      const ready = await request(app).get('/api/ready').expect(503);
      expect(ready.headers['retry-after']).toBe('5');
      expect(ready.body).toMatchObject({ ok: false, postgres: 'down', temporal: 'up' });

      const user = await testDb.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', 'coordinator')
        .executeTakeFirstOrThrow();
      const token = await issueToken(testDb.db, tokens, {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        roles: user.roles,
        jurisdictionId: user.jurisdiction_id,
        departmentId: user.department_id,
      });
      const list = await request(app).get('/api/batches').set('Authorization', `Bearer ${token}`).expect(503);
      expect(list.headers['retry-after']).toBe('5');
      expect(list.body.message).toMatch(/try again in 5 seconds/);
    } finally {
      await deadDb.destroy();
    }
  });

  it('answers 503 within its two-second limit when Temporal is away', async () => {
    const away = await Connection.connect({ address: '127.0.0.1:1', connectTimeout: 100 }).catch(() =>
      Connection.lazy({ address: '127.0.0.1:1' }),
    );
    const started = Date.now();
    const res = await request(appWith({ temporal: new Client({ connection: away }) }))
      .get('/api/ready')
      .expect(503);
    expect(res.body).toMatchObject({ ok: false, postgres: 'up', temporal: 'down' });
    expect(Date.now() - started).toBeLessThan(10_000);
    // Not closed: the SDK's retry interceptor still has attempts scheduled on this channel after the probe
    // gave up, and an attempt on a closed channel throws outside any request ("Channel has been shut down").
  });

  it('answers a decision with 503 and Retry-After in well under the SDK’s twenty seconds of retries when Temporal refuses connections', async () => {
    // Not closed, for the same reason.
    const away = Connection.lazy(apiTemporalConnectionOptions('127.0.0.1:1'));
    const started = Date.now();
    const res = await request(appWith({ temporal: new Client({ connection: away }) }))
      .post('/api/tasks')
      .set('Authorization', `Bearer ${await coordinatorToken()}`)
      .send(instruction('deadline-refused-01'));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await testDb.db.selectFrom('tasks').selectAll().execute()).toEqual([]);
  });

  it('answers 503 by the request’s deadline when Temporal accepts the connection and then says nothing', async () => {
    // A listener that never speaks HTTP/2: every call to it would wait for ever without a deadline.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const mute = Connection.lazy(apiTemporalConnectionOptions(`127.0.0.1:${port}`));
    try {
      const started = Date.now();
      const res = await request(appWith({ temporal: new Client({ connection: mute }) }))
        .post('/api/tasks')
        .set('Authorization', `Bearer ${await coordinatorToken()}`)
        .send(instruction('deadline-silent-01'))
        .timeout(TEMPORAL_REQUEST_LIMIT_MS + 5_000);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(Date.now() - started).toBeLessThan(TEMPORAL_REQUEST_LIMIT_MS + 3_000);
    } finally {
      // The connection is not closed, for the same reason.
      silent.close();
    }
  });
});

const instruction = (key: string) => ({
  key,
  kind: 'instruction',
  title: '核查县道X012路面坑洼',
  assignee: { kind: 'department', departmentId: 'dept-roads' },
  due: { kind: 'workingDays', days: 3 },
});

async function coordinatorToken(): Promise<string> {
  const user = await testDb.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  return issueToken(testDb.db, tokens, {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles,
    jurisdictionId: user.jurisdiction_id,
    departmentId: user.department_id,
  });
}

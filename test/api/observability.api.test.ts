import { testDataConverter } from '../support/payloadKey';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { hashPassword } from '../../db/passwords';
import { createTokenSigner } from '../../api/auth/tokens';
import { createApiMetrics } from '../../api/observability/metrics';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedPeople } from '../support/fixtures';

// The operator's view: one JSON line per request with its id, and metrics by declared route; never a
// password, a token or a ballot.
const PASSWORD = 'correct horse battery';
let testDb: TestDatabase;
let connection: Connection;
const lines: Record<string, unknown>[] = [];
const raw: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
  connection = await Connection.connect({ address: inject('temporalAddress') });
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

function app() {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'info', redact: ['req.headers.authorization'] }, sink);
  const metrics = createApiMetrics();
  const express = createApp({
    db: testDb.db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('x'.repeat(32)),
    taskQueue: 'observability',
    temporalUiUrl: 'http://127.0.0.1:8233',
    observability: { logger, metrics },
  });
  return { express, metrics };
}

describe('logs and metrics', () => {
  it('logs each request once with an id it echoes, and never the password or the token', async () => {
    const { express } = app();
    const login = await request(express)
      .post('/api/auth/login')
      .set('X-Request-Id', 'probe-1')
      .send({ username: 'coordinator', password: PASSWORD })
      .expect(200);
    expect(login.headers['x-request-id']).toBe('probe-1');
    const token = (login.body as { token: string }).token;
    await request(express).get('/api/batches').set('Authorization', `Bearer ${token}`).expect(200);
    await request(express)
      .get('/api/batches/%E0%A4%A')
      .set('X-Request-Id', 'a b')
      .expect((r) => {
        expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      });

    const loginLine = lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'probe-1');
    expect(loginLine).toMatchObject({ req: { method: 'POST', url: '/api/auth/login' }, res: { statusCode: 200 } });
    const all = raw.join('');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(token);
  });

  it('counts requests by declared route, not by id, and does not count ballots cast', async () => {
    const { express, metrics } = app();
    await request(express).get('/api/batches/batch-x-1').expect(401);
    await request(express).post('/api/vote-sessions/s-1/ballots').send({}).expect(401);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/livelihood_api_requests_total\{method="GET",route="\/api\/batches\/:id",status="4xx"\} 1/);
    expect(text).not.toContain('batch-x-1');
    expect(text).not.toContain('ballots');
  });
});

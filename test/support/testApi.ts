import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import type { Kysely } from 'kysely';
import request from 'supertest';
import { expect, inject } from 'vitest';
import { type AppDeps, createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import type { Database } from '../../db/schema';
import { testDataConverter } from './payloadKey';

export interface TestApi {
  app: Express;
  /** The bearer header of someone signed in by `startTestApi`. */
  as(username: string): { Authorization: string };
  close(): Promise<void>;
}

/**
 * The API as the API tests use it: on a test database, with a real Temporal connection (no worker), and
 * the named people signed in with their password through the real login route.
 */
export async function startTestApi(
  db: Kysely<Database>,
  options: { signIn?: readonly string[]; password?: string; deps?: Partial<AppDeps> } = {},
): Promise<TestApi> {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const app = createApp({
    db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue: 'unused',
    temporalUiUrl: 'http://127.0.0.1:8233',
    ...options.deps,
  });
  const tokens: Record<string, string> = {};
  for (const username of options.signIn ?? []) {
    const res = await request(app).post('/api/auth/login').send({ username, password: options.password });
    expect(res.status, res.body.message).toBe(200);
    tokens[username] = res.body.token as string;
  }
  return {
    app,
    as: (username) => ({ Authorization: `Bearer ${tokens[username]}` }),
    close: () => connection.close(),
  };
}

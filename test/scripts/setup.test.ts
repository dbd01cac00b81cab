import { testDataConverter } from '../support/payloadKey';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { setupCounty, SetupError } from '../../scripts/setup';
import { createTestDatabase, type TestDatabase } from '../support/database';

// `npm run setup -- --county "某某县"` against a real database: a county with an office that can sign in.
let testDb: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  testDb = await createTestDatabase();
  connection = await Connection.connect({ address: inject('temporalAddress') });
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

describe('npm run setup', () => {
  it('creates the county and an office account whose one-time password must be changed at first sign-in', async () => {
    const { jurisdiction, coordinator } = await setupCounty(testDb.db, { county: '某某县', code: 'moumou' });
    expect(jurisdiction).toEqual({ id: 'moumou', name: '某某县', level: 'county', parent_id: null });
    expect(coordinator.username).toBe('office');
    expect(
      await testDb.db.selectFrom('users').select('id').where('jurisdiction_id', '=', 'moumou').execute(),
    ).toHaveLength(1);

    const app = createApp({
      db: testDb.db,
      temporal: new Client({ connection, dataConverter: testDataConverter }),
      tokens: createTokenSigner('y'.repeat(40)),
      taskQueue: 'unused',
      temporalUiUrl: 'http://127.0.0.1:8233',
    });
    const signIn = await request(app)
      .post('/api/auth/login')
      .send({ username: 'office', password: coordinator.oneTimePassword })
      .expect(200);
    expect(signIn.body.user).toMatchObject({
      roles: ['coordinator'],
      jurisdictionId: 'moumou',
      mustChangePassword: true,
    });
    const auth = { Authorization: `Bearer ${signIn.body.token as string}` };
    await request(app).get('/api/users').set(auth).expect(403);
    await request(app)
      .post('/api/auth/change-password')
      .set(auth)
      .send({ currentPassword: coordinator.oneTimePassword, newPassword: '某某县人大办公室2027' })
      .expect(200);
    const users = await request(app).get('/api/users').set(auth).expect(200);
    expect(users.body.map((u: { username: string }) => u.username)).toEqual(['office']);
  });

  it('runs as a command: prints the office account and its one-time password, and exits 1 on a second run', async () => {
    const run = (county: string) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'scripts/setup.ts', '--county', county, '--code', 'cli-county', '--username', 'cli-office'],
        {
          env: { ...process.env, DATABASE_URL: testDb.url },
        },
      );
    const { stdout } = await run('命令县');
    const password = /One-time password\s+(\S+)/.exec(stdout)?.[1];
    expect(stdout).toContain('Office account   cli-office');
    expect(password).toHaveLength(14);
    const row = await testDb.db
      .selectFrom('users')
      .select(['must_change_password', 'jurisdiction_id'])
      .where('username', '=', 'cli-office')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ must_change_password: true, jurisdiction_id: 'cli-county' });
    await expect(run('命令县')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already set up') });
  });

  it('refuses to set up the same county twice, and a code that cannot be part of a workflow id', async () => {
    await expect(setupCounty(testDb.db, { county: '某某县' })).rejects.toThrow(SetupError);
    await expect(setupCounty(testDb.db, { county: '另一县', code: 'Not A Code' })).rejects.toThrow(/--code/);
    await expect(setupCounty(testDb.db, { county: '另一县', code: 'moumou' })).rejects.toThrow(/taken/);
    const counties = await testDb.db.selectFrom('jurisdictions').select('name').execute();
    expect(counties.map((c) => c.name).sort()).toEqual(['命令县', '某某县'].sort());
  });
});

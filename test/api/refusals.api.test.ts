import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { startTestApi, type TestApi } from '../support/testApi';

// API → PostgreSQL, real: every refusal carries a stable code and params, and its message follows Accept-Language.
const PASSWORD = 'correct horse battery';
const zh = { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' };

let testDb: TestDatabase;
let app: Express;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
  await insertVotedProject(testDb.db, {
    key: 'road',
    batchId: `batch-${jurisdictionId}-2026`,
    year: 2026,
    deadline: '2026-11-30',
  });
  api = await startTestApi(testDb.db, { signIn: ['coordinator', 'deputy'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

describe('refusals by code', () => {
  it('answers a wrong password with its code, in English by default and in Chinese when zh is preferred', async () => {
    const login = { username: 'coordinator', password: 'not the password' };
    const en = await request(app).post('/api/auth/login').send(login);
    expect(en.status).toBe(401);
    expect(en.body).toEqual({ code: 'wrongPassword', params: {}, message: 'the username or password is wrong' });

    const chinese = await request(app).post('/api/auth/login').set(zh).send(login);
    expect(chinese.status).toBe(401);
    expect(chinese.body).toEqual({ code: 'wrongPassword', params: {}, message: '用户名或密码错误' });
  });

  it('names the roles a refused action needs by their Chinese names', async () => {
    const res = await request(app).get('/api/users').set(api.as('deputy')).set(zh);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('rolesRequired');
    expect(res.body.params).toEqual({ roles: ['coordinator'] });
    expect(res.body.message).toBe('只有人大常委会办公室可以执行此操作');
  });

  it('says what was not found in Chinese, with the code and what it looked for', async () => {
    const res = await request(app).get('/api/projects/project-nowhere').set(api.as('coordinator')).set(zh);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'notFound',
      params: { subject: 'project', id: 'project-nowhere' },
      message: '未找到项目“project-nowhere”',
    });
  });

  it('refuses a second batch for a year that has one, naming it, and creates nothing', async () => {
    const res = await request(app)
      .post('/api/batches')
      .set(api.as('coordinator'))
      .set(zh)
      .send({ year: 2026, collectionClosesOn: '2099-01-01' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('batchYearExists');
    expect(res.body.params).toEqual({ year: 2026, title: '2026年', id: `batch-${jurisdictionId}-2026` });
    expect(res.body.message).toBe('2026 年度的批次已经存在（“2026年”），请直接打开它，不能重复创建');
    const batches = await testDb.db.selectFrom('batches').select('id').where('year', '=', 2026).execute();
    expect(batches).toHaveLength(1);
  });

  it('puts a refused new password under its field in the language asked for', async () => {
    const res = await request(app)
      .post('/api/auth/change-password')
      .set(api.as('deputy'))
      .set(zh)
      .send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('passwordTooShort');
    expect(res.body.params).toEqual({ min: 10 });
    expect(res.body.errors).toEqual({ newPassword: '密码至少需要 10 个字符' });
  });

  it('gives invalid input, unknown routes and bad JSON codes too', async () => {
    const invalid = await request(app).post('/api/auth/login').set(zh).send({ username: 'coordinator' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('invalidInput');
    expect(invalid.body.message).toBe('提交的内容不符合要求：password: 无效输入：期望 string，实际接收 undefined');
    expect(invalid.body.errors).toEqual({ password: '无效输入：期望 string，实际接收 undefined' });

    const unknown = await request(app).get('/api/nowhere').set(api.as('coordinator'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'routeNotFound', message: 'GET /api/nowhere was not found' });

    const json = await request(app).post('/api/auth/login').set(zh).set('Content-Type', 'application/json').send('{');
    expect(json.status).toBe(400);
    expect(json.body).toEqual({ code: 'invalidJson', params: {}, message: '请求内容不是有效的 JSON' });
  });
});

import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBulletinActivities } from '../../activities/bulletins';
import { hashPassword } from '../../db/passwords';
import { readPdf } from '../support/pdfText';
import { startTestApi, type TestApi } from '../support/testApi';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// API → PostgreSQL → pdfkit with the machine's CJK font, real; the PDF is read back as a viewer would.
const PASSWORD = 'correct horse battery';
const BATCH = 'batch-test-county-2026';
const A4 = [0, 0, 595.28, 841.89];

let testDb: TestDatabase;
let app: Express;
let api: TestApi;
let bulletinId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const hash = await hashPassword(PASSWORD);
  await seedPeople(db, hash);
  await db
    .insertInto('jurisdictions')
    .values({ id: 'other-county', name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: 'stranger',
      username: 'stranger',
      display_name: '邻县办公室',
      password_hash: hash,
      roles: ['coordinator'],
      jurisdiction_id: 'other-county',
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
  await insertVotedProject(db, {
    key: 'road',
    batchId: BATCH,
    year: 2026,
    deadline: '2026-11-30',
    title: '县道X012改造',
  });
  await db
    .updateTable('projects')
    .set({ progress_percent: 35, stage: 'construction', warning: 'red', warning_reason: '滞后计划 30 个百分点' })
    .where('id', '=', 'project-road')
    .execute();
  await db
    .insertInto('findings')
    .values({
      id: 'finding-road-1',
      project_id: 'project-road',
      filed_by: 'deputy',
      text: '路面施工围挡缺失，夜间无警示灯',
      photo_ids: [],
      status: 'awaitingResponse',
      filed_at: new Date(Date.UTC(2026, 5, 3, 1, 30)).toISOString(),
    })
    .execute();
  await db
    .insertInto('tasks')
    .values({
      id: 'task-road-report-1',
      owner_workflow_id: 'project-road',
      jurisdiction_id: 'test-county',
      kind: 'progressReport',
      title: '报送进度',
      assignee_kind: 'department',
      assignee_ref: 'dept-roads',
      payload: '{}',
      due_at: new Date(Date.UTC(2026, 5, 5)).toISOString(),
      status: 'done',
      completed_by: 'official',
      completed_at: new Date(Date.UTC(2026, 5, 4, 16, 30)).toISOString(),
      result: JSON.stringify({ percent: 35, stage: 'construction', text: '完成路基开挖两公里', photoIds: [] }),
    })
    .execute();
  // The bulletin as the batch workflow's activity writes it.
  bulletinId = await createBulletinActivities({ db }).writeMonthlyBulletin({
    batchId: BATCH,
    month: '2026-06',
    at: new Date(Date.UTC(2026, 5, 30, 16)).toISOString(),
  });

  api = await startTestApi(db, { signIn: ['coordinator', 'official', 'stranger'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

afterEach(() => {
  delete process.env.REPORT_FONT;
});

const pdf = (path: string, username: string) =>
  request(app)
    .get(`/api/reports/${path}`)
    .set(api.as(username))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

describe('printing a project’s status report', () => {
  it('is an A4 PDF headed by the county’s standing committee, with the project’s facts in Chinese and Beijing time', async () => {
    const res = await pdf('projects/project-road', 'official').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="report-project-road.pdf"');
    const { pages } = readPdf(res.body as Buffer);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect(page.mediaBox).toEqual(A4);
    const text = pages.map((p) => p.text).join('');
    expect(text).toContain('测试县人民代表大会常务委员会');
    expect(text).toContain('县道X012改造实施情况报告');
    for (const fact of [
      '县交通运输局',
      '王副县长',
      '红色预警（滞后计划 30 个百分点）',
      '施工',
      '35%',
      '路面施工围挡缺失',
      '待答复',
    ])
      expect(text).toContain(fact);
    // Reported at 16:30 UTC: past midnight in Beijing, on the next day.
    expect(text).toContain('2026-06-05 00:30');
    expect(text).toContain('完成路基开挖两公里');
    expect(text).toMatch(/第 1 页\s*共 \d+ 页/);
  });

  it('is a 404 for a project of another county, as if it did not exist', async () => {
    const res = await request(app).get('/api/reports/projects/project-road').set(api.as('stranger')).expect(404);
    expect(res.body.message).toMatch(/project "project-road"/);
  });

  it('says which font to install, with a 503, when the machine has no CJK font', async () => {
    process.env.REPORT_FONT = '/nonexistent/font.ttf';
    const res = await request(app).get('/api/reports/projects/project-road').set(api.as('official')).expect(503);
    expect(res.body.message).toMatch(/fonts-noto-cjk/);
    expect(res.body.message).toMatch(/REPORT_FONT/);
  });
});

describe('printing a monthly bulletin', () => {
  it('is an A4 PDF with the jurisdiction’s heading, the bulletin’s title and its table as the workflow wrote them', async () => {
    const res = await pdf(`bulletins/${bulletinId}`, 'coordinator').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages } = readPdf(res.body as Buffer);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect(page.mediaBox).toEqual(A4);
    const text = pages.map((p) => p.text).join('');
    expect(text).toContain('测试县人民代表大会常务委员会');
    expect(text).toContain('2026年 2026-06 月通报');
    for (const cell of ['项目', '责任单位', '县道X012改造', '县交通运输局', '红色预警', '35%'])
      expect(text).toContain(cell);
    expect(text).not.toContain('|---');
  });

  it('is the office’s to print: a department official is refused, another county gets a 404', async () => {
    await request(app).get(`/api/reports/bulletins/${bulletinId}`).set(api.as('official')).expect(403);
    await request(app).get(`/api/reports/bulletins/${bulletinId}`).set(api.as('stranger')).expect(404);
    await request(app).get(`/api/reports/bulletins/${bulletinId}`).expect(401);
  });
});

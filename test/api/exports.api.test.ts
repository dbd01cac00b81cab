import type { Express } from 'express';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { startTestApi, type TestApi } from '../support/testApi';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// API → PostgreSQL, real: the CSV exports read the same rows the lists page through.
const PASSWORD = 'correct horse battery';
const BATCH = `batch-${jurisdictionId}-2027`;
const OTHER_BATCH = 'batch-other-county-2027';
const SUGGESTIONS = 12;

let testDb: TestDatabase;
let app: Express;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db, await hashPassword(PASSWORD));
  await db
    .insertInto('jurisdictions')
    .values({ id: 'other-county', name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('batches')
    .values([
      { id: BATCH, jurisdiction_id: jurisdictionId, year: 2027, title: '测试县2027年民生实事项目', phase: 'screening' },
      {
        id: OTHER_BATCH,
        jurisdiction_id: 'other-county',
        year: 2027,
        title: '邻县2027年民生实事项目',
        phase: 'screening',
      },
    ])
    .execute();
  const suggestion = (i: number, batchId: string, title: string) => ({
    id: `sug-${batchId}-${String(i).padStart(3, '0')}`,
    batch_id: batchId,
    title,
    description: `第${i}条建议`,
    category: i % 2 ? 'transport' : 'education',
    location: '城关镇',
    channel: 'online',
    created_at: new Date(Date.UTC(2027, 0, 1 + i)).toISOString(),
  });
  await db
    .insertInto('suggestions')
    .values([
      ...Array.from({ length: SUGGESTIONS - 2 }, (_, i) => suggestion(i, BATCH, `修缮第${i}号道路`)),
      // Text a spreadsheet would misread: a formula, and a field with a comma, a quote and a line break.
      suggestion(SUGGESTIONS - 2, BATCH, '=HYPERLINK("http://evil.example")'),
      suggestion(SUGGESTIONS - 1, BATCH, '路灯, "夜间" 照明\n改造'),
      suggestion(50, OTHER_BATCH, '邻县的建议'),
    ])
    .execute();
  await db
    .insertInto('tasks')
    .values(
      Array.from({ length: 6 }, (_, i) => ({
        id: `task-export-${i}`,
        owner_workflow_id: null,
        jurisdiction_id: jurisdictionId,
        kind: 'instruction',
        title: `交办事项${i}`,
        assignee_kind: 'department' as const,
        assignee_ref: i < 4 ? 'dept-roads' : 'dept-water',
        payload: '{}',
        due_at: new Date(Date.UTC(2027, 1, 10 - i)).toISOString(),
        status: 'open' as const,
      })),
    )
    .execute();
  await db
    .insertInto('notices')
    .values(
      ['official', 'official', 'official', 'colleague'].map((recipient, i) => ({
        dedupe_key: `export-notice-${i}`,
        recipient_user_id: recipient,
        kind: 'reminder' as const,
        title: `提醒${i}`,
        body: '请按时报送',
        workflow_id: null,
        task_id: null,
        read_at: i === 0 ? new Date().toISOString() : null,
      })),
    )
    .execute();
  await insertVotedProject(db, {
    key: 'export-road',
    batchId: 'batch-test-county-2026',
    year: 2026,
    deadline: '2026-11-30',
    title: '县道改造',
  });

  api = await startTestApi(db, { signIn: ['coordinator', 'official', 'outsider'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

const as = (username: string) => api.as(username);
const query = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]));
const download = (resource: string, username: string, params: Record<string, unknown> = {}) =>
  request(app)
    .get(`/api/exports/${resource}.csv`)
    .query(query(params))
    .set(as(username))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });

const downloadXlsx = (resource: string, username: string, params: Record<string, unknown> = {}) =>
  request(app)
    .get(`/api/exports/${resource}.xlsx`)
    .query(query(params))
    .set(as(username))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

/** Reads back the workbook with exceljs: the first sheet, and each row's cell values by header. */
async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(new Map(header.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return { sheet, header, rows };
}

/** Reads back what the export wrote with a maintained RFC 4180 parser (CRLF rows, quoted fields). */
function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exporting a list as CSV', () => {
  it('writes every suggestion the list matches, in the list’s order, as UTF-8 with a BOM and a header row', async () => {
    const res = await download('suggestions', 'coordinator').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?suggestions\.csv"?$/);
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.slice(0, 4)).toEqual(['编号', '批次', '建议标题', '建议内容']);
    // Another county's suggestion is not in it (the voted project's own suggestion is); the list's default order (newest first) is.
    expect(rows).toHaveLength(SUGGESTIONS + 1);
    const page = await request(app)
      .get('/api/suggestions')
      .query(query({ range: [0, 99] }))
      .set(as('coordinator'))
      .expect(200);
    expect(rows.map((r) => r[0])).toEqual(page.body.map((s: { id: string }) => s.id));
  });

  it('applies the list’s filter and sort', async () => {
    const res = await download('suggestions', 'coordinator', {
      filter: { category: 'education' },
      sort: ['title', 'ASC'],
    }).expect(200);
    const [header, ...rows] = parseCsv((res.body as string).slice(1));
    const category = header!.indexOf('类别');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[category] === '教育')).toBe(true);
    const list = await request(app)
      .get('/api/suggestions')
      .query(query({ filter: { category: 'education' }, sort: ['title', 'ASC'], range: [0, 99] }))
      .set(as('coordinator'));
    expect(rows.map((r) => r[0])).toEqual(list.body.map((s: { id: string }) => s.id));
  });

  it('keeps commas, quotes and line breaks in their field and defuses text a spreadsheet would run as a formula', async () => {
    const res = await download('suggestions', 'coordinator', { filter: { q: '"' } }).expect(200);
    const [header, ...rows] = parseCsv((res.body as string).slice(1));
    const titles = rows.map((r) => r[header!.indexOf('建议标题')]).sort();
    expect(titles).toEqual(['\'=HYPERLINK("http://evil.example")', '路灯, "夜间" 照明\n改造']);
  });

  it('shows each person what their list shows: an official exports the tasks of their department only', async () => {
    const mine = parseCsv(((await download('tasks', 'official').expect(200)).body as string).slice(1));
    expect(mine.slice(1).map((r) => r[0])).toEqual([
      'task-export-3',
      'task-export-2',
      'task-export-1',
      'task-export-0',
    ]);
    const all = parseCsv(((await download('tasks', 'coordinator').expect(200)).body as string).slice(1));
    expect(all).toHaveLength(7);
    const notices = parseCsv(
      ((await download('notices', 'official', { filter: { unread: true } }).expect(200)).body as string).slice(1),
    );
    expect(
      notices
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['提醒1', '提醒2']);
  });

  it('exports candidates, projects and findings, and an empty list as its header alone', async () => {
    const projects = parseCsv(((await download('projects', 'official').expect(200)).body as string).slice(1));
    expect(projects[1]).toEqual(expect.arrayContaining(['project-export-road', '县道改造', '县交通运输局']));
    const candidates = parseCsv(((await download('candidates', 'official').expect(200)).body as string).slice(1));
    expect(candidates.map((r) => r[0])).toEqual(['编号', 'cand-export-road']);
    const findings = parseCsv(((await download('findings', 'official').expect(200)).body as string).slice(1));
    expect(findings).toEqual([
      ['编号', '项目', '提出人', '提出时间', '状态', '轮次', '发现的问题', '责任单位答复', '照片数'],
    ]);
  });

  it('refuses a filter the list does not take with a 400 naming the field, and a caller without a token with a 401', async () => {
    const bad = await request(app)
      .get('/api/exports/suggestions.csv')
      .query(query({ filter: { outcome: 'maybe' } }))
      .set(as('coordinator'))
      .expect(400);
    expect(bad.body.message).toMatch(/invalid request/);
    expect(Object.keys(bad.body.errors)).toEqual(['filter.outcome']);
    await request(app).get('/api/exports/suggestions.csv').expect(401);
  });
});

describe('an export written for a Chinese office', () => {
  it('names batches, categories, channels and outcomes in words and writes times in Beijing time', async () => {
    const [header, ...rows] = parseCsv(
      ((await download('suggestions', 'coordinator').expect(200)).body as string).slice(1),
    );
    const first = rows.find((r) => r[0] === `sug-${BATCH}-000`)!;
    const cell = (name: string) => first[header!.indexOf(name)];
    expect(cell('批次')).toBe('测试县2027年民生实事项目');
    expect(cell('类别')).toBe('教育');
    expect(cell('征集渠道')).toBe('网上征集');
    expect(cell('审查结果')).toBe('尚未审查');
    // Stored as 2027-01-01T00:00Z: an office in Beijing saw it arrive at eight in the morning.
    expect(cell('提交时间')).toBe('2027-01-01 08:00');
  });

  it('writes a task’s kind, status, escalation and assignee as the console shows them, its deadline in Beijing time', async () => {
    const [header, ...rows] = parseCsv(((await download('tasks', 'coordinator').expect(200)).body as string).slice(1));
    const task = rows.find((r) => r[0] === 'task-export-0')!;
    const cell = (name: string) => task[header!.indexOf(name)];
    expect([cell('类型'), cell('状态'), cell('升级情况'), cell('承办人')]).toEqual([
      '交办事项',
      '待办',
      '未升级',
      '县交通运输局',
    ]);
    expect(cell('办理期限')).toBe('2027-02-10 08:00');
    expect(header).not.toContain('due_at');
  });

  it('writes the same rows as an XLSX workbook with Chinese headers, words for codes, number cells and Beijing-time dates', async () => {
    const res = await downloadXlsx('tasks', 'coordinator').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?tasks\.xlsx"?$/);
    const { sheet, header, rows } = await readXlsx(res.body as Buffer);
    expect(sheet.name).toBe('任务');
    expect(header.slice(0, 4)).toEqual(['编号', '任务', '类型', '状态']);
    const csv = parseCsv(((await download('tasks', 'coordinator').expect(200)).body as string).slice(1));
    expect(rows.map((r) => r.get('编号')!.value)).toEqual(csv.slice(1).map((r) => r[0]));
    const task = rows.find((r) => r.get('编号')!.value === 'task-export-0')!;
    expect(task.get('类型')!.value).toBe('交办事项');
    // Excel has no time zones: the cell holds Beijing's wall clock, 08:00 for 00:00 UTC.
    const due = task.get('办理期限')!;
    expect(due.value).toEqual(new Date(Date.UTC(2027, 1, 10, 8, 0)));
    expect(due.numFmt).toBe('yyyy-mm-dd hh:mm');

    const projects = await readXlsx((await downloadXlsx('projects', 'official').expect(200)).body as Buffer);
    const road = projects.rows.find((r) => r.get('编号')!.value === 'project-export-road')!;
    expect(road.get('批次')!.value).toBe('2026年');
    expect(road.get('预算（元）')!.value).toBe(1_000_000);
    expect(road.get('预算（元）')!.numFmt).toBe('#,##0');
    expect([road.get('状态')!.value, road.get('所处阶段')!.value, road.get('预警')!.value]).toEqual([
      '实施中',
      '筹备',
      '无预警',
    ]);
  });

  it('refuses a bad filter on an XLSX export with a 400 naming the field and writes no file', async () => {
    const bad = await request(app)
      .get('/api/exports/projects.xlsx')
      .query(query({ filter: { warning: 'purple' } }))
      .set(as('coordinator'))
      .expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(['filter.warning']);
    expect(bad.headers['content-disposition']).toBeUndefined();
    await request(app).get('/api/exports/projects.xlsx').expect(401);
  });
});

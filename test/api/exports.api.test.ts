import type { Express } from 'express';
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
    expect(header!.slice(0, 4)).toEqual(['id', 'batch_id', 'title', 'description']);
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
    const category = header!.indexOf('category');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[category] === 'education')).toBe(true);
    const list = await request(app)
      .get('/api/suggestions')
      .query(query({ filter: { category: 'education' }, sort: ['title', 'ASC'], range: [0, 99] }))
      .set(as('coordinator'));
    expect(rows.map((r) => r[0])).toEqual(list.body.map((s: { id: string }) => s.id));
  });

  it('keeps commas, quotes and line breaks in their field and defuses text a spreadsheet would run as a formula', async () => {
    const res = await download('suggestions', 'coordinator', { filter: { q: '"' } }).expect(200);
    const [header, ...rows] = parseCsv((res.body as string).slice(1));
    const titles = rows.map((r) => r[header!.indexOf('title')]).sort();
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
    expect(candidates.map((r) => r[0])).toEqual(['id', 'cand-export-road']);
    const findings = parseCsv(((await download('findings', 'official').expect(200)).body as string).slice(1));
    expect(findings).toEqual([
      [
        'id',
        'project_id',
        'project_title',
        'filed_by_name',
        'filed_at',
        'status',
        'round',
        'text',
        'response',
        'photo_ids',
      ],
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

import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { addDays, chinaDay, weekdayOf } from '../../domain/workingDays';
import { startTestApi, type TestApi } from '../support/testApi';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// API → PostgreSQL, real; no batch workflow runs, so the open batches come from their rows.
const PASSWORD = 'correct horse battery';
const COLLECTING = `batch-${jurisdictionId}-2028`;
const IMPLEMENTING = `batch-${jurisdictionId}-2027`;
const CLOSED = `batch-${jurisdictionId}-2025`;
const DAY = 86_400_000;

let testDb: TestDatabase;
let app: Express;
let api: TestApi;
const today = chinaDay(new Date());
const thisMonday = addDays(today, -((weekdayOf(today) + 6) % 7));

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db, await hashPassword(PASSWORD));
  await db
    .insertInto('jurisdictions')
    .values({ id: 'other-county', name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  const deadline = new Date(Date.now() + 5 * DAY);
  await db
    .insertInto('batches')
    .values([
      {
        id: COLLECTING,
        jurisdiction_id: jurisdictionId,
        year: 2028,
        title: '2028年',
        phase: 'collection',
        next_deadline_at: deadline,
        next_deadline_label: '征集截止',
      },
      { id: CLOSED, jurisdiction_id: jurisdictionId, year: 2025, title: '2025年', phase: 'closed' },
      {
        id: 'batch-other-county-2028',
        jurisdiction_id: 'other-county',
        year: 2028,
        title: '邻县2028年',
        phase: 'collection',
      },
    ])
    .execute();
  await db
    .insertInto('suggestions')
    .values(
      ['a', 'b', 'c'].map((k) => ({
        id: `sug-dash-${k}`,
        batch_id: COLLECTING,
        title: k,
        description: k,
        category: 'transport',
        location: '城关镇',
        channel: 'online',
      })),
    )
    .execute();

  // Four projects under way, one accepted, and one of a closed batch whose red no longer counts.
  const plan = [
    { stage: 'preparation', plannedStart: addDays(today, -100), plannedEnd: addDays(today, -51) },
    { stage: 'construction', plannedStart: addDays(today, -50), plannedEnd: addDays(today, 49) },
    { stage: 'acceptance', plannedStart: addDays(today, 50), plannedEnd: addDays(today, 60) },
  ];
  const projects = [
    { key: 'red', warning: 'red', progress: 10 },
    { key: 'yellow', warning: 'yellow', progress: 35 },
    { key: 'blue', warning: 'blue', progress: 50 },
    { key: 'fine', warning: 'none', progress: null },
  ] as const;
  for (const p of projects) {
    await insertVotedProject(db, {
      key: p.key,
      batchId: IMPLEMENTING,
      year: 2027,
      deadline: addDays(today, 60),
      title: `项目${p.key}`,
    });
    await db
      .updateTable('projects')
      .set({
        warning: p.warning,
        stage_plan: JSON.stringify(plan),
        ...(p.progress === null ? {} : { progress_percent: p.progress, last_reported_at: new Date().toISOString() }),
      })
      .where('id', '=', `project-${p.key}`)
      .execute();
  }
  await insertVotedProject(db, { key: 'closed', batchId: CLOSED, year: 2025, deadline: '2025-11-30' });
  await db
    .updateTable('projects')
    .set({ warning: 'red', phase: 'closed' })
    .where('id', '=', 'project-closed')
    .execute();

  const task = (id: string, dueAt: Date, overrides: Record<string, unknown> = {}) => ({
    id,
    owner_workflow_id: null,
    jurisdiction_id: jurisdictionId,
    kind: 'progressReport',
    title: `任务${id}`,
    assignee_kind: 'department' as const,
    assignee_ref: 'dept-roads',
    payload: '{}',
    due_at: dueAt.toISOString(),
    status: 'open' as const,
    ...overrides,
  });
  await db
    .insertInto('tasks')
    .values([
      task('late-1', new Date(Date.now() - 3 * DAY), { escalation_level: 2 }),
      task('late-2', new Date(Date.now() - 1 * DAY), { assignee_kind: 'user', assignee_ref: 'official' }),
      task('done-late', new Date(Date.now() - 5 * DAY), { status: 'done' }),
      task('not-due', new Date(Date.now() + 2 * DAY)),
      task('other-late', new Date(Date.now() - 2 * DAY), { jurisdiction_id: 'other-county' }),
    ])
    .execute();

  const event = (action: string, workflowId: string, subject: string, at: Date, detail: Record<string, unknown>) => ({
    dedupe_key: `${action}:${subject}:${at.toISOString()}`,
    actor_user_id: null,
    actor_label: 'system',
    action,
    workflow_id: workflowId,
    subject,
    detail: JSON.stringify(detail),
    at: at.toISOString(),
  });
  const mondayNoon = (weeksAgo: number) => new Date(`${addDays(thisMonday, -7 * weeksAgo)}T04:00:00Z`);
  await db
    .insertInto('audit_events')
    .values([
      event('task.escalated', 'late-1', 'late-1', new Date(Date.now() - 2 * DAY), {
        level: 1,
        to: '包抓领导',
        title: '任务late-1',
      }),
      event('task.escalated', 'late-1', 'late-1', new Date(Date.now() - DAY), {
        level: 2,
        to: '常委会',
        title: '任务late-1',
      }),
      event('task.escalated', 'other-late', 'other-late', new Date(), { level: 1, to: '邻县', title: '邻县的任务' }),
      event('project.warning', 'project-red', 'project-red', mondayNoon(0), { level: 'red', reason: '滞后' }),
      event('project.warning', 'project-yellow', 'project-yellow', mondayNoon(0), { level: 'yellow', reason: '滞后' }),
      event('project.warning', 'project-red', 'project-red', mondayNoon(2), { level: 'yellow', reason: '滞后' }),
      event('project.warning', 'project-blue', 'project-blue', mondayNoon(2), { level: 'blue', reason: '滞后' }),
      event('project.warning', 'project-red', 'project-red', mondayNoon(20), { level: 'blue', reason: '太早' }),
    ])
    .execute();

  api = await startTestApi(db, { signIn: ['coordinator', 'official'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

const as = (username: string) => api.as(username);

describe('the coordinator’s dashboard', () => {
  it('is for coordinators only', async () => {
    await request(app).get('/api/dashboard').set(as('official')).expect(403);
    await request(app).get('/api/dashboard').expect(401);
  });

  it('shows the open batches of the jurisdiction with their next deadline and counts, from the rows when no workflow answers', async () => {
    const { body } = await request(app).get('/api/dashboard').set(as('coordinator')).expect(200);
    expect(Date.parse(body.now)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.openBatches).toEqual([
      {
        id: COLLECTING,
        title: '2028年',
        year: 2028,
        phase: 'collection',
        nextDeadline: { at: expect.any(String), label: '征集截止' },
        candidateCount: 0,
        suggestionCount: 3,
      },
      {
        id: IMPLEMENTING,
        title: '2027年',
        year: 2027,
        phase: 'implementation',
        nextDeadline: null,
        candidateCount: 4,
        suggestionCount: 4,
      },
    ]);
  });

  it('counts the projects not closed by warning and lists those needing attention, red first', async () => {
    const { body } = await request(app).get('/api/dashboard').set(as('coordinator')).expect(200);
    expect(body.warningCounts).toEqual({ red: 1, yellow: 1, blue: 1, none: 1 });
    expect(body.attentionProjects).toEqual([
      {
        id: 'project-red',
        title: '项目red',
        warning: 'red',
        progressPercent: 10,
        deadline: addDays(today, 60),
        departmentName: '县交通运输局',
      },
      {
        id: 'project-yellow',
        title: '项目yellow',
        warning: 'yellow',
        progressPercent: 35,
        deadline: addDays(today, 60),
        departmentName: '县交通运输局',
      },
      {
        id: 'project-blue',
        title: '项目blue',
        warning: 'blue',
        progressPercent: 50,
        deadline: addDays(today, 60),
        departmentName: '县交通运输局',
      },
    ]);
  });

  it('lists open overdue tasks oldest first and the latest escalations, with readable assignees', async () => {
    const { body } = await request(app).get('/api/dashboard').set(as('coordinator')).expect(200);
    expect(body.overdueTasks.total).toBe(2);
    expect(body.overdueTasks.items).toEqual([
      {
        id: 'late-1',
        title: '任务late-1',
        kind: 'progressReport',
        dueAt: expect.any(String),
        assigneeLabel: '县交通运输局',
        escalationLevel: 2,
      },
      {
        id: 'late-2',
        title: '任务late-2',
        kind: 'progressReport',
        dueAt: expect.any(String),
        assigneeLabel: '李科长',
        escalationLevel: 0,
      },
    ]);
    expect(body.recentEscalations).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        taskId: 'late-1',
        title: '任务late-1',
        level: 2,
        assigneeLabel: '县交通运输局',
      },
      {
        id: expect.any(Number),
        at: expect.any(String),
        taskId: 'late-1',
        title: '任务late-1',
        level: 1,
        assigneeLabel: '县交通运输局',
      },
    ]);
  });

  it('charts planned against reported progress, and the warnings raised in each of the last twelve weeks', async () => {
    const { body } = await request(app).get('/api/dashboard').set(as('coordinator')).expect(200);
    // 50 of the construction stage's 100 days have passed: 20 + 70 × 50/100 = 55.
    expect(body.progressByProject).toEqual([
      { id: 'project-red', title: '项目red', plannedPercent: 55, actualPercent: 10, warning: 'red' },
      { id: 'project-yellow', title: '项目yellow', plannedPercent: 55, actualPercent: 35, warning: 'yellow' },
      { id: 'project-blue', title: '项目blue', plannedPercent: 55, actualPercent: 50, warning: 'blue' },
      { id: 'project-fine', title: '项目fine', plannedPercent: 55, actualPercent: null, warning: 'none' },
    ]);
    expect(body.warningsByWeek).toHaveLength(12);
    expect(body.warningsByWeek[11]).toEqual({ week: thisMonday, red: 1, yellow: 1, blue: 0 });
    expect(body.warningsByWeek[9]).toEqual({ week: addDays(thisMonday, -14), red: 0, yellow: 1, blue: 1 });
    expect(body.warningsByWeek[0].week).toBe(addDays(thisMonday, -77));
    const total = body.warningsByWeek.reduce(
      (n: number, w: { red: number; yellow: number; blue: number }) => n + w.red + w.yellow + w.blue,
      0,
    );
    expect(total).toBe(4);
  });
});

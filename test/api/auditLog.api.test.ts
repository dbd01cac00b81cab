import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEvent } from '../../db/auditEvents';
import { hashPassword } from '../../db/passwords';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { startTestApi, type TestApi } from '../support/testApi';

// API → PostgreSQL, real: the audit log names what each event is about and is searched by that name.
const PASSWORD = 'correct horse battery';
const BATCH = `batch-${jurisdictionId}-2026`;

let testDb: TestDatabase;
let app: Express;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db, await hashPassword(PASSWORD));
  await insertVotedProject(db, {
    key: 'road',
    batchId: BATCH,
    year: 2026,
    deadline: '2026-11-30',
    title: '城关大道改造',
  });
  const event = { actorUserId: 'coordinator', actorLabel: '县人大办', subject: null, detail: {} };
  await insertAuditEvent(db, { ...event, dedupeKey: 'a', action: 'project.warning', workflowId: 'project-road' });
  await insertAuditEvent(db, { ...event, dedupeKey: 'b', action: 'notice.escalation', workflowId: BATCH });
  await db
    .insertInto('tasks')
    .values({
      id: 'task-road-report',
      owner_workflow_id: 'project-road',
      jurisdiction_id: jurisdictionId,
      kind: 'instruction',
      title: '报送进度',
      assignee_kind: 'role',
      assignee_ref: `coordinator@${jurisdictionId}`,
      payload: '{}',
      due_at: '2099-01-01T00:00:00Z',
      status: 'open',
    })
    .execute();
  api = await startTestApi(db, { signIn: ['coordinator'], password: PASSWORD });
  app = api.app;
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

describe('the audit log', () => {
  it('names what each event is about by its title', async () => {
    const res = await request(app).get('/api/audit-events').set(api.as('coordinator')).expect(200);
    const byAction = Object.fromEntries(
      (res.body as { action: string; object_title: string | null }[]).map((e) => [e.action, e.object_title]),
    );
    expect(byAction).toMatchObject({ 'project.warning': '城关大道改造', 'notice.escalation': '2026年' });
  });

  it('finds events by part of the name of what they are about, and by action', async () => {
    const byObject = await request(app)
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ object: '大道' }) })
      .set(api.as('coordinator'))
      .expect(200);
    expect((byObject.body as { action: string }[]).map((e) => e.action)).toEqual(['project.warning']);
    const byAction = await request(app)
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ action: 'notice.escalation', actor_user_id: 'coordinator' }) })
      .set(api.as('coordinator'))
      .expect(200);
    expect((byAction.body as { workflow_id: string }[]).map((e) => e.workflow_id)).toEqual([BATCH]);
  });
});

describe('a task', () => {
  it('names the project it belongs to, not its workflow id', async () => {
    const res = await request(app).get('/api/tasks/task-road-report').set(api.as('coordinator')).expect(200);
    expect(res.body).toMatchObject({ owner_workflow_id: 'project-road', owner_title: '城关大道改造' });
  });
});

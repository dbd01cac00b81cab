import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { hashPassword } from '../../db/passwords';
import { searchAttributes, workflowSearchAttributes } from '../../domain/searchAttributes';
import { addDays, chinaDay } from '../../domain/workingDays';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import {
  fileFindingUpdate,
  joinSupervisionGroupUpdate,
  projectStateQuery,
} from '../../workflows/votedProject.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type DevServerWorker, startDevServerWorker } from '../support/devServerWorker';
import { actorOf, eventually, jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// API → Temporal (the run's dev server, or Temporal on PostgreSQL under TEMPORAL_ENGINE=postgres) → visibility.
// The list reads the engine's visibility store, which catches up a moment after a change: the tests poll.
const PASSWORD = 'correct horse battery';
const taskQueue = `search-attributes-test-${process.pid}`;

let testDb: TestDatabase;
let dev: DevServerWorker;
let app: Express;
const tokens: Record<string, string> = {};
const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db, await hashPassword(PASSWORD));
  dev = await startDevServerWorker(testDb.db, taskQueue);
  app = createApp({
    db: testDb.db,
    temporal: dev.temporal,
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue,
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of ['coordinator', 'official', 'deputy']) {
    const res = await request(app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    tokens[username] = res.body.token as string;
  }
});

afterAll(async () => {
  await dev?.stop();
  await testDb?.drop();
});

const running = (query: Record<string, string>) =>
  request(app).get('/api/dashboard/running-projects').query(query).set(as('coordinator'));

describe('search attributes', () => {
  it('starts a batch opened through the API with its batch and jurisdiction, and nothing personal', async () => {
    const year = new Date().getUTCFullYear() + 3;
    const res = await request(app)
      .post('/api/batches')
      .set(as('coordinator'))
      .send({ year, collectionClosesOn: addDays(chinaDay(new Date()), 20) });
    expect([201, 202], JSON.stringify(res.body)).toContain(res.status);
    const batchId = res.body.id as string;
    const described = await dev.temporal.workflow.getHandle(batchId).describe();
    expect(described.typedSearchAttributes.get(searchAttributes.batchId)).toBe(batchId);
    expect(described.typedSearchAttributes.get(searchAttributes.jurisdictionId)).toBe(jurisdictionId);
    expect(described.typedSearchAttributes.get(searchAttributes.projectId)).toBeUndefined();
    await dev.temporal.workflow.getHandle(batchId).terminate('test over');
  });

  it('lists a running project by the warning level its workflow upserted when the warning changed; its tasks carry its ids', async () => {
    const year = new Date().getUTCFullYear();
    const today = chinaDay(new Date());
    const deadline = addDays(today, 60);
    const input = await insertVotedProject(testDb.db, {
      key: 'sa-road',
      batchId: `batch-${jurisdictionId}-${year}`,
      year,
      deadline,
    });
    // As the batch starts its projects (workflows/annualBatch/steps.ts startProjects).
    await dev.temporal.workflow.start(votedProjectWorkflow, {
      taskQueue,
      workflowId: input.projectId,
      args: [input],
      typedSearchAttributes: workflowSearchAttributes({ ...input, warningLevel: 'none' }),
    });
    const handle = dev.temporal.workflow.getHandle(input.projectId);
    const ids = (body: { projects: { id: string }[] }) => body.projects.map((p) => p.id);
    await eventually(async () => {
      const res = await running({});
      return res.status === 200 && ids(res.body).includes(input.projectId) ? res : undefined;
    }, 'the new project in the running list');
    expect((await running({ warningLevel: 'red' })).body.projects).toEqual([]);

    // A plan that has the project two thirds built by today, with nothing reported: far behind, so red.
    const plan = [
      { stage: 'preparation', plannedStart: addDays(today, -120), plannedEnd: addDays(today, -91) },
      { stage: 'construction', plannedStart: addDays(today, -90), plannedEnd: addDays(today, 30) },
      { stage: 'acceptance', plannedStart: addDays(today, 31), plannedEnd: deadline },
    ];
    // The project answers decisions once it has loaded its policy; until then a 409 asks to try again.
    const planned = await eventually(async () => {
      const res = await request(app)
        .put(`/api/projects/${input.projectId}/stage-plan`)
        .set(as('official'))
        .send({ plan });
      return res.status === 409 && /still starting/.test(String(res.body.message)) ? undefined : res;
    }, 'the project to take its plan');
    expect(planned.status, planned.body.message).toBe(200);
    const row = await testDb.db
      .selectFrom('projects')
      .select('warning')
      .where('id', '=', input.projectId)
      .executeTakeFirstOrThrow();
    expect(row.warning).toBe('red');

    const red = await eventually(async () => {
      const res = await running({ warningLevel: 'red' });
      return res.status === 200 && ids(res.body).includes(input.projectId) ? res : undefined;
    }, 'the project in the list of red warnings');
    expect(red.body.projects).toEqual([
      {
        id: input.projectId,
        title: input.title,
        batchId: input.batchId,
        warningLevel: 'red',
        startedAt: expect.any(String),
      },
    ]);
    expect(red.body.truncated).toBe(false);
    const byBatch = await running({ batchId: input.batchId, warningLevel: 'red' });
    expect(ids(byBatch.body)).toEqual([input.projectId]);
    expect(ids((await running({ warningLevel: 'none' })).body)).not.toContain(input.projectId);
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(searchAttributes.warningLevel)).toBe('red');
    expect(described.typedSearchAttributes.get(searchAttributes.projectId)).toBe(input.projectId);

    // A task the project opens (a finding's response) carries the project's ids, found without its history.
    const joined = await request(app)
      .post(`/api/projects/${input.projectId}/supervision-group/join`)
      .set({ ...as('deputy'), 'Idempotency-Key': 'sa-join-0001' });
    expect(joined.status, joined.body.message).toBe(200);
    const filed = await request(app)
      .post(`/api/projects/${input.projectId}/findings`)
      .set(as('deputy'))
      .send({ key: 'sa-finding-0001', text: '路面修补不实' });
    expect(filed.status, filed.body.message).toBe(201);
    const response = await eventually(
      () =>
        testDb.db
          .selectFrom('tasks')
          .select('id')
          .where('owner_workflow_id', '=', input.projectId)
          .where('kind', '=', 'findingResponse')
          .executeTakeFirst(),
      'the finding’s response task',
    );
    const task = (await dev.temporal.workflow.getHandle(response.id).describe()).typedSearchAttributes;
    expect([
      task.get(searchAttributes.projectId),
      task.get(searchAttributes.batchId),
      task.get(searchAttributes.jurisdictionId),
      task.get(searchAttributes.warningLevel),
    ]).toEqual([input.projectId, input.batchId, jurisdictionId, undefined]);
    await dev.temporal.workflow.getHandle(response.id).terminate('test over');
    await handle.terminate('test over');
  });

  it('keeps its attributes when the project hands over to a new run', async () => {
    const year = new Date().getUTCFullYear();
    const input = await insertVotedProject(testDb.db, {
      key: 'sa-handover',
      batchId: `batch-${jurisdictionId}-${year}`,
      year,
      deadline: `${year + 2}-12-31`,
    });
    const handle = await dev.temporal.workflow.start(votedProjectWorkflow, {
      taskQueue,
      workflowId: input.projectId,
      args: [{ ...input, handoverAfterEvents: 40 }],
      typedSearchAttributes: workflowSearchAttributes({ ...input, warningLevel: 'none' }),
    });
    const deputy = await testDb.db.selectFrom('users').selectAll().where('id', '=', 'deputy').executeTakeFirstOrThrow();
    await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: actorOf(deputy) }] });
    // Each finding adds events; past 40 the workflow continues as new at its next step.
    for (let i = 1; i <= 4; i += 1) {
      await handle.executeUpdate(fileFindingUpdate, {
        args: [{ actor: actorOf(deputy), findingId: `finding-sa-handover-${i}`, text: `问题${i}`, photoIds: [] }],
      });
    }
    await eventually(async () => {
      const s = await handle.query(projectStateQuery);
      return s.runs >= 2 ? s : undefined;
    }, 'the hand-over');
    const described = await handle.describe();
    expect(described.runId).not.toBe(handle.firstExecutionRunId);
    expect(described.typedSearchAttributes.get(searchAttributes.projectId)).toBe(input.projectId);
    expect(described.typedSearchAttributes.get(searchAttributes.warningLevel)).toBe('none');
    await handle.terminate('test over');
  });

  it('refuses a warning level or batch id that is not one, and anyone but the office', async () => {
    const bad = await running({ warningLevel: 'purple' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.any(String));
    expect((await running({ batchId: "x' OR '1'='1" })).status).toBe(400);
    const official = await request(app).get('/api/dashboard/running-projects').set(as('official'));
    expect(official.status).toBe(403);
  });
});

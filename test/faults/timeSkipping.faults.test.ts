import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerProcess, type WorkerProcess } from '../../scripts/faults/stack';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import { projectStateQuery } from '../../workflows/votedProject.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { createTimeSkippingEnv } from '../support/timeSkipping';

// Weeks of a voted project need the time-skipping server, which cannot be restarted: here the only fault is
// the worker's death, by SIGKILL, as a week turns, while its report, check and notices are recorded. The
// worker that dies runs with the workflow cache off (WORKER_MAX_CACHED_WORKFLOWS=0): this server never moves
// a task off a dead worker's sticky queue (it lacks ResetStickyTaskQueue).
const DAY = 86_400_000;
const taskQueue = `faults-ts-${process.pid}`;
let env: TestWorkflowEnvironment;
let testDb: TestDatabase;
let worker: WorkerProcess | undefined;
const lines: string[] = [];

const startWorker = () =>
  startWorkerProcess({
    label: 'worker',
    env: {
      DATABASE_URL: testDb.url,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKER_MAX_CACHED_WORKFLOWS: '0',
    },
    log: (line) => lines.push(line),
  });

beforeAll(async () => {
  [env, testDb] = await Promise.all([createTimeSkippingEnv(), createTestDatabase()]);
  await seedPeople(testDb.db);
  worker = await startWorker();
});

afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await testDb?.drop();
});

const rowsOf = (projectId: string, kind: string) =>
  testDb.db
    .selectFrom('tasks')
    .select(['id', 'status', 'escalation_level'])
    .where('owner_workflow_id', '=', projectId)
    .where('kind', '=', kind)
    .execute();

describe('a voted project through worker crashes (time-skipping)', () => {
  it('opens one weekly report, escalates it once per rung, and keeps its cadence through two SIGKILLs', async () => {
    const now = new Date(await env.currentTimeMs());
    const input = await insertVotedProject(testDb.db, {
      key: 'ts-road',
      batchId: `batch-test-county-${now.getUTCFullYear()}`,
      year: now.getUTCFullYear(),
      deadline: `${now.getUTCFullYear() + 2}-10-31`,
    });
    const handle = await env.client.workflow.start(votedProjectWorkflow, {
      taskQueue,
      workflowId: input.projectId,
      args: [{ ...input, handoverAfterEvents: 1_000_000 }],
    });
    await eventually(async () => ((await handle.query(projectStateQuery)).plan ? true : undefined), 'the stage plan');

    for (let week = 1; week <= 3; week++) {
      await env.sleep(7 * DAY);
      await eventually(
        async () => ((await rowsOf(input.projectId, 'progressReport')).length >= 1 ? true : undefined),
        `week ${week}'s report`,
        60_000,
      );
      if (week <= 2) {
        // Dies while the report's notices and the week's supervision check are being recorded.
        await worker!.kill();
        worker = await startWorker();
      }
    }
    // Nobody reports: the first week's report climbs the ladder (leader, then the office) and stays open;
    // only one report is open at a time, so later weeks open no second one.
    const reports = await eventually(
      async () => {
        const rows = await rowsOf(input.projectId, 'progressReport');
        return rows.length === 1 && rows[0]!.escalation_level === 2 ? rows : undefined;
      },
      'the report to reach the top of the ladder',
      60_000,
    ).catch(() => rowsOf(input.projectId, 'progressReport'));
    expect(reports, lines.join('\n')).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'open', escalation_level: 2 });
    const escalations = await testDb.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'task.escalated')
      .where('subject', '=', reports[0]!.id)
      .execute();
    expect(escalations.map((e) => (e.detail as { level: number }).level).sort()).toEqual([1, 2]);
    const opened = await testDb.db
      .selectFrom('audit_events')
      .select('subject')
      .where('action', '=', 'task.opened')
      .where('workflow_id', '=', input.projectId)
      .execute();
    const perTask = new Map<string, number>();
    for (const o of opened) perTask.set(o.subject ?? '', (perTask.get(o.subject ?? '') ?? 0) + 1);
    expect([...perTask.values()].every((n) => n === 1)).toBe(true);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(worker!.alive()).toBe(true);
  }, 240_000);
});

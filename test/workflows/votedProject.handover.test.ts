import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTaskUpdate } from '../../workflows/humanTask.messages';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import {
  fileFindingUpdate,
  joinSupervisionGroupUpdate,
  projectStateQuery,
  type VotedProjectInput,
} from '../../workflows/votedProject.messages';
import { seedBatchPeople } from '../support/batchDriver';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type DevServerWorker, startDevServerWorker } from '../support/devServerWorker';
import { actorOf, eventually, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// Continue-as-new on the real dev server: the time-skipping server cannot follow children across it
// (temporalio/sdk-java#1539), and a hand-over needs no time to pass, only events.
const taskQueue = `project-handover-${process.pid}`;
let testDb: TestDatabase;
let dev: DevServerWorker;
let temporal: Client;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db);
  await seedBatchPeople(testDb.db);
  dev = await startDevServerWorker(testDb.db, taskQueue);
  temporal = dev.temporal;
});

afterAll(async () => {
  await dev?.stop();
  await testDb?.drop();
});

const actor = async (id: string) =>
  actorOf(await testDb.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

describe('voted project hand-over', () => {
  it('continues as new when its history grows, carrying its group, findings and open tasks, whose answers reach the new run', async () => {
    const key = `handover${process.pid}`;
    const base = await insertVotedProject(testDb.db, {
      key,
      batchId: `batch-test-county-h${process.pid}`,
      year: 2090,
      deadline: '2099-12-31',
    });
    const input: VotedProjectInput = { ...base, handoverAfterEvents: 60 };
    const handle = await temporal.workflow.start(votedProjectWorkflow, {
      taskQueue,
      workflowId: input.projectId,
      args: [input],
    });
    const firstRun = handle.firstExecutionRunId;

    // Each decision adds events; past 60 the workflow hands over at its next step.
    for (const id of ['d1', 'd2', 'd3'])
      await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor(id) }] });
    for (let i = 1; i <= 4; i += 1) {
      await handle.executeUpdate(fileFindingUpdate, {
        args: [{ actor: await actor('d1'), findingId: `finding-${key}-${i}`, text: `问题${i}`, photoIds: [] }],
      });
    }
    const carried = await eventually(async () => {
      const s = await handle.query(projectStateQuery);
      return s.runs >= 2 ? s : undefined;
    }, 'the hand-over');
    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(carried.handoverEvents[0]).toBeGreaterThan(60);
    expect(carried.handoverEvents[0]).toBeLessThan(200);
    expect(carried.group.map((m) => m.userId)).toEqual(['d1', 'd2', 'd3']);
    expect(carried.findings).toHaveLength(4);

    // A response task the first run opened is answered now; the new run takes the answer in.
    const open = carried.openTasks.find((t) => t.kind === 'findingResponse')!;
    await temporal.workflow.getHandle(open.taskId).executeUpdate(completeTaskUpdate, {
      args: [{ actor: await actor('official'), result: { response: '已整改' } }],
    });
    const after = await eventually(async () => {
      const s = await handle.query(projectStateQuery);
      return s.findings.find((f) => f.findingId === open.findingId)?.status === 'responded' ? s : undefined;
    }, 'the answer to reach the new run');
    expect(after.openTasks.some((t) => t.taskId === open.taskId)).toBe(false);
    // The state changes first; the row follows when the activity has run.
    const row = await eventually(async () => {
      const r = await testDb.db
        .selectFrom('findings')
        .select(['status', 'response'])
        .where('id', '=', open.findingId!)
        .executeTakeFirstOrThrow();
      return r.status === 'responded' ? r : undefined;
    }, 'the finding row');
    expect(row).toEqual({ status: 'responded', response: '已整改' });

    for (const t of after.openTasks) await temporal.workflow.getHandle(t.taskId).terminate('test finished');
    await handle.terminate('test finished');
  });
});

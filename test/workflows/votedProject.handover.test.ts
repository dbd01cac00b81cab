import type { Client, WorkflowHandle } from '@temporalio/client';
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
import { recordHistory } from '../support/historyJson';
import { insertVotedProject } from '../support/projectFixtures';
import { freePort } from '../support/timeSkipping';

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

/** A run's recording keeps the workflow id the run had, to which its payloads are sealed. */
const recordRun = (handle: WorkflowHandle, label: string) =>
  recordHistory(handle, `votedProject-${handle.workflowId}${label}.json`);

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
    await recordRun(temporal.workflow.getHandle(input.projectId, firstRun), '');

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

  it('hands over while an e-mail cannot be delivered yet, and the next run goes on trying it', async () => {
    // The office's mail server is down: nothing listens where the worker sends mail, so a delivery keeps retrying
    // (workflows/notify.ts) for hours. A run that waited for it before handing over held every answer meanwhile.
    const mailDown = await startDevServerWorker(testDb.db, `${taskQueue}-mail-down`, {
      smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
      timeoutMs: 1_000,
    });
    try {
      await testDb.db.updateTable('users').set({ email: 'd1@deputies.test' }).where('id', '=', 'd1').execute();
      const key = `mail${process.pid}`;
      const base = await insertVotedProject(testDb.db, {
        key,
        batchId: `batch-test-county-m${process.pid}`,
        year: 2091,
        deadline: '2099-12-31',
      });
      const handle = await mailDown.temporal.workflow.start(votedProjectWorkflow, {
        taskQueue: `${taskQueue}-mail-down`,
        workflowId: base.projectId,
        args: [{ ...base, handoverAfterEvents: 60 }],
      });
      await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('d1') }] });
      const findingId = `finding-${key}`;
      await handle.executeUpdate(fileFindingUpdate, {
        args: [{ actor: await actor('d1'), findingId, text: '围挡破损', photoIds: [] }],
      });
      const response = await eventually(async () => {
        const s = await handle.query(projectStateQuery);
        return s.openTasks.find((t) => t.kind === 'findingResponse');
      }, 'the finding to go to the department');
      await mailDown.temporal.workflow.getHandle(response.taskId).executeUpdate(completeTaskUpdate, {
        args: [{ actor: await actor('official'), result: { response: '已修复' } }],
      });
      // The group is told of the answer; its e-mail to d1 fails and is retried.
      const failing = await eventually(async () => {
        const row = await testDb.db
          .selectFrom('notice_deliveries')
          .innerJoin('notices', 'notices.id', 'notice_deliveries.notice_id')
          .select(['notice_deliveries.notice_id', 'notice_deliveries.status', 'notice_deliveries.attempts'])
          .where('notices.workflow_id', '=', base.projectId)
          .where('notices.recipient_user_id', '=', 'd1')
          .where('notice_deliveries.channel', '=', 'email')
          .executeTakeFirst();
        return row && row.attempts > 0 ? row : undefined;
      }, 'the e-mail to d1 to fail once');
      expect(failing.status).toBe('failed');

      // More findings push the history past 60 events: the run hands over with the e-mail still undelivered.
      for (let i = 1; i <= 6; i += 1) {
        const s = await handle.query(projectStateQuery);
        if (s.runs >= 2) break;
        await handle.executeUpdate(fileFindingUpdate, {
          args: [{ actor: await actor('d1'), findingId: `${findingId}-${i}`, text: `问题${i}`, photoIds: [] }],
        });
      }
      const carried = await eventually(async () => {
        const s = await handle.query(projectStateQuery);
        return s.runs >= 2 ? s : undefined;
      }, 'the hand-over, with an e-mail still being retried');
      expect(carried.findings.find((f) => f.findingId === findingId)?.status).toBe('responded');
      // The new run is the one trying the e-mail now.
      const trying = await eventually(async () => {
        const d = await handle.describe();
        const pending = (d.raw.pendingActivities ?? []).filter((a) => a.activityType?.name === 'deliverNotice');
        return pending.length > 0 ? pending : undefined;
      }, 'the new run to go on delivering the e-mail');
      expect(trying).toHaveLength(1);
      const row = await testDb.db
        .selectFrom('notice_deliveries')
        .select('status')
        .where('notice_id', '=', failing.notice_id)
        .where('channel', '=', 'email')
        .executeTakeFirstOrThrow();
      expect(row.status).not.toBe('sent');
      await recordRun(handle, '~carried-deliveries');

      const open = (await handle.query(projectStateQuery)).openTasks;
      for (const t of open) await mailDown.temporal.workflow.getHandle(t.taskId).terminate('test finished');
      await handle.terminate('test finished');
    } finally {
      await mailDown.stop();
    }
  });
});

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPolicyOf } from '../../domain/batchPolicy';
import type { BatchState } from '../../domain/contract/batchWorkflow';
import { chinaDay, startOfChinaDay } from '../../domain/workingDays';
import { annualBatchWorkflow } from '../../workflows/annualBatch';
import { batchStateQuery } from '../../workflows/annualBatch.messages';
import { type BatchWorld, createBatchWorld } from '../support/batchDriver';
import { actorOf, eventually, jurisdictionId } from '../support/fixtures';

// A batch handed on under delivery (the demo's recorded year, scripts/demo/): the election is history, the rest runs.
let world: BatchWorld;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  world = await createBatchWorld();
  env = world.env;
});

afterAll(async () => {
  await world?.teardown();
});

describe('annual batch handed on under delivery', () => {
  it('keeps its heard half-year report, opens the year-end report on 1 December and writes the month’s bulletin', async () => {
    const db = world.testDb.db;
    const now = new Date(await env.currentTimeMs());
    // The year whose 1 December is still ahead of the test server's clock.
    const today = chinaDay(now);
    const year = Number(today.slice(0, 4)) + (today.slice(5) >= '11-30' ? 1 : 0);
    const batchId = `batch-${jurisdictionId}-${year}`;
    const coordinator = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('batches')
      .values({
        id: batchId,
        jurisdiction_id: jurisdictionId,
        year,
        title: `测试县${year}年民生实事项目`,
        phase: 'implementation',
      })
      .execute();
    const ratingOpens = startOfChinaDay(`${year + 1}-01-01`).toISOString();
    const carried: BatchState = {
      batchId,
      year,
      phase: 'implementation',
      phaseChangedAt: now.toISOString(),
      collectionClosesAt: startOfChinaDay(`${year - 1}-12-08`).toISOString(),
      nextDeadline: { at: ratingOpens, label: 'rating at the next congress' },
      policy: batchPolicyOf({}),
      candidateIds: [],
      screeningRound: 1,
      approval: null,
      sentBack: [],
      votes: [],
      elected: [],
      runOff: null,
      projectIds: [],
      reports: [
        {
          kind: 'halfYear',
          opensAt: startOfChinaDay(`${year}-07-01`).toISOString(),
          status: 'heard',
          taskId: `task-${batchId}-halfYear-hearing`,
        },
        { kind: 'yearEnd', opensAt: startOfChinaDay(`${year}-12-01`).toISOString(), status: 'waiting', taskId: null },
      ],
      rating: null,
      feedbackTasks: { started: 0, done: 0 },
    };

    await world.withWorker(async (driver) => {
      const handle = await env.client.workflow.start(annualBatchWorkflow, {
        workflowId: batchId,
        taskQueue: driver.taskQueue,
        args: [
          {
            batchId,
            jurisdictionId,
            year,
            title: `测试县${year}年民生实事项目`,
            collectionClosesAt: carried.collectionClosesAt,
            openedBy: actorOf(coordinator),
            carried,
          },
        ],
      });
      const resumed = await handle.query(batchStateQuery);
      expect(resumed.phase).toBe('implementation');
      expect(resumed.reports.map((r) => r.status)).toEqual(['heard', 'waiting']);

      await driver.advanceTo(new Date(Date.parse(carried.reports[1]!.opensAt) + 60_000).toISOString());
      await driver.taskOpened(`task-${batchId}-yearEnd-report`);
      const state = await driver.stateWhen(batchId, (s) => s.reports[1]!.status === 'reporting', 'the year-end report');
      expect(state.reports[0]!.status).toBe('heard');
      const month = chinaDay(new Date(Date.parse(carried.reports[1]!.opensAt) - 1)).slice(0, 7);
      await eventually(
        () =>
          db
            .selectFrom('bulletins')
            .select('id')
            .where('batch_id', '=', batchId)
            .where('month', '=', month)
            .executeTakeFirst(),
        `the ${month} bulletin`,
      );
      // Nothing of the election ran again: no collection, no half-year report task.
      const tasks = await db.selectFrom('tasks').select('id').where('owner_workflow_id', '=', batchId).execute();
      expect(tasks.map((t) => t.id)).toEqual([`task-${batchId}-yearEnd-report`]);
      const phases = await db
        .selectFrom('audit_events')
        .select('detail')
        .where('workflow_id', '=', batchId)
        .where('action', '=', 'batch.phase')
        .execute();
      expect(phases).toEqual([]);
      await handle.terminate('test finished');
    });
  });

  it('refuses to be handed on while a report’s task is open, which belongs to the run that opened it', async () => {
    const db = world.testDb.db;
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 3;
    const batchId = `batch-${jurisdictionId}-${year}`;
    const coordinator = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    const carried: BatchState = {
      batchId,
      year,
      phase: 'implementation',
      phaseChangedAt: new Date(await env.currentTimeMs()).toISOString(),
      collectionClosesAt: startOfChinaDay(`${year - 1}-12-08`).toISOString(),
      nextDeadline: null,
      policy: batchPolicyOf({}),
      candidateIds: [],
      screeningRound: 1,
      approval: null,
      sentBack: [],
      votes: [],
      elected: [],
      runOff: null,
      projectIds: [],
      reports: [
        {
          kind: 'halfYear',
          opensAt: startOfChinaDay(`${year}-07-01`).toISOString(),
          status: 'reporting',
          taskId: `task-${batchId}-halfYear-report`,
        },
      ],
      rating: null,
      feedbackTasks: { started: 0, done: 0 },
    };
    await world.withWorker(async (driver) => {
      const handle = await env.client.workflow.start(annualBatchWorkflow, {
        workflowId: batchId,
        taskQueue: driver.taskQueue,
        args: [
          {
            batchId,
            jurisdictionId,
            year,
            title: `测试县${year}年民生实事项目`,
            collectionClosesAt: carried.collectionClosesAt,
            openedBy: actorOf(coordinator),
            carried,
          },
        ],
      });
      await expect(handle.result()).rejects.toThrow(/workflow execution failed/i);
      const failure = await handle.result().catch((err: { cause?: { message?: string } }) => err.cause?.message);
      expect(failure).toBe('a batch is handed on under delivery and between its reports');
      expect(await db.selectFrom('tasks').select('id').where('owner_workflow_id', '=', batchId).execute()).toEqual([]);
    });
  });
});

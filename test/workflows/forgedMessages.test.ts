import { randomBytes } from 'node:crypto';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec, failureConverterPath } from '../../temporal/payloadCodec';
import { humanTaskWorkflow } from '../../workflows/humanTask';
import { completeTaskUpdate, taskStateQuery } from '../../workflows/humanTask.messages';
import { closeCollectionUpdate } from '../../workflows/annualBatch.messages';
import { ratingOutcomeSignal, type RatingOutcomeNotice } from '../../workflows/votedProject.messages';
import { eventually, roadRepairTask } from '../support/fixtures';
import { testPayloadKey } from '../support/payloadKey';
import { actorFor, startProject, useProjectWorld } from '../support/projectDriver';

// Someone who reaches Temporal's port directly, without the API: a plain client, or one with a key of its own.
// The worker must refuse what they send without its workflow task failing (a failing task is retried forever).
const ctx = useProjectWorld();

/** Reads Temporal with no key at all: what anyone reaching the port sees. */
const plainClient = () => new Client({ connection: ctx.env.connection });

/**
 * Sends as someone without the key — plain payloads, or sealed with a key of their own — but reads the answers
 * with the real key, for the test's eyes only: a refusal's reason is sealed like everything else.
 */
function forger(sends: 'plain' | 'otherKey'): Client {
  const real = new AesGcmPayloadCodec(testPayloadKey);
  const other = new AesGcmPayloadCodec(randomBytes(32));
  const codec: PayloadCodec = {
    encode: (payloads, context) => (sends === 'plain' ? Promise.resolve(payloads) : other.encode(payloads, context)),
    decode: (payloads, context) => real.decode(payloads, context),
  };
  return new Client({
    connection: ctx.env.connection,
    dataConverter: { payloadCodecs: [codec], failureConverterPath },
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  expect(cause.type).toBe('UntrustedPayload');
  return cause.message;
}

/** Every byte string in a history as text: what anyone holding the history (or Temporal's database) reads. */
function historyText(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (Array.isArray(value)) return value.map(historyText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(historyText).join('\n');
  return typeof value === 'string' ? value : '';
}

async function failedWorkflowTasks(workflowId: string): Promise<number> {
  const history = await ctx.env.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length;
}

describe('messages sent straight to Temporal, without the payload key', () => {
  it('refuses a forged task completion, keeps the task open, and still takes the assignee’s completion through the API', async () => {
    await ctx.world.withWorker(async (drive) => {
      const task = roadRepairTask('task-forged-1', 'X901', {
        payload: { road: 'X901', proposerPhone: '13912345678', proposerEmail: 'li.si@example.cn' },
      });
      const handle = await ctx.env.client.workflow.start(humanTaskWorkflow, {
        taskQueue: drive.taskQueue,
        workflowId: task.taskId,
        args: [task],
      });
      await eventually(async () => ((await handle.query(taskStateQuery)).phase === 'open' ? true : undefined), 'open');
      const official = await actorFor(drive.db, 'official');

      for (const client of [forger('plain'), forger('otherKey')]) {
        const message = await refusal(
          client.workflow.getHandle(task.taskId).executeUpdate(completeTaskUpdate, {
            args: [{ actor: official, result: { note: '伪造的办结' } }],
          }),
        );
        expect(message).toMatch(/not sent through the API/);
      }
      expect((await handle.query(taskStateQuery)).phase).toBe('open');
      const row = await drive.db.selectFrom('tasks').select('status').where('id', '=', task.taskId).executeTakeFirst();
      expect(row?.status).toBe('open');

      // The history holds nothing readable without the key; the plain client cannot even read the task's state.
      const raw = historyText(await plainClient().workflow.getHandle(task.taskId).fetchHistory());
      expect(raw).not.toContain('13912345678');
      expect(raw).not.toContain('li.si@example.cn');
      expect(raw).not.toContain('X901');
      await expect(plainClient().workflow.getHandle(task.taskId).query(taskStateQuery)).rejects.toThrow();

      const res = await drive.completeTask(task.taskId, 'official', { note: '已修复' });
      expect(res.status, res.body.message).toBe(200);
      const completion = await handle.result();
      expect(completion).toMatchObject({ completedBy: 'official', result: { note: '已修复' } });
      expect(await failedWorkflowTasks(task.taskId)).toBe(0);
    });
  });

  it('refuses a forged coordinator decision; the batch stays in its phase and the coordinator’s own decision goes through', async () => {
    await ctx.world.withWorker(async (drive) => {
      const now = new Date(await ctx.env.currentTimeMs());
      const closesOn = new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
      const batchId = await drive.openBatch(now.getUTCFullYear() + 1, closesOn);
      await drive.phase(batchId, 'collection');
      await drive.suggest(batchId, 'forged-1', '修缮村道');
      const coordinator = await actorFor(drive.db, 'coordinator');

      const message = await refusal(
        forger('plain')
          .workflow.getHandle(batchId)
          .executeUpdate(closeCollectionUpdate, { args: [{ actor: coordinator }] }),
      );
      expect(message).toMatch(/update closeCollection was not sent through the API/);
      expect((await drive.state(batchId)).phase).toBe('collection');

      const closed = await drive.decide(batchId, 'close-collection');
      expect(closed.status, closed.body.message).toBe(200);
      await drive.phase(batchId, 'screening');
      expect(await failedWorkflowTasks(batchId)).toBe(0);
    });
  });

  it('drops a forged rating outcome, so the congress’s real one is the first to count', async () => {
    await ctx.world.withWorker(async (drive) => {
      const project = await startProject(drive, 'forged', '2030-06-30', '伪造评议测试项目', 2029);
      const ratedAt = new Date(await ctx.env.currentTimeMs()).toISOString();
      const forged: RatingOutcomeNotice = {
        batchId: 'batch-test-county-2029',
        outcome: 'unsatisfied',
        counts: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 50 },
        ratedAt,
      };
      // Before the fix the first outcome to arrive won, whoever sent it.
      await forger('plain').workflow.getHandle(project.projectId).signal(ratingOutcomeSignal, forged);
      await forger('otherKey').workflow.getHandle(project.projectId).signal(ratingOutcomeSignal, forged);
      await project.handle.signal(ratingOutcomeSignal, {
        ...forged,
        outcome: 'satisfied',
        counts: { satisfied: 45, basicallySatisfied: 4, unsatisfied: 1 },
      });
      const rated = await project.when((s) => s.rating !== null, 'the rating to arrive');
      expect(rated.rating?.outcome).toBe('satisfied');
      expect(rated.consequence.stage).toBe('none');

      const history = await project.handle.fetchHistory();
      const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
      expect(signals).toHaveLength(3);
      expect(await failedWorkflowTasks(project.projectId)).toBe(0);
      // Still alive and answering: the weekly report task opens as before.
      expect((await project.state()).phase).toBe('implementation');
    });
  });
  it('fails a workflow started straight on Temporal at once, before it writes anything', async () => {
    await ctx.world.withWorker(async (drive) => {
      const task = roadRepairTask('task-forged-start', 'X902');
      const handle = await forger('plain').workflow.start(humanTaskWorkflow, {
        taskQueue: drive.taskQueue,
        workflowId: task.taskId,
        args: [task],
      });
      await expect(handle.result()).rejects.toThrow();
      const history = await ctx.env.client.workflow.getHandle(task.taskId).fetchHistory();
      const failed = (history.events ?? []).find((e) => e.workflowExecutionFailedEventAttributes);
      expect(failed?.workflowExecutionFailedEventAttributes?.failure?.applicationFailureInfo?.type).toBe(
        'UntrustedPayload',
      );
      expect((history.events ?? []).some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
      // The reason is sealed too: without the key the history says only that it failed.
      const raw = historyText(await plainClient().workflow.getHandle(task.taskId).fetchHistory());
      expect(raw).not.toContain('not sent through the API');
      expect(raw).toContain('Encoded failure');
      const row = await drive.db.selectFrom('tasks').select('id').where('id', '=', task.taskId).executeTakeFirst();
      expect(row).toBeUndefined();
    });
  });
});

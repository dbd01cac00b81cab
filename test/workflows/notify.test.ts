import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { bundleWorkflows, createWorker } from '../../worker/createWorker';
import { humanTaskWorkflow } from '../../workflows/humanTask';
import { completeTaskUpdate, type HumanTaskInput, taskStateQuery } from '../../workflows/humanTask.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { actorOf, eventually, type PeopleFixture, roadRepairTask, seedPeople } from '../support/fixtures';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { testPayloadKey } from '../support/payloadKey';

// The notice sender is exercised through the task workflow, the way the product uses it: the "assigned"
// notice goes to both officials of the roads department, each with an e-mail address.
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let testDb: TestDatabase;
let people: PeopleFixture;

beforeAll(async () => {
  [env, bundle, testDb] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows(), createTestDatabase()]);
  people = await seedPeople(testDb.db);
});

afterAll(async () => {
  await env?.teardown();
  await testDb?.drop();
});

/** The SMTP server is down: a sink that listened once, so the port is known, and then stopped. */
async function downSmtpServer(): Promise<{ url: string; port: number }> {
  const sink = await startSmtpSink();
  await sink.stop();
  return { url: sink.url, port: sink.port };
}

// A queue per test, and each test waits for its workflow to close before the worker stops.
async function withWorker<T>(taskQueue: string, smtpUrl: string, fn: () => Promise<T>): Promise<T> {
  const notifier = createNotifier({ smtpUrl, mailFrom: 'office@test.local', timeoutMs: 2_000 });
  try {
    const worker = await createWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle: bundle,
      activities: createActivities({ db: testDb.db, notifier }),
      payloadKey: testPayloadKey,
    });
    return await worker.runUntil(fn());
  } finally {
    await notifier.close();
  }
}

async function startTask(taskQueue: string, task: HumanTaskInput) {
  const handle = await env.client.workflow.start(humanTaskWorkflow, {
    taskQueue,
    workflowId: task.taskId,
    args: [task],
  });
  const open = async () => ((await handle.query(taskStateQuery)).phase === 'open' ? true : undefined);
  await eventually(open, 'the task to open');
  return handle;
}

/** The task's "assigned" in-app notices, each with its delivery (null columns if it has none). */
async function assignedNotices(taskId: string) {
  return testDb.db
    .selectFrom('notices')
    .leftJoin('notice_deliveries', 'notice_deliveries.notice_id', 'notices.id')
    .select(['notices.recipient_user_id', 'notices.title'])
    .select(['notice_deliveries.channel', 'notice_deliveries.status', 'notice_deliveries.attempts'])
    .select('notice_deliveries.last_error')
    .where('notices.task_id', '=', taskId)
    .where('notices.kind', '=', 'assigned')
    .orderBy('notices.recipient_user_id')
    .execute();
}

type NoticeWithDelivery = Awaited<ReturnType<typeof assignedNotices>>[number];

/** Polls until both recipients' notices have a delivery in the wanted state; the worker records it, not the test. */
function deliveriesWhen(taskId: string, wanted: (row: NoticeWithDelivery) => boolean, what: string) {
  return eventually(async () => {
    const rows = await assignedNotices(taskId);
    return rows.length === 2 && rows.every(wanted) ? rows : undefined;
  }, what);
}

describe('notice delivery', () => {
  it('keeps the in-app notice while the SMTP server is down, retries the e-mail, and delivers it once the server is back', async () => {
    const task = roadRepairTask('task-notify-smtp-down', 'X900');
    const taskQueue = 'notify-test-smtp-down';
    const smtpServer = await downSmtpServer();
    let sink: SmtpSink | undefined;
    try {
      await withWorker(taskQueue, smtpServer.url, async () => {
        const handle = await startTask(taskQueue, task);

        // Down: the in-app notices are there, and each e-mail attempt failed and was counted.
        const failed = await deliveriesWhen(task.taskId, (d) => d.status === 'failed', 'the first attempts to fail');
        expect(failed.map((d) => [d.recipient_user_id, d.title, d.channel, d.attempts])).toEqual([
          ['colleague', `新任务：${task.title}`, 'email', 1],
          ['official', `新任务：${task.title}`, 'email', 1],
        ]);
        for (const delivery of failed) expect(delivery.last_error).toMatch(/ECONNREFUSED/);

        // Still down past the first backoff (30 s): Temporal retries, the notice is neither lost nor duplicated.
        await env.sleep('45 seconds');
        const retried = await deliveriesWhen(
          task.taskId,
          (d) => d.status === 'failed' && d.attempts !== null && d.attempts >= 2,
          'the second attempts to fail',
        );
        expect(retried.map((d) => [d.recipient_user_id, d.attempts])).toEqual([
          ['colleague', 2],
          ['official', 2],
        ]);

        // Back up on the same address: the third attempt, 60 s after the second, delivers.
        sink = await startSmtpSink({ port: smtpServer.port });
        await env.sleep('2 minutes');
        const sent = await deliveriesWhen(task.taskId, (d) => d.status === 'sent', 'the e-mails to be sent');
        expect(sent.map((d) => [d.recipient_user_id, d.attempts, d.last_error])).toEqual([
          ['colleague', 3, null],
          ['official', 3, null],
        ]);
        const arrived = sink.received.filter((m) => m.headers.get('subject') === `新任务：${task.title}`);
        expect(arrived.flatMap((m) => m.rcptTo).sort()).toEqual(['colleague@test.local', 'official@test.local']);

        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actorOf(people.official), result: { note: '已修复' } }],
        });
        await handle.result();
      });
    } finally {
      await sink?.stop();
    }
  });

  it('gives up on the e-mail after its retry budget without wedging the task, and the in-app notice stays', async () => {
    const task = roadRepairTask('task-notify-smtp-gone', 'X900');
    const taskQueue = 'notify-test-smtp-gone';
    const smtpServer = await downSmtpServer();
    await withWorker(taskQueue, smtpServer.url, async () => {
      const handle = await startTask(taskQueue, task);

      // 30 attempts, backing off from 30 s to at most an hour, span about a day; the task is due in three.
      // Were the give-up to fail the workflow task, the test server's clock would stop and this sleep hang.
      await env.sleep('2 days');
      const exhausted = await deliveriesWhen(task.taskId, (d) => d.attempts === 30, 'the retry budget to run out');
      expect(exhausted.map((d) => [d.recipient_user_id, d.title, d.status])).toEqual([
        ['colleague', `新任务：${task.title}`, 'failed'],
        ['official', `新任务：${task.title}`, 'failed'],
      ]);

      // A delivery that gave up is recorded in its row; it must not fail the workflow task that started it.
      const events = (await handle.fetchHistory()).events ?? [];
      const failedTasks = events.filter((e) => e.workflowTaskFailedEventAttributes);
      expect(failedTasks.map((e) => e.workflowTaskFailedEventAttributes?.failure?.message)).toEqual([]);

      const completion = await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.colleague), result: { note: '已修复' } }],
      });
      expect(await handle.result()).toEqual(completion);
      const row = await testDb.db
        .selectFrom('tasks')
        .select('status')
        .where('id', '=', task.taskId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('done');
    });
  });
});

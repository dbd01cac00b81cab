import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { bundleWorkflows, createWorker } from '../../worker/createWorker';
import { humanTaskWorkflow } from '../../workflows/humanTask';
import {
  completeTaskUpdate,
  type HumanTaskInput,
  taskFailureTypes,
  taskStateQuery,
} from '../../workflows/humanTask.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { actorOf, eventually, type PeopleFixture, roadRepairTask, seedPeople } from '../support/fixtures';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { testPayloadKey } from '../support/payloadKey';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let testDb: TestDatabase;
let people: PeopleFixture;
let smtp: SmtpSink;
let notifier: ReturnType<typeof createNotifier>;

beforeAll(async () => {
  [env, bundle, testDb, smtp] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflows(),
    createTestDatabase(),
    startSmtpSink(),
  ]);
  people = await seedPeople(testDb.db);
  notifier = createNotifier({ smtpUrl: smtp.url, mailFrom: 'office@test.local' });
});

afterAll(async () => {
  await notifier?.close();
  await smtp?.stop();
  await env?.teardown();
  await testDb?.drop();
});

let counter = 0;
function roadTask(overrides: Partial<HumanTaskInput> = {}): HumanTaskInput {
  counter += 1;
  return roadRepairTask(`task-test-${counter}`, `X${counter}`, { remindBefore: ['1 day'], ...overrides });
}

// Each test drives its own queue and waits for its workflows to close: an activity still in flight
// when a worker stops holds the time-skipping server's clock until the activity times out.
let taskQueue = '';
async function withWorker<T>(fn: () => Promise<T>): Promise<T> {
  taskQueue = `human-task-test-${counter}`;
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities({ db: testDb.db, notifier }),
    payloadKey: testPayloadKey,
  });
  return worker.runUntil(fn());
}

function start(task: HumanTaskInput) {
  return env.client.workflow.start(humanTaskWorkflow, { taskQueue, workflowId: task.taskId, args: [task] });
}

/** Started, and past its opening: its row written and its timers armed. */
async function startOpened(task: HumanTaskInput) {
  const handle = await start(task);
  await eventually(
    async () => ((await handle.query(taskStateQuery)).phase === 'open' ? true : undefined),
    'task to open',
  );
  return handle;
}

async function noticesFor(taskId: string) {
  return testDb.db
    .selectFrom('notices')
    .select(['recipient_user_id', 'kind'])
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
}

async function taskRow(taskId: string) {
  return testDb.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
}

async function rejectionOf(promise: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  return { type: cause.type, message: cause.message };
}

describe('human task workflow', () => {
  it('opens a task row and notifies the whole assigned department', async () => {
    const task = roadTask();
    await withWorker(async () => {
      const handle = await startOpened(task);
      const row = await taskRow(task.taskId);
      expect(row).toMatchObject({
        status: 'open',
        assignee_kind: 'department',
        assignee_ref: 'dept-roads',
        escalation_level: 0,
      });
      // The row opens the task; the notices are the workflow's next step, so wait for them rather than race them.
      const notices = await eventually(async () => {
        const written = await noticesFor(task.taskId);
        return written.length >= 2 ? written : undefined;
      }, 'the assignment notices');
      expect(notices.map((n) => [n.recipient_user_id, n.kind])).toEqual([
        ['colleague', 'assigned'],
        ['official', 'assigned'],
      ]);
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: 'done' } }],
      });
      await handle.result();
    });
  });

  it('opens in its first workflow task: due instant, ladder, row and notices with no activity scheduled but e-mail', async () => {
    const task = roadTask();
    await withWorker(async () => {
      const handle = await startOpened(task);
      // A batch's projects tick together, so their weekly tasks open together: every extra workflow task per
      // opening is one more pass through the queue (README.md, "Benchmarks", deadline-burst).
      const { events } = await handle.fetchHistory();
      const untilTimer = events!.slice(
        0,
        events!.findIndex((e) => e.timerStartedEventAttributes),
      );
      // Each step of the opening is a local activity's marker (due instant, ladder, row, notice), none a scheduled
      // activity. The task count is not asserted: under load the SDK ends a first task whose local activities run
      // long and goes on in the next (a heartbeat), which is no extra pass per step.
      expect(
        untilTimer.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity'),
      ).toHaveLength(4);
      expect(
        untilTimer
          .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
          .filter((name) => name !== undefined && name !== 'deliverNotice'),
      ).toEqual([]);
      expect(await taskRow(task.taskId)).toMatchObject({ status: 'open', escalation_level: 0 });
      expect((await noticesFor(task.taskId)).map((n) => n.kind)).toEqual(['assigned', 'assigned']);
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: 'done' } }],
      });
      await handle.result();
    });
  });

  it('reminds the assignee one day before the due instant, and not earlier', async () => {
    const task = roadTask();
    await withWorker(async () => {
      const handle = await startOpened(task);
      await env.sleep('44 hours');
      expect((await noticesFor(task.taskId)).filter((n) => n.kind === 'reminder')).toEqual([]);
      await env.sleep('6 hours');
      const reminders = (await noticesFor(task.taskId)).filter((n) => n.kind === 'reminder');
      expect(reminders.map((n) => n.recipient_user_id).sort()).toEqual(['colleague', 'official']);
      expect((await noticesFor(task.taskId)).some((n) => n.kind === 'escalation')).toBe(false);
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.colleague), result: { note: '已修复' } }],
      });
      await handle.result();
    });
  });

  it('escalates to the responsible leader at lapse and to the standing committee office one period later, and still accepts a late completion', async () => {
    const task = roadTask();
    await withWorker(async () => {
      const handle = await startOpened(task);
      const dueAt = (await handle.query(taskStateQuery)).dueAt!;

      await env.sleep('73 hours');
      let escalations = (await noticesFor(task.taskId)).filter((n) => n.kind === 'escalation');
      expect(escalations.map((n) => n.recipient_user_id).sort()).toEqual(['colleague', 'leader', 'official']);
      expect((await taskRow(task.taskId)).escalation_level).toBe(1);
      const state = await handle.query(taskStateQuery);
      expect(state).toMatchObject({ phase: 'open', escalationLevel: 1 });
      expect(Date.parse(state.nextEscalationAt!) - Date.parse(dueAt)).toBe(3 * 86_400_000);

      await env.sleep('3 days');
      escalations = (await noticesFor(task.taskId)).filter((n) => n.kind === 'escalation');
      expect(escalations.filter((n) => n.recipient_user_id === 'coordinator')).toHaveLength(1);
      expect((await taskRow(task.taskId)).escalation_level).toBe(2);

      const mail = await eventually(
        async () =>
          smtp.received.find(
            (m) => m.rcptTo.includes('leader@test.local') && m.headers.get('subject')?.includes(task.title),
          ),
        'the escalation e-mail to reach the SMTP server',
      );
      expect(mail.headers.get('subject')).toBe(`逾期督办：${task.title}`);

      const completion = await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: '已修复，逾期' } }],
      });
      expect(completion).toMatchObject({
        completedBy: 'official',
        escalationLevel: 2,
        result: { note: '已修复，逾期' },
      });
      expect(await handle.result()).toEqual(completion);
      expect(await taskRow(task.taskId)).toMatchObject({
        status: 'done',
        completed_by: 'official',
        result: { note: '已修复，逾期' },
      });

      const audit = await testDb.db
        .selectFrom('audit_events')
        .select(['action', 'actor_label'])
        .where('subject', '=', task.taskId)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['task.opened', 'task.escalated', 'notice.escalation', 'task.completed']),
      );
      expect(audit.filter((a) => a.action === 'task.escalated')).toHaveLength(2);
      expect(audit.find((a) => a.action === 'task.completed')?.actor_label).toBe('李科长');
    });
  });

  it('records a lapse and both of its notices in one transaction, inside the timer’s own workflow task', async () => {
    const task = roadTask({ remindBefore: [] });
    await withWorker(async () => {
      const handle = await startOpened(task);
      await env.sleep('73 hours');
      expect((await handle.query(taskStateQuery)).escalationLevel).toBe(1);

      // One transaction wrote the rung, its audit event and every notice of the lapse: they share an xmin,
      // so no notice was ever visible before the rung it names.
      const rung = await sql<{ xmin: string }>`select xmin::text as xmin from tasks where id = ${task.taskId}`.execute(
        testDb.db,
      );
      const audit = await sql<{ xmin: string }>`select xmin::text as xmin from audit_events
        where subject = ${task.taskId} and action = 'task.escalated'`.execute(testDb.db);
      const notices = await sql<{
        xmin: string;
        recipient_user_id: string;
      }>`select xmin::text as xmin, recipient_user_id
        from notices where task_id = ${task.taskId} and kind = 'escalation'`.execute(testDb.db);
      expect(notices.rows.map((n) => n.recipient_user_id).sort()).toEqual(['colleague', 'leader', 'official']);
      expect(new Set([...rung.rows, ...audit.rows, ...notices.rows].map((r) => r.xmin))).toEqual(
        new Set([rung.rows[0]!.xmin]),
      );

      // Between the deadline's timer firing and the next rung's timer there is one workflow task and no
      // scheduled activity but the e-mail deliveries (README.md, "Benchmarks", deadline-burst).
      const { events } = await handle.fetchHistory();
      const fired = events!.findIndex((e) => e.timerFiredEventAttributes);
      const nextTimer = events!.findIndex((e, i) => i > fired && e.timerStartedEventAttributes);
      const lapse = events!.slice(fired, nextTimer);
      // The rung with its notices, and the next rung's instant: local activities' markers (a heartbeat task under
      // load may split them, as at the opening).
      expect(lapse.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(
        2,
      );
      expect(
        lapse
          .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
          .filter((name) => name !== undefined && name !== 'deliverNotice'),
      ).toEqual([]);

      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: '已修复' } }],
      });
      await handle.result();
    });
  });

  it('stops the ladder once the task is completed', async () => {
    const task = roadTask();
    await withWorker(async () => {
      const handle = await startOpened(task);
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: '提前完成' } }],
      });
      await handle.result();
      await env.sleep('30 days');
      const kinds = (await noticesFor(task.taskId)).map((n) => n.kind);
      expect(kinds).not.toContain('escalation');
      expect(kinds).not.toContain('reminder');
      expect((await taskRow(task.taskId)).escalation_level).toBe(0);
    });
  });

  it('refuses the wrong person, an invalid result and a second completion, and changes nothing', async () => {
    const task = roadTask();
    await withWorker(async () => {
      const handle = await startOpened(task);

      const wrongPerson = await rejectionOf(
        handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actorOf(people.outsider), result: { note: '不是我的' } }],
        }),
      );
      expect(wrongPerson.type).toBe(taskFailureTypes.forbidden);
      expect(wrongPerson.message).toContain('not to 赵科员');

      const invalid = await rejectionOf(
        handle.executeUpdate(completeTaskUpdate, { args: [{ actor: actorOf(people.official), result: { note: '' } }] }),
      );
      expect(invalid.type).toBe(taskFailureTypes.invalidResult);
      expect(invalid.message).toContain('note');

      expect(await taskRow(task.taskId)).toMatchObject({ status: 'open', completed_by: null });
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: '完成' } }],
      });

      // The task workflow closes once done, so a second completion cannot reach it (the API answers 409 from the row).
      await handle.result();
      await expect(
        handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actorOf(people.colleague), result: { note: '我也完成' } }],
        }),
      ).rejects.toThrow(/completed|not found/i);
      expect(await taskRow(task.taskId)).toMatchObject({
        status: 'done',
        completed_by: 'official',
        result: { note: '完成' },
      });
      const completions = await testDb.db
        .selectFrom('audit_events')
        .select('id')
        .where('subject', '=', task.taskId)
        .where('action', '=', 'task.completed')
        .execute();
      expect(completions).toHaveLength(1);
    });
  });
});

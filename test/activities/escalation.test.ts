import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import type { EscalateTaskInput } from '../../activities/escalation';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { roadRepairTask, seedPeople } from '../support/fixtures';

let testDb: TestDatabase;
// Deliveries are only recorded as pending here, never sent: the transport connects on its first message.
const notifier = createNotifier({ smtpUrl: 'smtp://127.0.0.1:9', mailFrom: 'office@test.local' });
let acts: ReturnType<typeof createActivities>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db);
  acts = createActivities({ db: testDb.db, notifier });
});

afterAll(async () => {
  await notifier.close();
  await testDb?.drop();
});

describe('recordTaskOpened', () => {
  it('answers the instants of the row it wrote first, when a retried opening computes new ones', async () => {
    const task = roadRepairTask('task-opened-retry', 'Y0');
    const first = { dueAt: '2026-03-04T01:00:00.000Z', openedAt: '2026-03-01T01:00:00.000Z' };
    expect(await acts.recordTaskOpened({ task, ...first })).toEqual(first);
    // A first workflow task retried after its local activities ran: the clock has moved on.
    expect(
      await acts.recordTaskOpened({ task, dueAt: '2026-03-04T01:00:09.000Z', openedAt: '2026-03-01T01:00:09.000Z' }),
    ).toEqual(first);
    const opened = await testDb.db
      .selectFrom('audit_events')
      .select('id')
      .where('subject', '=', task.taskId)
      .where('action', '=', 'task.opened')
      .execute();
    expect(opened).toHaveLength(1);
  });
});

describe('escalateTask', () => {
  it('writes the rung and both notices once, however often it is retried, and returns the same deliveries', async () => {
    const task = roadRepairTask('task-escalation-retry', 'Y1');
    await acts.recordTaskOpened({ task, dueAt: '2026-03-04T01:00:00.000Z', openedAt: '2026-03-01T01:00:00.000Z' });
    const notice = {
      kind: 'escalation' as const,
      title: `逾期督办：${task.title}`,
      body: '已提级至包抓领导（第1级督办）。',
      workflowId: task.taskId,
      taskId: task.taskId,
      at: '2026-03-04T01:00:01.000Z',
    };
    const input: EscalateTaskInput = {
      taskId: task.taskId,
      level: 1,
      step: { assignee: { kind: 'user', userId: 'leader' }, label: '包抓领导' },
      at: '2026-03-04T01:00:00.000Z',
      notices: [
        { ...notice, dedupeKey: `${task.taskId}:escalation:1`, to: { kind: 'user', userId: 'leader' } },
        { ...notice, dedupeKey: `${task.taskId}:overdue`, to: task.assignee },
      ],
    };

    const first = await acts.escalateTask(input);
    // A retry: the worker lost the answer, or replayed the local activity after a lost workflow task.
    const again = await acts.escalateTask(input);
    const concurrent = await Promise.all([acts.escalateTask(input), acts.escalateTask(input)]);

    expect(first).toHaveLength(3);
    for (const repeat of [again, ...concurrent]) expect(repeat).toEqual(first);
    const notices = await testDb.db
      .selectFrom('notices')
      .select(['recipient_user_id', 'dedupe_key'])
      .where('task_id', '=', task.taskId)
      .where('kind', '=', 'escalation')
      .orderBy('recipient_user_id')
      .execute();
    expect(notices.map((n) => n.recipient_user_id)).toEqual(['colleague', 'leader', 'official']);
    const deliveries = await testDb.db
      .selectFrom('notice_deliveries')
      .innerJoin('notices', 'notices.id', 'notice_deliveries.notice_id')
      .select('notice_deliveries.notice_id')
      .where('notices.task_id', '=', task.taskId)
      .execute();
    expect(deliveries).toHaveLength(3);
    const audit = await testDb.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject', '=', task.taskId)
      .where('action', 'in', ['task.escalated', 'notice.escalation'])
      .execute();
    expect(audit.filter((a) => a.action === 'task.escalated')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'notice.escalation')).toHaveLength(3);
    const row = await testDb.db
      .selectFrom('tasks')
      .select('escalation_level')
      .where('id', '=', task.taskId)
      .executeTakeFirstOrThrow();
    expect(row.escalation_level).toBe(1);
  });
});

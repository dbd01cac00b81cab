import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchWorld, createBatchWorld } from '../support/batchDriver';
import { eventually } from '../support/fixtures';
import { recordHistory } from '../support/historyJson';

let world: BatchWorld;

beforeAll(async () => {
  world = await createBatchWorld();
});

afterAll(async () => {
  await world?.teardown();
});

describe('a calendar change during a running publicity period', () => {
  it('moves the publicity end and an open task’s due date a working day later when the office enters a holiday inside them', async () => {
    const { testDb } = world;
    await world.withWorker(async (drive) => {
      await drive.advanceTo('2027-09-01T02:00:00Z');
      const batchId = await drive.openBatch(2028, '2027-09-10');
      const school = await drive.suggest(batchId, 'cal-school-0001', '城关小学食堂改扩建');
      const road = await drive.suggest(batchId, 'cal-road-00001', '县道X012路面改造');
      const bridge = await drive.suggest(batchId, 'cal-bridge-001', '重建青石桥', '13700000000');
      await drive.advanceTo('2027-09-10T16:01:00Z');
      await drive.phase(batchId, 'screening');
      await drive.review(school, 'candidate');
      await drive.review(road, 'candidate');
      await drive.review(bridge, 'rejected', 'dept-roads');

      // Monday 13 September 2027, 10:00 in Beijing. chinese-days knows nothing of 2027 and nobody has entered
      // 中秋节 yet, so the 7 working days are 14–17 and 20–22 September.
      await drive.advanceTo('2027-09-13T02:00:00Z');
      const concluded = await drive.decide(batchId, 'conclude-screening');
      expect(concluded.status, concluded.body.message).toBe(200);
      expect((await drive.state(batchId)).nextDeadline).toEqual({
        at: '2027-09-22T16:00:00.000Z',
        label: 'candidate publicity ends',
      });
      // The rejected proposer is told why within 10 working days: 14 September to 27 September.
      const feedback = await eventually(
        () => testDb.db.selectFrom('tasks').selectAll().where('kind', '=', 'proposerFeedback').executeTakeFirst(),
        'the proposer feedback task',
      );
      expect(feedback.due_at.toISOString()).toBe('2027-09-27T16:00:00.000Z');

      // The office enters 中秋节 (Wednesday 15 September) inside both periods.
      const entered = await drive.put('coordinator', '/api/calendar/days', {
        scope: 'national',
        day: '2027-09-15',
        working: false,
        reason: '中秋节',
      });
      expect(entered.status, entered.body.message).toBe(200);
      expect(entered.body.affected).toEqual([
        expect.objectContaining({
          kind: 'publicity',
          workflowId: batchId,
          dueAt: '2027-09-22T16:00:00.000Z',
          newDueAt: '2027-09-23T16:00:00.000Z',
        }),
        expect.objectContaining({
          kind: 'task',
          workflowId: feedback.id,
          dueAt: '2027-09-27T16:00:00.000Z',
          newDueAt: '2027-09-28T16:00:00.000Z',
        }),
      ]);

      // The workflows were signalled and recounted their periods through the calendar activity.
      const moved = await drive.stateWhen(
        batchId,
        (s) => s.nextDeadline?.at === '2027-09-23T16:00:00.000Z',
        'the publicity end to move',
      );
      expect(moved.nextDeadline?.label).toBe('candidate publicity ends');
      await eventually(async () => {
        const row = await testDb.db
          .selectFrom('batches')
          .select('next_deadline_at')
          .where('id', '=', batchId)
          .executeTakeFirstOrThrow();
        return row.next_deadline_at?.toISOString() === '2027-09-23T16:00:00.000Z' ? row : undefined;
      }, 'the batch row to show the new end');
      await eventually(async () => {
        const row = await testDb.db
          .selectFrom('tasks')
          .selectAll()
          .where('id', '=', feedback.id)
          .executeTakeFirstOrThrow();
        return row.due_at.toISOString() === '2027-09-28T16:00:00.000Z' ? row : undefined;
      }, 'the task row to show the new due date');
      const audit = await testDb.db
        .selectFrom('audit_events')
        .select(['action', 'actor_label', 'detail'])
        .where('action', 'in', ['calendar.daySet', 'batch.deadlineMoved', 'task.dueMoved'])
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['batch.deadlineMoved', 'calendar.daySet', 'task.dueMoved']);
      expect(audit.find((a) => a.action === 'calendar.daySet')).toMatchObject({
        actor_label: '陈主任',
        detail: { scope: 'national', day: '2027-09-15', before: null, after: { working: false, reason: '中秋节' } },
      });

      // The old end passes with the publicity still running; it ends a working day later.
      await drive.advanceTo('2027-09-22T17:00:00Z');
      expect((await drive.state(batchId)).phase).toBe('candidatePublicity');
      await drive.advanceTo('2027-09-23T16:01:00Z');
      await drive.phase(batchId, 'approval');

      // The recount path (patched 'calendar-changed') as recorded histories, for test/workflows/replay.test.ts.
      const handle = (workflowId: string) => world.env.client.workflow.getHandle(workflowId);
      await recordHistory(handle(batchId), `annualBatch-${batchId}~calendar-changed.json`);
      await recordHistory(handle(feedback.id), 'humanTask-calendar-changed.json');
    });
  });
});

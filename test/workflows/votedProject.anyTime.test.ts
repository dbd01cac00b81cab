import { describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import { eventually } from '../support/fixtures';
import { DAY, startProject, useProjectWorld } from '../support/projectDriver';

// Its own time-skipping server: the weekly cadence is simulated days.
const ctx = useProjectWorld();

const report = (key: string, percent: number, text: string) => ({
  key,
  percent,
  stage: 'preparation',
  text,
  photoIds: [],
});

describe('a department reports progress when the facts happen', () => {
  it(
    'files a report between weekly tasks that the next weekly task counts without asking again, and answers an open weekly task at once',
    { timeout: 180_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const startedOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const project = await startProject(drive, 'anytime', addDays(startedOn, 200), '青石桥重建', 2027);
        const path = `/api/projects/${project.projectId}/progress`;

        // Only the responsible department reports, and a report is checked before anything is recorded.
        expect((await drive.post('outsider', path, report('anytime-0001', 10, '不是本单位'))).status).toBe(403);
        const bad = await drive.post('official', path, { ...report('anytime-0002', 10, '超出'), percent: 120 });
        expect(bad.status).toBe(400);

        // No weekly task is open yet: the report is recorded for the next one.
        const early = await drive.post('official', path, report('anytime-0003', 15, '设计方案已批复'));
        expect(early.status, early.body.message).toBe(201);
        expect(early.body.counted).toBe('nextWeeklyTask');
        const again = await drive.post('official', path, report('anytime-0003', 15, '设计方案已批复'));
        expect(again.status).toBe(201);
        const recorded = await drive.db
          .selectFrom('audit_events')
          .select('detail')
          .where('workflow_id', '=', project.projectId)
          .where('action', '=', 'project.progressReported')
          .execute();
        expect(recorded).toHaveLength(1);

        // The week passes: the weekly task opens and is answered by the report already filed, nobody asked again.
        await ctx.env.sleep(7 * DAY);
        const counted = await project.when((s) => s.progress?.percent === 15, 'the early report counted');
        expect(counted.openTasks.some((t) => t.kind === 'progressReport')).toBe(false);
        const weekly = await eventually(
          () =>
            drive.db
              .selectFrom('tasks')
              .select(['status', 'completed_by', 'result'])
              .where('owner_workflow_id', '=', project.projectId)
              .where('kind', '=', 'progressReport')
              .executeTakeFirst(),
          'the first weekly task',
        );
        expect(weekly).toMatchObject({ status: 'done', completed_by: 'official', result: { percent: 15 } });
        const asked = await drive.db
          .selectFrom('notices')
          .select('title')
          .where('workflow_id', 'like', 'task-%')
          .where('title', 'like', '新任务：进度报告%')
          .execute();
        expect(asked).toEqual([]);

        // The next week nobody reported early: the task is opened and asked for; a report now answers it at once.
        await ctx.env.sleep(7 * DAY);
        await project.openTask('progressReport');
        const now = await drive.post('colleague', path, report('anytime-0004', 25, '完成招标'));
        expect(now.status, now.body.message).toBe(200);
        expect(now.body).toMatchObject({ counted: 'now', task: { status: 'done', completed_by: 'colleague' } });
        await project.when((s) => s.progress?.percent === 25, 'the report taken in');

        // Going backwards needs a reason, as in the weekly form.
        const back = await drive.post('official', path, report('anytime-0005', 5, '返工'));
        expect(back.status).toBe(422);
        expect(back.body.message).toMatch(/reason/);
      });
    },
  );
});

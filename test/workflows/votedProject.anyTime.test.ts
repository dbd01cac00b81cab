import { describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import { eventually, jurisdictionId } from '../support/fixtures';
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

describe('a project settles in its first workflow task', () => {
  it('reads its policy and records its stage plan inside that task, scheduling no activity through the server', async () => {
    await ctx.world.withWorker(async (drive) => {
      const startedOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
      const project = await startProject(drive, 'settle', addDays(startedOn, 200), '老街排水改造', 2027);
      const { events } = await project.handle.fetchHistory();
      const untilTimer = events!.slice(
        0,
        events!.findIndex((e) => e.timerStartedEventAttributes),
      );
      // A batch starts all its projects at once: every extra task per project is one more pass through the queue.
      // The policy's read and the plan's write are local activities' markers; the number of workflow tasks is not
      // asserted, since under load the SDK may end a long first task early and go on in the next (a heartbeat).
      expect(
        untilTimer.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
      ).toBeGreaterThanOrEqual(2);
      expect(untilTimer.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
      const plan = await drive.db
        .selectFrom('projects')
        .select('stage_plan')
        .where('id', '=', project.projectId)
        .executeTakeFirstOrThrow();
      expect(plan.stage_plan).not.toBeNull();
    });
  });
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
        // The project page shows it as waiting for the weekly task.
        const waiting = await drive.get('official', `/api/projects/${project.projectId}`);
        expect(waiting.body.pending_progress_report).toMatchObject({
          percent: 15,
          text: '设计方案已批复',
          by: '李科长',
        });

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
        const counted2 = await drive.get('official', `/api/projects/${project.projectId}`);
        expect(counted2.body.pending_progress_report).toBeNull();
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

describe('everyone’s view: the responsible vice head', () => {
  it(
    'sees the projects they answer for with their warnings, instructs the department (批示) and is told when it is answered',
    { timeout: 180_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const startedOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const project = await startProject(drive, 'instructed', addDays(startedOn, 200), '城东污水管网改造', 2027);

        // 我分管的项目: the leader's own projects, by the filter the dashboard card uses.
        const filter = encodeURIComponent(JSON.stringify({ responsible_leader_user_id: 'leader' }));
        const mine = await drive.get('leader', `/api/projects?filter=${filter}`);
        expect(mine.status).toBe(200);
        expect(mine.body.map((p: { id: string }) => p.id)).toContain(project.projectId);
        expect(
          mine.body.every((p: { responsible_leader_name: string }) => p.responsible_leader_name === '王副县长'),
        ).toBe(true);
        expect(mine.body[0]).toHaveProperty('warning');

        // Only the project's responsible leader (or the office) writes on it.
        const path = `/api/projects/${project.projectId}/instructions`;
        const text = '请于本周内完成管网测绘，并报告施工组织方案。';
        const notLeader = await drive.post('official', path, { key: 'instruct-0001', text });
        expect(notLeader.status).toBe(403);
        const instructed = await drive.post('leader', path, { key: 'instruct-0002', text, dueWorkingDays: 3 });
        expect(instructed.status, instructed.body.message).toBe(201);
        expect(instructed.body).toMatchObject({
          kind: 'instruction',
          assignee_kind: 'department',
          assignee_ref: 'dept-roads',
          owner_workflow_id: project.projectId,
          payload: { instructions: text, assignedBy: 'leader' },
        });
        const retried = await drive.post('leader', path, { key: 'instruct-0002', text, dueWorkingDays: 3 });
        expect(retried.body.id).toBe(instructed.body.id);

        // The department answers with a photo; the leader is told.
        const photo = await drive.db
          .insertInto('photos')
          .values({
            id: 'photo-instructed-1',
            content_type: 'image/png',
            bytes: Buffer.from('x'),
            uploaded_by: 'official',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const answered = await drive.completeTask(instructed.body.id, 'colleague', {
          note: '测绘已完成，施工组织方案已报送。',
          photoIds: [photo.id],
        });
        expect(answered.status, answered.body.message).toBe(200);
        expect(answered.body.result).toEqual({
          note: '测绘已完成，施工组织方案已报送。',
          photoIds: [photo.id],
          documentIds: [],
        });
        const told = await eventually(
          () =>
            drive.db
              .selectFrom('notices')
              .select(['title', 'body'])
              .where('recipient_user_id', '=', 'leader')
              .where('task_id', '=', instructed.body.id)
              .where('title', 'like', '交办事项已办结%')
              .executeTakeFirst(),
          'the leader told',
        );
        expect(told.body).toContain('测绘已完成');
        // A deputy of the group files a finding: the office is told at once.
        expect((await drive.post('d1', `/api/projects/${project.projectId}/supervision-group/join`)).status).toBe(200);
        const filed = await drive.post('d1', `/api/projects/${project.projectId}/findings`, {
          key: 'finding-instructed-1',
          text: '施工区域未设置警示标志',
          photoIds: [],
        });
        expect(filed.status, filed.body.message).toBe(201);
        const office = await drive.db
          .selectFrom('notices')
          .select(['recipient_user_id', 'title'])
          .where('title', '=', '新的监督意见：城东污水管网改造')
          .execute();
        expect(office.map((n) => n.recipient_user_id)).toContain('coordinator');
        expect(office.map((n) => n.recipient_user_id)).not.toContain('d1');

        // The department answers the finding with a photo of the site put right and its rectification sheet; the
        // group sees both with the answer.
        const sheet = await drive.db
          .insertInto('documents')
          .values({
            id: 'document-rectified-1',
            jurisdiction_id: jurisdictionId,
            file_name: '整改单.pdf',
            content_type: 'application/pdf',
            size: 9,
            bytes: Buffer.from('%PDF-1.4\n'),
            uploaded_by: 'official',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const answer = await project.openTask('findingResponse');
        const unknownSheet = await drive.completeTask(answer.id, 'official', {
          response: '已设置警示标志和围挡。',
          documentIds: ['document-elsewhere'],
        });
        expect(unknownSheet.status).toBe(422);
        expect(unknownSheet.body.message).toBe('documentIds: no uploaded document "document-elsewhere"');
        const responded = await drive.completeTask(answer.id, 'official', {
          response: '已设置警示标志和围挡。',
          photoIds: [photo.id],
          documentIds: [sheet.id],
        });
        expect(responded.status, responded.body.message).toBe(200);
        const seen = await eventually(async () => {
          const res = await drive.get('d1', `/api/findings/${filed.body.id}`);
          return res.body.status === 'responded' ? res.body : undefined;
        }, 'the answer on the finding');
        expect(seen).toMatchObject({
          response: '已设置警示标志和围挡。',
          response_photo_ids: [photo.id],
          response_document_ids: [sheet.id],
        });

        // The instruction is part of the project's record.
        const timeline = await drive.get('leader', `/api/projects/${project.projectId}/timeline`);
        expect(timeline.body.map((e: { action: string }) => e.action)).toContain('project.instructed');
      });
    },
  );
});

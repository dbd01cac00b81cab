import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createBulletinActivities } from '../../activities/bulletins';
import { batchPolicyOf } from '../../domain/batchPolicy';
import type { BatchState } from '../../domain/contract/batchWorkflow';
import { addDays, chinaDay, startOfChinaDay } from '../../domain/workingDays';
import { annualBatchWorkflow } from '../../workflows/annualBatch';
import { actorOf, eventually, jurisdictionId } from '../support/fixtures';
import { recordHistory } from '../support/historyJson';
import { insertVotedProject } from '../support/projectFixtures';
import { DAY, startProject, useProjectWorld } from '../support/projectDriver';
import { terminateWhenIdle } from '../support/endWorkflow';

// Its own time-skipping server: a year's reports and a project's weeks are simulated time.
const ctx = useProjectWorld();

const decisionsOf = (projectId: string) => `/api/projects/${projectId}/committee-decisions`;

describe('a project that outlives the rating', () => {
  it(
    'stays in the next year’s year-end report and bulletin until the committee ends it, which closes it and is published; a batch rates on past a project it ended',
    { timeout: 300_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const db = drive.db;
        const now = new Date(await ctx.env.currentTimeMs());
        const today = chinaDay(now);
        // The year whose 1 December is still ahead of the test server's clock; the carried project is a year older.
        const year = Number(today.slice(0, 4)) + (today.slice(5) >= '11-30' ? 1 : 0);
        const earlier = year - 1;
        const carried = await startProject(drive, 'carried', addDays(today, 120), '老城区雨污分流改造', earlier);
        const own = await startProject(drive, 'own', addDays(today, 200), '城东农贸市场提升', year);
        const dropped = await startProject(drive, 'dropped', addDays(today, 200), '南河游园建设', year);
        // An earlier project already accepted as complete is no longer carried.
        await insertVotedProject(db, {
          key: 'finished',
          batchId: `batch-${jurisdictionId}-${earlier}`,
          year: earlier,
          deadline: addDays(today, 30),
          title: '西街路灯安装',
        });
        await db.updateTable('projects').set({ phase: 'inUse' }).where('id', '=', 'project-finished').execute();

        // This year's batch, handed on under delivery with its half-year report heard (as annualBatch.handover.test.ts).
        const batchId = `batch-${jurisdictionId}-${year}`;
        const coordinator = await db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', 'coordinator')
          .executeTakeFirstOrThrow();
        const state: BatchState = {
          batchId,
          year,
          phase: 'implementation',
          phaseChangedAt: now.toISOString(),
          collectionClosesAt: startOfChinaDay(`${year - 1}-12-08`).toISOString(),
          nextDeadline: { at: startOfChinaDay(`${year + 1}-01-01`).toISOString(), label: 'rating' },
          policy: batchPolicyOf({}),
          candidateIds: [],
          screeningRound: 1,
          approval: null,
          sentBack: [],
          votes: [],
          elected: [],
          runOff: null,
          projectIds: [own.projectId, dropped.projectId],
          reports: [
            {
              kind: 'halfYear',
              opensAt: startOfChinaDay(`${year}-07-01`).toISOString(),
              status: 'heard',
              taskId: `task-${batchId}-halfYear-hearing`,
            },
            {
              kind: 'yearEnd',
              opensAt: startOfChinaDay(`${year}-12-01`).toISOString(),
              status: 'waiting',
              taskId: null,
            },
          ],
          rating: null,
          feedbackTasks: { started: 0, done: 0 },
        };
        const batch = await ctx.env.client.workflow.start(annualBatchWorkflow, {
          workflowId: batchId,
          taskQueue: drive.taskQueue,
          args: [
            {
              batchId,
              jurisdictionId,
              year,
              title: `测试县${year}年民生实事项目`,
              collectionClosesAt: state.collectionClosesAt,
              openedBy: actorOf(coordinator),
              carried: state,
            },
          ],
        });

        // 1 December: the year-end report covers the earlier year's unfinished project, marked as carried over.
        await drive.advanceTo(new Date(Date.parse(state.reports[1]!.opensAt) + 60_000).toISOString());
        const report = await drive.taskOpened(`task-${batchId}-yearEnd-report`);
        expect(report.payload).toMatchObject({
          projectIds: [own.projectId, dropped.projectId],
          carriedProjects: [{ projectId: carried.projectId, title: '老城区雨污分流改造', fromYear: earlier }],
        });
        // The month's bulletin lists it beside the batch's own project; the finished one is gone.
        const month = chinaDay(new Date(Date.parse(state.reports[1]!.opensAt) - 1)).slice(0, 7);
        const bulletin = await eventually(
          () =>
            db
              .selectFrom('bulletins')
              .select('body')
              .where('batch_id', '=', batchId)
              .where('month', '=', month)
              .executeTakeFirst(),
          `the ${month} bulletin`,
        );
        expect(bulletin.body).toContain('共 3 个项目（含往年结转未完成项目 1 个）');
        expect(bulletin.body).toContain(`老城区雨污分流改造（结转自${earlier}年）`);
        expect(bulletin.body).toContain('城东农贸市场提升 |');
        expect(bulletin.body).not.toContain('西街路灯安装');

        // The committee gives it more time: the stages follow the new deadline, and the record keeps why.
        const meetingOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const newDeadline = addDays(meetingOn, 240);
        const extended = await drive.post('coordinator', decisionsOf(carried.projectId), {
          kind: 'changeDeadline',
          reason: '管网迁改涉及燃气管线，需延长工期',
          meetingOn,
          newDeadline,
        });
        expect(extended.status, extended.body.message).toBe(200);
        expect(extended.body.responsibility.deadline).toBe(newDeadline);
        expect(extended.body.plan.at(-1).plannedEnd).toBe(newDeadline);
        const row = await db
          .selectFrom('projects')
          .select(['deadline', 'stage_plan'])
          .where('id', '=', carried.projectId)
          .executeTakeFirstOrThrow();
        expect(row.deadline).toBe(newDeadline);
        expect(row.stage_plan?.at(-1)?.plannedEnd).toBe(newDeadline);

        // A week on, its weekly tasks are open; the committee then ends it below 100%.
        await ctx.env.sleep(7 * DAY);
        await carried.openTask('progressReport');
        const ended = await drive.post('coordinator', decisionsOf(carried.projectId), {
          kind: 'terminate',
          reason: '片区列入城市更新整体改造，本项目不再单独实施',
          meetingOn,
        });
        expect(ended.status, ended.body.message).toBe(200);
        expect(ended.body).toMatchObject({ phase: 'closed', outcome: 'terminated' });
        expect(ended.body.changes.map((c: { kind: string }) => c.kind)).toEqual(['changeDeadline', 'terminate']);
        expect(ended.body.openTasks).toEqual([]);
        const closed = await carried.when((s) => s.phase === 'closed', 'the project closed');
        expect(closed.outcome).toBe('terminated');
        expect(await carried.closed()).toMatchObject({ phase: 'closed', outcome: 'terminated' });
        const open = await eventually(async () => {
          const rows = await db
            .selectFrom('tasks')
            .select(['kind', 'status'])
            .where('owner_workflow_id', '=', carried.projectId)
            .execute();
          return rows.length > 0 && rows.every((t) => t.status === 'cancelled') ? rows : undefined;
        }, 'the open tasks cancelled');
        // The weekly tasks, and whatever the supervision group had open when the calendar reached its inspection
        // or year-end evaluation (which depends on the day the test runs): every one of them cancelled.
        expect(open.map((t) => t.kind)).toEqual(expect.arrayContaining(['progressReport', 'supervisionCheck']));
        expect(
          open.every((t) =>
            ['progressReport', 'supervisionCheck', 'concentratedInspection', 'groupYearEndEvaluation'].includes(t.kind),
          ),
        ).toBe(true);
        expect(
          (
            await db
              .selectFrom('projects')
              .select('phase')
              .where('id', '=', carried.projectId)
              .executeTakeFirstOrThrow()
          ).phase,
        ).toBe('closed');

        // Recorded, told and published.
        const actions = (await carried.audit()).map((a) => a.action);
        expect(actions).toEqual(
          expect.arrayContaining(['project.changeDeadline', 'project.terminate', 'project.closed']),
        );
        const told = await carried.notices();
        expect(told).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ recipient_user_id: 'official', title: '项目终止：老城区雨污分流改造' }),
            expect.objectContaining({ recipient_user_id: 'leader', title: '项目终止：老城区雨污分流改造' }),
            expect.objectContaining({ recipient_user_id: 'official', title: '项目调整：老城区雨污分流改造' }),
          ]),
        );
        const published = await drive.get(null, `/api/public/batches/batch-${jurisdictionId}-${earlier}/projects`);
        expect(published.status).toBe(200);
        const page = published.body.find((p: { id: string }) => p.id === carried.projectId);
        expect(page).toMatchObject({
          phase: 'closed',
          terminated: true,
          changes: [
            { kind: 'changeDeadline', decidedBy: '人大常委会', newDeadline, meetingOn },
            { kind: 'terminate', reason: '片区列入城市更新整体改造，本项目不再单独实施', decidedBy: '人大常委会' },
          ],
        });
        expect(JSON.stringify(page)).not.toContain('coordinator');

        // A closed project takes no further decision, and leaves the next bulletin.
        const again = await drive.post('coordinator', decisionsOf(carried.projectId), {
          kind: 'terminate',
          reason: '重复登记',
          meetingOn,
        });
        expect(again.status).toBe(409);
        const next = await createBulletinActivities({ db }).writeMonthlyBulletin({
          batchId,
          month: meetingOn.slice(0, 7),
          at: new Date(await ctx.env.currentTimeMs()).toISOString(),
        });
        const after = await db.selectFrom('bulletins').select('body').where('id', '=', next).executeTakeFirstOrThrow();
        expect(after.body).toContain('共 2 个项目：');
        expect(after.body).not.toContain('老城区雨污分流改造');

        // A project of the batch itself ended before the rating: the batch still rates, confirms and tells the rest.
        expect(
          (
            await drive.post('coordinator', decisionsOf(dropped.projectId), {
              kind: 'terminate',
              reason: '选址与新规划冲突，不再实施',
              meetingOn,
            })
          ).status,
        ).toBe(200);
        await drive.completeTask(report.id, 'official', { summary: '两个项目按计划推进，一个项目经常委会决定终止。' });
        const hearing = await drive.taskOpened(`task-${batchId}-yearEnd-hearing`);
        expect(
          (await drive.completeTask(hearing.id, 'coordinator', { heldOn: meetingOn, opinion: '同意' })).status,
        ).toBe(200);
        await drive.advanceTo(startOfChinaDay(`${year + 1}-01-12`).toISOString());
        const opened = await drive.decide(batchId, 'open-rating');
        expect(opened.status, opened.body.message).toBe(200);
        const sessionId = opened.body.rating.sessionId as string;
        for (const deputy of ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']) {
          const rated = await drive.rate(deputy, sessionId, [
            { projectId: own.projectId, choice: 'satisfied' },
            { projectId: dropped.projectId, choice: 'basicallySatisfied' },
          ]);
          expect(rated.status, rated.body.message).toBe(201);
        }
        const ratingClosed = await drive.decide(batchId, 'close-rating', { congressClosedOn: `${year + 1}-01-12` });
        expect(ratingClosed.status, ratingClosed.body.message).toBe(200);
        const confirm = await drive.taskOpened(`task-${batchId}-rating-confirmation`);
        const confirmed = await drive.completeTask(confirm.id, 'coordinator', {
          confirmedOn: `${year + 1}-01-12`,
          note: '',
        });
        expect(confirmed.status, confirmed.body.message).toBe(200);
        await expect(batch.result()).resolves.toMatchObject({ phase: 'closed' });
        await own.when((s) => s.rating?.outcome === 'satisfied', 'the running project told its outcome');

        // The batch's report carrying the project, and the project's change and termination, for the replay test.
        await recordHistory(batch, `annualBatch-${batchId}~carried-projects.json`);
        await recordHistory(carried.handle, `votedProject-${carried.projectId}~committee-decisions.json`);
        await terminateWhenIdle(own.handle, 'test finished');
      });
    },
  );
});

describe('POST /projects/:id/committee-decisions', () => {
  it(
    'refuses, with a reason and nothing recorded, what the committee could not have decided',
    { timeout: 120_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const today = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const year = Number(today.slice(0, 4)) + 1;
        const project = await startProject(drive, 'refusals', addDays(today, 90), '北山公园步道', year);
        const path = decisionsOf(project.projectId);
        const valid = {
          kind: 'changeDeadline',
          reason: '资金未到位',
          meetingOn: today,
          newDeadline: addDays(today, 150),
        };

        // Only the office records it.
        expect((await drive.post('official', path, valid)).status).toBe(403);
        // The schema: a reason, a meeting day, a known kind.
        const noReason = await drive.post('coordinator', path, { ...valid, reason: ' ' });
        expect(noReason.status).toBe(400);
        expect(noReason.body.message).toMatch(/reason/);
        expect((await drive.post('coordinator', path, { ...valid, kind: 'pause' })).status).toBe(400);
        expect((await drive.post('coordinator', path, { ...valid, meetingOn: '明天' })).status).toBe(400);
        // The workflow's rules, by code.
        const past = await drive.post('coordinator', path, { ...valid, newDeadline: addDays(today, -1) });
        expect(past.status).toBe(422);
        expect(past.body.code).toBe('newDeadlineInPast');
        const future = await drive.post('coordinator', path, { ...valid, meetingOn: addDays(today, 3) });
        expect(future.status).toBe(422);
        expect(future.body.code).toBe('meetingDayInvalid');
        const noScope = await drive.post('coordinator', path, { ...valid, kind: 'changeScope' });
        expect(noScope.status).toBe(422);
        expect(noScope.body.code).toBe('newScopeMissing');
        const noDoc = await drive.post('coordinator', path, { ...valid, documentId: 'doc-nowhere' });
        expect(noDoc.status).toBe(422);
        expect(noDoc.body.code).toBe('noSuchDocuments');
        expect(
          await drive.db
            .selectFrom('project_changes')
            .selectAll()
            .where('project_id', '=', project.projectId)
            .execute(),
        ).toEqual([]);

        // A change of scope with a new acceptance standard is recorded once for a retried request.
        const scope = {
          kind: 'changeScope',
          reason: '原址地质条件不适宜，步道缩短',
          meetingOn: today,
          scope: '步道 1.2 公里（原 2 公里）',
          acceptanceStandard: '1.2 公里步道通过竣工验收',
        };
        const send = async () =>
          request(drive.app)
            .post(path)
            .set(await drive.as('coordinator'))
            .set('Idempotency-Key', 'scope-decision-0001')
            .send(scope);
        const first = await send();
        expect(first.status, first.body.message).toBe(200);
        const retried = await send();
        expect(retried.status).toBe(200);
        expect(retried.body.changes).toHaveLength(1);
        expect(retried.body.responsibility.acceptanceStandard).toBe('1.2 公里步道通过竣工验收');
        const rows = await drive.db
          .selectFrom('project_changes')
          .select(['kind', 'scope', 'recorded_by_user_id'])
          .where('project_id', '=', project.projectId)
          .execute();
        expect(rows).toEqual([
          { kind: 'changeScope', scope: '步道 1.2 公里（原 2 公里）', recorded_by_user_id: 'coordinator' },
        ]);
        await terminateWhenIdle(project.handle, 'test finished');
      });
    },
  );
});

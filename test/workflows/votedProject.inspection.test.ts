import { describe, expect, it } from 'vitest';
import { groupWorkYear } from '../../domain/groupInspection';
import { endOfChinaDay } from '../../domain/projectRules';
import { addDays, chinaDay } from '../../domain/workingDays';
import { joinSupervisionGroupUpdate } from '../../workflows/votedProject.messages';
import { eventually } from '../support/fixtures';
import { recordHistory } from '../support/historyJson';
import { actorFor, type ProjectDriver, startProject, useProjectWorld } from '../support/projectDriver';
import { terminateWhenIdle } from '../support/endWorkflow';

// Its own time-skipping server: the clock of one scenario never leaks into another file's.
const ctx = useProjectWorld();

const actor = (id: string) => actorFor(ctx.testDb.db, id);

async function sleepUntil(at: string): Promise<void> {
  const wait = Date.parse(at) - (await ctx.env.currentTimeMs()) + 60_000;
  if (wait > 0) await ctx.env.sleep(wait);
}

async function groupNotices(project: ProjectDriver, title: RegExp, count: number) {
  return eventually(async () => {
    const n = (await project.notices()).filter((x) => title.test(x.title));
    return n.length >= count ? n : undefined;
  }, `${count} notices titled ${title}`);
}

describe('the supervision group’s mid-year inspection and year-end evaluation (docs/domain.md, "Supervision")', () => {
  it(
    'opens the concentrated inspection at mid-year, hands each listed item to the department by its own deadline, escalates an unanswered one, and records the year-end evaluation',
    { timeout: 300_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const today = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const project = await startProject(drive, 'inspect', addDays(today, 500), '城区老旧小区改造', 2031);
        for (const id of ['d1', 'd2', 'd3'])
          await project.handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor(id) }] });
        const planned = await project.when((s) => !!s.groupWork, 'the group’s year to be planned');
        const { nextInspectionAt, nextYearEndAt } = planned.groupWork!;
        // The batch's half-year and year-end report days, in China time.
        expect(new Date(Date.parse(nextInspectionAt) + 8 * 3_600_000).toISOString().slice(5, 16)).toBe('07-01T00:00');
        expect(new Date(Date.parse(nextYearEndAt) + 8 * 3_600_000).toISOString().slice(5, 16)).toBe('12-01T00:00');
        expect(planned.openTasks.map((t) => t.kind)).not.toContain('concentratedInspection');

        // Year-end and mid-year in the order they fall from today.
        const steps = [
          { at: nextYearEndAt, run: () => yearEnd(project, groupWorkYear(nextYearEndAt)) },
          { at: nextInspectionAt, run: () => midYear(project) },
        ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        for (const step of steps) {
          await sleepUntil(step.at);
          await step.run();
        }
        const evaluated = await project.state();
        expect(evaluated.groupWork!.inspections).toEqual([
          expect.objectContaining({ items: 2, findingIds: [expect.any(String), expect.any(String)] }),
        ]);
        // Both instants move on a year, so the next mid-year and year-end come round again.
        expect(Date.parse(evaluated.groupWork!.nextInspectionAt)).toBeGreaterThan(Date.parse(nextInspectionAt));
        expect(Date.parse(evaluated.groupWork!.nextYearEndAt)).toBeGreaterThan(Date.parse(nextYearEndAt));
        await recordHistory(project.handle, `votedProject-${project.projectId}.json`);
        await terminateWhenIdle(project.handle, 'scenario over');
      });

      async function yearEnd(project: ProjectDriver, year: number): Promise<void> {
        const task = await project.openTask('groupYearEndEvaluation');
        expect(task.assignee_ref).toBe('d1');
        const told = await groupNotices(project, /年终总体评价：城区老旧小区改造$/, 3);
        expect(told.map((n) => n.recipient_user_id).sort()).toEqual(['d1', 'd2', 'd3']);

        const drive = project.drive;
        const badGrade = await drive.completeTask(task.id, 'd1', { grade: 'excellent', text: '总体推进有力' });
        expect(badGrade.status).toBe(422);
        expect(badGrade.body.message).toMatch(/grade/);
        const done = await drive.completeTask(task.id, 'd1', {
          grade: 'fairlyGood',
          text: '总体推进有力，个别节点滞后',
        });
        expect(done.status, done.body.message).toBe(200);

        const state = await project.when((s) => (s.groupWork?.evaluations.length ?? 0) > 0, 'the evaluation');
        expect(state.groupWork!.evaluations).toEqual([
          expect.objectContaining({ year, grade: 'fairlyGood', text: '总体推进有力，个别节点滞后', evaluatedBy: 'd1' }),
        ]);
        const recorded = await eventually(async () => {
          const a = (await project.audit()).find((e) => e.action === 'project.groupYearEndEvaluation');
          return a;
        }, 'the evaluation on the project’s timeline');
        expect(recorded.detail).toEqual({ year, grade: 'fairlyGood', text: '总体推进有力，个别节点滞后' });
        const shown = await drive.get('coordinator', `/api/projects/${project.projectId}`);
        expect(shown.body.live.groupWork.evaluations[0]).toMatchObject({ year, grade: 'fairlyGood' });
      }

      async function midYear(project: ProjectDriver): Promise<void> {
        const drive = project.drive;
        const task = await project.openTask('concentratedInspection');
        expect(task.assignee_ref).toBe('d1');
        const told = await groupNotices(project, /年中集中视察：城区老旧小区改造$/, 3);
        expect(told.map((n) => n.recipient_user_id).sort()).toEqual(['d1', 'd2', 'd3']);

        const openedOn = task.payload.openedOn as string;
        const dueOn = addDays(openedOn, 20);
        // A due day that has already come is refused, and nothing is handed over.
        const late = await drive.completeTask(task.id, 'd1', {
          summary: '集中视察发现两处问题',
          items: [{ text: '排水管网未按图施工', dueOn: openedOn }],
        });
        expect(late.status).toBe(422);
        expect(late.body.message).toMatch(/items\.0\.dueOn/);
        const both = await drive.completeTask(task.id, 'd1', {
          summary: '集中视察发现两处问题',
          items: [{ text: '排水管网未按图施工', dueOn, dueWorkingDays: 5 }],
        });
        expect(both.status).toBe(422);
        expect((await project.state()).findings).toHaveLength(0);

        const done = await drive.completeTask(task.id, 'd1', {
          summary: '集中视察发现两处问题',
          items: [
            { text: '施工围挡破损，夜间无警示灯', dueWorkingDays: 3 },
            { text: '排水管网未按图施工', dueOn, photoIds: [] },
          ],
        });
        expect(done.status, done.body.message).toBe(200);
        const state = await project.when(
          (s) => s.openTasks.filter((t) => t.kind === 'findingResponse').length === 2,
          'both items handed to the department',
        );
        const [fence, drains] = [`${task.id}-item-1`, `${task.id}-item-2`];
        expect(state.findings).toEqual([
          { findingId: fence, round: 1, status: 'awaitingResponse' },
          { findingId: drains, round: 1, status: 'awaitingResponse' },
        ]);
        const rows = await drive.db
          .selectFrom('findings')
          .select(['id', 'filed_by', 'text', 'status'])
          .where('project_id', '=', project.projectId)
          .orderBy('id')
          .execute();
        expect(rows).toEqual([
          { id: fence, filed_by: 'd1', text: '施工围挡破损，夜间无警示灯', status: 'awaitingResponse' },
          { id: drains, filed_by: 'd1', text: '排水管网未按图施工', status: 'awaitingResponse' },
        ]);

        // Each item by its own deadline: the day the group named, or its working days.
        const taskOf = (findingId: string) => state.openTasks.find((t) => t.findingId === findingId)!.taskId;
        const drainsTask = await drive.taskOpened(taskOf(drains));
        expect(drainsTask.due_at.toISOString()).toBe(endOfChinaDay(dueOn));
        expect(drainsTask.assignee_ref).toBe('dept-roads');
        const fenceTask = await drive.taskOpened(taskOf(fence));
        expect(fenceTask.due_at.getTime()).toBeLessThan(drainsTask.due_at.getTime());

        // The department answers one; every member is told.
        const answered = await drive.completeTask(fenceTask.id, 'official', { response: '已更换围挡并加装警示灯' });
        expect(answered.status, answered.body.message).toBe(200);
        const toldAnswered = await groupNotices(project, /^责任单位已答复监督意见：/, 3);
        expect(toldAnswered.map((n) => n.recipient_user_id).sort()).toEqual(['d1', 'd2', 'd3']);

        // The other lapses: it escalates at its deadline and stays open.
        await sleepUntil(drainsTask.due_at.toISOString());
        await eventually(async () => {
          const escalated = await drive.db
            .selectFrom('notices')
            .select('id')
            .where('task_id', '=', drainsTask.id)
            .where('kind', '=', 'escalation')
            .execute();
          return escalated.length > 0 ? true : undefined;
        }, 'the unanswered item to escalate');
        expect((await project.state()).findings.find((f) => f.findingId === drains)?.status).toBe('awaitingResponse');
      }
    },
  );
});

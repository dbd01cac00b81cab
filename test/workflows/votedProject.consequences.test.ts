import { describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import { joinSupervisionGroupUpdate, ratingOutcomeSignal } from '../../workflows/votedProject.messages';
import { eventually } from '../support/fixtures';
import { actorFor, DAY, type ProjectDriver, startProject, useProjectWorld } from '../support/projectDriver';
import { terminateWhenIdle } from '../support/endWorkflow';

// Its own time-skipping server: the clock of one scenario never leaks into another file's.
const ctx = useProjectWorld();
const actor = (id: string) => actorFor(ctx.testDb.db, id);

/** The people each open explanation task waits for. */
async function explainers(project: ProjectDriver): Promise<string[]> {
  const state = await project.state();
  const ids = state.openTasks.filter((t) => t.kind === 'explanation').map((t) => t.taskId);
  if (ids.length === 0) return [];
  const rows = await ctx.testDb.db.selectFrom('tasks').select('assignee_ref').where('id', 'in', ids).execute();
  return rows.map((r) => r.assignee_ref ?? '').sort();
}

describe('a voted project’s rating consequences (docs/domain.md, "Consequences")', () => {
  it(
    'has only the project unit’s principal head explain a 基本满意, and the committee hears it',
    { timeout: 120_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const today = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const project = await startProject(drive, 'basic', addDays(today, 200), '城南农贸市场改造', 2030);
        await project.handle.signal(ratingOutcomeSignal, {
          batchId: (await project.state()).batchId,
          outcome: 'basicallySatisfied',
          counts: { satisfied: 20, basicallySatisfied: 25, unsatisfied: 5 },
          ratedAt: new Date(await ctx.env.currentTimeMs()).toISOString(),
        });
        await project.when((s) => s.consequence.stage === 'explaining', 'the explanation to be asked for');
        await project.openTask('explanation');
        expect(await explainers(project)).toEqual(['dept-roads']);
        expect((await project.state()).consequence.explanationsExpected).toBe(1);

        await project.complete('explanation', 'official', { text: '部分摊位改造滞后的原因和措施' });
        // One explanation is all a 基本满意 owes: the committee's hearing follows it.
        await project.complete('explanationHearing', 'coordinator', {
          heldOn: chinaDay(new Date(await ctx.env.currentTimeMs())),
          opinion: '同意',
        });
        const settled = await project.when((s) => s.consequence.stage === 'settled', 'the hearing to settle it');
        expect(settled.openTasks.filter((t) => t.kind === 'explanation')).toEqual([]);
        // Its consequences are what this scenario is about: left running, its weekly cadence would hold the shared
        // test server's clock back while the next scenario skips a month.
        await terminateWhenIdle(project.handle, 'scenario over');
      });
    },
  );

  it(
    'has the responsible vice head explain a 不满意, counts the rectification from the congress’s closing day, and escalates a lapsed re-rating',
    { timeout: 180_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const now = await ctx.env.currentTimeMs();
        const today = chinaDay(new Date(now));
        const project = await startProject(drive, 'unsat', addDays(today, 200), '城北污水管网', 2031);
        const { batchId } = await project.state();
        for (const id of ['d1', 'd2', 'd3'])
          await project.handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor(id) }] });
        // The office recorded, at the rating's close, that the congress closes four days later.
        const congressClosedOn = addDays(today, 4);
        await ctx.testDb.db
          .insertInto('rating_sessions')
          .values({
            id: `rating-${batchId}`,
            batch_id: batchId,
            kind: 'congress',
            project_ids: [project.projectId],
            status: 'closed',
            opened_by: 'coordinator',
            opened_at: new Date(now - DAY).toISOString(),
            closed_at: new Date(now).toISOString(),
            congress_closed_on: congressClosedOn,
          })
          .execute();
        await project.handle.signal(ratingOutcomeSignal, {
          batchId,
          outcome: 'unsatisfied',
          counts: { satisfied: 5, basicallySatisfied: 10, unsatisfied: 35 },
          ratedAt: new Date(now).toISOString(),
        });
        await project.when((s) => s.consequence.stage === 'rectifying', 'the consequences to start');
        await project.openTask('explanation');
        expect(await explainers(project)).toEqual(['leader']);

        // Three months from the congress's closing day, to the end of that day in China.
        const [y, m, d] = congressClosedOn.split('-').map(Number) as [number, number, number];
        const dueDay = new Date(Date.UTC(y, m - 1 + 3, 1));
        const lastDay = new Date(Date.UTC(dueDay.getUTCFullYear(), dueDay.getUTCMonth() + 1, 0)).getUTCDate();
        const expectedDay = `${dueDay.toISOString().slice(0, 8)}${String(Math.min(d, lastDay)).padStart(2, '0')}`;
        const rectification = await project.openTask('rectificationReport');
        expect(rectification.due_at.toISOString()).toBe(new Date(`${expectedDay}T23:59:59+08:00`).toISOString());
        expect(rectification.payload).toMatchObject({ congressClosedOn });

        await project.complete('explanation', 'leader', { text: '征地延误，已倒排工期' });
        await project.complete('rectificationReport', 'official', {
          summary: '已调整施工组织',
          measures: ['增加施工班组'],
        });
        const awaiting = await project.when(
          (s) => s.consequence.stage === 'awaitingReRating',
          'the rectification report to be taken in',
        );
        // reRatingDueDays (30 by default) from the report: then the office and the leader are pressed.
        const reRatingDueAt = Date.parse(awaiting.consequence.reRatingDueAt!);
        expect(reRatingDueAt - (await ctx.env.currentTimeMs())).toBeGreaterThan(29 * DAY);
        expect(reRatingDueAt - (await ctx.env.currentTimeMs())).toBeLessThanOrEqual(30 * DAY);
        const overdue = async () =>
          (await project.notices()).filter((n) => /再次测评已逾期/.test(n.title) && n.kind === 'escalation');
        expect(await overdue()).toEqual([]);

        await ctx.env.sleep(reRatingDueAt - (await ctx.env.currentTimeMs()) + 60_000);
        const pressed = await eventually(
          async () => ((await overdue()).length >= 2 ? await overdue() : undefined),
          'the lapsed re-rating to escalate',
        );
        expect(pressed.map((n) => n.recipient_user_id).sort()).toEqual(['coordinator', 'leader']);
        expect((await project.audit()).map((a) => a.action)).toContain('project.reRatingOverdue');
        expect((await project.state()).consequence.reRatingEscalations).toBe(1);
      });
    },
  );
});

import { describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import {
  acceptCompletionUpdate,
  fileFindingUpdate,
  joinSupervisionGroupUpdate,
  ratingOutcomeSignal,
  reviewFindingUpdate,
} from '../../workflows/votedProject.messages';
import { actorFor, DAY, firstSeen, rejection, startProject, useProjectWorld } from '../support/projectDriver';

// Its own time-skipping server: the clock of one long scenario never leaks into another.
const ctx = useProjectWorld();

const actor = (id: string) => actorFor(ctx.testDb.db, id);
const start = startProject;

describe('voted project workflow', () => {
  it(
    'delivers a project on time: weekly reports, a supervision finding answered twice, acceptance, use, 满意, and the one-year look-back',
    { timeout: 240_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const startedOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const project = await start(drive, 'ontime', addDays(startedOn, 220), '城关小学食堂改扩建', 2027);
        const handle = project.handle;

        // The department plans its stages through the API; a plan past the deadline, or from another department, is refused.
        const deadline = addDays(startedOn, 220);
        const plan = [
          { stage: 'preparation', plannedStart: startedOn, plannedEnd: addDays(startedOn, 29) },
          { stage: 'construction', plannedStart: addDays(startedOn, 30), plannedEnd: addDays(startedOn, 189) },
          { stage: 'acceptance', plannedStart: addDays(startedOn, 190), plannedEnd: deadline },
        ];
        const path = `/api/projects/${project.projectId}/stage-plan`;
        const late = await drive.put('official', path, {
          plan: plan.map((p, i) => (i === 2 ? { ...p, plannedEnd: addDays(deadline, 5) } : p)),
        });
        expect(late.status).toBe(422);
        expect(late.body.message).toContain(`acceptance must end by the deadline ${deadline}`);
        expect((await drive.put('outsider', path, { plan })).status).toBe(403);
        const planned = await drive.put('official', path, { plan });
        expect(planned.status, planned.body.message).toBe(200);
        expect((await project.state()).plan).toEqual(plan);

        // The supervision group: three deputies sign up; a group holds at most five.
        for (const id of ['d1', 'd2', 'd3', 'd4', 'd5'])
          await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor(id) }] });
        const full = await rejection(
          handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('d6') }] }),
        );
        expect(full).toMatchObject({
          type: 'ProjectOutOfPhase',
          message: expect.stringMatching(/full: it has 5 of at most 5/),
        });
        const notDeputy = await rejection(
          handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('official') }] }),
        );
        expect(notDeputy.type).toBe('ProjectForbidden');

        // A finding goes to the department with a deadline; the group reopens the first answer, accepts the second.
        const outsiderFinding = await rejection(
          handle.executeUpdate(fileFindingUpdate, {
            args: [{ actor: await actor('d6'), findingId: 'finding-x', text: '围挡破损', photoIds: [] }],
          }),
        );
        expect(outsiderFinding.type).toBe('ProjectForbidden');
        await handle.executeUpdate(fileFindingUpdate, {
          args: [
            { actor: await actor('d1'), findingId: 'finding-fence', text: '施工围挡破损，存在安全隐患', photoIds: [] },
          ],
        });
        const firstResponse = await project.openTask('findingResponse');
        expect(firstResponse).toMatchObject({ assignee_ref: 'dept-roads' });
        await project.complete('findingResponse', 'official', { response: '已安排修复' });
        await handle.executeUpdate(reviewFindingUpdate, {
          args: [{ actor: await actor('d2'), findingId: 'finding-fence', accepted: false, note: '现场复查仍未修复' }],
        });
        await project.complete('findingResponse', 'colleague', { response: '已更换全部围挡，附照片' });
        const accepted = await handle.executeUpdate(reviewFindingUpdate, {
          args: [{ actor: await actor('d1'), findingId: 'finding-fence', accepted: true, note: '' }],
        });
        expect(accepted).toEqual({ findingId: 'finding-fence', round: 2, status: 'accepted' });

        // Weekly progress a little ahead of plan until it is complete: no warning is ever raised.
        // Completion acceptance is the government's (docs/domain.md, "Levels"): the office's decision is refused.
        const byOffice = await rejection(
          handle.executeUpdate(acceptCompletionUpdate, { args: [{ actor: await actor('coordinator') }] }),
        );
        expect(byOffice).toMatchObject({ type: 'ProjectOutOfPhase', message: expect.stringMatching(/government’s/) });
        // A report over 100%, or one that goes backwards without a reason, is refused and changes nothing.
        await project.week((planned) => planned + 5);
        await ctx.env.sleep(7 * DAY);
        const report = await project.openTask('progressReport');
        const previous = (await project.state()).progress!.percent;
        const over = await drive.completeTask(report.id, 'official', {
          percent: 101,
          stage: 'construction',
          text: '超报',
          photoIds: [],
        });
        expect(over.status).toBe(422);
        expect(over.body.message).toMatch(/between 0 and 100/);
        const backwards = await drive.completeTask(report.id, 'official', {
          percent: previous - 3,
          stage: 'preparation',
          text: '返工',
          photoIds: [],
        });
        expect(backwards.status).toBe(422);
        expect(backwards.body.message).toContain(`progress went from ${previous}% to ${previous - 3}%: say why`);
        expect((await project.state()).progress!.percent).toBe(previous);
        await project.complete('progressReport', 'official', {
          percent: previous - 3,
          stage: 'preparation',
          text: '返工',
          photoIds: [],
          reason: '基础验收不合格，返工重做',
        });
        await project.complete('supervisionCheck', 'leader', { note: '返工已核实' });

        let state = await project.state();
        while ((state.progress?.percent ?? 0) < 100) {
          await project.week((planned) => Math.min(100, planned + 5));
          // The group inspects at mid-year and evaluates at year-end, whichever falls in these weeks.
          await project.answerGroupTasks();
          state = await project.state();
        }
        expect(state.warning.level).toBe('none');
        expect(state.cadence.evaluations).toBeGreaterThanOrEqual(2);
        // The responsible leader appraises quarterly, and arranges and records the acceptance of the completed project.
        await project.complete('quarterlyEvaluation', 'leader', { score: 92, note: '按计划推进' });
        const today = chinaDay(new Date(await ctx.env.currentTimeMs()));
        await project.complete('acceptanceArrangement', 'leader', { heldOn: today, place: '城关小学' });
        await project.complete('completionAcceptance', 'leader', {
          outcome: 'passed',
          acceptedOn: today,
          opinion: '符合验收标准',
          inUseOn: addDays(today, 10),
        });
        state = await project.when((s) => s.phase === 'inUse', 'the project to go into use');

        // The next congress rates it 满意: no consequences.
        await project.sleepAnsweringGroup(120 * DAY);
        await handle.signal(ratingOutcomeSignal, {
          batchId: state.batchId,
          outcome: 'satisfied',
          counts: { satisfied: 40, basicallySatisfied: 5, unsatisfied: 1 },
          ratedAt: new Date(await ctx.env.currentTimeMs()).toISOString(),
        });
        await project.when((s) => s.rating !== null, 'the rating to arrive');
        expect((await project.state()).consequence.stage).toBe('none');

        // One year in use: a performance evaluation and the group's look-back, whose suggestion must be closed.
        await project.sleepAnsweringGroup(
          Date.parse(state.postEvaluation!.dueAt) - (await ctx.env.currentTimeMs()) + 60_000,
        );
        const lookBack = await project.openTask('lookBack');
        expect(lookBack).toMatchObject({ assignee_kind: 'user', assignee_ref: 'd1' });
        await project.complete('performanceEvaluation', 'finance', { score: 90, summary: '使用效果良好' });
        await project.complete('lookBack', 'd1', { summary: '总体良好', suggestions: ['增设无障碍坡道'] });
        await project.complete('lookBackRectification', 'official', { note: '坡道已建成' });

        const final = await project.closed();
        expect(final.phase).toBe('closed');
        const row = await ctx.testDb.db
          .selectFrom('projects')
          .selectAll()
          .where('id', '=', project.projectId)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          phase: 'closed',
          progress_percent: 100,
          warning: 'none',
          rating_outcome: 'satisfied',
          consequence: null,
        });
        const finding = await ctx.testDb.db
          .selectFrom('findings')
          .selectAll()
          .where('id', '=', 'finding-fence')
          .executeTakeFirstOrThrow();
        expect(finding).toMatchObject({ status: 'accepted', round: 2, response: '已更换全部围挡，附照片' });
        expect(firstSeen((await project.audit()).map((a) => a.action))).toEqual(
          expect.arrayContaining([
            'project.groupJoined',
            'finding.filed',
            'finding.responded',
            'finding.awaitingResponse',
            'finding.accepted',
            'project.accepted',
            'project.inUse',
            'project.rated',
            'project.postEvaluationStarted',
            'project.closed',
          ]),
        );
        expect((await project.notices()).some((n) => n.kind === 'escalation')).toBe(false);
        // Acceptance cancelled the cadence tasks nobody needed any more: nothing of this project is left open.
        const tasks = await ctx.testDb.db
          .selectFrom('tasks')
          .select(['kind', 'status'])
          .where('owner_workflow_id', '=', project.projectId)
          .execute();
        expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
        expect(tasks.filter((t) => t.status === 'cancelled').map((t) => t.kind)).toContain('quarterlyEvaluation');

        const afterClose = await ctx.env.client.workflow
          .getHandle(project.projectId)
          .executeUpdate(fileFindingUpdate, {
            args: [{ actor: await actor('d1'), findingId: 'finding-late', text: '太晚了', photoIds: [] }],
          })
          .then(
            () => 'accepted',
            () => 'refused',
          );
        expect(afterClose).toBe('refused');
      });
    },
  );
});

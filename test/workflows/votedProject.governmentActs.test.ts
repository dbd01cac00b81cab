import { describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import {
  acceptCompletionUpdate,
  enterUseUpdate,
  joinSupervisionGroupUpdate,
  ratingOutcomeSignal,
} from '../../workflows/votedProject.messages';
import { eventually, jurisdictionId } from '../support/fixtures';
import { recordHistory } from '../support/historyJson';
import { actorFor, DAY, firstSeen, rejection, startProject, useProjectWorld } from '../support/projectDriver';
import { terminateWhenIdle } from '../support/endWorkflow';

// Its own time-skipping server: the clock of one long scenario never leaks into another file's.
const ctx = useProjectWorld();
const actor = (id: string) => actorFor(ctx.testDb.db, id);
const today = async () => chinaDay(new Date(await ctx.env.currentTimeMs()));

/** 人大票决监督、政府组织实施 (docs/domain.md, "Levels"): the government performs its acts; the office sees them. */
describe('a voted project’s government acts', () => {
  it(
    'has the responsible leader appraise quarterly and accept the completion (the group invited), and finance evaluate performance; the office only sees them',
    { timeout: 300_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const startedOn = await today();
        const project = await startProject(drive, 'govacts', addDays(startedOn, 150), '城关镇便民市场', 2033);
        const { handle } = project;
        for (const id of ['d1', 'd2', 'd3'])
          await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor(id) }] });
        // The workflow takes a completion in before its notices are written: wait for them.
        const notices = (title: RegExp, expected: string[]) =>
          eventually(
            async () => {
              const to = [
                ...new Set(
                  (await project.notices()).filter((n) => title.test(n.title)).map((n) => n.recipient_user_id ?? ''),
                ),
              ].sort();
              return to.length >= expected.length ? to : undefined;
            },
            `notices ${String(title)}`,
          );

        // 季考评: three months on, the responsible leader appraises; the office cannot, and is told the result.
        await ctx.env.sleep(92 * DAY);
        const appraisal = await project.openTask('quarterlyEvaluation');
        expect(appraisal).toMatchObject({ assignee_kind: 'user', assignee_ref: 'leader' });
        const byOffice = await drive.completeTask(appraisal.id, 'coordinator', { score: 80, note: '代为考评' });
        expect(byOffice.status).toBe(403);
        await project.complete('quarterlyEvaluation', 'leader', { score: 85, note: '进度正常，质量可控' });
        await project.when(
          (s) => !s.openTasks.some((t) => t.kind === 'quarterlyEvaluation'),
          'the appraisal to be taken in',
        );
        expect(await notices(/^季度考评结果：/, ['coordinator'])).toEqual(['coordinator']);

        // The office's old direct decisions are refused, with a reason, in a project started now.
        const direct = await rejection(
          handle.executeUpdate(acceptCompletionUpdate, { args: [{ actor: await actor('coordinator') }] }),
        );
        expect(direct).toMatchObject({ type: 'ProjectOutOfPhase', message: expect.stringMatching(/government’s/) });
        const viaApi = await drive.post('coordinator', `/api/projects/${project.projectId}/accept-completion`, {});
        expect(viaApi.status).toBe(409);
        expect(viaApi.body).toMatchObject({ code: 'acceptanceIsGovernments' });

        // The department reports 100%: the government is asked to arrange the completion acceptance.
        await project.complete('progressReport', 'official', {
          percent: 100,
          stage: 'acceptance',
          text: '主体和配套全部完工，申请竣工验收',
          photoIds: [],
        });
        const arrangement = await project.openTask('acceptanceArrangement');
        expect(arrangement).toMatchObject({ assignee_kind: 'user', assignee_ref: 'leader' });
        expect(arrangement.payload).toMatchObject({ acceptanceStandard: '通过竣工验收', percent: 100 });
        expect(
          (await drive.completeTask(arrangement.id, 'coordinator', { heldOn: await today(), place: 'x' })).status,
        ).toBe(403);
        const heldOn = addDays(await today(), 3);
        await project.complete('acceptanceArrangement', 'leader', {
          heldOn,
          place: '市场项目现场',
          note: '请携带监督记录',
        });
        // The supervision group is invited to attend; the office is told.
        expect(await notices(/^竣工验收邀请：/, ['d1', 'd2', 'd3'])).toEqual(['d1', 'd2', 'd3']);
        expect(await notices(/^竣工验收已安排：/, ['coordinator'])).toEqual(['coordinator']);
        const record = await project.openTask('completionAcceptance');
        expect(record).toMatchObject({ assignee_ref: 'leader', payload: expect.objectContaining({ heldOn }) });

        // Not passed: the department finishes the work and reports it complete again, which asks again.
        await ctx.env.sleep(3 * DAY);
        await project.complete('completionAcceptance', 'leader', {
          outcome: 'failed',
          acceptedOn: heldOn,
          opinion: '无障碍通道未达验收标准',
          inUseOn: null,
        });
        expect((await project.state()).phase).toBe('implementation');
        // The department (everyone in it) and the office hear why.
        const failedTo = ['colleague', 'coordinator', 'official'];
        expect(await notices(/^竣工验收未通过：/, failedTo)).toEqual(failedTo);
        await ctx.env.sleep(7 * DAY);
        await project.complete('progressReport', 'official', {
          percent: 100,
          stage: 'acceptance',
          text: '无障碍通道已整改，再次申请验收',
          photoIds: [],
        });
        const second = addDays(await today(), 1);
        await project.complete('acceptanceArrangement', 'leader', { heldOn: second, place: '市场项目现场' });

        // Passed: its record names the day it goes into use; the office sees the result and decides nothing.
        await ctx.env.sleep(DAY);
        const inUseOn = addDays(second, 5);
        const early = await drive.completeTask((await project.openTask('completionAcceptance')).id, 'leader', {
          outcome: 'passed',
          acceptedOn: second,
          opinion: '符合验收标准',
          inUseOn: addDays(second, -1),
        });
        expect(early.status).toBe(422);
        await project.complete('completionAcceptance', 'leader', {
          outcome: 'passed',
          acceptedOn: second,
          opinion: '符合验收标准，同意交付使用',
          inUseOn,
        });
        const inUse = await project.when((s) => s.phase === 'inUse', 'the project to go into use');
        expect(inUse.inUseOn).toBe(inUseOn);
        expect(await notices(/^竣工验收通过：/, ['coordinator'])).toEqual(['coordinator']);
        const useByOffice = await rejection(
          handle.executeUpdate(enterUseUpdate, { args: [{ actor: await actor('coordinator'), inUseOn }] }),
        );
        expect(useByOffice.message).toMatch(/government’s/);

        await handle.signal(ratingOutcomeSignal, {
          batchId: inUse.batchId,
          outcome: 'satisfied',
          counts: { satisfied: 40, basicallySatisfied: 5, unsatisfied: 1 },
          ratedAt: new Date(await ctx.env.currentTimeMs()).toISOString(),
        });
        await project.when((s) => s.rating !== null, 'the rating to arrive');

        // A year in use: the finance department evaluates performance; the office is told the result.
        await ctx.env.sleep(Date.parse(inUse.postEvaluation!.dueAt) - (await ctx.env.currentTimeMs()) + 60_000);
        const evaluation = await project.openTask('performanceEvaluation');
        expect(evaluation).toMatchObject({ assignee_kind: 'role', assignee_ref: `${jurisdictionId}:financeOfficer` });
        expect((await drive.completeTask(evaluation.id, 'coordinator', { score: 90, summary: '良好' })).status).toBe(
          403,
        );
        await project.complete('performanceEvaluation', 'finance', { score: 91, summary: '资金使用规范，效益良好' });
        await project.complete('lookBack', 'd1', { summary: '运行良好', suggestions: [] });
        const final = await project.closed();
        expect(final.phase).toBe('closed');
        expect(await notices(/^绩效评价结果：/, ['coordinator'])).toEqual(['coordinator']);

        const audit = await project.audit();
        expect(firstSeen(audit.map((a) => a.action))).toEqual(
          expect.arrayContaining([
            'project.quarterlyEvaluated',
            'project.acceptanceRequested',
            'project.acceptanceArranged',
            'project.acceptanceFailed',
            'project.accepted',
            'project.inUse',
            'project.performanceEvaluated',
            'project.closed',
          ]),
        );
        expect(audit.find((a) => a.action === 'project.accepted')?.detail).toMatchObject({
          acceptedOn: second,
          standard: '通过竣工验收',
          by: 'leader',
        });
        // The office performed none of them: every government task was completed by the government side.
        const done = await ctx.testDb.db
          .selectFrom('tasks')
          .select(['kind', 'completed_by'])
          .where('owner_workflow_id', '=', project.projectId)
          .where('kind', 'in', [
            'quarterlyEvaluation',
            'acceptanceArrangement',
            'completionAcceptance',
            'performanceEvaluation',
          ])
          .where('status', '=', 'done')
          .execute();
        expect(new Set(done.map((t) => t.kind)).size).toBe(4);
        expect(done.filter((t) => t.completed_by === 'coordinator')).toEqual([]);

        await recordHistory(handle, `votedProject-${project.projectId}.json`);
      });
    },
  );

  it(
    'names a township’s presidium, not the standing committee, in the consequences of its rating',
    { timeout: 120_000 },
    async () => {
      await ctx.testDb.db
        .updateTable('jurisdictions')
        .set({ level: 'township', name: '测试镇' })
        .where('id', '=', jurisdictionId)
        .execute();
      await ctx.world.withWorker(async (drive) => {
        const project = await startProject(drive, 'township', addDays(await today(), 200), '镇村组道路硬化', 2034);
        const { batchId } = await project.state();
        await project.handle.signal(ratingOutcomeSignal, {
          batchId,
          outcome: 'unsatisfied',
          counts: { satisfied: 5, basicallySatisfied: 10, unsatisfied: 35 },
          ratedAt: new Date(await ctx.env.currentTimeMs()).toISOString(),
        });
        const explanation = await project.openTask('explanation');
        expect(explanation.title).toBe('分管副乡镇长说明：镇村组道路硬化');
        await project.complete('explanation', 'leader', { text: '征地延误，已倒排工期' });
        const hearing = await project.openTask('explanationHearing');
        expect(hearing.title).toBe('乡镇人大主席团听取说明：镇村组道路硬化');
        await project.complete('rectificationReport', 'official', { summary: '已整改', measures: ['增加施工班组'] });
        await project.when((s) => s.consequence.stage === 'awaitingReRating', 'the rectification to be reported');
        const rectified = await eventually(async () => {
          const rows = await ctx.testDb.db
            .selectFrom('notices')
            .select(['title', 'body'])
            .where('workflow_id', '=', project.projectId)
            .execute();
          return rows.some((n) => n.title.startsWith('整改已报告')) ? rows : undefined;
        }, 'the office to be told of the rectification');
        expect(rectified.find((n) => n.title.startsWith('整改已报告'))?.body).toMatch(/主席团成员再次测评/);
        const words = rectified.map((n) => `${n.title} ${n.body}`).join('\n');
        const titles = await ctx.testDb.db
          .selectFrom('tasks')
          .select('title')
          .where('owner_workflow_id', '=', project.projectId)
          .execute();
        expect(`${words}\n${titles.map((t) => t.title).join('\n')}`).not.toMatch(/常委会|副县长/);
        await terminateWhenIdle(project.handle, 'scenario over');
      });
    },
  );
});

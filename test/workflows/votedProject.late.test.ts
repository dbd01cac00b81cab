import { describe, expect, it } from 'vitest';
import { encodeRatingSheet } from '../../domain/ballotEncoding';
import type { RatingOutcome } from '../../domain/rating';
import { addDays, chinaDay } from '../../domain/workingDays';
import {
  joinSupervisionGroupUpdate,
  openReRatingUpdate,
  type ProjectState,
  ratingOutcomeSignal,
} from '../../workflows/votedProject.messages';
import { eventually } from '../support/fixtures';
import { recordHistory } from '../support/historyJson';
import { actorFor, DAY, firstSeen, rejection, startProject, useProjectWorld } from '../support/projectDriver';

// Its own time-skipping server: the clock of one long scenario never leaks into another.
const ctx = useProjectWorld();

const actor = (id: string) => actorFor(ctx.testDb.db, id);
const start = startProject;

describe('voted project workflow', () => {
  it(
    'follows a late project from red warning to 不满意, rectification, a re-rating still 不满意 and a special inquiry held to its end, over two and a half years',
    { timeout: 300_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        const startedAt = await ctx.env.currentTimeMs();
        const project = await start(
          drive,
          'late',
          addDays(chinaDay(new Date(startedAt)), 220),
          '县道X012路面改造',
          2028,
        );
        const handle = project.handle;
        await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('d7') }] });

        // The department reports half of what the plan expects; one week it does not report at all.
        let weeks = 0;
        let state = await project.state();
        const levels: string[] = [];
        while (Date.parse(state.cadence.nextProgressAt) - startedAt < 520 * DAY) {
          weeks += 1;
          await project.week((planned) => (weeks === 6 ? null : Math.floor(planned / 2)));
          state = await project.state();
          if (levels.at(-1) !== state.warning.level) levels.push(state.warning.level);
          if (weeks === 6) {
            // Unanswered: at its due instant the report escalates to the responsible leader.
            const missed = await project.openTask('progressReport');
            await ctx.env.sleep(missed.due_at.getTime() - (await ctx.env.currentTimeMs()) + 60_000);
            await eventually(
              async () =>
                (
                  await ctx.testDb.db
                    .selectFrom('notices')
                    .select('id')
                    .where('task_id', '=', missed.id)
                    .where('kind', '=', 'escalation')
                    .where('recipient_user_id', '=', 'leader')
                    .execute()
                ).length > 0
                  ? true
                  : undefined,
              'the missed report to escalate',
            );
            await project.complete('progressReport', 'official', {
              percent: Math.floor(state.warning.plannedPercent / 2),
              stage: 'preparation',
              text: '补报',
              photoIds: [],
            });
          }
        }
        expect(levels).toEqual(expect.arrayContaining(['blue', 'yellow', 'red']));
        expect(state.warning).toMatchObject({ level: 'red', reason: expect.stringMatching(/^完成时限.*已过/) });
        const warningNotices = (await project.notices())
          .filter((n) => n.recipient_user_id === 'leader' && /预警：/.test(n.title))
          .map((n) => n.title.split('：')[0]);
        expect(warningNotices).toEqual(['蓝色预警', '黄色预警', '红色预警']);

        // The congress rates it 不满意: the responsible vice head explains, and the department rectifies within three months.
        const ratedAt = new Date(await ctx.env.currentTimeMs()).toISOString();
        await handle.signal(ratingOutcomeSignal, {
          batchId: state.batchId,
          outcome: 'unsatisfied',
          counts: { satisfied: 10, basicallySatisfied: 12, unsatisfied: 30 },
          ratedAt,
        });
        state = await project.when(
          (s) =>
            s.consequence.stage === 'rectifying' && s.openTasks.filter((t) => t.kind === 'explanation').length === 1,
          'the consequences to start',
        );
        const rectification = await project.openTask('rectificationReport');
        expect(rectification.due_at.toISOString().slice(0, 10)).toBe(
          new Date(new Date(ratedAt).setUTCMonth(new Date(ratedAt).getUTCMonth() + 3)).toISOString().slice(0, 10),
        );
        const tooEarly = await rejection(
          handle.executeUpdate(openReRatingUpdate, { args: [{ actor: await actor('coordinator') }] }),
        );
        expect(tooEarly).toMatchObject({
          type: 'ProjectOutOfPhase',
          message: expect.stringMatching(/follows the rectification report/),
        });

        const explanations = (await project.state()).openTasks.filter((t) => t.kind === 'explanation');
        const explainers = await ctx.testDb.db
          .selectFrom('tasks')
          .select(['id', 'assignee_ref'])
          .where(
            'id',
            'in',
            explanations.map((t) => t.taskId),
          )
          .execute();
        expect(explainers.map((t) => t.assignee_ref)).toEqual(['leader']);
        for (const t of explainers) {
          const res = await drive.completeTask(t.id, t.assignee_ref === 'leader' ? 'leader' : 'official', {
            text: '进度滞后的原因是征地拆迁延误',
          });
          expect(res.status, res.body.message).toBe(200);
        }
        await project.complete('explanationHearing', 'coordinator', {
          heldOn: chinaDay(new Date(await ctx.env.currentTimeMs())),
          opinion: '责成限期整改',
        });
        await project.complete('rectificationReport', 'official', {
          summary: '已调整施工组织',
          measures: ['增加施工班组', '倒排工期'],
        });
        await project.when(
          (s) => s.consequence.stage === 'awaitingReRating',
          'the rectification report to be taken in',
        );

        // Standing committee members re-rate, anonymously, by the same rule: still 不满意.
        // Through the API, whose sheets are sealed to a key its scrutineers hold in shares (docs/secrecy.md).
        const openedRes = await drive.post('coordinator', `/api/projects/${project.projectId}/re-rating/open`, {
          scrutineers: ['王监票', '李监票', '张监票'],
        });
        expect(openedRes.status, openedRes.body.message).toBe(200);
        const opened = openedRes.body as ProjectState & { box: { threshold: number; shares: { share: string }[] } };
        expect(opened.box.threshold).toBe(2);
        const shares = opened.box.shares.map((s) => s.share);
        const sessionId = opened.consequence.reRating!.sessionId;
        // One project, so the fixed-length sheet is its one code (docs/secrecy.md).
        const sheet = (choice: RatingOutcome) => ({
          sheet: encodeRatingSheet([{ projectId: project.projectId, choice }], [project.projectId]),
        });
        expect((await drive.post('d1', `/api/rating-sessions/${sessionId}/ratings`, sheet('satisfied'))).status).toBe(
          403,
        );
        for (const [member, choice] of [
          ['cm1', 'unsatisfied'],
          ['cm2', 'unsatisfied'],
          ['cm3', 'basicallySatisfied'],
        ] as [string, RatingOutcome][]) {
          const rated = await drive.post(member!, `/api/rating-sessions/${sessionId}/ratings`, sheet(choice!));
          expect(rated.status, rated.body.message).toBe(201);
        }
        // Sealed until the scrutineers open them: nothing in the clear beside the receipts.
        const rows = (table: 'sealed_rating_sheets' | 'ratings') =>
          ctx.testDb.db.selectFrom(table).select('id').where('session_id', '=', sessionId).execute();
        expect(await rows('sealed_rating_sheets')).toHaveLength(3);
        expect(await rows('ratings')).toHaveLength(0);
        const oneShare = await drive.post('coordinator', `/api/projects/${project.projectId}/re-rating/close`, {
          shares: [shares[0]],
        });
        expect(oneShare.status).toBe(422);
        const closedRes = await drive.post('coordinator', `/api/projects/${project.projectId}/re-rating/close`, {
          shares: [shares[2], shares[0]],
        });
        expect(closedRes.status, closedRes.body.message).toBe(200);
        expect(await rows('sealed_rating_sheets')).toHaveLength(0);
        expect(await rows('ratings')).toHaveLength(3);
        const reRated = closedRes.body as ProjectState;
        // Three members: a count of 2:1 would tell who rated how, so only the outcome is kept and published.
        expect(reRated.consequence).toMatchObject({
          stage: 'oversight',
          reRating: { outcome: 'unsatisfied', counts: null },
        });
        const reRatingSession = await drive.get('coordinator', `/api/rating-sessions/${sessionId}`);
        expect(reRatingSession.body.result).toEqual({
          outcomeOnly: true,
          projects: [{ projectId: project.projectId, outcome: 'unsatisfied' }],
        });
        const reRatingTrail = (await project.audit()).filter((a) =>
          ['rating.closed', 'project.reRated'].includes(a.action),
        );
        expect(reRatingTrail.map((a) => a.action)).toEqual(['rating.closed', 'project.reRated']);
        expect(JSON.stringify(reRatingTrail)).not.toMatch(/basicallySatisfied|"unsatisfied":\s*\d/);
        // The decision's task is opened by its own workflow, after the re-rating's answer: wait for its row.
        const oversightTask = await project.openTask('oversightMeasure');
        expect(JSON.stringify(oversightTask.payload)).not.toMatch(/counts|satisfied"?:\s*\d/);
        // The committee may act: it decides on a special inquiry, with its reason, and follows it to its end.
        const badDecision = await drive.completeTask(oversightTask.id, 'coordinator', {
          measure: 'otherMeasure',
          note: '另行研究',
        });
        expect(badDecision.status).toBe(422);
        expect(badDecision.body.message).toMatch(/name the other measure/);
        await project.complete('oversightMeasure', 'coordinator', {
          measure: 'specialInquiry',
          note: '整改后仍不满意，下次常委会会议开展专题询问',
        });
        state = await project.when((s) => s.consequence.oversight !== undefined, 'the decision to be recorded');
        expect(state.consequence).toMatchObject({
          stage: 'oversight',
          measure: 'specialInquiry',
          oversight: { measure: 'specialInquiry', name: '专题询问', heldOn: null },
        });
        const heldOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const dueOn = addDays(heldOn, 30);
        await project.complete('oversightMeeting', 'coordinator', {
          heldOn,
          opinion: '责成县交通运输局限期完成剩余路段',
          conclusions: ['一个月内完成剩余路段施工', '建立道路养护长效机制'],
          conclusionsDueOn: dueOn,
        });
        state = await project.when(
          (s) => s.openTasks.filter((t) => t.kind === 'oversightConclusion').length === 2,
          'the conclusions to go to the department',
        );
        expect(state.consequence.stage).toBe('oversight');
        const conclusion = await project.openTask('oversightConclusion');
        expect(conclusion.assignee_ref).toBe('dept-roads');
        expect(conclusion.due_at.toISOString()).toBe(new Date(`${dueOn}T23:59:59+08:00`).toISOString());
        await project.complete('oversightConclusion', 'official', { note: '剩余路段已完工' });
        expect((await project.state()).consequence.stage).toBe('oversight');
        await project.complete('oversightConclusion', 'official', { note: '已建立养护制度' });
        state = await project.when((s) => s.consequence.stage === 'settled', 'the measure to be carried out');
        expect(state.consequence.measure).toBe('specialInquiry');

        // Finally delivered, accepted and used for a year; the look-back finds nothing more.
        // The acceptance is the government's: the responsible leader arranges and records it (docs/domain.md, "Levels").
        await project.week(() => 100);
        const acceptedOn = chinaDay(new Date(await ctx.env.currentTimeMs()));
        await project.complete('acceptanceArrangement', 'leader', { heldOn: acceptedOn, place: '项目现场' });
        await project.complete('completionAcceptance', 'leader', {
          outcome: 'passed',
          acceptedOn,
          opinion: '符合验收标准',
          inUseOn: acceptedOn,
        });
        state = await project.when((s) => s.phase === 'inUse', 'the project to go into use');
        await ctx.env.sleep(Date.parse(state.postEvaluation!.dueAt) - (await ctx.env.currentTimeMs()) + 60_000);
        await project.complete('performanceEvaluation', 'finance', {
          score: 61,
          summary: '延期交付，整改后投入使用',
        });
        await project.complete('lookBack', 'd7', { summary: '运行正常', suggestions: [] });
        const final = await project.closed();
        const simulatedYears = ((await ctx.env.currentTimeMs()) - startedAt) / (365 * DAY);
        expect(final.phase).toBe('closed');
        expect(simulatedYears).toBeGreaterThan(2.4);
        // A clock that ran away while the project closed would show here, not only as a timeout.
        expect(simulatedYears).toBeLessThan(3);

        // Every milestone is on the timeline, and the notices went to the people the rules name.
        const timeline = firstSeen((await project.audit()).map((a) => a.action));
        // One deputy signed up: the group is flagged short a week in, and the office is pressed to appoint. The
        // flag and the first weekly task are written by two activities at the same instant, in either order.
        expect(timeline.indexOf('project.groupShort')).toBeGreaterThan(timeline.indexOf('project.groupJoined'));
        expect(timeline.indexOf('project.groupShort')).toBeLessThan(timeline.indexOf('notice.escalation'));
        // The group's mid-year inspection and year-end evaluation tell its members on calendar days (1 July,
        // 1 December), so where the first info notice falls depends on the day the test runs; notices are checked below.
        const calendarBound = ['project.groupShort', 'notice.info'];
        expect(timeline.filter((action) => !calendarBound.includes(action))).toEqual([
          'project.groupJoined',
          'task.opened',
          'notice.escalation',
          'task.completed',
          'project.warning',
          'task.escalated',
          'project.rated',
          'project.consequence.rectifying',
          'project.consequence.awaitingReRating',
          'rating.opened',
          'project.reRatingOpened',
          'rating.closed',
          'project.reRated',
          'project.oversightDecided',
          'project.oversightHeld',
          'project.consequence.settled',
          'project.acceptanceRequested',
          'project.acceptanceArranged',
          'project.accepted',
          'task.cancelled',
          'project.inUse',
          'project.postEvaluationStarted',
          'project.performanceEvaluated',
          'project.closed',
        ]);
        const notices = await project.notices();
        const to = (pattern: RegExp) =>
          [...new Set(notices.filter((n) => pattern.test(n.title)).map((n) => n.recipient_user_id))].sort();
        expect(to(/^再次测评：/)).toEqual(['cm1', 'cm2', 'cm3']);
        expect(to(/整改后再次测评仍不满意/)).toEqual(['coordinator', 'leader']);
        expect(to(/已决定监督措施：专题询问/)).toEqual(['coordinator', 'leader']);
        expect(to(/^整改已报告：/)).toEqual(['coordinator']);
        // The one member was asked each mid-year and year-end while the project was built.
        expect(to(/^\d{4}年(年中集中视察|年终总体评价)：/)).toEqual(['d7']);

        // Two and a half years of weekly cadence in one run stay far below Temporal's limits (warning at
        // 10,240 events, failure at 51,200); in production a run hands over at 1,500 events anyway.
        const events = (await handle.fetchHistory()).events?.length ?? 0;
        expect(events).toBeLessThan(10_240);
        console.info(
          `late project: ${weeks} weekly reports, ${events} history events over ${simulatedYears.toFixed(2)} simulated years`,
        );
        await recordHistory(handle, `votedProject-${project.projectId}.json`);
      });
    },
  );
});

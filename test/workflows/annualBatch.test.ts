import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import type { RatingOutcome } from '../../domain/rating';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { annualBatchWorkflow } from '../../workflows/annualBatch';
import { projectStateQuery } from '../../workflows/votedProject.messages';
import { type BatchDriver, type BatchWorld, createBatchWorld, voteSessionBody } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { eventually } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { recordHistory } from '../support/historyJson';

let world: BatchWorld;
let env: TestWorkflowEnvironment;
let testDb: TestDatabase;

/**
 * The State Council publishes each year's schedule late in the year before, and chinese-days carries it
 * through 2026 only. Until then an office enters the statutory days (全国年节及纪念日放假办法, 2024) and the
 * weekday make-up days the law gives when one falls on a weekend, as national overrides: these.
 */
const statutoryDays2027to2028: [string, string][] = [
  ['2027-09-15', '中秋节'],
  ['2027-10-01', '国庆节'],
  ['2027-10-02', '国庆节'],
  ['2027-10-03', '国庆节'],
  ['2027-10-04', '国庆节补假 (10-02 是周六)'],
  ['2027-10-05', '国庆节补假 (10-03 是周日)'],
  ['2028-01-01', '元旦'],
  ['2028-01-03', '元旦补假 (01-01 是周六)'],
  ['2028-01-25', '春节 (除夕)'],
  ['2028-01-26', '春节'],
  ['2028-01-27', '春节'],
  ['2028-01-28', '春节'],
];

beforeAll(async () => {
  world = await createBatchWorld();
  ({ env, testDb } = world);
  await testDb.db
    .insertInto('calendar_overrides')
    .values(statutoryDays2027to2028.map(([day, reason]) => ({ jurisdiction_id: null, day, working: false, reason })))
    .execute();
});

afterAll(async () => {
  await world?.teardown();
});

const withWorker = <T>(fn: (driver: BatchDriver) => Promise<T>) => world.withWorker(fn);

const noticesOf = (taskId: string) =>
  testDb.db
    .selectFrom('notices')
    .select(['recipient_user_id', 'kind'])
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();

const taskRow = (taskId: string) =>
  testDb.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();

const deputies = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'];
let fullBatchId = '';

describe('annual batch workflow', () => {
  it('runs a batch from collection in September 2027 to its rating at the January 2029 congress', async () => {
    await withWorker(async (drive) => {
      // Collection 征集 from 1 September until the end of Friday 24 September.
      await drive.advanceTo('2027-09-01T02:00:00Z');
      const batchId = await drive.openBatch(2028, '2027-09-24');
      fullBatchId = batchId;
      let state = await drive.phase(batchId, 'collection');
      expect(state.collectionClosesAt).toBe('2027-09-24T16:00:00.000Z');

      const school = await drive.suggest(batchId, 'school-canteen-01', '城关小学食堂改扩建');
      const road = await drive.suggest(batchId, 'road-x012-00001', '县道X012路面改造');
      const roadAgain = await drive.suggest(batchId, 'road-x012-00002', '修一修X012县道', '13900000000');
      const lights = await drive.suggest(batchId, 'street-lights-1', '新城区路灯亮化');
      const plaza = await drive.suggest(batchId, 'plaza-fitness-1', '文化广场健身器材');
      const bridge = await drive.suggest(batchId, 'bridge-rebuild1', '重建青石桥', '13700000000');
      const merged = await drive.post('reviewer', `/api/suggestions/${roadAgain}/merge`, { intoId: road });
      expect(merged.status, merged.body.message).toBeLessThan(300);

      await drive.advanceTo('2027-09-24T16:01:00Z');
      state = await drive.phase(batchId, 'screening');
      expect((await drive.get(null, `/api/public/batches/${batchId}/results`)).status).toBe(409);
      const late = await drive.post(null, `/api/public/batches/${batchId}/suggestions`, {
        key: 'too-late-000001',
        title: '迟到的建议',
        description: '征集结束后提交',
        category: 'other',
        location: '城关镇',
        proposer: { contact: '13600000000' },
      });
      expect(late.status).toBe(409);

      // Screening 筛选论证: three candidates, a reserve item and a rejection whose proposers must be told why.
      const candidates = [
        await drive.review(school, 'candidate'),
        await drive.review(road, 'candidate'),
        await drive.review(lights, 'candidate'),
      ] as string[];
      await drive.review(plaza, 'reserve', 'dept-water');
      await drive.review(bridge, 'rejected', 'dept-roads');

      await drive.advanceTo('2027-09-27T02:00:00Z'); // Monday 27 September, 10:00 in Beijing
      const concluded = await drive.decide(batchId, 'conclude-screening');
      expect(concluded.status, concluded.body.message).toBe(200);
      state = await drive.state(batchId);
      expect(state.phase).toBe('candidatePublicity');
      expect([...state.candidateIds].sort()).toEqual([...candidates].sort());
      // 7 working days: 28–30 Sep, then the National Day closure (1–5 Oct), then 6, 7, 8 and 11 Oct.
      expect(state.nextDeadline).toEqual({ at: '2027-10-11T16:00:00.000Z', label: 'candidate publicity ends' });

      // Every proposer not taken gets a feedback task for the answering department, due in 10 working days.
      const plazaTask = `task-${batchId}-feedback-${plaza}-`;
      const feedback = await eventually(async () => {
        const rows = await testDb.db
          .selectFrom('tasks')
          .selectAll()
          .where('kind', '=', 'proposerFeedback')
          .orderBy('id')
          .execute();
        return rows.length === 2 ? rows : undefined;
      }, 'two proposer feedback tasks');
      expect(feedback.map((t) => [t.assignee_ref, t.due_at.toISOString()]).sort()).toEqual([
        ['dept-roads', '2027-10-14T16:00:00.000Z'],
        ['dept-water', '2027-10-14T16:00:00.000Z'],
      ]);
      const plazaFeedback = feedback.find((t) => t.id.startsWith(plazaTask))!;
      const bridgeFeedback = feedback.find((t) => t.assignee_ref === 'dept-roads')!;
      expect(bridgeFeedback.payload).toMatchObject({ contact: '13700000000', outcome: 'rejected' });
      const answered = await drive.completeTask(bridgeFeedback.id, 'official', {
        method: 'phone',
        note: '已电话告知：青石桥列入明年危桥改造计划',
      });
      expect(answered.status, answered.body.message).toBe(200);

      // Candidate publicity 公示: public comments, and an amendment whose reason is kept.
      const list = await drive.get(null, `/api/public/batches/${batchId}/candidates`);
      expect(list.status).toBe(200);
      expect(list.body.map((c: { id: string }) => c.id).sort()).toEqual([...candidates].sort());
      const comment = await drive.post(null, `/api/public/batches/${batchId}/comments`, {
        key: 'comment-road-001',
        candidateId: candidates[1],
        body: '建议同步建设人行道',
      });
      expect(comment.status, comment.body.message).toBe(201);
      const amended = await drive.patch('coordinator', `/api/candidates/${candidates[1]}`, {
        reason: '采纳群众意见，增加人行道',
        changes: { acceptanceStandard: '路面及人行道通过竣工验收' },
      });
      expect(amended.status, amended.body.message).toBe(200);

      await drive.advanceTo('2027-10-11T16:00:30Z');
      state = await drive.phase(batchId, 'approval');
      expect(state.approval?.step).toBe('executiveMeeting');

      // Nobody answers the reserve-library proposer: at the due instant the department's leader is told, then the office.
      await drive.advanceTo('2027-10-14T16:05:00Z');
      const escalated = await eventually(async () => {
        const notices = await noticesOf(plazaFeedback.id);
        return notices.some((n) => n.kind === 'escalation') ? notices : undefined;
      }, 'the feedback escalation');
      // dept-water has no responsible leader in the fixture, so the first rung is the standing committee office;
      // the department's own official is told the task is overdue.
      expect(
        escalated
          .filter((n) => n.kind === 'escalation')
          .map((n) => n.recipient_user_id)
          .sort(),
      ).toEqual(['coordinator', 'outsider']);
      expect((await noticesOf(bridgeFeedback.id)).some((n) => n.kind === 'escalation')).toBe(false);
      const lateAnswer = await drive.completeTask(plazaFeedback.id, 'outsider', {
        method: 'written',
        note: '已书面答复：列入储备库，明年优先考虑',
      });
      expect(lateAnswer.status, lateAnswer.body.message).toBe(200);
      await env.client.workflow.getHandle(plazaFeedback.id).result();

      // The approval chain: a deputy may not record the executive meeting's decision.
      const executiveMeeting = `task-${batchId}-r1-executiveMeeting`;
      const wrongRole = await drive.completeTask(executiveMeeting, 'd1', { decision: 'approve', note: '' });
      expect(wrongRole.status).toBe(403);
      await drive.approveChain(batchId);
      state = await drive.phase(batchId, 'vote');

      // The vote 差额票决 at the congress on Wednesday 19 January 2028.
      await drive.advanceTo('2028-01-19T02:00:00Z');
      const tooMany = await drive.decide(batchId, 'open-vote', voteSessionBody(3, 8));
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.message).toMatch(/3 seats need at least 4 candidates/);
      const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 8));
      expect(opened.status, opened.body.message).toBe(200);
      const sessionId = opened.body.sessionId as string;
      const [a, b, c] = candidates as [string, string, string];
      // Base: 8 deputies present, so a candidate needs 5 approvals; 4 is exactly half and fails.
      const ballots: [string, string[]][] = [
        ['d1', [a, c]],
        ['d2', [a, c]],
        ['d3', [a, b]],
        ['d4', [a, b]],
        ['d5', [c, b]],
        ['d6', [c, b]],
        ['d7', [a, c]],
        ['d8', [a, b, c]], // approves three for two seats: invalid, and counted as such
      ];
      for (const [deputy, approve] of ballots) {
        const cast = await drive.vote(sessionId, deputy, approve, candidates);
        expect(cast.status, cast.body.message).toBe(201);
        expect(cast.body.receiptCode).toMatch(/^[0-9A-F]{12}$/);
      }
      const twice = await drive.vote(sessionId, 'd1', [b], candidates);
      expect(twice.status).toBe(409);
      const closed = await drive.decide(batchId, 'close-vote');
      expect(closed.status, closed.body.message).toBe(200);
      expect(closed.body.result).toMatchObject({
        ballotsCast: 8,
        validBallots: 7,
        invalidBallots: 1,
        majorityBase: 8,
        runOff: null,
      });
      // These ballots mark no priority (非常必要/必要/一般); each candidate's priorities are counted all the same.
      const priorities = { veryNecessary: 0, necessary: 0, ordinary: 0 };
      expect(closed.body.result.tallies).toEqual([
        { candidateId: a, approve: 5, disapprove: 2, abstain: 0, priorities, passed: true },
        { candidateId: b, approve: 4, disapprove: 3, abstain: 0, priorities, passed: false },
        { candidateId: c, approve: 5, disapprove: 2, abstain: 0, priorities, passed: true },
      ]);
      // The result and the full tally are public at once, with the scrutineers and tellers.
      const results = await drive.get(null, `/api/public/batches/${batchId}/results`);
      expect(results.status, results.body.message).toBe(200);
      expect(results.body.elected.sort()).toEqual([a, c].sort());
      expect(results.body.rounds[0]).toMatchObject({
        round: 1,
        seats: 2,
        deputies_present: 8,
        scrutineers: ['王监票', '李监票', '张监票'],
        tellers: ['赵计票', '钱计票'],
      });
      expect(results.body.rounds[0].result.invalidBallots).toBe(1);
      const afterClose = await drive.vote(sessionId, 'd8', [a], candidates);
      expect(afterClose.status).toBe(409);

      // Result publicity 结果公示: 5 working days across the Spring Festival closure (25–28 January).
      state = await drive.phase(batchId, 'resultPublicity');
      expect([...state.elected].sort()).toEqual([a, c].sort());
      expect(state.nextDeadline).toEqual({ at: '2028-02-01T16:00:00.000Z', label: 'result publicity ends' });
      const published = await testDb.db
        .selectFrom('candidates')
        .select(['id', 'elected', 'approvals'])
        .where('batch_id', '=', batchId)
        .orderBy('id')
        .execute();
      expect(
        published
          .filter((p) => p.elected)
          .map((p) => p.id)
          .sort(),
      ).toEqual([a, c].sort());

      await drive.advanceTo('2028-02-01T16:00:30Z');
      state = await drive.phase(batchId, 'implementation');
      expect(state.projectIds).toHaveLength(2);
      const roadProject = `project-${b.replace(/^cand-/, '')}`;
      expect(state.projectIds).not.toContain(roadProject);
      const projectA = `project-${a.replace(/^cand-/, '')}`;
      const projectState = await env.client.workflow.getHandle(projectA).query(projectStateQuery);
      expect(projectState.responsibility).toMatchObject({
        departmentId: 'dept-roads',
        implementingUnit: '县公路养护中心',
        budgetYuan: 1_200_000,
      });

      // The half-year report opens on 1 July and is due in 30 days; nobody writes it, so it escalates.
      const halfYear = `task-${batchId}-halfYear-report`;
      await drive.advanceTo('2028-06-30T16:00:30Z');
      // A calendar period runs from the instant the task opened (a few ms after midnight in the test).
      expect((await drive.taskOpened(halfYear)).due_at.toISOString().slice(0, 16)).toBe('2028-07-30T16:00');
      await drive.advanceTo('2028-07-30T16:05:00Z');
      await eventually(
        async () => ((await taskRow(halfYear)).escalation_level === 1 ? true : undefined),
        'the half-year report escalation',
      );
      // The office is the rung above the government; every official (the assignee role) hears it is overdue.
      expect(
        (await noticesOf(halfYear))
          .filter((n) => n.kind === 'escalation')
          .map((n) => n.recipient_user_id)
          .sort(),
      ).toEqual(['colleague', 'coordinator', 'leader', 'official', 'outsider']);
      const report = await drive.completeTask(halfYear, 'official', { summary: '两个项目均已开工，进度符合计划。' });
      expect(report.status, report.body.message).toBe(200);
      const halfYearHearing = `task-${batchId}-halfYear-hearing`;
      await drive.taskOpened(halfYearHearing);
      expect(
        (
          await drive.completeTask(halfYearHearing, 'coordinator', {
            heldOn: '2028-08-10',
            opinion: '同意报告，督促加快进度',
          })
        ).status,
      ).toBe(200);

      // Rating belongs to the next year's congress: refused before 1 January 2029.
      await drive.advanceTo('2028-12-15T02:00:00Z');
      const early = await drive.decide(batchId, 'open-rating');
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/2029 congress/);
      const yearEnd = `task-${batchId}-yearEnd-report`;
      await drive.taskOpened(yearEnd);
      expect((await drive.completeTask(yearEnd, 'official', { summary: '两个项目已完工。' })).status).toBe(200);
      const yearEndHearing = `task-${batchId}-yearEnd-hearing`;
      await drive.taskOpened(yearEndHearing);
      expect(
        (await drive.completeTask(yearEndHearing, 'coordinator', { heldOn: '2028-12-28', opinion: '同意' })).status,
      ).toBe(200);

      // Rating 满意度测评 at the January 2029 congress.
      await drive.advanceTo('2029-01-17T02:00:00Z');
      const ratingOpened = await drive.decide(batchId, 'open-rating');
      expect(ratingOpened.status, ratingOpened.body.message).toBe(200);
      const ratingSession = ratingOpened.body.rating.sessionId as string;
      // The government's year-end completion report is on the session, for deputies to read before they rate.
      const briefed = await drive.get('d1', `/api/rating-sessions/${ratingSession}`);
      expect(briefed.status, briefed.body.message).toBe(200);
      expect(briefed.body.briefing).toMatchObject({ taskId: yearEnd, summary: '两个项目已完工。' });
      const projectC = `project-${c.replace(/^cand-/, '')}`;
      const foreign = await insertProjectOfAnotherBatch();
      // A sheet rating a project of another batch has one code too many: every sheet has the session's length.
      const wrongBatch = await drive.rate('d1', ratingSession, [
        { projectId: projectA, choice: 'satisfied' },
        { projectId: projectC, choice: 'satisfied' },
        { projectId: foreign, choice: 'satisfied' },
      ]);
      expect(wrongBatch.status).toBe(422);
      expect(wrongBatch.body.message).toMatch(/exactly 2 characters, one per project/);
      // Project A: 4 of 6 satisfied is exactly 2/3, so 基本满意. Project C: 4 of 6 unsatisfied is over half, so 不满意.
      const sheets: [string, RatingOutcome, RatingOutcome][] = [
        ['d1', 'satisfied', 'unsatisfied'],
        ['d2', 'satisfied', 'unsatisfied'],
        ['d3', 'satisfied', 'unsatisfied'],
        ['d4', 'satisfied', 'unsatisfied'],
        ['d5', 'basicallySatisfied', 'satisfied'],
        ['d6', 'basicallySatisfied', 'basicallySatisfied'],
      ];
      for (const [deputy, forA, forC] of sheets) {
        const rated = await drive.rate(deputy, ratingSession, [
          { projectId: projectA, choice: forA },
          { projectId: projectC, choice: forC },
        ]);
        expect(rated.status, rated.body.message).toBe(201);
      }
      const ratedTwice = await drive.rate('d1', ratingSession, [
        { projectId: projectA, choice: 'unsatisfied' },
        { projectId: projectC, choice: 'unsatisfied' },
      ]);
      expect(ratedTwice.status).toBe(409);
      // The office records the day the congress closes: a 不满意 project's 3 months run from it.
      const closesBeforeRating = await drive.decide(batchId, 'close-rating', { congressClosedOn: '2029-01-10' });
      expect(closesBeforeRating.status).toBe(422);
      expect(closesBeforeRating.body.message).toMatch(/on or after the rating opened \(2029-01-17\)/);
      expect(closesBeforeRating.body).toMatchObject({
        code: 'congressClosingDay',
        params: { openedOn: '2029-01-17', day: '2029-01-10' },
      });
      const ratingClosed = await drive.decide(batchId, 'close-rating', { congressClosedOn: '2029-01-20' });
      expect(ratingClosed.status, ratingClosed.body.message).toBe(200);

      // The congress's presidium confirms the results; until then nothing is sent on and no project hears its outcome.
      const confirmation = `task-${batchId}-rating-confirmation`;
      const confirmTask = await drive.taskOpened(confirmation);
      expect(confirmTask.title).toBe('大会主席团确认测试县2028年民生实事项目满意度测评结果');
      expect((await drive.get('coordinator', `/api/batches/${batchId}/rating-report`)).status).toBe(404);
      expect(
        await testDb.db
          .selectFrom('projects')
          .select('id')
          .where('batch_id', '=', batchId)
          .where('rating_outcome', 'is not', null)
          .execute(),
      ).toEqual([]);
      const undated = await drive.completeTask(confirmation, 'coordinator', { note: '' });
      expect(undated.status).toBe(422);
      expect(undated.body.message).toMatch(/confirmedOn/);
      const confirmed = await drive.completeTask(confirmation, 'coordinator', { confirmedOn: '2029-01-17', note: '' });
      expect(confirmed.status, confirmed.body.message).toBe(200);

      const final = await env.client.workflow.getHandle<typeof annualBatchWorkflow>(batchId).result();
      expect(final.phase).toBe('closed');
      const afterEnd = await drive.decide(batchId, 'close-rating');
      expect(afterEnd.status, afterEnd.body.message).toBe(409);
      expect(final.rating?.results.map((r) => [r.projectId, r.outcome]).sort()).toEqual(
        [
          [projectA, 'basicallySatisfied'],
          [projectC, 'unsatisfied'],
        ].sort(),
      );
      // Each project workflow received its outcome and recorded it.
      const projectRows = await eventually(async () => {
        const rows = await testDb.db
          .selectFrom('projects')
          .select(['id', 'rating_outcome'])
          .where('batch_id', '=', batchId)
          .orderBy('id')
          .execute();
        return rows.every((row) => row.rating_outcome !== null) ? rows : undefined;
      }, 'both projects to record their rating');
      expect(Object.fromEntries(projectRows.map((r) => [r.id, r.rating_outcome]))).toEqual({
        [projectA]: 'basicallySatisfied',
        [projectC]: 'unsatisfied',
      });
      // The confirmed results went where the sources send them: one report, to download, naming its recipients.
      const ratingReport = await drive.get('coordinator', `/api/batches/${batchId}/rating-report`);
      expect(ratingReport.status, ratingReport.body.message).toBe(200);
      expect(ratingReport.body.distribution).toEqual([
        { to: '全体代表', how: '通报' },
        { to: '党委', how: '报告' },
        { to: '人民政府', how: '反馈' },
        { to: '党委组织部', how: '抄送' },
      ]);
      expect(ratingReport.body.confirmed_on).toBe('2029-01-17');
      const download = await drive.get('d7', `/api/batches/${batchId}/rating-report.txt`);
      expect(download.status).toBe(200);
      expect(download.headers['content-disposition']).toMatch(
        /^attachment; filename="?batch-test-county-2028-rating-report\.txt"?$/,
      );
      expect(download.text).toContain('经大会主席团确认：满意0个，基本满意1个，不满意1个');
      const titles = Object.fromEntries(
        (await testDb.db.selectFrom('projects').select(['id', 'title']).where('batch_id', '=', batchId).execute()).map(
          (p) => [p.id, p.title],
        ),
      );
      expect(download.text).toContain(`${titles[projectA]}：基本满意（满意4票，基本满意2票，不满意0票）`);
      expect(download.text).toContain(`${titles[projectC]}：不满意（满意1票，基本满意1票，不满意4票）`);
      expect(download.text).toContain('通报：全体代表；报告：党委；反馈：人民政府；抄送：党委组织部');
      // Every deputy is told (those who did not rate too), and the government gets the results back.
      const told = await testDb.db
        .selectFrom('notices')
        .select(['recipient_user_id', 'title'])
        .where('workflow_id', '=', batchId)
        .where('title', 'like', '关于%满意度测评结果的报告%')
        .orderBy('recipient_user_id')
        .execute();
      expect(told.filter((n) => n.title.endsWith('（通报全体代表）')).map((n) => n.recipient_user_id)).toEqual([
        'd1',
        'd2',
        'd3',
        'd4',
        'd5',
        'd6',
        'd7',
        'd8',
        'deputy',
      ]);
      expect(told.filter((n) => n.title.endsWith('（反馈人民政府）')).map((n) => n.recipient_user_id)).toEqual([
        'colleague',
        'leader',
        'official',
        'outsider',
      ]);
      const rectification = await eventually(
        () =>
          testDb.db
            .selectFrom('tasks')
            .select('due_at')
            .where('kind', '=', 'rectificationReport')
            .where(sql<boolean>`payload->>'projectId' = ${projectC}`)
            .executeTakeFirst(),
        'project C’s rectification task',
      );
      expect(rectification.due_at.toISOString()).toBe('2029-04-20T15:59:59.000Z');
      // 月通报: one bulletin for each month the projects were under way, February to December 2028.
      const bulletins = await testDb.db
        .selectFrom('bulletins')
        .select(['month', 'body'])
        .where('batch_id', '=', batchId)
        .orderBy('month')
        .execute();
      expect(bulletins.map((b) => b.month)).toEqual(
        ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2028-${m}`),
      );
      expect(bulletins[0]!.body).toContain('共 2 个项目');

      const phases = await testDb.db
        .selectFrom('audit_events')
        .select(sql<string>`detail->>'phase'`.as('phase'))
        .where('workflow_id', '=', batchId)
        .where('action', '=', 'batch.phase')
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(phases.map((p) => p.phase)).toEqual([
        'collection',
        'screening',
        'candidatePublicity',
        'approval',
        'vote',
        'resultPublicity',
        'implementation',
        'rating',
        'closed',
      ]);
      const simulatedDays = ((await env.currentTimeMs()) - Date.parse('2027-09-01T02:00:00Z')) / 86_400_000;
      expect(simulatedDays).toBeGreaterThan(500);

      await recordHistory(env.client.workflow.getHandle(batchId), `annualBatch-${batchId}.json`);
    });
  });

  it('never links a deputy to a ballot or a rating: not in the batch history, not in any table', async () => {
    expect(fullBatchId).not.toBe('');
    const history = JSON.stringify(await env.client.workflow.getHandle(fullBatchId).fetchHistory());
    const receipts = await testDb.db.selectFrom('ballot_receipts').select(['deputy_user_id', 'receipt_code']).execute();
    const ratingReceipts = await testDb.db
      .selectFrom('rating_receipts')
      .select(['deputy_user_id', 'receipt_code'])
      .execute();
    expect(receipts).toHaveLength(8);
    expect(ratingReceipts).toHaveLength(6);
    for (const deputy of deputies) expect(history).not.toContain(`"${deputy}"`);
    for (const r of [...receipts, ...ratingReceipts]) expect(history).not.toContain(r.receipt_code);

    // The tables that hold choices have no column that could name, order or time a deputy.
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('ballots', 'ratings') order by table_name, ordinal_position`.execute(
      testDb.db,
    );
    expect(columns.rows.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'ballots.id',
      'ballots.session_id',
      'ballots.marks',
      'ratings.id',
      'ratings.session_id',
      'ratings.project_id',
      'ratings.choice',
    ]);
    // No ballot or rating row, live or dead, was written by a receipt's transaction: ballots and rating
    // sheets were sealed beside their receipts and written in the clear only when opened (docs/secrecy.md).
    await sql`create extension if not exists pageinspect`.execute(testDb.db);
    const receiptXmins = new Set(
      (
        await sql<{ xmin: string }>`
          select xmin::text as xmin from ballot_receipts union select xmin::text from rating_receipts`.execute(
          testDb.db,
        )
      ).rows.map((r) => r.xmin),
    );
    for (const table of ['ballots', 'ratings']) {
      const tuples = await sql<{ t_xmin: string }>`
        select i.t_xmin::text as t_xmin
        from generate_series(0, pg_relation_size(${table}::regclass) / current_setting('block_size')::int - 1) as p,
             heap_page_items(get_raw_page(${table}, p::int)) as i
        where i.t_xmin is not null`.execute(testDb.db);
      expect(tuples.rows.length).toBeGreaterThan(0);
      for (const t of tuples.rows)
        expect(receiptXmins.has(t.t_xmin), `${table} tuple by a receipt's transaction`).toBe(false);
    }
    // No row anywhere outside the receipts mentions a voter together with the session: the only audit rows that
    // name a deputy record the announcement of the confirmed results, which every deputy got, rated or not.
    const audit = await testDb.db
      .selectFrom('audit_events')
      .selectAll()
      .where('workflow_id', '=', fullBatchId)
      .execute();
    const naming = audit.filter((e) => deputies.some((d) => JSON.stringify(e).includes(`"${d}"`)));
    expect(naming.map((e) => e.dedupe_key).sort()).toEqual(
      deputies.map((d) => `notice:${fullBatchId}:rating-announced:${d}`).sort(),
    );
    // The only notices deputies get are the announcement of the confirmed results, the same for every deputy.
    const notices = await testDb.db
      .selectFrom('notices')
      .select(['recipient_user_id', 'title', 'body'])
      .where('recipient_user_id', 'in', deputies)
      // The monthly bulletins are circulated to every deputy alike and say nothing of a vote.
      .where('dedupe_key', 'not like', 'bulletin-%')
      .execute();
    expect(notices.map((n) => n.recipient_user_id).sort()).toEqual(deputies);
    expect(new Set(notices.map((n) => `${n.title}|${n.body}`)).size).toBe(1);
  });
});

/** A project of the 2027 batch, to be refused on the 2028 batch's rating sheet. */
async function insertProjectOfAnotherBatch(): Promise<string> {
  const project = await insertVotedProject(testDb.db, {
    key: 'old',
    batchId: 'batch-test-county-2027',
    year: 2027,
    deadline: '2027-12-31',
  });
  return project.projectId;
}

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/assignee';
import { addDays, chinaDay } from '../../domain/workingDays';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import {
  acceptCompletionUpdate,
  closeReRatingUpdate,
  enterUseUpdate,
  fileFindingUpdate,
  joinSupervisionGroupUpdate,
  openReRatingUpdate,
  type ProjectState,
  projectStateQuery,
  type VotedProjectInput,
  ratingOutcomeSignal,
  reviewFindingUpdate,
} from '../../workflows/votedProject.messages';
import type { TaskKind } from '../../domain/taskKinds';
import { type BatchDriver, type BatchWorld, createBatchWorld } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { actorOf, eventually, jurisdictionId } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

let world: BatchWorld;
let env: TestWorkflowEnvironment;
let testDb: TestDatabase;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await createBatchWorld();
  ({ env, testDb } = world);
  const member = (id: string, name: string) => ({
    id,
    username: id,
    display_name: name,
    password_hash: 'not-a-login',
    roles: ['deputy', 'committeeMember'] as Role[],
    jurisdiction_id: jurisdictionId,
    department_id: null,
    email: null,
    phone: null,
  });
  await testDb.db.insertInto('users').values([member('cm1', '常委甲'), member('cm2', '常委乙'), member('cm3', '常委丙')]).execute();
});

afterAll(async () => {
  await world?.teardown();
});

const user = (id: string) => testDb.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const actor = async (id: string) => actorOf(await user(id));

async function rejection(promise: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  return { type: cause.type, message: cause.message };
}

/** Drives one project's workflow: its people answer tasks through the API, as in the inbox. */
class ProjectDriver {
  constructor(
    readonly drive: BatchDriver,
    readonly projectId: string,
  ) {}

  get handle() {
    return env.client.workflow.getHandle<typeof votedProjectWorkflow>(this.projectId);
  }

  state(): Promise<ProjectState> {
    return this.handle.query(projectStateQuery);
  }

  async when(ready: (s: ProjectState) => boolean, what: string): Promise<ProjectState> {
    return eventually(async () => {
      const s = await this.state();
      return ready(s) ? s : undefined;
    }, what);
  }

  async openTask(kind: TaskKind) {
    const s = await this.when((st) => st.openTasks.some((t) => t.kind === kind), `an open ${kind} task`);
    const { taskId } = s.openTasks.find((t) => t.kind === kind)!;
    return this.drive.taskOpened(taskId);
  }

  async complete(kind: TaskKind, userId: string, result: object): Promise<void> {
    const task = await this.openTask(kind);
    const res = await this.drive.completeTask(task.id, userId, result);
    expect(res.status, res.body.message).toBe(200);
    await this.when((s) => !s.openTasks.some((t) => t.taskId === task.id), `${kind} to be taken in`);
  }

  /** A week passes; the department reports (unless `percent` is null) and the leader's weekly check is answered. */
  async week(percent: (planned: number) => number | null): Promise<void> {
    await env.sleep(7 * DAY);
    const report = await this.openTask('progressReport');
    const planned = report.payload.plannedPercent as number;
    const value = percent(planned);
    if (value !== null) {
      const stage = value < 20 ? 'preparation' : value < 90 ? 'construction' : 'acceptance';
      await this.complete('progressReport', 'official', { percent: value, stage, text: `本周完成 ${value}%`, photoIds: [] });
    }
    await this.complete('supervisionCheck', 'leader', { note: '现场督导，进度已核实' });
  }

  async update<T>(promise: Promise<T>): Promise<T> {
    return promise;
  }

  audit() {
    return testDb.db.selectFrom('audit_events').select(['action', 'detail']).where('workflow_id', '=', this.projectId).orderBy('at').orderBy('id').execute();
  }

  notices() {
    return testDb.db.selectFrom('notices').select(['recipient_user_id', 'kind', 'title']).where('workflow_id', '=', this.projectId).orderBy('id').execute();
  }
}

async function start(drive: BatchDriver, key: string, deadline: string, title: string, year: number): Promise<ProjectDriver> {
  const input = await insertVotedProject(testDb.db, { key, batchId: `batch-${jurisdictionId}-${year}`, year, deadline, title });
  // One run for the whole simulated span: the time-skipping server stops skipping once a parent with running
  // children continues as new (temporalio/sdk-java#1539). The hand-over itself is tested on the dev server.
  const args: [VotedProjectInput] = [{ ...input, handoverAfterEvents: 1_000_000 }];
  await env.client.workflow.start(votedProjectWorkflow, { taskQueue: drive.taskQueue, workflowId: input.projectId, args });
  const project = new ProjectDriver(drive, input.projectId);
  await project.when((s) => s.plan !== null, 'the stage plan');
  return project;
}

/** The distinct audit actions in the order they first happened. */
const firstSeen = (actions: string[]) => actions.filter((a, i) => actions.indexOf(a) === i);

describe('voted project workflow', () => {
  it('delivers a project on time: weekly reports, a supervision finding answered twice, acceptance, use, 满意, and the one-year look-back', { timeout: 240_000 }, async () => {
    await world.withWorker(async (drive) => {
      const startedOn = chinaDay(new Date(await env.currentTimeMs()));
      const project = await start(drive, 'ontime', addDays(startedOn, 220), '城关小学食堂改扩建', 2027);
      const handle = project.handle;

      // The supervision group: three deputies sign up; a group holds at most five.
      for (const id of ['d1', 'd2', 'd3', 'd4', 'd5']) await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor(id) }] });
      const full = await rejection(handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('d6') }] }));
      expect(full).toMatchObject({ type: 'ProjectOutOfPhase', message: expect.stringMatching(/full: it has 5 of at most 5/) });
      const notDeputy = await rejection(handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('official') }] }));
      expect(notDeputy.type).toBe('ProjectForbidden');

      // A finding goes to the department with a deadline; the group reopens the first answer, accepts the second.
      const outsiderFinding = await rejection(handle.executeUpdate(fileFindingUpdate, { args: [{ actor: await actor('d6'), findingId: 'finding-x', text: '围挡破损', photoIds: [] }] }));
      expect(outsiderFinding.type).toBe('ProjectForbidden');
      await handle.executeUpdate(fileFindingUpdate, { args: [{ actor: await actor('d1'), findingId: 'finding-fence', text: '施工围挡破损，存在安全隐患', photoIds: [] }] });
      const firstResponse = await project.openTask('findingResponse');
      expect(firstResponse).toMatchObject({ assignee_ref: 'dept-roads' });
      await project.complete('findingResponse', 'official', { response: '已安排修复' });
      await handle.executeUpdate(reviewFindingUpdate, { args: [{ actor: await actor('d2'), findingId: 'finding-fence', accepted: false, note: '现场复查仍未修复' }] });
      await project.complete('findingResponse', 'colleague', { response: '已更换全部围挡，附照片' });
      const accepted = await handle.executeUpdate(reviewFindingUpdate, { args: [{ actor: await actor('d1'), findingId: 'finding-fence', accepted: true, note: '' }] });
      expect(accepted).toEqual({ findingId: 'finding-fence', round: 2, status: 'accepted' });

      // Weekly progress a little ahead of plan until it is complete: no warning is ever raised.
      const tooEarly = await rejection(handle.executeUpdate(acceptCompletionUpdate, { args: [{ actor: await actor('coordinator') }] }));
      expect(tooEarly.message).toMatch(/reported at 0%/);
      let state = await project.state();
      while ((state.progress?.percent ?? 0) < 100) {
        await project.week((planned) => Math.min(100, planned + 5));
        state = await project.state();
      }
      expect(state.warning.level).toBe('none');
      expect(state.cadence.evaluations).toBeGreaterThanOrEqual(2);
      await project.complete('quarterlyEvaluation', 'coordinator', { score: 92, note: '按计划推进' });

      await handle.executeUpdate(acceptCompletionUpdate, { args: [{ actor: await actor('coordinator') }] });
      const today = chinaDay(new Date(await env.currentTimeMs()));
      await handle.executeUpdate(enterUseUpdate, { args: [{ actor: await actor('coordinator'), inUseOn: addDays(today, 10) }] });
      state = await project.state();
      expect(state.phase).toBe('inUse');

      // The next congress rates it 满意: no consequences.
      await env.sleep(120 * DAY);
      await handle.signal(ratingOutcomeSignal, { batchId: state.batchId, outcome: 'satisfied', counts: { satisfied: 40, basicallySatisfied: 5, unsatisfied: 1 }, ratedAt: new Date(await env.currentTimeMs()).toISOString() });
      await project.when((s) => s.rating !== null, 'the rating to arrive');
      expect((await project.state()).consequence.stage).toBe('none');

      // One year in use: a performance evaluation and the group's look-back, whose suggestion must be closed.
      await env.sleep(Date.parse(state.postEvaluation!.dueAt) - (await env.currentTimeMs()) + 60_000);
      const lookBack = await project.openTask('lookBack');
      expect(lookBack).toMatchObject({ assignee_kind: 'user', assignee_ref: 'd1' });
      await project.complete('performanceEvaluation', 'coordinator', { score: 90, summary: '使用效果良好' });
      await project.complete('lookBack', 'd1', { summary: '总体良好', suggestions: ['增设无障碍坡道'] });
      await project.complete('lookBackRectification', 'official', { note: '坡道已建成' });

      const final = await handle.result();
      expect(final.phase).toBe('closed');
      const row = await testDb.db.selectFrom('projects').selectAll().where('id', '=', project.projectId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ phase: 'closed', progress_percent: 100, warning: 'none', rating_outcome: 'satisfied', consequence: null });
      const finding = await testDb.db.selectFrom('findings').selectAll().where('id', '=', 'finding-fence').executeTakeFirstOrThrow();
      expect(finding).toMatchObject({ status: 'accepted', round: 2, response: '已更换全部围挡，附照片' });
      expect(firstSeen((await project.audit()).map((a) => a.action))).toEqual(
        expect.arrayContaining(['project.groupJoined', 'finding.filed', 'finding.responded', 'finding.awaitingResponse', 'finding.accepted', 'project.accepted', 'project.inUse', 'project.rated', 'project.postEvaluationStarted', 'project.closed']),
      );
      expect((await project.notices()).some((n) => n.kind === 'escalation')).toBe(false);

      const afterClose = await env.client.workflow
        .getHandle(project.projectId)
        .executeUpdate(fileFindingUpdate, { args: [{ actor: await actor('d1'), findingId: 'finding-late', text: '太晚了', photoIds: [] }] })
        .then(
          () => 'accepted',
          () => 'refused',
        );
      expect(afterClose).toBe('refused');
    });
  });

  it('follows a late project from red warning to 不满意, rectification, a re-rating still 不满意 and a special inquiry, over two and a half years', { timeout: 300_000 }, async () => {
    await world.withWorker(async (drive) => {
      const startedAt = await env.currentTimeMs();
      const project = await start(drive, 'late', addDays(chinaDay(new Date(startedAt)), 220), '县道X012路面改造', 2028);
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
          await env.sleep(missed.due_at.getTime() - (await env.currentTimeMs()) + 60_000);
          await eventually(async () => ((await testDb.db.selectFrom('notices').select('id').where('task_id', '=', missed.id).where('kind', '=', 'escalation').where('recipient_user_id', '=', 'leader').execute()).length > 0 ? true : undefined), 'the missed report to escalate');
          await project.complete('progressReport', 'official', { percent: Math.floor(state.warning.plannedPercent / 2), stage: 'preparation', text: '补报', photoIds: [] });
        }
      }
      expect(levels).toEqual(expect.arrayContaining(['blue', 'yellow', 'red']));
      expect(state.warning).toMatchObject({ level: 'red', reason: expect.stringMatching(/deadline .* has passed/) });
      const warningNotices = (await project.notices()).filter((n) => n.recipient_user_id === 'leader' && / warning: /.test(n.title)).map((n) => n.title.split(':')[0]);
      expect(warningNotices).toEqual(['BLUE warning', 'YELLOW warning', 'RED warning']);

      // The congress rates it 不满意: both heads explain, and the department must rectify within three months.
      const ratedAt = new Date(await env.currentTimeMs()).toISOString();
      await handle.signal(ratingOutcomeSignal, { batchId: state.batchId, outcome: 'unsatisfied', counts: { satisfied: 10, basicallySatisfied: 12, unsatisfied: 30 }, ratedAt });
      state = await project.when((s) => s.consequence.stage === 'rectifying' && s.openTasks.filter((t) => t.kind === 'explanation').length === 2, 'the consequences to start');
      const rectification = await project.openTask('rectificationReport');
      expect(rectification.due_at.toISOString().slice(0, 10)).toBe(new Date(new Date(ratedAt).setUTCMonth(new Date(ratedAt).getUTCMonth() + 3)).toISOString().slice(0, 10));
      const tooEarly = await rejection(handle.executeUpdate(openReRatingUpdate, { args: [{ actor: await actor('coordinator') }] }));
      expect(tooEarly).toMatchObject({ type: 'ProjectOutOfPhase', message: expect.stringMatching(/follows the rectification report/) });

      const explanations = (await project.state()).openTasks.filter((t) => t.kind === 'explanation');
      const explainers = await testDb.db.selectFrom('tasks').select(['id', 'assignee_ref']).where('id', 'in', explanations.map((t) => t.taskId)).execute();
      expect(explainers.map((t) => t.assignee_ref).sort()).toEqual(['dept-roads', 'leader']);
      for (const t of explainers) {
        const res = await drive.completeTask(t.id, t.assignee_ref === 'leader' ? 'leader' : 'official', { text: '进度滞后的原因是征地拆迁延误' });
        expect(res.status, res.body.message).toBe(200);
      }
      await project.complete('explanationHearing', 'coordinator', { heldOn: chinaDay(new Date(await env.currentTimeMs())), opinion: '责成限期整改' });
      await project.complete('rectificationReport', 'official', { summary: '已调整施工组织', measures: ['增加施工班组', '倒排工期'] });
      await project.when((s) => s.consequence.stage === 'awaitingReRating', 'the rectification report to be taken in');

      // Standing committee members re-rate, anonymously, by the same rule: still 不满意.
      const opened = await handle.executeUpdate(openReRatingUpdate, { args: [{ actor: await actor('coordinator') }] });
      const sessionId = opened.consequence.reRating!.sessionId;
      const sheet = (choice: string) => ({ ratings: [{ projectId: project.projectId, choice }] });
      expect((await drive.post('d1', `/api/rating-sessions/${sessionId}/ratings`, sheet('satisfied'))).status).toBe(403);
      for (const [member, choice] of [['cm1', 'unsatisfied'], ['cm2', 'unsatisfied'], ['cm3', 'basicallySatisfied']]) {
        const rated = await drive.post(member!, `/api/rating-sessions/${sessionId}/ratings`, sheet(choice!));
        expect(rated.status, rated.body.message).toBe(201);
      }
      const reRated = await handle.executeUpdate(closeReRatingUpdate, { args: [{ actor: await actor('coordinator') }] });
      expect(reRated.consequence).toMatchObject({ stage: 'oversight', reRating: { outcome: 'unsatisfied', counts: { satisfied: 0, basicallySatisfied: 1, unsatisfied: 2 } } });
      await project.complete('oversightMeasure', 'coordinator', { measure: 'specialInquiry', note: '下次常委会会议开展专题询问' });
      state = await project.when((s) => s.consequence.stage === 'settled', 'the oversight measure to be recorded');
      expect(state.consequence.measure).toBe('specialInquiry');

      // Finally delivered, accepted and used for a year; the look-back finds nothing more.
      await project.week(() => 100);
      await handle.executeUpdate(acceptCompletionUpdate, { args: [{ actor: await actor('coordinator') }] });
      await handle.executeUpdate(enterUseUpdate, { args: [{ actor: await actor('coordinator'), inUseOn: chinaDay(new Date(await env.currentTimeMs())) }] });
      state = await project.state();
      await env.sleep(Date.parse(state.postEvaluation!.dueAt) - (await env.currentTimeMs()) + 60_000);
      await project.complete('performanceEvaluation', 'coordinator', { score: 61, summary: '延期交付，整改后投入使用' });
      await project.complete('lookBack', 'd7', { summary: '运行正常', suggestions: [] });
      const final = await handle.result();
      expect(final.phase).toBe('closed');
      const simulatedYears = ((await env.currentTimeMs()) - startedAt) / (365 * DAY);
      expect(simulatedYears).toBeGreaterThan(2.4);

      // Every milestone is on the timeline, and the notices went to the people the rules name.
      expect(firstSeen((await project.audit()).map((a) => a.action))).toEqual([
        'project.groupJoined',
        'task.opened',
        'task.completed',
        'project.warning',
        'notice.escalation',
        'task.escalated',
        'project.rated',
        'project.consequence.rectifying',
        'project.consequence.awaitingReRating',
        'notice.info',
        'rating.opened',
        'project.reRatingOpened',
        'rating.closed',
        'project.reRated',
        'project.consequence.settled',
        'project.accepted',
        'project.inUse',
        'project.postEvaluationStarted',
        'project.closed',
      ]);
      const notices = await project.notices();
      const to = (pattern: RegExp) => [...new Set(notices.filter((n) => pattern.test(n.title)).map((n) => n.recipient_user_id))].sort();
      expect(to(/^Re-rate/)).toEqual(['cm1', 'cm2', 'cm3']);
      expect(to(/still unsatisfied after rectification/)).toEqual(['coordinator', 'leader']);
      expect(to(/oversight decided: specialInquiry/)).toEqual(['coordinator', 'leader']);
      expect(to(/^Rectification reported/)).toEqual(['coordinator']);

      // Two and a half years of weekly cadence in one run stay far below Temporal's limits (warning at
      // 10,240 events, failure at 51,200); in production a run hands over at 1,500 events anyway.
      const events = (await handle.fetchHistory()).events?.length ?? 0;
      expect(events).toBeLessThan(10_240);
      console.info(`late project: ${weeks} weekly reports, ${events} history events over ${simulatedYears.toFixed(2)} simulated years`);
    });
  });
});

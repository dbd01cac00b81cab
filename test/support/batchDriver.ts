import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Express } from 'express';
import type { Kysely } from 'kysely';
import request from 'supertest';
import { expect, inject, onTestFailed } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { createDb } from '../../db/connection';
import { issueToken } from '../../api/security/sessions';
import type { Role } from '../../domain/assignee';
import { encodeBallot, encodeRatingSheet } from '../../domain/ballotEncoding';
import type { RatingOutcome } from '../../domain/rating';
import type { Ballot } from '../../domain/election';
import type { Database, User } from '../../db/schema';
import { type BatchState, batchStateQuery } from '../../workflows/annualBatch.messages';
import { bundleWorkflows, createWorker } from '../../worker/createWorker';
import { createTestDatabase, type TestDatabase } from './database';
import { eventually, jurisdictionId, seedPeople } from './fixtures';
import { createTimeSkippingEnv } from './timeSkipping';
import { ownerWorkflowIds, taskWorkflowIds, terminateWhenIdle } from './endWorkflow';
import { reportWorkflowsOfFailedTest } from './failureHistories';
import { testPayloadKey } from './payloadKey';
import { serviceRoleUrls } from './serviceRoles';

const signer = createTokenSigner('batch-driver-secret-'.repeat(3));

/** A reviewer, eight deputies and a second coordinator beside seedPeople's county. */
export async function seedBatchPeople(
  db: Kysely<Database>,
  passwordHash = 'not-a-login',
): Promise<{ reviewer: User; deputies: User[] }> {
  const person = (id: string, name: string, roles: Role[]) => ({
    id,
    username: id,
    display_name: name,
    password_hash: passwordHash,
    roles,
    jurisdiction_id: jurisdictionId,
    department_id: null,
    email: null,
    phone: null,
  });
  await db
    .insertInto('users')
    .values([
      person('reviewer', '周审查', ['reviewer']),
      ...Array.from({ length: 8 }, (_, i) => person(`d${i + 1}`, `代表${i + 1}`, ['deputy'])),
    ])
    .execute();
  const users = await db.selectFrom('users').selectAll().execute();
  return {
    reviewer: users.find((u) => u.id === 'reviewer')!,
    deputies: Array.from({ length: 8 }, (_, i) => users.find((u) => u.id === `d${i + 1}`)!),
  };
}

/** Drives a batch through the API, as people would, against a time-skipping Temporal. */
export class BatchDriver {
  readonly app: Express;
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly env: TestWorkflowEnvironment,
    readonly db: Kysely<Database>,
    readonly taskQueue: string,
    /** What the API connects as; `db` (the superuser) is for arranging and asserting. */
    apiDb: Kysely<Database> = db,
  ) {
    this.app = createApp({
      db: apiDb,
      temporal: env.client,
      tokens: signer,
      taskQueue,
      temporalUiUrl: 'http://temporal-ui.test',
    });
  }

  async as(userId: string): Promise<{ Authorization: string }> {
    let token = this.tokens.get(userId);
    if (!token) {
      const u = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      token = await issueToken(this.db, signer, {
        userId: u.id,
        username: u.username,
        displayName: u.display_name,
        roles: u.roles,
        jurisdictionId: u.jurisdiction_id,
        departmentId: u.department_id,
      });
      this.tokens.set(userId, token);
    }
    return { Authorization: `Bearer ${token}` };
  }

  async post(userId: string | null, path: string, body: object = {}) {
    const req = request(this.app).post(path).send(body);
    return userId ? req.set(await this.as(userId)) : req;
  }

  async put(userId: string, path: string, body: object) {
    return request(this.app)
      .put(path)
      .set(await this.as(userId))
      .send(body);
  }

  async patch(userId: string, path: string, body: object) {
    return request(this.app)
      .patch(path)
      .set(await this.as(userId))
      .send(body);
  }

  async get(userId: string | null, path: string) {
    const req = request(this.app).get(path);
    return userId ? req.set(await this.as(userId)) : req;
  }

  /** Moves the test server's clock to an instant; fails loudly if the clock has already passed it. */
  async advanceTo(iso: string): Promise<void> {
    const ms = Date.parse(iso) - (await this.env.currentTimeMs());
    if (ms <= 0) throw new Error(`the test clock is already past ${iso}; this scenario's dates need moving forward`);
    await this.env.sleep(ms);
  }

  async state(batchId: string): Promise<BatchState> {
    return this.env.client.workflow.getHandle(batchId).query(batchStateQuery);
  }

  /** Waits until the workflow's state satisfies `ready` (its activities run outside the test's control). */
  async stateWhen(batchId: string, ready: (s: BatchState) => boolean, what: string): Promise<BatchState> {
    return eventually(async () => {
      const s = await this.state(batchId);
      return ready(s) ? s : undefined;
    }, what);
  }

  /**
   * The workflow has entered the phase and the batch row shows it too: the API's record writes check the
   * row, which the workflow writes just after its own state, so a test that wrote at once could race it.
   */
  async phase(batchId: string, phase: BatchState['phase']): Promise<BatchState> {
    const state = await this.stateWhen(batchId, (s) => s.phase === phase, `batch ${batchId} to reach ${phase}`);
    await this.rowPhase(batchId, phase);
    return state;
  }

  async openBatch(year: number, collectionClosesOn: string): Promise<string> {
    const res = await this.post('coordinator', '/api/batches', { year, collectionClosesOn });
    expect(res.status, res.body.message).toBe(201);
    return res.body.id as string;
  }

  async suggest(batchId: string, key: string, title: string, contact = '13800000000'): Promise<string> {
    const res = await this.post(null, `/api/public/batches/${batchId}/suggestions`, {
      key,
      title,
      description: `${title}：群众反映强烈，建议纳入年度民生实事。`,
      category: 'transport',
      location: '城关镇',
      proposer: { name: '群众', contact },
    });
    expect(res.status, res.body.message).toBe(201);
    return res.body.id as string;
  }

  async score(suggestionId: string, mark = 80): Promise<void> {
    const res = await this.put('reviewer', `/api/suggestions/${suggestionId}/score`, {
      publicSupport: mark,
      fundingFeasibility: mark,
      socialBenefit: mark,
      implementationDifficulty: mark,
    });
    expect(res.status, res.body.message).toBeLessThan(300);
  }

  /** Scores and reviews a suggestion; a candidate gets a responsibility-list draft. Returns the candidate id if any. */
  async review(
    suggestionId: string,
    outcome: 'candidate' | 'reserve' | 'pendingResearch' | 'rejected',
    departmentId = 'dept-roads',
    candidateTitle = `实施${suggestionId}项目`,
  ): Promise<string | null> {
    await this.score(suggestionId);
    const res = await this.post('reviewer', `/api/suggestions/${suggestionId}/review`, {
      outcome,
      reason: outcome === 'candidate' ? '群众需求迫切，资金可落实' : '本年度资金无法安排，列入储备',
      departmentId,
      fundingSource: '县级财政',
      policyCompliant: true,
      ...(outcome === 'candidate'
        ? {
            candidate: {
              title: candidateTitle,
              description: '按责任清单推进',
              implementingUnit: '县公路养护中心',
              budgetYuan: 1_200_000,
              deadline: '2028-11-30',
              acceptanceStandard: '通过县交通运输局竣工验收',
              // seedPeople's vice county head: every project has its responsible leader.
              responsibleLeaderUserId: 'leader',
            },
          }
        : {}),
    });
    expect(res.status, res.body.message).toBeLessThan(300);
    return outcome === 'candidate' ? `cand-${suggestionId.replace(/^sug-/, '')}` : null;
  }

  /** The key shares each vote's or rating's opening handed out, as the scrutineers would keep them. */
  readonly shares = new Map<string, string[]>();

  /**
   * A decision as the office takes it. Opening a vote needs the sitting's attendance: unless the test
   * recorded it itself, the driver records deputies d1…dN present for the `deputiesPresent` the body names,
   * as the office would at sign-in. Opening a vote or the rating keeps the scrutineers' key shares it
   * answers with (a rating opened without names gets three scrutineers); closing one hands a majority of
   * them over unless the test gives its own `shares` (docs/secrecy.md).
   */
  async decide(batchId: string, verb: string, body: object = {}, userId = 'coordinator') {
    if (verb === 'open-vote' && 'deputiesPresent' in body && typeof body.deputiesPresent === 'number') {
      const recorded = await this.get('coordinator', `/api/batches/${batchId}/attendance`);
      expect(recorded.status, recorded.body.message).toBe(200);
      if (recorded.body.count === 0) {
        await this.recordAttendance(
          batchId,
          Array.from({ length: body.deputiesPresent }, (_, i) => `d${i + 1}`),
        );
      }
    }
    const box = verb.endsWith('-rating') ? `rating:${batchId}` : `vote:${batchId}`;
    let sent = body;
    if ((verb === 'close-vote' || verb === 'close-rating') && !('shares' in body))
      sent = { ...body, shares: this.shares.get(box) ?? [] };
    if (verb === 'open-rating' && !('scrutineers' in body))
      sent = { ...body, scrutineers: ['王监票', '李监票', '张监票'] };
    const res = await this.post(userId, `/api/batches/${batchId}/${verb}`, sent);
    if ((verb === 'open-vote' || verb === 'open-rating') && res.status === 200) {
      const opened = res.body.box as { threshold: number; shares: { share: string }[] };
      this.shares.set(
        box,
        opened.shares.slice(0, opened.threshold).map((s) => s.share),
      );
    }
    return res;
  }

  /** Waits until the batch row (which the API's writes check) shows the phase the workflow has entered. */
  async rowPhase(batchId: string, phase: BatchState['phase']): Promise<void> {
    await eventually(
      async () =>
        (await this.db.selectFrom('batches').select('phase').where('id', '=', batchId).executeTakeFirst())?.phase ===
        phase
          ? true
          : undefined,
      `the batch row of ${batchId} to reach ${phase}`,
    );
  }

  /** The office records who signed in at the sitting (during the vote). */
  async recordAttendance(batchId: string, deputyUserIds: string[], userId = 'coordinator') {
    await this.rowPhase(batchId, 'vote');
    const res = await this.put(userId, `/api/batches/${batchId}/attendance`, { deputyUserIds });
    expect(res.status, res.body.message).toBe(200);
    return res;
  }

  async completeTask(taskId: string, userId: string, result: object) {
    return this.post(userId, `/api/tasks/${encodeURIComponent(taskId)}/complete`, { result });
  }

  /** Waits for the task row the workflow opens, so a person can see it in their inbox. */
  async taskOpened(taskId: string) {
    return eventually(
      () => this.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst(),
      `task ${taskId} to open`,
    );
  }

  /** Records each step of the approval chain as approved. */
  async approveChain(batchId: string, round = 1): Promise<void> {
    for (const step of ['executiveMeeting', 'standingCommitteeOpinion', 'partyCommitteeApproval', 'billToCongress']) {
      const taskId = `task-${batchId}-r${round}-${step}`;
      await this.taskOpened(taskId);
      const res = await this.completeTask(taskId, 'coordinator', { decision: 'approve', note: '' });
      expect(res.status, res.body.message).toBe(200);
    }
  }

  /**
   * A county batch at its vote: three suggestions screened into candidates, the publicity slept through on the
   * test server, the approval chain approved. The API checks phases on the batch row, which the workflow writes
   * just after its own state changes, so each step waits for the row.
   */
  async toVote(year: number): Promise<{ batchId: string; candidates: string[] }> {
    const now = new Date(await this.env.currentTimeMs());
    const batchId = await this.openBatch(year, new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10));
    await this.phase(batchId, 'collection');
    const ids = [];
    for (const name of ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'])
      ids.push(await this.suggest(batchId, `${year}-${name}`, `建议${name}`));
    expect((await this.decide(batchId, 'close-collection')).status).toBe(200);
    await this.rowPhase(batchId, 'screening');
    const candidates = [];
    for (const id of ids) candidates.push((await this.review(id, 'candidate'))!);
    expect((await this.decide(batchId, 'conclude-screening')).status).toBe(200);
    const state = await this.state(batchId);
    await this.advanceTo(new Date(Date.parse(state.nextDeadline!.at) + 60_000).toISOString());
    await this.phase(batchId, 'approval');
    await this.approveChain(batchId);
    await this.rowPhase(batchId, 'vote');
    return { batchId, candidates };
  }

  /**
   * Casts a ballot in the fixed-length encoding a deputy's client sends, in the session's candidate order
   * when `candidateIds` are the session's; otherwise as given (a stale ballot the API must refuse).
   */
  async rate(userId: string, sessionId: string, ratings: { projectId: string; choice: RatingOutcome }[]) {
    return this.post(
      userId,
      `/api/rating-sessions/${sessionId}/ratings`,
      await ratingSheetBody(this.db, sessionId, ratings),
    );
  }

  async vote(sessionId: string, deputyId: string, approve: string[], candidateIds: string[]) {
    const marks: Ballot['marks'] = candidateIds.map((candidateId) => ({
      candidateId,
      choice: approve.includes(candidateId) ? 'approve' : 'disapprove',
    }));
    const session = await this.db
      .selectFrom('vote_sessions')
      .select('candidate_ids')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    const sameSet =
      session?.candidate_ids.length === candidateIds.length &&
      candidateIds.every((id) => session.candidate_ids.includes(id));
    const ballot = encodeBallot(marks, sameSet ? session.candidate_ids : candidateIds);
    return this.post(deputyId, `/api/vote-sessions/${sessionId}/ballots`, { ballot });
  }
}

/**
 * A rating sheet in the fixed-length encoding a client sends, in the session's project order when the
 * ratings cover its projects; otherwise one code per rating as given (a sheet the API must refuse).
 */
export async function ratingSheetBody(
  db: Kysely<Database>,
  sessionId: string,
  ratings: { projectId: string; choice: RatingOutcome }[],
): Promise<{ sheet: string }> {
  const session = await db
    .selectFrom('rating_sessions')
    .select('project_ids')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  const ids = ratings.map((r) => r.projectId);
  const sameSet = session?.project_ids.length === ids.length && ids.every((id) => session.project_ids.includes(id));
  return { sheet: encodeRatingSheet(ratings, sameSet ? session.project_ids : ids) };
}

export const voteSessionBody = (seats: number, deputiesPresent: number, deputiesEntitled = 8) => ({
  seats,
  deputiesEntitled,
  deputiesPresent,
  scrutineers: ['王监票', '李监票', '张监票'],
  tellers: ['赵计票', '钱计票'],
});

export interface BatchWorld {
  env: TestWorkflowEnvironment & { address: string };
  testDb: TestDatabase;
  /** Runs `fn` with a worker on a queue of its own, and a driver whose API starts workflows on that queue. */
  withWorker<T>(fn: (driver: BatchDriver) => Promise<T>): Promise<T>;
  teardown(): Promise<void>;
}

/**
 * One time-skipping server, workflow bundle and database per test file, with the county's people. Its clock
 * only runs forward, so each file that needs dates of its own gets its own world.
 */
export async function createBatchWorld(): Promise<BatchWorld> {
  const [env, bundle, testDb]: [
    TestWorkflowEnvironment & { address: string },
    WorkflowBundleWithSourceMap,
    TestDatabase,
  ] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows(), createTestDatabase()]);
  await seedPeople(testDb.db);
  await seedBatchPeople(testDb.db);
  // The API and the worker log in as their own roles with only their grants, as in docker-compose, so a
  // write the grants do not allow fails here first (db/migrations/20261127130000_grant_service_roles.ts).
  const urls = await serviceRoleUrls(inject('pgServerUrl'), testDb);
  const apiDb = createDb(urls.api, 5);
  const workerDb = createDb(urls.worker, 5);
  const notifier = createNotifier({ mailFrom: 'office@test.local' });
  // One queue for the whole file: a workflow still winding down when its test ends is finished by the next
  // test's worker, instead of holding the test server's clock.
  const taskQueue = `batch-test-${process.pid}`;
  return {
    env,
    testDb,
    async withWorker(fn) {
      onTestFailed(({ task }) => reportWorkflowsOfFailedTest(env, testDb.db, task.name));
      const worker = await createWorker({
        connection: env.nativeConnection,
        namespace: 'default',
        taskQueue,
        workflowBundle: bundle,
        activities: createActivities({ db: workerDb, notifier }),
        payloadKey: testPayloadKey,
      });
      return worker.runUntil(async () => {
        try {
          return await fn(new BatchDriver(env, testDb.db, taskQueue, apiDb));
        } finally {
          await endWorkflowsLeftRunning(env, testDb.db);
        }
      });
    },
    async teardown() {
      await notifier.close();
      await Promise.all([apiDb.destroy(), workerDb.destroy()]);
      await env.teardown();
      await testDb.drop();
    },
  };
}

/**
 * Ends every batch, project and task workflow a test left running. Their timers would otherwise fire while a
 * later test skips time (a batch's publicity, a task's escalations, a project's weekly cadence), and each one's
 * workflow and activity tasks hold the time-skipping server's clock until they are done: a later test's
 * `env.sleep` then waits on work it never started. Each is ended once idle (test/support/endWorkflow.ts).
 *
 * Tasks go first, every one of them: a task whose row is already completed or cancelled may still be finishing
 * (telling its owner, delivering a notice), and the test server holds its clock for good when a child workflow
 * closes after its parent has (the close's notice to the parent is never taken in; the same for a child that
 * starts after its parent closed). A later test's first `env.sleep` then waits in real time: seen in CI as a
 * 60 s timeout in the test after one that ended with a task still closing.
 */
async function endWorkflowsLeftRunning(env: TestWorkflowEnvironment, db: Kysely<Database>): Promise<void> {
  const end = (id: string) =>
    terminateWhenIdle(env.client.workflow.getHandle(id), 'the test that started it has ended');
  for (const id of await taskWorkflowIds(db)) await end(id);
  for (const id of await ownerWorkflowIds(db)) {
    // A task the owner opened meanwhile, its row perhaps not yet written, ends before the owner does.
    const children = await startedChildrenOf(env, id);
    for (const child of children) await end(child);
    await end(id);
  }
  // Anything opened while the owners wound down; its owner has closed, so it is only ended, never left to close.
  for (const id of await taskWorkflowIds(db)) await end(id);
}

/** The owner's children once every one has started (a start still in flight is a child the owner must see start). */
async function startedChildrenOf(env: TestWorkflowEnvironment, ownerId: string): Promise<string[]> {
  const handle = env.client.workflow.getHandle(ownerId);
  return eventually(async () => {
    const d = await handle.describe().catch(() => null);
    if (!d || d.status.name !== 'RUNNING') return [];
    const pending = d.raw.pendingChildren ?? [];
    return pending.every((c) => c.runId) ? pending.flatMap((c) => (c.workflowId ? [c.workflowId] : [])) : undefined;
  }, `the tasks ${ownerId} is opening to start before it is ended`);
}

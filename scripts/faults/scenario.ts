import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { keyedId } from '../../api/batchRecords';
import { issueToken } from '../../api/security/sessions';
import { findingIdOf } from '../../api/projects/projects.service';
import type { Role } from '../../domain/assignee';
import type { Database } from '../../db/schema';
// The fault run stands on the same fixtures as the tests (a county, a voted project as the batch leaves it).
import { jurisdictionId, seedPeople } from '../../test/support/fixtures';
import { insertVotedProject } from '../../test/support/projectFixtures';
import { workflowSearchAttributes } from '../../domain/searchAttributes';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import { type FaultStack, TASK_QUEUE } from './stack';
import { VoteUnderFaults } from './vote';

export const faultJurisdiction = jurisdictionId;

/**
 * The test fixtures' county (a roads department with two officials, its responsible leader, a
 * coordinator, a deputy), shared with the voted-project fixture the run starts a project from, and its
 * finance office, which sets the pool and pays (docs/domain.md, "Fund pool").
 */
export async function seedFaultCounty(db: Kysely<Database>): Promise<void> {
  await seedPeople(db);
  await db
    .insertInto('users')
    .values({
      id: 'finance',
      username: 'finance',
      display_name: '县财政局',
      password_hash: 'not-a-login',
      roles: ['financeOfficer'],
      jurisdiction_id: faultJurisdiction,
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
}

/** Whoever is told when an instruction to the roads department lapses: its leader, and its two members. */
const ESCALATION_RECIPIENTS = 3;

/** A seeded PRNG (mulberry32): the same seed injects the same faults at the same points. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
  ms: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export type FaultKind = 'worker-sigkill' | 'temporal-restart' | 'postgres-restart';

export interface ScenarioOptions {
  rounds: number;
  random: () => number;
  log: (line: string) => void;
  /** Each request's client-side limit: a request that takes longer counts as a hang. */
  clientTimeoutMs?: number;
  /** The order of faults in each round; default: shuffled by `random`. */
  order?: FaultKind[];
}

const OUTAGE_ANSWER_MS = 3_000;

/**
 * Drives a batch's collection and the office's instructions through the API while faults happen, and
 * records what each outage looked like to a client; `verify` then checks nothing accepted was lost
 * or doubled and every lapsed deadline escalated once.
 */
export class FaultScenario {
  readonly checks: Check[] = [];
  readonly injected: string[] = [];
  /** Keys the API accepted (2xx): each must be stored exactly once. */
  private readonly acceptedSuggestions = new Set<string>();
  private readonly acceptedTasks = new Set<string>();
  /** Tasks whose due instant lapsed during an outage. */
  private readonly lapsedInOutage: string[] = [];
  private readonly acceptedDisbursements = new Map<string, number>();
  private readonly acceptedFindings = new Set<string>();
  private readonly sentAmounts = new Map<string, number>();
  private batchId = '';
  private projectId = '';
  private vote!: VoteUnderFaults;
  private seq = 0;
  private readonly timeoutMs: number;

  constructor(
    readonly stack: FaultStack,
    readonly options: ScenarioOptions,
  ) {
    this.timeoutMs = options.clientTimeoutMs ?? 10_000;
  }

  private log(line: string): void {
    this.options.log(line);
  }

  check(name: string, ok: boolean, detail = ''): void {
    this.checks.push({ name, ok, detail });
    this.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    as: string | null = 'coordinator',
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
    if (as) headers.authorization = `Bearer ${await this.tokenOf(as)}`;
    const started = Date.now();
    try {
      const res = await fetch(`${this.stack.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        parsed = { text };
      }
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: parsed, ms: Date.now() - started };
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError')
        return { status: 0, retryAfter: null, body: { message: 'hung' }, ms: Date.now() - started };
      throw err;
    }
  }

  private readonly tokens = new Map<string, string>();
  private async tokenOf(userId: string): Promise<string> {
    let token = this.tokens.get(userId);
    if (!token) {
      const roles: Role[] =
        userId === 'coordinator'
          ? ['coordinator']
          : userId === 'deputy' || userId.startsWith('voter-')
            ? ['deputy']
            : userId === 'finance'
              ? ['financeOfficer']
              : ['official'];
      // A session row per person: the API checks it (and the account) on every request.
      token = await issueToken(this.stack.db, this.stack.tokens, {
        userId,
        username: userId,
        displayName: userId,
        roles,
        jurisdictionId: faultJurisdiction,
        departmentId: userId === 'official' || userId === 'colleague' ? 'dept-roads' : null,
      });
      this.tokens.set(userId, token);
    }
    return token;
  }

  private key(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${String(this.seq).padStart(4, '0')}-fault`;
  }

  async openBatch(): Promise<void> {
    const year = new Date().getUTCFullYear() + 1;
    const res = await this.call('POST', '/batches', { year, collectionClosesOn: `${year}-06-30` });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`opening the batch: ${res.status} ${JSON.stringify(res.body)}`);
    this.batchId = String(res.body.id);
    this.log(`batch ${this.batchId} collecting`);
  }

  /** A suggestion from the public form; returns the answer, remembering the key when it was accepted. */
  async suggest(key = this.key('sug')): Promise<Answer & { key: string }> {
    const res = await this.call(
      'POST',
      `/public/batches/${this.batchId}/suggestions`,
      {
        key,
        title: `县道路灯维修 ${key}`,
        description: '夜间无照明，行人不便',
        category: 'transport',
        location: '城关镇',
        proposer: { contact: '13800000000' },
      },
      null,
    );
    if (res.status === 201 || res.status === 200) this.acceptedSuggestions.add(key);
    return { ...res, key };
  }

  async assign(key: string, due: Record<string, unknown>): Promise<Answer> {
    const res = await this.call('POST', '/tasks', {
      key,
      kind: 'instruction',
      title: `核查路面 ${key}`,
      assignee: { kind: 'department', departmentId: 'dept-roads' },
      due,
      remindBefore: [],
    });
    if (res.status === 201 || res.status === 202) this.acceptedTasks.add(key);
    return res;
  }

  /** Last year's elected project, as the batch leaves it, with its pool, allocation and a supervision group. */
  async openProject(): Promise<void> {
    const year = new Date().getUTCFullYear();
    const input = await insertVotedProject(this.stack.db, {
      key: 'fault-road',
      batchId: `batch-${faultJurisdiction}-${year}`,
      year,
      deadline: `${year + 1}-10-31`,
    });
    this.projectId = input.projectId;
    await this.stack.temporalClient.workflow.start(votedProjectWorkflow, {
      taskQueue: TASK_QUEUE,
      workflowId: input.projectId,
      args: [input],
      typedSearchAttributes: workflowSearchAttributes({ ...input, warningLevel: 'none' }),
    });
    const pool = await this.call('PUT', `/batches/${input.batchId}/fund-pool`, { totalYuan: 10_000_000 }, 'finance');
    const allocation = await this.call(
      'POST',
      `/projects/${this.projectId}/funds/allocate`,
      { key: 'allocation-0001', amountYuan: 1_000_000, note: '年度资金' },
      'finance',
    );
    const joined = await this.call('POST', `/projects/${this.projectId}/supervision-group/join`, {}, 'deputy', {
      'Idempotency-Key': 'join-deputy-0001',
    });
    if (pool.status !== 200 || allocation.status !== 201 || joined.status !== 200)
      throw new Error(
        `setting up the project: ${pool.status} ${allocation.status} ${joined.status} ${JSON.stringify(joined.body)}`,
      );
    this.log(`project ${this.projectId} funded and supervised`);
  }

  /** A disbursement: the roads department requests it, finance pays it (records only: PostgreSQL). */
  async disburse(key = this.key('pay')): Promise<Answer & { key: string }> {
    // A resend carries the same amount, as a form would.
    const amountYuan = this.sentAmounts.get(key) ?? 1_000 + Math.floor(this.options.random() * 9) * 1_000;
    this.sentAmounts.set(key, amountYuan);
    const asked = await this.call(
      'POST',
      `/projects/${this.projectId}/funds/request-disbursement`,
      { key: `${key}-ask`, amountYuan, note: `申请工程进度款 ${key}` },
      'official',
    );
    if (asked.status !== 201 && asked.status !== 200) return { ...asked, key };
    const requestId = (asked.body.movement as { id: string }).id;
    const res = await this.call(
      'POST',
      `/projects/${this.projectId}/funds/disburse`,
      { key, requestId, note: `工程进度款 ${key}` },
      'finance',
    );
    if (res.status === 201 || res.status === 200) this.acceptedDisbursements.set(key, amountYuan);
    return { ...res, key };
  }

  /** A finding by the supervision group: a workflow update that opens a task for the department. */
  async fileFinding(key = this.key('find')): Promise<Answer & { key: string }> {
    const res = await this.call(
      'POST',
      `/projects/${this.projectId}/findings`,
      { key, text: `现场发现路面修补不实 ${key}` },
      'deputy',
    );
    if (res.status === 201 || res.status === 200) this.acceptedFindings.add(key);
    return { ...res, key };
  }

  async run(): Promise<void> {
    await this.openBatch();
    await this.openProject();
    // Ballots: one before any fault, six in each round (two around each fault), so one deputy each.
    this.vote = new VoteUnderFaults(
      this.stack,
      {
        call: (method, path, body, as) => this.call(method, path, body, as),
        check: (name, ok, detail) => this.check(name, ok, detail),
        signIn: async (userId) => {
          await this.tokenOf(userId);
        },
        log: (line) => this.log(line),
      },
      1 + 6 * this.options.rounds,
    );
    await this.vote.open({
      projectId: this.projectId,
      batchId: `batch-${faultJurisdiction}-${new Date().getUTCFullYear()}`,
    });
    const first = await this.vote.castMany(1);
    if (first[0]?.status !== 201)
      throw new Error(`the first ballot: ${first[0]?.status} ${JSON.stringify(first[0]?.body)}`);
    for (let i = 0; i < 3; i++) await this.suggest();
    const kinds: FaultKind[] = ['worker-sigkill', 'temporal-restart', 'postgres-restart'];
    for (let round = 1; round <= this.options.rounds; round++) {
      const order = this.options.order ?? shuffle(kinds, this.options.random);
      this.log(`round ${round}: ${order.join(', ')}`);
      for (const kind of order) {
        if (kind === 'worker-sigkill') await this.workerKill(round);
        if (kind === 'temporal-restart') await this.temporalRestart(round);
        if (kind === 'postgres-restart') await this.postgresRestart(round);
      }
    }
    // The scrutineers open the box and the session is counted while PostgreSQL goes away under it.
    await this.vote.count(async () => {
      await this.stack.stopPostgres();
      this.injected.push('count: PostgreSQL restarted while the box was opened and the vote counted');
      this.log(this.injected.at(-1)!);
      await this.stack.startPostgres();
      await this.untilReady('count');
    });
    try {
      await this.verify();
      await this.vote.verify();
      await this.vote.verifyRatings();
    } finally {
      await this.vote.close();
    }
  }

  /** Instructions in flight, the worker killed while it opens them, suggestions still accepted, the worker back. */
  private async workerKill(round: number): Promise<void> {
    const count = 2 + Math.floor(this.options.random() * 3);
    const keys = Array.from({ length: count }, () => this.key('kill'));
    const before = await this.taskRowCount();
    const assigned = Promise.all(keys.map((k) => this.assign(k, { kind: 'workingDays', days: 3 })));
    // Kill as soon as the worker has recorded the first of them: the others are mid-activity or queued.
    await this.until(async () => (await this.taskRowCount()) > before, 'the first instruction recorded', 30_000);
    const extraMs = Math.floor(this.options.random() * 200);
    if (extraMs) await delay(extraMs);
    await this.stack.killWorker();
    this.injected.push(
      `round ${round}: SIGKILL worker ${extraMs} ms after the first of ${count} instructions was recorded`,
    );
    this.log(this.injected.at(-1)!);
    const answers = await assigned;
    this.check(
      `round ${round}: instructions sent around the kill were all accepted`,
      answers.every((a) => a.status === 201 || a.status === 202),
      answers.map((a) => a.status).join(','),
    );
    const during = await this.suggest();
    this.check(
      `round ${round}: a suggestion is accepted while the worker is dead`,
      during.status === 201,
      `${during.status}`,
    );
    const ballots = await this.vote.castMany(2);
    this.check(
      `round ${round}: ballots and rating sheets are accepted while the worker is dead`,
      ballots.every((b) => b.status === 201 && b.sheet.status === 201),
      ballots.map((b) => `${b.status}/${b.sheet.status}`).join(','),
    );
    const paid = await this.disburse();
    this.check(
      `round ${round}: a disbursement is accepted while the worker is dead`,
      paid.status === 201,
      `${paid.status}`,
    );
    // Nobody runs the project's workflow: the update is not confirmed in time. It may still apply once the
    // worker is back, so the resend below must find it, not file it again.
    const unconfirmed = await this.fileFinding();
    this.check(
      `round ${round}: a finding while the worker is dead is a 503 with Retry-After, not a hang`,
      unconfirmed.status === 503 && unconfirmed.retryAfter !== null,
      `${unconfirmed.status === 0 ? 'no answer (hung)' : unconfirmed.status} in ${unconfirmed.ms} ms`,
    );
    await this.stack.startWorker();
    this.log('worker restarted');
    await this.until(
      async () =>
        (await this.stack.db.selectFrom('tasks').select('id').where('id', 'in', keys.map(taskIdOf)).execute())
          .length === count,
      'every instruction recorded after the restart',
      90_000,
    );
    const refiled = await this.resend(() => this.fileFinding(unconfirmed.key));
    this.check(
      `round ${round}: the finding sent while the worker was dead is filed when resent`,
      refiled.status === 201 || refiled.status === 200,
      `${refiled.status} ${JSON.stringify(refiled.body).slice(0, 200)}`,
    );
    // The office's form resends one (a lost response): the same task comes back, nothing new starts.
    const again = await this.assign(keys[0]!, { kind: 'workingDays', days: 3 });
    this.check(
      `round ${round}: a resent instruction returns the task it started`,
      again.status === 201 && again.body.id === taskIdOf(keys[0]!),
      `${again.status} ${String(again.body.id)}`,
    );
  }

  /** An instruction due a few seconds ahead; Temporal goes away, the deadline lapses, Temporal comes back. */
  private async temporalRestart(round: number): Promise<void> {
    const taskKey = await this.deadlineTask();
    await this.stack.stopTemporal();
    const downAt = Date.now();
    this.injected.push(`round ${round}: Temporal server stopped`);
    this.log(this.injected.at(-1)!);
    const refusedKey = this.key('tdown');
    const refused = await this.assign(refusedKey, { kind: 'workingDays', days: 3 });
    this.outageAnswer(`round ${round}: POST /tasks while Temporal is down`, refused);
    const ready = await this.call('GET', '/ready', undefined, null);
    this.outageAnswer(`round ${round}: GET /ready while Temporal is down`, ready);
    this.check(
      `round ${round}: /ready names Temporal as down`,
      ready.body.temporal === 'down' && ready.body.postgres === 'up',
      JSON.stringify(ready.body),
    );
    const suggestion = await this.suggest();
    this.check(
      `round ${round}: a suggestion (PostgreSQL only) is accepted while Temporal is down`,
      suggestion.status === 201,
      `${suggestion.status}`,
    );
    const ballots = await this.vote.castMany(2);
    this.check(
      `round ${round}: ballots and rating sheets (PostgreSQL only) are accepted while Temporal is down`,
      ballots.every((b) => b.status === 201 && b.sheet.status === 201),
      ballots.map((b) => `${b.status}/${b.sheet.status}`).join(','),
    );
    const paid = await this.disburse();
    this.check(
      `round ${round}: a disbursement is accepted while Temporal is down`,
      paid.status === 201,
      `${paid.status}`,
    );
    const finding = await this.fileFinding();
    this.outageAnswer(`round ${round}: POST a finding while Temporal is down`, finding);
    await this.waitPastDue(taskKey);
    await this.stack.startTemporal();
    this.injected.push(`round ${round}: Temporal server back after ${Math.round((Date.now() - downAt) / 1000)} s`);
    this.log(this.injected.at(-1)!);
    await this.untilReady(round);
    const resent = await this.resend(() => this.assign(refusedKey, { kind: 'workingDays', days: 3 }));
    this.check(
      `round ${round}: the refused instruction is accepted when resent`,
      resent.status === 201 || resent.status === 202,
      `${resent.status}`,
    );
    const refiled = await this.resend(() => this.fileFinding(finding.key));
    this.check(`round ${round}: the refused finding is filed when resent`, refiled.status === 201, `${refiled.status}`);
    await this.escalatedOnce(round, taskKey, 'Temporal');
  }

  /** An instruction due a few seconds ahead; PostgreSQL goes away, the deadline lapses, PostgreSQL comes back. */
  private async postgresRestart(round: number): Promise<void> {
    const taskKey = await this.deadlineTask();
    const before = await this.disburse();
    const ballotBefore = await this.vote.cast(this.vote.nextVoter());
    await this.stack.stopPostgres();
    const downAt = Date.now();
    this.injected.push(`round ${round}: PostgreSQL stopped`);
    this.log(this.injected.at(-1)!);
    const list = await this.call('GET', '/tasks');
    this.outageAnswer(`round ${round}: GET /tasks while PostgreSQL is down`, list);
    const refused = await this.suggest();
    this.outageAnswer(`round ${round}: POST a suggestion while PostgreSQL is down`, refused);
    const refusedPayment = await this.disburse();
    this.outageAnswer(`round ${round}: POST a disbursement while PostgreSQL is down`, refusedPayment);
    const refusedBallot = await this.vote.cast(this.vote.nextVoter());
    this.outageAnswer(`round ${round}: POST a ballot while PostgreSQL is down`, refusedBallot);
    this.outageAnswer(`round ${round}: POST a rating sheet while PostgreSQL is down`, refusedBallot.sheet);
    const ready = await this.call('GET', '/ready', undefined, null);
    this.outageAnswer(`round ${round}: GET /ready while PostgreSQL is down`, ready);
    this.check(
      `round ${round}: /ready names PostgreSQL as down`,
      ready.body.postgres === 'down' && ready.body.temporal === 'up',
      JSON.stringify(ready.body),
    );
    await this.waitPastDue(taskKey);
    await this.stack.startPostgres();
    this.injected.push(`round ${round}: PostgreSQL back after ${Math.round((Date.now() - downAt) / 1000)} s`);
    this.log(this.injected.at(-1)!);
    await this.untilReady(round);
    const resent = await this.resend(() => this.suggest(refused.key));
    this.check(
      `round ${round}: the refused suggestion is accepted when resent`,
      resent.status === 201,
      `${resent.status}`,
    );
    const repaid = await this.resend(() => this.disburse(refusedPayment.key));
    this.check(
      `round ${round}: the refused disbursement is accepted when resent`,
      repaid.status === 201,
      `${repaid.status}`,
    );
    // A response lost to the restart: the same disbursement sent again is answered, not paid twice.
    const again = await this.disburse(before.key);
    this.check(
      `round ${round}: a disbursement accepted before the restart, resent, is recognised`,
      before.status === 201 && again.status === 200,
      `${before.status} then ${again.status}`,
    );
    const recast = await this.resend(() => this.vote.cast(refusedBallot.voter));
    this.check(
      `round ${round}: the refused ballot and rating sheet are cast when resent`,
      recast.status === 201 && recast.sheet.status === 201,
      `${recast.status}/${recast.sheet.status}`,
    );
    // A receipt lost to the restart: the deputy's client sends the ballot again, which must not count twice.
    const castAgain = await this.vote.cast(ballotBefore.voter);
    this.check(
      `round ${round}: a ballot and sheet cast before the restart, resent, are refused as already cast`,
      ballotBefore.status === 201 &&
        ballotBefore.sheet.status === 201 &&
        castAgain.status === 409 &&
        castAgain.sheet.status === 409,
      `${ballotBefore.status}/${ballotBefore.sheet.status} then ${castAgain.status}/${castAgain.sheet.status}`,
    );
    await this.escalatedOnce(round, taskKey, 'PostgreSQL');
  }

  /** Due 4–7 s from now (an absolute instant: a real deadline, not a shortened one). */
  private async deadlineTask(): Promise<string> {
    const key = this.key('due');
    const at = new Date(Date.now() + 4_000 + Math.floor(this.options.random() * 3_000)).toISOString();
    const res = await this.assign(key, { kind: 'at', at });
    if (res.status !== 201)
      throw new Error(`the deadline task was not recorded: ${res.status} ${JSON.stringify(res.body)}`);
    this.lapsedInOutage.push(key);
    return key;
  }

  /** Real time must pass the due instant while the dependency is away: that is the fault under test. */
  private async waitPastDue(key: string): Promise<void> {
    const row = await this.stack.db
      .selectFrom('tasks')
      .select('due_at')
      .where('id', '=', taskIdOf(key))
      .executeTakeFirst()
      .catch(() => undefined);
    const dueAt = row ? new Date(row.due_at).getTime() : Date.now() + 7_000;
    const wait = dueAt + 1_000 + Math.floor(this.options.random() * 1_000) - Date.now();
    if (wait > 0) await delay(wait);
  }

  /**
   * What a client does with a 503: wait as Retry-After says and send the same request again. Right after
   * a recovery the worker may still be reconnecting; a few tries, never an endless loop.
   */
  private async resend<A extends Answer>(send: () => Promise<A>, attempts = 4): Promise<A> {
    let answer = await send();
    for (let i = 1; i < attempts && answer.status === 503; i++) {
      this.log(`  503, resending after Retry-After ${answer.retryAfter} s`);
      await delay(Number(answer.retryAfter ?? '5') * 1_000);
      answer = await send();
    }
    return answer;
  }

  private outageAnswer(name: string, answer: Answer): void {
    this.check(
      `${name}: 503 with Retry-After within ${OUTAGE_ANSWER_MS / 1000} s`,
      answer.status === 503 && answer.retryAfter !== null && answer.ms < OUTAGE_ANSWER_MS,
      `${answer.status === 0 ? 'no answer (hung)' : answer.status} Retry-After=${answer.retryAfter} in ${answer.ms} ms`,
    );
  }

  private async untilReady(round: number | string): Promise<void> {
    const started = Date.now();
    let last: Answer | undefined;
    while (Date.now() - started < 60_000) {
      last = await this.call('GET', '/ready', undefined, null);
      if (last.status === 200) break;
      await delay(250);
    }
    this.check(
      `round ${round}: the same API process is ready again by itself`,
      last?.status === 200,
      `after ${Date.now() - started} ms: ${JSON.stringify(last?.body)}`,
    );
  }

  private async escalatedOnce(round: number, key: string, outage: string): Promise<void> {
    const taskId = taskIdOf(key);
    // The notices follow the escalation by activity retries, which back off while a dependency is away.
    await this.until(
      async () => {
        const found = await this.escalations(taskId);
        return found.audit >= 1 && found.notices >= ESCALATION_RECIPIENTS;
      },
      `the escalation of ${taskId} and its notices`,
      90_000,
    ).catch(() => undefined);
    const found = await this.escalations(taskId);
    this.check(
      `round ${round}: the deadline that lapsed while ${outage} was down escalated once it was back`,
      found.audit === 1 && found.level === 1 && found.notices === ESCALATION_RECIPIENTS,
      `escalation events ${found.audit}, level ${found.level}, notices ${found.notices}`,
    );
  }

  private async escalations(taskId: string): Promise<{ audit: number; level: number; notices: number }> {
    const db = this.stack.db;
    const [audit, task, notices] = await Promise.all([
      db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'task.escalated')
        .where('subject', '=', taskId)
        .executeTakeFirstOrThrow(),
      db.selectFrom('tasks').select('escalation_level').where('id', '=', taskId).executeTakeFirst(),
      db
        .selectFrom('notices')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('kind', '=', 'escalation')
        .where('task_id', '=', taskId)
        .executeTakeFirstOrThrow(),
    ]);
    return { audit: Number(audit.n), level: task?.escalation_level ?? -1, notices: Number(notices.n) };
  }

  private async taskRowCount(): Promise<number> {
    const row = await this.stack.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async until(probe: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (await probe().catch(() => false)) return;
      await delay(100);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }

  /** After the last fault: every accepted record once, every task once and alive, every lapse escalated once. */
  async verify(): Promise<void> {
    const db = this.stack.db;
    const suggestionIds = [...this.acceptedSuggestions].map((k) => keyedId('sug', this.batchId, k));
    const stored = await db.selectFrom('suggestions').select('id').where('batch_id', '=', this.batchId).execute();
    const storedCount = new Map<string, number>();
    for (const s of stored) storedCount.set(s.id, (storedCount.get(s.id) ?? 0) + 1);
    const missing = suggestionIds.filter((id) => !storedCount.has(id));
    this.check(
      'every accepted suggestion is stored exactly once, and nothing else',
      missing.length === 0 && stored.length === suggestionIds.length && [...storedCount.values()].every((n) => n === 1),
      `accepted ${suggestionIds.length}, stored ${stored.length}, missing ${missing.length}`,
    );

    await this.until(
      async () =>
        (
          await db
            .selectFrom('tasks')
            .select('id')
            .where('id', 'in', [...this.acceptedTasks].map(taskIdOf))
            .execute()
        ).length === this.acceptedTasks.size,
      'every accepted instruction recorded',
      90_000,
    ).catch(() => undefined);
    const taskIds = [...this.acceptedTasks].map(taskIdOf);
    // The project's own tasks (weekly reports, finding responses) are the workflows' to open; these are the office's.
    const tasks = await db.selectFrom('tasks').select(['id', 'status']).where('id', 'like', 'task-adhoc-%').execute();
    const opened = await db
      .selectFrom('audit_events')
      .select(['subject'])
      .where('action', '=', 'task.opened')
      .where('subject', 'like', 'task-adhoc-%')
      .execute();
    const openedCount = new Map<string, number>();
    for (const o of opened) openedCount.set(o.subject ?? '', (openedCount.get(o.subject ?? '') ?? 0) + 1);
    this.check(
      'every accepted instruction is one task row, opened once, and no other task exists',
      tasks.length === taskIds.length &&
        taskIds.every((id) => tasks.some((t) => t.id === id && t.status === 'open') && openedCount.get(id) === 1),
      `accepted ${taskIds.length}, rows ${tasks.length}, opened events ${opened.length}`,
    );
    const assignedNoticesNow = () =>
      db
        .selectFrom('notices')
        .select(['task_id', 'recipient_user_id'])
        .where('kind', '=', 'assigned')
        .where('task_id', 'like', 'task-adhoc-%')
        .execute();
    // A task opened just before an outage writes its notices when the activity's retry comes round (up to a
    // minute later): the row and the notice are separate steps of the task workflow, so wait for the notices.
    await this.until(
      async () => (await assignedNoticesNow()).length >= taskIds.length * 2,
      'every assignment notice written',
      90_000,
    ).catch(() => undefined);
    const assignedNotices = await assignedNoticesNow();
    this.check(
      'each department member got each assignment notice exactly once',
      assignedNotices.length === taskIds.length * 2 &&
        taskIds.every((id) => assignedNotices.filter((n) => n.task_id === id).length === 2),
      `${assignedNotices.length} notices for ${taskIds.length} tasks × 2 members`,
    );
    const handles = await Promise.all(
      taskIds.map(async (id) => {
        const res = await this.call('GET', `/tasks/${id}`);
        return { id, status: res.status, phase: (res.body.live as { phase?: string } | null)?.phase };
      }),
    );
    this.check(
      'every task workflow is alive and open after all the faults',
      handles.every((h) => h.status === 200 && h.phase === 'open'),
      handles
        .filter((h) => h.phase !== 'open')
        .map((h) => `${h.id}: ${h.status} ${h.phase}`)
        .join('; '),
    );
    const movements = await db
      .selectFrom('fund_movements')
      .select(['id', 'kind', 'amount_yuan'])
      .where('project_id', '=', this.projectId)
      .where('kind', '=', 'disbursement')
      .execute();
    const paidIds = [...this.acceptedDisbursements.keys()].map((k) => keyedId('fund', this.projectId, k));
    const expectedTotal = [...this.acceptedDisbursements.values()].reduce((a, b) => a + b, 0);
    const storedTotal = movements.reduce((a, m) => a + Number(m.amount_yuan), 0);
    this.check(
      'every accepted disbursement is one movement, and the money paid is their sum',
      movements.length === paidIds.length &&
        paidIds.every((id) => movements.filter((m) => m.id === id).length === 1) &&
        storedTotal === expectedTotal,
      `accepted ${paidIds.length} (¥${expectedTotal}), stored ${movements.length} (¥${storedTotal})`,
    );
    const findings = await db.selectFrom('findings').select('id').where('project_id', '=', this.projectId).execute();
    const findingIds = [...this.acceptedFindings].map((k) => findingIdOf(this.projectId, k));
    this.check(
      'every filed finding is stored exactly once, and nothing else',
      findings.length === findingIds.length &&
        findingIds.every((id) => findings.filter((f) => f.id === id).length === 1),
      `filed ${findingIds.length}, stored ${findings.length}`,
    );
    // Each finding hands the department one response task (a child workflow the project starts).
    const responses = async () =>
      db
        .selectFrom('tasks')
        .select(['id', 'payload'])
        .where('owner_workflow_id', '=', this.projectId)
        .where('kind', '=', 'findingResponse')
        .execute();
    await this.until(
      async () => (await responses()).length >= findingIds.length,
      'a response task for every finding',
      60_000,
    ).catch(() => undefined);
    const responseTasks = await responses();
    const responseFor = (id: string) =>
      responseTasks.filter((t) => (t.payload as { findingId?: unknown }).findingId === id).length;
    this.check(
      'every finding opened exactly one response task for the department',
      responseTasks.length === findingIds.length && findingIds.every((id) => responseFor(id) === 1),
      `${findingIds.length} findings, ${responseTasks.length} response tasks`,
    );
    for (const key of this.lapsedInOutage) {
      const found = await this.escalations(taskIdOf(key));
      this.check(
        `${taskIdOf(key)} escalated exactly once in all`,
        found.audit === 1 && found.notices === ESCALATION_RECIPIENTS,
        `events ${found.audit}, notices ${found.notices}`,
      );
    }
    this.check('the worker is alive (it died only when killed)', this.stack.workerAlive());
  }
}

const taskIdOf = (key: string) => `task-adhoc-${key}`;

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

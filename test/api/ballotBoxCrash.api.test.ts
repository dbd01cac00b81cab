import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchDriver, type BatchWorld, createBatchWorld, voteSessionBody } from '../support/batchDriver';
import { eventually } from '../support/fixtures';
import { terminateWhenIdle } from '../support/endWorkflow';

// Counted exactly once after a crash during close (docs/secrecy.md). The worker runs in a process of its
// own and is killed with SIGKILL while the count's transaction is under way. This runs on the time-skipping
// server, because a batch reaches its vote only after the candidate publicity's working days, which a dev
// server would have to wait out; the dying worker keeps no workflow cache, as docs/architecture.md, "Processes"'s crash tests must
// there. The retried activity waits out its real one-minute start-to-close timeout.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
let world: BatchWorld;
const children: ChildProcess[] = [];

beforeAll(async () => {
  world = await createBatchWorld();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await world?.teardown();
});

/** Starts a worker process on the queue and resolves once it polls. */
function startWorkerProcess(taskQueue: string): Promise<ChildProcess> {
  // Node itself with tsx's loader: the tsx command would put a process of its own between the kill and the worker.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'test/support/crashableWorker.ts'),
      world.testDb.url,
      world.env.address,
      taskQueue,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('polling\n')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.on('exit', (code, signal) =>
      reject(new Error(`worker exited (${code ?? signal}) before polling:\n${output}`)),
    );
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('closing a vote when the worker crashes mid-count', () => {
  it('counts the ballots exactly once', { timeout: 300_000 }, async () => {
    const { env, testDb } = world;
    const taskQueue = `crash-test-${process.pid}`;
    const drive = new BatchDriver(env, testDb.db, taskQueue);
    let worker = await startWorkerProcess(taskQueue);

    const now = new Date(await env.currentTimeMs());
    const batchId = await drive.openBatch(2035, new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10));
    await drive.phase(batchId, 'collection');
    const ids = [];
    for (const name of ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'])
      ids.push(await drive.suggest(batchId, `2035-${name}`, `建议${name}`));
    expect((await drive.decide(batchId, 'close-collection')).status).toBe(200);
    await drive.phase(batchId, 'screening');
    const candidates: string[] = [];
    for (const id of ids) candidates.push((await drive.review(id, 'candidate'))!);
    expect((await drive.decide(batchId, 'conclude-screening')).status).toBe(200);
    const state = await drive.state(batchId);
    await drive.advanceTo(new Date(Date.parse(state.nextDeadline!.at) + 60_000).toISOString());
    await drive.phase(batchId, 'approval');
    await drive.approveChain(batchId);
    await drive.phase(batchId, 'vote');
    // Five of seven entitled present: two thirds or more (docs/domain.md, "Vote").
    const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 5, 7));
    expect(opened.status, opened.body.message).toBe(200);
    const sessionId = opened.body.sessionId as string;
    const [a, b, c] = candidates as [string, string, string];
    for (const [deputy, approve] of [
      ['d1', [a, b]],
      ['d2', [a, b]],
      ['d3', [a, c]],
      ['d4', [b, c]],
      ['d5', [a]],
    ] as [string, string[]][]) {
      expect((await drive.vote(sessionId, deputy, approve, candidates)).status).toBe(201);
    }

    // The count's transaction will wait on its audit row while the test holds the table; the worker
    // dies there, its transaction uncommitted.
    const blocker = new pg.Client({ connectionString: testDb.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table audit_events in exclusive mode');
    // As the console sends it: one Idempotency-Key for the decision, however often it is resent.
    const sendClose = async () =>
      request(drive.app)
        .post(`/api/batches/${batchId}/close-vote`)
        .set(await drive.as('coordinator'))
        .set('Idempotency-Key', 'crash-test-close-0001')
        .send({ shares: drive.shares.get(`vote:${batchId}`) });
    const closing = sendClose();
    await eventually(async () => {
      const waiting = await sql<{ n: string }>`
        select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into "audit_events"%'`.execute(
        testDb.db,
      );
      return Number(waiting.rows[0]!.n) > 0 ? true : undefined;
    }, 'the count to wait on the audit table');
    await killed(worker);
    await blocker.query('commit');
    await blocker.end();
    // The dead worker's transaction goes with its connection: nothing of that attempt is recorded.
    await eventually(async () => {
      const left = await sql<{ n: string }>`
        select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'insert into "audit_events"%'`.execute(
        testDb.db,
      );
      return Number(left.rows[0]!.n) === 0 ? true : undefined;
    }, 'the dead worker’s connection to close');
    const afterCrash = await testDb.db
      .selectFrom('vote_sessions')
      .select(['status', 'result'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(afterCrash).toEqual({ status: 'open', result: null });
    worker = await startWorkerProcess(taskQueue);

    // The API gives the engine a few seconds per request: a close it could not confirm while the worker was
    // down is a 503 with Retry-After, and the same key sent again is the same decision, counted once.
    let closed = await closing;
    for (let attempt = 0; closed.status === 503 && attempt < 30; attempt += 1) {
      expect(closed.headers['retry-after']).toBe('5');
      closed = await sendClose();
    }
    expect(closed.status, closed.body.message).toBe(200);
    expect(closed.body.result).toMatchObject({ ballotsCast: 5, validBallots: 5 });
    const approvals = Object.fromEntries(
      (closed.body.result.tallies as { candidateId: string; approve: number }[]).map((t) => [t.candidateId, t.approve]),
    );
    expect(approvals).toEqual({ [a]: 4, [b]: 3, [c]: 2 });
    // …and was recorded once.
    const audits = await testDb.db
      .selectFrom('audit_events')
      .select('id')
      .where('subject', '=', sessionId)
      .where('action', '=', 'vote.closed')
      .execute();
    expect(audits).toHaveLength(1);
    expect(
      await testDb.db.selectFrom('ballots').select('id').where('session_id', '=', sessionId).execute(),
    ).toHaveLength(5);
    const session = await testDb.db
      .selectFrom('vote_sessions')
      .select(['status', 'result'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('closed');
    expect(session.result).toEqual(closed.body.result);
    // Closing again finds nothing open and counts nothing again.
    expect((await drive.decide(batchId, 'close-vote', {})).status).toBe(409);
    expect(
      await testDb.db
        .selectFrom('audit_events')
        .select('id')
        .where('subject', '=', sessionId)
        .where('action', '=', 'vote.closed')
        .execute(),
    ).toHaveLength(1);
    await terminateWhenIdle(env.client.workflow.getHandle(batchId), 'test finished with this batch');
    await killed(worker);
  });
});

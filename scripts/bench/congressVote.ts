/**
 * congress-vote: N deputies cast at once over loopback through the real `POST /api/vote-sessions/:id/ballots`,
 * then N repeat submissions (all must be refused), then the session is closed and counted by the product's
 * closeVoteSession activity. Floor, same run: one ballot alone, one deputy after another, in a second session.
 */
import { sql } from 'kysely';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createBallotKey } from '../../api/votes/ballotBox';
import { openVoteBallotBox } from '../../api/votes/sealedBox.service';
import { ballotRequestBody } from '../../domain/ballotEncoding';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { BATCH, benchActors, type BenchOptions, type CpuMs, DEPT, type Harness, people, person } from './harness';
import { insertBallotCandidates } from '../../test/support/projectFixtures';
import { fmt, machineLine, percentile, printTable, verdict } from './stats';

const CANDIDATES = 6;
const SEATS = 5;
const FLOOR_BALLOTS = 30;

/**
 * The one place that knows the cast request's shape: the route and its body for deputy `i`. The cast path is
 * changing (sealed ballots of a fixed size, attendance); adapt this function and nothing else.
 */
export function ballotRequest(sessionId: string, candidateIds: string[], i: number): { path: string; body: string } {
  return {
    path: `/vote-sessions/${encodeURIComponent(sessionId)}/ballots`,
    // The one fixed-length encoding the route takes (docs/secrecy.md), as the console sends it.
    body: ballotRequestBody(
      candidateIds.map((candidateId, k) => ({
        candidateId,
        // Approve at most SEATS, so every ballot is valid; vary by deputy so the tally has something to count.
        choice: k === i % candidateIds.length ? 'abstain' : 'approve',
      })),
      candidateIds,
    ),
  };
}

export async function congressVote(h: Harness, n: number, options: BenchOptions): Promise<void> {
  const deputies = Array.from({ length: n }, (_, i) => `bench-deputy-${i}`);
  await h.db
    .insertInto('users')
    .values(deputies.map((id, i) => person(id, `代表${i}`, ['deputy'], null)))
    .execute();
  const candidateIds = await insertBallotCandidates(h.db, {
    batchId: BATCH,
    prefix: 'vote',
    count: CANDIDATES,
    departmentId: DEPT,
    leaderUserId: people.leader,
    deadline: '2028-11-30',
  });
  const notifier = createNotifier({ mailFrom: 'bench@bench.local' });
  const acts = createActivities({ db: h.db, notifier });
  const actor = benchActors.coordinator;
  // Sealed boxes, as the product opens them; the shares stay here to open the box at the count.
  const key = await createBallotKey(3);
  const box = { publicKey: key.publicKey, threshold: key.threshold };
  // Only deputies recorded present may cast.
  await h.db
    .insertInto('vote_attendance')
    .values(
      deputies.map((id) => ({
        batch_id: BATCH,
        deputy_user_id: id,
        recorded_by: people.coordinator,
        recorded_at: new Date(),
      })),
    )
    .execute();
  const open = async (sessionId: string, round: number) =>
    acts.openVoteSession({
      box,
      sessionId,
      batchId: BATCH,
      round,
      seats: SEATS,
      candidateIds,
      deputiesEntitled: n,
      deputiesPresent: n,
      scrutineers: [],
      tellers: [],
      actor,
      at: new Date().toISOString(),
    });
  const floorSession = `${BATCH}-vote-1`;
  const session = `${BATCH}-vote-2`;
  await open(floorSession, 1);
  await open(session, 2);

  // Tokens first: signing is not what is measured.
  const tokens = await Promise.all(deputies.map((id) => h.tokenFor(id)));
  // The API runs as deployed, in processes of its own: the 500 clients here must not take its CPU.
  const api = await h.apiProcess(options.apiProcesses);
  const base = api.base;
  const cast = async (sessionId: string, i: number) => {
    const { path, body } = ballotRequest(sessionId, candidateIds, i);
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  };

  try {
    const floor: number[] = [];
    for (let i = 0; i < Math.min(FLOOR_BALLOTS, n); i++) {
      const r = await cast(floorSession, i);
      if (r.status !== 201) throw new Error(`the floor's ballot ${i} answered ${r.status}`);
      floor.push(r.ms);
    }
    // The floor's session is done with: closed as is, so the count below opens only the session measured.
    await h.db.updateTable('vote_sessions').set({ status: 'closed' }).where('id', '=', floorSession).execute();
    const cpuBefore = h.cpu();
    const burst = await Promise.all(deputies.map((_, i) => cast(session, i)));
    const cpuAfter = h.cpu();
    const perBallot = (key: keyof CpuMs) => fmt((cpuAfter[key] - cpuBefore[key]) / n, 2);
    const repeats = await Promise.all(deputies.map((_, i) => cast(session, i)));
    const accepted = burst.filter((r) => r.status === 201).length;
    const counts = await sql<{ ballots: number; receipts: number; distinct_deputies: number }>`
      select (select count(*)::int from sealed_ballots where session_id = ${session}) as ballots,
             (select count(*)::int from ballot_receipts where session_id = ${session}) as receipts,
             (select count(distinct deputy_user_id)::int from ballot_receipts where session_id = ${session}) as distinct_deputies`.execute(
      h.db,
    );
    const c = counts.rows[0]!;
    const t0 = performance.now();
    // The scrutineers open the box (in the API, as at a real close), then the product's count runs.
    await openVoteBallotBox(h.db, BATCH, key.shares.slice(0, key.threshold));
    const result = await acts.closeVoteSession({
      sessionId: session,
      policy: batchPolicyOf({}).election,
      actor,
      at: new Date().toISOString(),
    });
    const closeMs = performance.now() - t0;
    const lost = n - c.ballots;
    const duplicated = c.receipts - c.distinct_deputies + Math.max(0, c.ballots - c.receipts);
    const refused = repeats.filter((r) => r.status === 409).length;
    const p95 = percentile(
      burst.map((r) => r.ms),
      95,
    );
    printTable([
      ['figure', 'value', 'goal'],
      [
        'one ballot alone (floor), p50 / p95 ms',
        `${fmt(percentile(floor, 50), 1)} / ${fmt(percentile(floor, 95), 1)}`,
        '',
      ],
      [`${fmt(n)} at once: accepted`, fmt(accepted), `${fmt(n)}`],
      [
        `${fmt(n)} at once: p50 / p95 / max ms`,
        `${fmt(
          percentile(
            burst.map((r) => r.ms),
            50,
          ),
        )} / ${fmt(p95)} / ${fmt(Math.max(...burst.map((r) => r.ms)))}`,
        `p95 ≤ 200 ms — ${verdict(p95 <= 200)} (${fmt(p95 / percentile(floor, 50), 0)} × floor p50)`,
      ],
      [
        'CPU per ballot in the burst, ms: API / PostgreSQL / clients / Temporal',
        `${perBallot('apiMs')} / ${perBallot('postgresMs')} / ${perBallot('benchMs')} / ${perBallot('temporalMs')}`,
        'where the time goes',
      ],
      ['lost / duplicated', `${fmt(lost)} / ${fmt(duplicated)}`, `0 / 0 — ${verdict(lost === 0 && duplicated === 0)}`],
      [`${fmt(n)} repeat submissions refused (409)`, fmt(refused), `all — ${verdict(refused === n)}`],
      [
        'close and tally: ms, ballots counted',
        `${fmt(closeMs)}, ${fmt(result.ballotsCast)}`,
        `${fmt(n)} — ${verdict(result.ballotsCast === n)}`,
      ],
    ]);
    console.log(`API: api/main.ts, API_PROCESSES=${options.apiProcesses}; ${machineLine(h.engine)}`);
  } finally {
    await api.stop();
    await notifier.close();
  }
}

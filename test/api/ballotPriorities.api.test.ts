import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBallot } from '../../domain/ballotEncoding';
import type { Ballot, Priority } from '../../domain/election';
import { type BatchWorld, createBatchWorld, voteSessionBody } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { jurisdictionId, userRow } from '../support/fixtures';

// 非常必要 / 必要 / 一般 beside each choice (docs/domain.md, "Vote"): sealed like the rest of the ballot, counted
// at the close and published with the result.
let world: BatchWorld;
let testDb: TestDatabase;
// Enough deputies that the session publishes its counts, not only its outcome (outcomeOnlyBelow is 10).
const DEPUTIES = 12;
const deputyIds = Array.from({ length: DEPUTIES }, (_, i) => `pv${i + 1}`);

beforeAll(async () => {
  world = await createBatchWorld();
  ({ testDb } = world);
  await testDb.db
    .insertInto('users')
    .values(deputyIds.map((id, i) => userRow('not-a-login')(id, `优先级代表${i + 1}`, ['deputy'], jurisdictionId)))
    .execute();
});

afterAll(async () => {
  await world?.teardown();
});

describe('ballot priorities', () => {
  it('are sealed at one size whatever they are, counted at the close and published with the result', async () => {
    await world.withWorker(async (drive) => {
      const { batchId } = await drive.toVote(2034);
      await drive.recordAttendance(batchId, deputyIds);
      const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(2, DEPUTIES, DEPUTIES));
      expect(opened.status, opened.body.message).toBe(200);
      const sessionId = opened.body.sessionId as string;
      const shares = (opened.body.box.shares as { share: string }[]).map((s) => s.share);
      const session = await testDb.db
        .selectFrom('vote_sessions')
        .select('candidate_ids')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      const [first, second, third] = session.candidate_ids as [string, string, string];

      // Half the deputies approve the first two, the first very necessary and the second necessary; the other
      // half approve the first only, ordinary, and mark no priority anywhere else.
      const ballotOf = (i: number): Ballot['marks'] => {
        const mark = (candidateId: string, choice: 'approve' | 'disapprove', priority?: Priority) =>
          priority ? { candidateId, choice, priority } : { candidateId, choice };
        return i % 2 === 0
          ? [mark(first, 'approve', 'veryNecessary'), mark(second, 'approve', 'necessary'), mark(third, 'disapprove')]
          : [mark(first, 'approve', 'ordinary'), mark(second, 'disapprove'), mark(third, 'disapprove')];
      };
      const bodies = new Set<number>();
      for (const [i, deputy] of deputyIds.entries()) {
        const body = JSON.stringify({ ballot: encodeBallot(ballotOf(i), session.candidate_ids) });
        bodies.add(Buffer.byteLength(body));
        const res = await request(drive.app)
          .post(`/api/vote-sessions/${sessionId}/ballots`)
          .set(await drive.as(deputy))
          .set('Content-Type', 'application/json')
          .send(body);
        expect(res.status, res.body.message).toBe(201);
      }
      // A ballot with priorities is as long as one without, on the wire and in its sealed row.
      expect(bodies.size).toBe(1);
      const sealed = await sql<{ size: number }>`
        select distinct octet_length(sealed) as size from sealed_ballots where session_id = ${sessionId}`.execute(
        testDb.db,
      );
      expect(sealed.rows).toHaveLength(1);

      const closed = await drive.decide(batchId, 'close-vote', { shares: [shares[0], shares[1]] });
      expect(closed.status, closed.body.message).toBe(200);
      const half = DEPUTIES / 2;
      const expected = {
        [first]: { veryNecessary: half, necessary: 0, ordinary: half },
        [second]: { veryNecessary: 0, necessary: half, ordinary: 0 },
        [third]: { veryNecessary: 0, necessary: 0, ordinary: 0 },
      };
      const prioritiesOf = (tallies: { candidateId: string; priorities?: unknown }[]) =>
        Object.fromEntries(tallies.map((t) => [t.candidateId, t.priorities]));
      expect(prioritiesOf(closed.body.result.tallies)).toEqual(expected);

      // Published to the public with the rest of the tally.
      const published = await request(drive.app).get(`/api/public/batches/${batchId}/results`);
      expect(published.status, published.body.message).toBe(200);
      expect(prioritiesOf(published.body.rounds[0].result.tallies)).toEqual(expected);
    });
  });
});

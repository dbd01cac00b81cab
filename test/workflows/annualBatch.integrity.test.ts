import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchDriver, type BatchWorld, createBatchWorld, voteSessionBody } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { jurisdictionId } from '../support/fixtures';

// Its own time-skipping server: these batches take their dates from wherever the clock stands.
let world: BatchWorld;
let testDb: TestDatabase;

beforeAll(async () => {
  world = await createBatchWorld();
  ({ testDb } = world);
  await testDb.db
    .insertInto('users')
    .values({
      id: 'coordinator2',
      username: 'coordinator2',
      display_name: '孙秘书',
      password_hash: 'not-a-login',
      roles: ['coordinator'],
      jurisdiction_id: jurisdictionId,
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
});

afterAll(async () => {
  await world?.teardown();
});

const withWorker = <T>(fn: (driver: BatchDriver) => Promise<T>) => world.withWorker(fn);

const deputies = (n: number) => Array.from({ length: n }, (_, i) => `d${i + 1}`);

describe('a vote that cannot be rigged', () => {
  it('opens only with two thirds present, takes ballots only from deputies recorded present, and closes early only when confirmed with the current counts', async () => {
    await withWorker(async (drive) => {
      const { batchId, candidates } = await drive.toVote(2041);

      // Attendance is the office's record: a deputy cannot record it, nor name someone who is not a deputy.
      expect((await drive.put('d1', `/api/batches/${batchId}/attendance`, { deputyUserIds: ['d1'] })).status).toBe(403);
      const stranger = await drive.put('coordinator', `/api/batches/${batchId}/attendance`, {
        deputyUserIds: ['d1', 'reviewer'],
      });
      expect(stranger.status).toBe(422);
      expect(stranger.body.message).toMatch(/not deputies of this jurisdiction: reviewer/);

      // 9 entitled: two thirds is exactly 6. Five present is no quorum.
      await drive.recordAttendance(batchId, deputies(5));
      const noQuorum = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 5, 9));
      expect(noQuorum.status).toBe(422);
      expect(noQuorum.body.message).toMatch(/no quorum: 5 of 9 deputies are present; at least 6/);
      const typedIn = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 6, 9));
      expect(typedIn.status).toBe(422);
      expect(typedIn.body.message).toMatch(/deputiesPresent: 6 was given but 5 deputies are recorded present/);
      expect(
        await testDb.db.selectFrom('vote_sessions').select('id').where('batch_id', '=', batchId).execute(),
      ).toEqual([]);

      const attendance = await drive.recordAttendance(batchId, deputies(6));
      expect(attendance.body.count).toBe(6);
      expect(attendance.body.present[0]).toMatchObject({ recordedBy: '陈主任' });
      const { deputiesPresent: _typed, ...fromAttendance } = voteSessionBody(2, 6, 9);
      const opened = await drive.decide(batchId, 'open-vote', fromAttendance);
      expect(opened.status, opened.body.message).toBe(200);
      const sessionId = opened.body.sessionId as string;
      expect(
        await testDb.db
          .selectFrom('vote_sessions')
          .select('deputies_present')
          .where('id', '=', sessionId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ deputies_present: 6 });

      const absent = await drive.vote(sessionId, 'd7', [candidates[0]!], candidates);
      expect(absent.status).toBe(403);
      expect(absent.body.message).toMatch(/not recorded as present/);
      for (const d of deputies(4))
        expect((await drive.vote(sessionId, d, [candidates[0]!], candidates)).status).toBe(201);
      // Someone who voted cannot be struck off the attendance to make room.
      const strikeOff = await drive.put('coordinator', `/api/batches/${batchId}/attendance`, {
        deputyUserIds: deputies(6).slice(1),
      });
      expect(strikeOff.status).toBe(409);
      expect(strikeOff.body.message).toMatch(/代表1 already voted/);

      // Nobody watches the count while the session is open.
      const list = await drive.get('coordinator', '/api/vote-sessions');
      expect(list.body.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ ballots_cast: null });

      // Three receipts slipped into the table: 7 ballots for 6 present, and the close is refused.
      await testDb.db
        .insertInto('ballot_receipts')
        .values(
          ['d5', 'd6', 'd7'].map((d) => ({ session_id: sessionId, deputy_user_id: d, receipt_code: `ROGUE-${d}` })),
        )
        .execute();
      const stuffed = await drive.decide(batchId, 'close-vote', { confirmIncomplete: { ballotsCast: 7, present: 6 } });
      expect(stuffed.status).toBe(422);
      expect(stuffed.body.message).toMatch(/7 ballots were cast but only 6 deputies are present/);
      await testDb.db.deleteFrom('ballot_receipts').where('receipt_code', 'like', 'ROGUE-%').execute();

      // Four of six have voted: closing needs the office to confirm exactly those counts.
      const unconfirmed = await drive.decide(batchId, 'close-vote');
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body.message).toMatch(/4 of 6 deputies present have voted/);
      const stale = await drive.decide(batchId, 'close-vote', { confirmIncomplete: { ballotsCast: 3, present: 6 } });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toMatch(/changed since you confirmed 3 of 6: now 4 of 6/);
      expect((await drive.state(batchId)).votes[0]!.status).toBe('open');
      const closed = await drive.decide(batchId, 'close-vote', { confirmIncomplete: { ballotsCast: 4, present: 6 } });
      expect(closed.status, closed.body.message).toBe(200);
      // 4 took part, fewer than the test county's 5: the answer names the outcome only (the four receipts would
      // otherwise name whose marks the counts are); the stored count keeps the majority base of 6 present.
      expect(closed.body.result).toMatchObject({ outcomeOnly: true, elected: [candidates[0]] });
      expect(JSON.stringify(closed.body.result)).not.toMatch(/ballotsCast|approve/);
      const stored = await testDb.db
        .selectFrom('vote_sessions')
        .select('result')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(stored.result).toMatchObject({ ballotsCast: 4, majorityBase: 6, elected: [candidates[0]] });
      expect(
        await testDb.db.selectFrom('vote_close_checks').selectAll().where('session_id', '=', sessionId).execute(),
      ).toEqual([expect.objectContaining({ deputies_present: 6, ballots_cast: 4, confirmed_incomplete: true })]);
      expect((await drive.vote(sessionId, 'd5', [candidates[0]!], candidates)).status).toBe(409);
      await drive.phase(batchId, 'resultPublicity');
      await drive.rowPhase(batchId, 'resultPublicity');
    });
  });

  it("counts a paper vote from the tellers' totals, entered by one person and confirmed by another", async () => {
    await withWorker(async (drive) => {
      const { batchId, candidates } = await drive.toVote(2042);
      const [a, b, c] = candidates as [string, string, string];
      const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 6, 8));
      expect(opened.status, opened.body.message).toBe(200);
      const sessionId = opened.body.sessionId as string;
      const path = `/api/vote-sessions/${sessionId}/totals`;
      const line = (candidateId: string, approve: number, disapprove: number, abstain: number) => ({
        candidateId,
        approve,
        disapprove,
        abstain,
      });
      const totals = {
        ballotsCast: 6,
        invalidBallots: 1,
        candidates: [line(a, 4, 1, 0), line(b, 1, 3, 1), line(c, 5, 0, 0)],
      };

      const tooMany = await drive.put('coordinator', path, { ...totals, ballotsCast: 7 });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.message).toMatch(/7 ballots were cast but only 6 deputies are present/);
      const badSum = await drive.put('coordinator', path, {
        ...totals,
        candidates: [line(a, 5, 1, 0), line(b, 1, 3, 1), line(c, 5, 0, 0)],
      });
      expect(badSum.status).toBe(422);
      expect(badSum.body.message).toMatch(new RegExp(`candidate "${a}": .* = 6, but there are 5 valid ballots`));
      expect((await drive.put('d1', path, totals)).status).toBe(403);

      const entered = await drive.put('coordinator', path, totals);
      expect(entered.status, entered.body.message).toBe(200);
      expect(entered.body).toMatchObject({ enteredBy: 'coordinator', confirmedBy: null });
      // Counted on paper: no electronic ballot now, and no close before a second person confirms.
      expect((await drive.vote(sessionId, 'd1', [a], candidates)).status).toBe(409);
      const early = await drive.decide(batchId, 'close-vote');
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/not yet confirmed by a second person/);

      const samePerson = await drive.post('coordinator', `${path}/confirm`, totals);
      expect(samePerson.status).toBe(403);
      expect(samePerson.body.message).toMatch(/different person/);
      const misread = await drive.post('coordinator2', `${path}/confirm`, {
        ...totals,
        candidates: [line(a, 3, 2, 0), line(b, 1, 3, 1), line(c, 5, 0, 0)],
      });
      expect(misread.status).toBe(409);
      const confirmed = await drive.post('coordinator2', `${path}/confirm`, {
        ...totals,
        candidates: [...totals.candidates].reverse(),
      });
      expect(confirmed.status, confirmed.body.message).toBe(200);
      expect(confirmed.body).toMatchObject({ enteredBy: 'coordinator', confirmedBy: 'coordinator2' });
      expect((await drive.put('coordinator', path, totals)).status).toBe(409);

      const closed = await drive.decide(batchId, 'close-vote');
      expect(closed.status, closed.body.message).toBe(200);
      // Base 6 present: a (4) and c (5) have more than half, b (1) does not.
      expect(closed.body.result).toMatchObject({ ballotsCast: 6, validBallots: 5, invalidBallots: 1, majorityBase: 6 });
      expect(closed.body.result.elected.sort()).toEqual([a, c].sort());
      expect(closed.body.result.tallies).toContainEqual({
        candidateId: b,
        approve: 1,
        disapprove: 3,
        abstain: 1,
        passed: false,
      });
      const audit = await testDb.db
        .selectFrom('audit_events')
        .select(['action', 'actor_user_id'])
        .where('subject', '=', sessionId)
        .orderBy('id')
        .execute();
      expect(audit.map((e) => e.action)).toEqual(
        expect.arrayContaining(['vote.totalsEntered', 'vote.totalsConfirmed', 'vote.castingStopped', 'vote.closed']),
      );
      await drive.phase(batchId, 'resultPublicity');
      await drive.rowPhase(batchId, 'resultPublicity');
    });
  });

  it('publishes only the outcome of a vote with fewer deputies present than the policy names', async () => {
    await withWorker(async (drive) => {
      const { batchId, candidates } = await drive.toVote(2043);
      const [a, b] = candidates as [string, string, string];
      // 3 of 4 entitled is a quorum; the test county publishes counts from 5 present.
      const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(1, 3, 4));
      expect(opened.status, opened.body.message).toBe(200);
      const sessionId = opened.body.sessionId as string;
      for (const [d, pick] of [
        ['d1', a],
        ['d2', a],
        ['d3', b],
      ] as [string, string][])
        expect((await drive.vote(sessionId, d, [pick], candidates)).status).toBe(201);
      const closed = await drive.decide(batchId, 'close-vote');
      expect(closed.status, closed.body.message).toBe(200);
      // At once, before the test server's clock can skip past the result publicity.
      await drive.phase(batchId, 'resultPublicity');
      const outcome = {
        outcomeOnly: true,
        // In the session's order of candidates.
        tallies: (opened.body.candidateIds as string[]).map((id) => ({ candidateId: id, passed: id === a })),
        elected: [a],
        runOff: null,
      };
      expect(closed.body.result).toEqual(outcome);
      const results = await drive.get(null, `/api/public/batches/${batchId}/results`);
      expect(results.body.elected).toEqual([a]);
      expect(results.body.rounds[0].result).toEqual(outcome);
      const session = await drive.get('coordinator', `/api/vote-sessions/${sessionId}`);
      expect(session.body.result).toEqual(outcome);
      const list = await drive.get('d1', '/api/vote-sessions');
      expect(list.body.find((s: { id: string }) => s.id === sessionId).result).toEqual(outcome);
      const batch = await drive.get('coordinator', `/api/batches/${batchId}`);
      expect(batch.body.live.votes[0].result).toEqual(outcome);
      expect(JSON.stringify(batch.body.result)).not.toMatch(/"approve"/);
      const batches = await drive.get('coordinator', '/api/batches');
      expect(JSON.stringify(batches.body.find((b: { id: string }) => b.id === batchId).result)).not.toMatch(
        /"approve"/,
      );
      const published = await drive.get(null, `/api/public/batches/${batchId}/candidates`);
      expect(published.body.map((p: { approvals: number | null }) => p.approvals)).toEqual([null, null, null]);
      const stopped = await testDb.db
        .selectFrom('audit_events')
        .select('detail')
        .where('subject', '=', sessionId)
        .where('action', '=', 'vote.castingStopped')
        .executeTakeFirstOrThrow();
      expect(stopped.detail).not.toHaveProperty('ballotsCast');
      // The scrutineers' record keeps the count.
      const row = await testDb.db
        .selectFrom('vote_sessions')
        .select('result')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(row.result).toMatchObject({
        ballotsCast: 3,
        tallies: expect.arrayContaining([expect.objectContaining({ approve: 2 })]),
      });
      await drive.rowPhase(batchId, 'resultPublicity');
    });
  });
});

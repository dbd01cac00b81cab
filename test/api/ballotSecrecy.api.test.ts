import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchActivities } from '../../activities/batches';
import { createBallotKey, openSealedBallot, reconstructBallotKey, sealBallot } from '../../api/votes/ballotBox';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { everyEncodedBallot } from '../../domain/ballotEncoding';
import { type BatchWorld, createBatchWorld, voteSessionBody } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { jurisdictionId, userRow } from '../support/fixtures';

// The promise of docs/secrecy.md, tried the way someone holding the database would: many deputies vote
// through the API on a real PostgreSQL, and the receipts are joined to what was voted by transaction id,
// by heap position, in a dump taken while the session is open and in the pages' dead tuples after close.
let world: BatchWorld;
let env: TestWorkflowEnvironment;
let testDb: TestDatabase;
const DEPUTIES = 40;
const deputyIds = Array.from({ length: DEPUTIES }, (_, i) => `sv${i + 1}`);

beforeAll(async () => {
  world = await createBatchWorld();
  ({ env, testDb } = world);
  await testDb.db
    .insertInto('users')
    .values(deputyIds.map((id, i) => userRow('not-a-login')(id, `票决代表${i + 1}`, ['deputy'], jurisdictionId)))
    .execute();
});

afterAll(async () => {
  await world?.teardown();
});

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

describe('the sealed ballot box', () => {
  it('seals a ballot so only the scrutineers’ shares open it, and refuses too few or wrong shares', async () => {
    const key = await createBallotKey(3);
    expect(key.threshold).toBe(2);
    const sealed = sealBallot(key.publicKey, 'session-1', 'a0d0s1');
    const again = sealBallot(key.publicKey, 'session-1', 'a0d0s1');
    expect(sealed.equals(again)).toBe(false);
    expect(sealed.length).toBe(sealBallot(key.publicKey, 'session-1', 'd3d3d3').length);
    const privateKey = await reconstructBallotKey([key.shares[2]!, key.shares[0]!], key.publicKey, key.threshold);
    expect(openSealedBallot(privateKey, key.publicKey, 'session-1', sealed)).toBe('a0d0s1');
    // Bound to its session: moved to another, it does not open.
    expect(() => openSealedBallot(privateKey, key.publicKey, 'session-2', sealed)).toThrow();
    await expect(reconstructBallotKey([key.shares[0]!], key.publicKey, 2)).rejects.toThrow(/needs 2 different/);
    await expect(reconstructBallotKey([key.shares[0]!, key.shares[0]!], key.publicKey, 2)).rejects.toThrow(
      /needs 2 different/,
    );
    const other = await createBallotKey(3);
    await expect(reconstructBallotKey([key.shares[0]!, other.shares[1]!], key.publicKey, 2)).rejects.toThrow(
      /do not open this session's ballot box/,
    );
  });

  it('leaves nothing in the database, a dump or its dead tuples that links a deputy to a choice', async () => {
    await world.withWorker(async (drive) => {
      const { batchId } = await drive.toVote(2033);
      // Only deputies the office records present may vote (docs/domain.md, "Vote").
      await drive.recordAttendance(batchId, deputyIds);
      const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(2, DEPUTIES, DEPUTIES));
      expect(opened.status, opened.body.message).toBe(200);
      const sessionId = opened.body.sessionId as string;
      // The shares come back once, one per scrutineer; the database keeps only the public key.
      expect(opened.body.box.threshold).toBe(2);
      expect(opened.body.box.shares.map((s: { scrutineer: string }) => s.scrutineer)).toEqual([
        '王监票',
        '李监票',
        '张监票',
      ]);
      const shares = (opened.body.box.shares as { share: string }[]).map((s) => s.share);
      const stored = JSON.stringify(
        await testDb.db.selectFrom('vote_sessions').selectAll().where('id', '=', sessionId).execute(),
      );
      for (const share of shares) expect(stored).not.toContain(share);
      const history = JSON.stringify(await env.client.workflow.getHandle(batchId).fetchHistory());
      for (const share of shares) expect(history).not.toContain(share);

      // Each deputy a different ballot (two alike, to show equal ballots seal differently), in casting order.
      const possible = everyEncodedBallot(3);
      const cast = deputyIds.map((_, i) => possible[(i * 37) % possible.length]!);
      cast[1] = cast[0]!;
      const lengths = new Set<string>();
      for (const [i, deputy] of deputyIds.entries()) {
        const body = JSON.stringify({ ballot: cast[i] });
        const res = await request(drive.app)
          .post(`/api/vote-sessions/${sessionId}/ballots`)
          .set(await drive.as(deputy))
          .set('Content-Type', 'application/json')
          .send(body);
        expect(res.status, res.body.message).toBe(201);
        lengths.add(String(Buffer.byteLength(body)));
      }
      expect(lengths.size).toBe(1);

      // (a) The receipt and its ballot share a transaction id: joined, the sealed side is ciphertext only,
      // and no plain ballot of this session exists to join to.
      const byXmin = await sql<{ deputy_user_id: string; sealed: Buffer }>`
        select r.deputy_user_id, b.sealed from ballot_receipts r
        join sealed_ballots b on b.xmin = r.xmin and b.session_id = r.session_id
        where r.session_id = ${sessionId}`.execute(testDb.db);
      expect(byXmin.rows).toHaveLength(DEPUTIES);
      const sizes = new Set(byXmin.rows.map((r) => r.sealed.length));
      expect(sizes.size).toBe(1);
      for (const row of byXmin.rows) {
        const mine = cast[deputyIds.indexOf(row.deputy_user_id)]!;
        expect(row.sealed.toString('hex')).not.toContain(hex(mine));
      }
      const plainByXmin = await sql`
        select r.deputy_user_id from ballot_receipts r join ballots b on b.xmin = r.xmin
        where r.session_id = ${sessionId}`.execute(testDb.db);
      expect(plainByXmin.rows).toHaveLength(0);

      // (c) A dump taken now: every table in heap order, as pg_dump's COPY writes it (the pg_dump on this
      // machine is older than the server and refuses to dump it). It holds no choice in the clear.
      const dump: string[] = [];
      // (The approval chain's audit rows say "approve" of the list itself, so only the vote's own rows are read.)
      for (const table of ['ballot_receipts', 'sealed_ballots', 'ballots', 'vote_sessions']) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(testDb.db);
        dump.push(
          ...rows.rows.map((r) =>
            Object.values(r)
              .map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : JSON.stringify(v)))
              .join('\t'),
          ),
        );
      }
      const voteAudit = await testDb.db
        .selectFrom('audit_events')
        .selectAll()
        .where('subject', '=', sessionId)
        .execute();
      dump.push(JSON.stringify(voteAudit));
      const dumped = dump.join('\n');
      expect(dumped).toContain('sv1'); // the receipts are there…
      for (const word of ['approve', 'disapprove', 'abstain']) expect(dumped).not.toContain(word);
      for (const ballot of new Set(cast)) {
        expect(dumped).not.toContain(`"${ballot}"`);
        expect(dumped).not.toContain(hex(ballot));
      }

      // Wrong or too few shares are refused with a reason, and nothing changes.
      const one = await drive.decide(batchId, 'close-vote', { shares: [shares[0]] });
      expect(one.status).toBe(422);
      expect(one.body.message).toMatch(/needs 2 different scrutineers' key shares; 1 were given/);
      const other = await createBallotKey(3);
      const wrong = await drive.decide(batchId, 'close-vote', { shares: [shares[0], other.shares[1]] });
      expect(wrong.status).toBe(422);
      expect(wrong.body.message).toMatch(/do not open this session's ballot box/);
      const garbled = await drive.decide(batchId, 'close-vote', { shares: ['not a share', shares[1]] });
      expect(garbled.status).toBe(422);
      expect(garbled.body.message).toMatch(/shares\.0: a key share is 66 hexadecimal characters/);
      const still = await testDb.db
        .selectFrom('vote_sessions')
        .select(['status', 'box_opened_at'])
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(still).toEqual({ status: 'open', box_opened_at: null });
      expect(
        await testDb.db.selectFrom('sealed_ballots').select('id').where('session_id', '=', sessionId).execute(),
      ).toHaveLength(DEPUTIES);

      // Two scrutineers (the second and third) open the box; the count runs once on the plain rows.
      const closed = await drive.decide(batchId, 'close-vote', { shares: [shares[2], shares[1]] });
      expect(closed.status, closed.body.message).toBe(200);
      expect(closed.body.result.ballotsCast).toBe(DEPUTIES);
      const late = await request(drive.app)
        .post(`/api/vote-sessions/${sessionId}/ballots`)
        .set(await drive.as('d1'))
        .send({ ballot: cast[0] });
      expect(late.status).toBe(409);
      expect(
        await testDb.db.selectFrom('sealed_ballots').select('id').where('session_id', '=', sessionId).execute(),
      ).toHaveLength(0);

      // The plain rows are normalised (every candidate once, in the session's order) and, as a multiset,
      // exactly what was cast.
      const session = await testDb.db
        .selectFrom('vote_sessions')
        .select('candidate_ids')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      const plain = await sql<{ marks: { candidateId: string; choice: string; priority?: string }[]; xmin: string }>`
        select marks, xmin::text as xmin from ballots where session_id = ${sessionId} order by ctid`.execute(testDb.db);
      const codes = { approve: 'a', disapprove: 'd', abstain: 's' } as Record<string, string>;
      const priorities = { veryNecessary: '1', necessary: '2', ordinary: '3' } as Record<string, string>;
      const opened2 = plain.rows.map((r) => {
        expect(r.marks.map((m) => m.candidateId)).toEqual(session.candidate_ids);
        return r.marks.map((m) => codes[m.choice]! + (m.priority ? priorities[m.priority]! : '0')).join('');
      });
      expect([...opened2].sort()).toEqual([...cast].sort());

      // (b) Heap order: the plain rows' physical order is not the casting (receipt) order. With 40 distinct
      // ballots, a CSPRNG shuffle leaves more than 8 in place with a chance below one in a million.
      const receipts = await sql<{ deputy_user_id: string; xmin: string }>`
        select deputy_user_id, xmin::text as xmin from ballot_receipts where session_id = ${sessionId} order by ctid`.execute(
        testDb.db,
      );
      const castInReceiptOrder = receipts.rows.map((r) => cast[deputyIds.indexOf(r.deputy_user_id)]!);
      const inPlace = opened2.filter((b, i) => b === castInReceiptOrder[i]).length;
      expect(inPlace).toBeLessThanOrEqual(8);
      // …and all plain rows were written by one transaction, none by a receipt's.
      const receiptXmins = new Set(receipts.rows.map((r) => r.xmin));
      expect(new Set(plain.rows.map((r) => r.xmin)).size).toBe(1);
      for (const r of plain.rows) expect(receiptXmins.has(r.xmin)).toBe(false);

      // (d) Every tuple on the pages of both tables, dead ones included: the sealed table's dead tuples are
      // ciphertext, and no tuple of the plain table was written by a receipt's transaction.
      await sql`create extension if not exists pageinspect`.execute(testDb.db);
      const tuples = async (table: string) =>
        (
          await sql<{ t_xmin: string; t_data: Buffer | null }>`
            select i.t_xmin::text as t_xmin, i.t_data
            from generate_series(0, pg_relation_size(${table}::regclass) / current_setting('block_size')::int - 1) as p,
                 heap_page_items(get_raw_page(${table}, p::int)) as i
            where i.t_data is not null`.execute(testDb.db)
        ).rows;
      const sealedTuples = await tuples('sealed_ballots');
      expect(sealedTuples.length).toBeLessThanOrEqual(DEPUTIES); // dead now; pruning may already have cleared some
      for (const t of sealedTuples) {
        const bytes = t.t_data!.toString('hex');
        for (const ballot of new Set(cast)) expect(bytes).not.toContain(hex(ballot));
      }
      const plainTuples = await tuples('ballots');
      expect(plainTuples.length).toBeGreaterThanOrEqual(DEPUTIES);
      for (const t of plainTuples) expect(receiptXmins.has(t.t_xmin)).toBe(false);

      // A retried close (same decision after the count) changes nothing and counts nothing again.
      const retried = await drive.decide(batchId, 'close-vote', { shares: [shares[0], shares[1]] });
      expect(retried.status).toBe(409);
      const audit = await testDb.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject', '=', sessionId)
        .where('action', '=', 'vote.closed')
        .execute();
      expect(audit).toHaveLength(1);
      // The count's activity run again after its transaction committed (a worker that died before it could
      // report the result; Temporal retries it): the recorded result, nothing written or counted again.
      const recorded = await testDb.db
        .selectFrom('vote_sessions')
        .select(['result', 'closed_at'])
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      const recount = await createBatchActivities({ db: testDb.db }).closeVoteSession({
        sessionId,
        policy: batchPolicyOf({}).election,
        actor: {
          userId: 'coordinator',
          displayName: '陈主任',
          roles: ['coordinator'],
          jurisdictionId,
          departmentId: null,
        },
        at: new Date().toISOString(),
      });
      expect(recount).toEqual(recorded.result);
      expect(
        await testDb.db
          .selectFrom('vote_sessions')
          .select(['result', 'closed_at'])
          .where('id', '=', sessionId)
          .executeTakeFirstOrThrow(),
      ).toEqual(recorded);
      expect(
        await testDb.db
          .selectFrom('audit_events')
          .select('id')
          .where('subject', '=', sessionId)
          .where('action', '=', 'vote.closed')
          .execute(),
      ).toHaveLength(1);
      expect(
        await testDb.db.selectFrom('ballots').select('id').where('session_id', '=', sessionId).execute(),
      ).toHaveLength(DEPUTIES);
    });
  });
});

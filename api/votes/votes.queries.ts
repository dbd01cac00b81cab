import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { fetchPage, type ListQuery } from '../listQuery';
import type { sessionFilterSchema } from './votes.routes';

type SessionFilter = z.infer<typeof sessionFilterSchema>;

/** The jurisdiction's vote sessions with the number of ballots cast and whether I voted; never what I chose. */
export async function listPage(db: Kysely<Database>, user: SessionUser, list: ListQuery<SessionFilter>) {
  let qb = db
    .selectFrom('vote_sessions')
    .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
    .where('batches.jurisdiction_id', '=', user.jurisdictionId);
  if (list.filter.batch_id) qb = qb.where('vote_sessions.batch_id', '=', list.filter.batch_id);
  if (list.filter.status) qb = qb.where('vote_sessions.status', '=', list.filter.status);
  if (list.filter.id !== undefined) qb = qb.where('vote_sessions.id', 'in', [list.filter.id].flat());
  const { rows, total } = await fetchPage(
    qb,
    (q) =>
      q
        .selectAll('vote_sessions')
        .select((eb) =>
          eb
            .selectFrom('ballot_receipts')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('ballot_receipts.session_id', '=', 'vote_sessions.id')
            .as('ballots_cast'),
        )
        // Whether I have voted: my receipt exists. Never what I chose.
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('ballot_receipts')
                .select('ballot_receipts.session_id')
                .whereRef('ballot_receipts.session_id', '=', 'vote_sessions.id')
                .where('ballot_receipts.deputy_user_id', '=', user.userId),
            )
            .as('voted'),
        )
        .orderBy(`vote_sessions.${list.sortField}` as 'vote_sessions.opened_at', list.sortOrder)
        .orderBy('vote_sessions.id'),
    list,
  );
  return { rows: rows.map((r) => ({ ...r, ballots_cast: Number(r.ballots_cast ?? 0) })), total };
}

export function findInJurisdiction(db: Kysely<Database>, jurisdictionId: string, id: string) {
  return db
    .selectFrom('vote_sessions')
    .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
    .selectAll('vote_sessions')
    .where('vote_sessions.id', '=', id)
    .where('batches.jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
}

/** My receipt for a session, if I voted: the code only. */
export function receiptOf(
  db: Kysely<Database>,
  table: 'ballot_receipts' | 'rating_receipts',
  sessionId: string,
  userId: string,
) {
  return db
    .selectFrom(table)
    .select('receipt_code')
    .where('session_id', '=', sessionId)
    .where('deputy_user_id', '=', userId)
    .executeTakeFirst();
}

/** What never changes once a vote session exists; the ballot path reads it once per session and process. */
export interface SessionFacts {
  jurisdiction_id: string;
  candidate_ids: string[];
  box_public_key: string | null;
}

const factsBySession = new WeakMap<Kysely<Database>, Map<string, SessionFacts>>();
const FACTS_KEPT = 1_000;

/**
 * The session's jurisdiction, candidates and box key: fixed when it opens (only its status, box and counts
 * change later), so 500 deputies casting at once read them once instead of once each. A session not found
 * is not remembered.
 */
export async function sessionFacts(db: Kysely<Database>, sessionId: string): Promise<SessionFacts | undefined> {
  let kept = factsBySession.get(db);
  if (!kept) factsBySession.set(db, (kept = new Map()));
  const known = kept.get(sessionId);
  if (known) return known;
  const row = await db
    .selectFrom('vote_sessions')
    .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
    .select(['batches.jurisdiction_id', 'vote_sessions.candidate_ids', 'vote_sessions.box_public_key'])
    .where('vote_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (kept.size >= FACTS_KEPT) kept.clear();
  kept.set(sessionId, row);
  return row;
}

/** After a ballot the one-round-trip path did not cast: the next one reads the session afresh. */
export function forgetSessionFacts(db: Kysely<Database>, sessionId: string): void {
  factsBySession.get(db)?.delete(sessionId);
}

/**
 * One round trip for a ballot (db/migrations/20261129140000_create_cast_sealed_ballot.ts): the receipt and
 * the sealed row in one transaction behind the session's share lock, or nothing and false when the deputy may
 * not cast it now.
 */
export async function castSealedBallot(
  db: Kysely<Database>,
  ballot: {
    sessionId: string;
    deputyUserId: string;
    receiptCode: string;
    ballotId: string;
    sealed: Buffer;
    /** The key it was sealed to: cast only while it is the session's. */
    boxPublicKey: string;
  },
): Promise<boolean> {
  const { rows } = await sql<{ cast: boolean }>`select cast_sealed_ballot(${ballot.sessionId}, ${ballot.deputyUserId},
    ${ballot.receiptCode}, ${ballot.ballotId}::uuid, ${ballot.sealed}, ${ballot.boxPublicKey}) as cast`.execute(db);
  return rows[0]?.cast === true;
}

import type { Kysely } from 'kysely';
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

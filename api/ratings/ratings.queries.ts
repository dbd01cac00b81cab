import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { RatingSessionRow } from '../../domain/contract/ratings';
import type { SentPage } from '../../domain/contract/sentRows';
import type { RatingOutcome } from '../../domain/rating';
import type { SessionUser } from '../auth/tokens';
import { fetchPage, type ListQuery } from '../listQuery';
import type { sessionFilterSchema } from '../votes/votes.routes';

type SessionFilter = z.infer<typeof sessionFilterSchema>;

/** The sessions of my jurisdiction; `rated` says whether I hold a receipt, nothing about anyone's ratings. */
export async function listPage(db: Kysely<Database>, user: SessionUser, list: ListQuery<SessionFilter>) {
  let qb = db
    .selectFrom('rating_sessions')
    .innerJoin('batches', 'batches.id', 'rating_sessions.batch_id')
    .where('batches.jurisdiction_id', '=', user.jurisdictionId);
  if (list.filter.batch_id) qb = qb.where('rating_sessions.batch_id', '=', list.filter.batch_id);
  if (list.filter.status) qb = qb.where('rating_sessions.status', '=', list.filter.status);
  if (list.filter.id !== undefined) qb = qb.where('rating_sessions.id', 'in', [list.filter.id].flat());
  const page = await fetchPage(
    qb,
    (q) =>
      q
        .select((eb) => [
          'rating_sessions.id',
          'rating_sessions.batch_id',
          'rating_sessions.kind',
          'rating_sessions.status',
          'rating_sessions.opened_at',
          'rating_sessions.closed_at',
          sql<number>`coalesce(cardinality(rating_sessions.project_ids), 0)`.as('project_count'),
          eb
            .exists(
              eb
                .selectFrom('rating_receipts')
                .select('rating_receipts.session_id')
                .whereRef('rating_receipts.session_id', '=', 'rating_sessions.id')
                .where('rating_receipts.deputy_user_id', '=', user.userId),
            )
            // pg returns exists() as a boolean; Kysely types it for every dialect.
            .$castTo<boolean>()
            .as('rated'),
        ])
        .orderBy(`rating_sessions.${list.sortField}` as 'rating_sessions.opened_at', (ob) =>
          (list.sortOrder === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
        )
        .orderBy('rating_sessions.id'),
    list,
  );
  return page satisfies SentPage<RatingSessionRow>;
}

export function findInJurisdiction(db: Kysely<Database>, jurisdictionId: string, id: string) {
  return db
    .selectFrom('rating_sessions')
    .innerJoin('batches', 'batches.id', 'rating_sessions.batch_id')
    .selectAll('rating_sessions')
    .where('rating_sessions.id', '=', id)
    .where('batches.jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
}

export function projectTitles(db: Kysely<Database>, projectIds: string[]) {
  return db
    .selectFrom('projects')
    .select(['id', 'title'])
    .where('id', 'in', projectIds.length ? projectIds : [''])
    .execute();
}

/** The session with its jurisdiction, share-locked: closing it waits for the sheets being submitted. */
export function shareLockById(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('rating_sessions')
    .innerJoin('batches', 'batches.id', 'rating_sessions.batch_id')
    .select([
      'rating_sessions.id',
      'rating_sessions.kind',
      'rating_sessions.status',
      'rating_sessions.project_ids',
      'rating_sessions.box_public_key',
      'rating_sessions.box_opened_at',
      'batches.jurisdiction_id',
    ])
    .where('rating_sessions.id', '=', id)
    .forShare('rating_sessions')
    .executeTakeFirst();
}

/** One anonymous rating: a random id, no person. */
export async function insertRating(
  trx: Transaction<Database>,
  sessionId: string,
  projectId: string,
  choice: RatingOutcome,
): Promise<void> {
  await trx
    .insertInto('ratings')
    .values({ id: randomUUID(), session_id: sessionId, project_id: projectId, choice })
    .execute();
}

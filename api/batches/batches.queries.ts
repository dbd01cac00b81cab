import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import type { z } from 'zod';
import { readsChildren, watchedJurisdictionIds } from '../jurisdictions/jurisdictions.queries';
import { fetchPage, type ListQuery } from '../listQuery';
import type { batchFilterSchema } from '../../domain/contract/batches';

type BatchFilter = z.infer<typeof batchFilterSchema>;

export function findById(db: Kysely<Database>, id: string) {
  return db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * One page of the caller's jurisdiction's batches and, for the county office, its townships' (read only), each
 * with its jurisdiction's name and level; `scope` narrows to the office's own or its townships'.
 */
export function listPage(db: Kysely<Database>, user: SessionUser, list: ListQuery<BatchFilter>) {
  let qb = db
    .selectFrom('batches')
    .where(
      'jurisdiction_id',
      'in',
      readsChildren(user) ? watchedJurisdictionIds(db, user.jurisdictionId) : [user.jurisdictionId],
    );
  if (list.filter.scope === 'own') qb = qb.where('jurisdiction_id', '=', user.jurisdictionId);
  if (list.filter.scope === 'townships') qb = qb.where('jurisdiction_id', '!=', user.jurisdictionId);
  if (list.filter.jurisdiction_id) qb = qb.where('jurisdiction_id', '=', list.filter.jurisdiction_id);
  if (list.filter.phase) qb = qb.where('phase', '=', list.filter.phase);
  if (list.filter.year) qb = qb.where('year', '=', list.filter.year);
  if (list.filter.id !== undefined) qb = qb.where('id', 'in', [list.filter.id].flat());
  return fetchPage(
    qb,
    (q) =>
      q
        .selectAll('batches')
        // Which township a row is, for the county office reading its townships' batches beside its own.
        .select((eb) => [
          eb
            .selectFrom('jurisdictions')
            .select('jurisdictions.name')
            .whereRef('jurisdictions.id', '=', 'batches.jurisdiction_id')
            .as('jurisdiction_name'),
          eb
            .selectFrom('jurisdictions')
            .select('jurisdictions.level')
            .whereRef('jurisdictions.id', '=', 'batches.jurisdiction_id')
            .as('jurisdiction_level'),
        ])
        .orderBy(list.sortField as 'year', list.sortOrder)
        .orderBy('id'),
    list,
  );
}

export function jurisdictionName(db: Kysely<Database>, jurisdictionId: string) {
  return db.selectFrom('jurisdictions').select('name').where('id', '=', jurisdictionId).executeTakeFirstOrThrow();
}

/** A batch the caller may read: its own jurisdiction's, or for the county office one of its townships'. */
export function findWatchedBatch(db: Kysely<Database>, user: SessionUser, id: string) {
  return db
    .selectFrom('batches')
    .selectAll()
    .where('id', '=', id)
    .where(
      'jurisdiction_id',
      'in',
      readsChildren(user) ? watchedJurisdictionIds(db, user.jurisdictionId) : [user.jurisdictionId],
    )
    .executeTakeFirst();
}

/** A batch of this jurisdiction only; another jurisdiction's batch is as if it did not exist. */
export function findInJurisdiction(db: Kysely<Database>, jurisdictionId: string, id: string) {
  return db
    .selectFrom('batches')
    .selectAll()
    .where('id', '=', id)
    .where('jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
}

/**
 * The batch row, share-locked until the transaction ends: the workflow's UPDATE of its phase waits for
 * the writes already under way (batchPhase.ts).
 */
export function shareLockById(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('batches').selectAll().where('id', '=', id).forShare().executeTakeFirst();
}

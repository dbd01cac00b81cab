import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Batch, CandidateTable, Database, SuggestionScoreTable } from '../../db/schema';

export function findById(db: Kysely<Database>, id: string) {
  return db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Of these ids, the reserve-library items of an earlier batch of the same jurisdiction, not merged away. */
export function reserveItems(trx: Transaction<Database>, batch: Batch, ids: string[]) {
  return trx
    .selectFrom('suggestions')
    .innerJoin('batches', 'batches.id', 'suggestions.batch_id')
    .selectAll('suggestions')
    .where('suggestions.id', 'in', ids)
    .where('batches.jurisdiction_id', '=', batch.jurisdiction_id)
    .where('batches.year', '<', batch.year)
    .where('suggestions.outcome', '=', 'reserve')
    .where('suggestions.merged_into_id', 'is', null)
    .orderBy('suggestions.id')
    .execute();
}

/** Copies of these reserve items already promoted into a batch other than this one. */
export function promotedElsewhere(trx: Transaction<Database>, batchId: string, sourceIds: string[]) {
  return trx
    .selectFrom('suggestions')
    .select(['id', 'batch_id', 'promoted_from_id'])
    .where('promoted_from_id', 'in', sourceIds)
    .where('batch_id', '!=', batchId)
    .execute();
}

export function proposersOf(db: Kysely<Database>, suggestionId: string) {
  return db
    .selectFrom('suggestion_proposers')
    .select(['kind', 'name', 'contact', 'user_id', 'department_id'])
    .where('suggestion_id', '=', suggestionId)
    .orderBy('id')
    .execute();
}

/** Locked in id order, so two crossing merges cannot deadlock. */
export function lockByIds(trx: Transaction<Database>, ids: string[]) {
  return trx.selectFrom('suggestions').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** Moves a duplicate's proposers to the suggestion it is merged into; answers how many moved. */
export async function moveProposers(trx: Transaction<Database>, fromId: string, intoId: string): Promise<number> {
  const moved = await trx
    .updateTable('suggestion_proposers')
    .set({ suggestion_id: intoId })
    .where('suggestion_id', '=', fromId)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** Earlier duplicates of the source follow it, so the target lists every suggestion it now stands for. */
export async function markMerged(trx: Transaction<Database>, fromId: string, intoId: string): Promise<void> {
  await trx
    .updateTable('suggestions')
    .set({ merged_into_id: intoId })
    .where((eb) => eb.or([eb('id', '=', fromId), eb('merged_into_id', '=', fromId)]))
    .execute();
}

export function jurisdictionPolicy(db: Kysely<Database>, jurisdictionId: string) {
  return db.selectFrom('jurisdictions').select('policy').where('id', '=', jurisdictionId).executeTakeFirstOrThrow();
}

export function scoreBy(db: Kysely<Database>, suggestionId: string, reviewerUserId: string) {
  return db
    .selectFrom('suggestion_scores')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .where('reviewer_user_id', '=', reviewerUserId)
    .executeTakeFirst();
}

type Marks = Omit<Insertable<SuggestionScoreTable>, 'suggestion_id' | 'reviewer_user_id'>;

/** One reviewer's marks; scoring again replaces them. */
export async function upsertScore(
  trx: Transaction<Database>,
  suggestionId: string,
  reviewerUserId: string,
  marks: Marks,
): Promise<void> {
  await trx
    .insertInto('suggestion_scores')
    .values({ suggestion_id: suggestionId, reviewer_user_id: reviewerUserId, ...marks })
    .onConflict((oc) =>
      oc.columns(['suggestion_id', 'reviewer_user_id']).doUpdateSet({ ...marks, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export function anyScore(db: Kysely<Database>, suggestionId: string) {
  return db
    .selectFrom('suggestion_scores')
    .select('reviewer_user_id')
    .where('suggestion_id', '=', suggestionId)
    .executeTakeFirst();
}

export async function recordReview(
  trx: Transaction<Database>,
  id: string,
  review: Pick<
    Updateable<Database['suggestions']>,
    'outcome' | 'outcome_reason' | 'department_id' | 'funding_source' | 'policy_compliant' | 'reviewed_by'
  >,
): Promise<void> {
  await trx
    .updateTable('suggestions')
    .set({ ...review, reviewed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

type CandidateDraft = Omit<Insertable<CandidateTable>, 'id' | 'batch_id' | 'suggestion_id'>;

/** The candidate a review creates, or its draft updated by a later review. */
export async function upsertCandidate(
  trx: Transaction<Database>,
  candidate: { id: string; batch_id: string; suggestion_id: string },
  draft: CandidateDraft,
): Promise<void> {
  await trx
    .insertInto('candidates')
    .values({ ...candidate, ...draft })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...draft, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Withdrawn, never deleted: publicity comments and amendments may point at it. */
export async function withdrawCandidate(trx: Transaction<Database>, candidateId: string): Promise<void> {
  await trx
    .updateTable('candidates')
    .set({ status: 'withdrawn', updated_at: sql<Date>`now()` })
    .where('id', '=', candidateId)
    .where('status', '=', 'active')
    .execute();
}

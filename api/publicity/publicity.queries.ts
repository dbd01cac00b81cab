import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, PublicityCommentTable } from '../../db/schema';

export function findCommentById(db: Kysely<Database>, id: string) {
  return db.selectFrom('publicity_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An active candidate of this batch, the only kind a comment may name. */
export function findActiveCandidate(db: Kysely<Database>, batchId: string, candidateId: string) {
  return db
    .selectFrom('candidates')
    .select('id')
    .where('id', '=', candidateId)
    .where('batch_id', '=', batchId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Inserts the comment unless its id exists; undefined when a twin got there first. */
export function insertComment(db: Kysely<Database>, comment: Insertable<PublicityCommentTable>) {
  return db
    .insertInto('publicity_comments')
    .values(comment)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function lockCommentById(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('publicity_comments').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** How many answers the comment has had: the n-th answer's audit key. */
export async function answerCount(db: Kysely<Database>, commentId: string): Promise<string> {
  const { answers } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('answers'))
    .where('action', '=', 'comment.answered')
    .where('subject', '=', commentId)
    .executeTakeFirstOrThrow();
  return answers;
}

export async function setAnswer(trx: Transaction<Database>, id: string, adopted: boolean, response: string) {
  await trx.updateTable('publicity_comments').set({ adopted, response }).where('id', '=', id).execute();
}

/** A comment known to exist (its insert just conflicted on the id). */
export function getCommentById(db: Kysely<Database>, id: string) {
  return db.selectFrom('publicity_comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A comment by its receipt code, with its batch and the candidate it names; no author or contact. */
export function findCommentByReceipt(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('publicity_comments')
    .innerJoin('batches', 'batches.id', 'publicity_comments.batch_id')
    .leftJoin('candidates', 'candidates.id', 'publicity_comments.candidate_id')
    .select([
      'publicity_comments.created_at',
      'publicity_comments.adopted',
      'publicity_comments.response',
      'publicity_comments.spam',
      'batches.id as batch_id',
      'batches.title as batch_title',
      'candidates.title as candidate_title',
    ])
    .where('publicity_comments.receipt_code', '=', code)
    .executeTakeFirst();
}

const suggestionReceiptColumns = [
  'suggestions.id',
  'suggestions.title',
  'suggestions.created_at',
  'suggestions.merged_into_id',
  'suggestions.outcome',
  'suggestions.outcome_reason',
  'batches.id as batch_id',
  'batches.title as batch_title',
  'batches.phase as batch_phase',
] as const;

/** A suggestion by its receipt code (or, to follow a merge, by id), with its batch; no proposer. */
export function findSuggestionForReceipt(db: Kysely<Database>, by: { code: string } | { id: string }) {
  const query = db
    .selectFrom('suggestions')
    .innerJoin('batches', 'batches.id', 'suggestions.batch_id')
    .select(suggestionReceiptColumns);
  return (
    'code' in by ? query.where('suggestions.receipt_code', '=', by.code) : query.where('suggestions.id', '=', by.id)
  ).executeTakeFirst();
}

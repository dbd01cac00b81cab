import type { Insertable, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database, Suggestion, SuggestionProposerTable } from '../../db/schema';
import type { SuggestionChannel } from '../../domain/screening';
import type { SessionUser } from '../auth/tokens';
import { conflict, fieldError, forbidden, notFound, unprocessable } from '../errors';
import { candidateIdOf } from '../candidates/candidates.service';
import { newPublicReceiptCode } from '../publicity/receiptCodes';
import { containing, type ListQuery, listingOf, pageOf } from '../listQuery';
import type { Sent, SentPage } from '../../domain/contract/sentRows';
import type {
  EnteredSuggestion,
  ReviewBody,
  SuggestionContent,
  suggestionFilterSchema,
  Suggestion as SuggestionRow,
} from '../../domain/contract/suggestions';

type SuggestionFilter = z.infer<typeof suggestionFilterSchema>;
type NewProposer = Omit<Insertable<SuggestionProposerTable>, 'suggestion_id'>;

function visibleSuggestions(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('suggestions')
    .innerJoin('batches', 'batches.id', 'suggestions.batch_id')
    .where('batches.jurisdiction_id', '=', jurisdictionId);
}

type SuggestionsQuery = ReturnType<typeof visibleSuggestions>;

// The mean of the stored weighted marks: each was weighted with the jurisdiction's policy when given.
const suggestionColumns = (qb: SuggestionsQuery) =>
  qb
    .selectAll('suggestions')
    .select([
      sql<number>`(select count(*)::int from suggestion_proposers p where p.suggestion_id = suggestions.id)`.as(
        'proposer_count',
      ),
      sql<
        number | null
      >`(select round(avg(s.weighted)::numeric, 1)::float8 from suggestion_scores s where s.suggestion_id = suggestions.id)`.as(
        'score',
      ),
    ]);

/** The suggestions list's rows in its order: the list route pages it, the CSV export reads it all. */
export function suggestionListing(db: Kysely<Database>, user: SessionUser, list: ListQuery<SuggestionFilter>) {
  let qb = visibleSuggestions(db, user.jurisdictionId);
  const f = list.filter;
  if (f.batch_id) qb = qb.where('suggestions.batch_id', '=', f.batch_id);
  if (f.outcome === 'none') qb = qb.where('suggestions.outcome', 'is', null);
  else if (f.outcome) qb = qb.where('suggestions.outcome', '=', f.outcome);
  if (f.category) qb = qb.where('suggestions.category', '=', f.category);
  if (f.channel) qb = qb.where('suggestions.channel', '=', f.channel);
  if (f.q) qb = qb.where('suggestions.title', 'ilike', containing(f.q));
  if (f.id !== undefined) qb = qb.where('suggestions.id', 'in', [f.id].flat());
  // `score` is an output column (unscored suggestions last either way); the others are the table's.
  const sortKey = list.sortField === 'score' ? sql`score` : sql.ref(`suggestions.${list.sortField}`);
  return listingOf(qb, (q) =>
    suggestionColumns(q)
      .orderBy(sortKey, (ob) => (list.sortOrder === 'desc' ? ob.desc() : ob.asc()).nullsLast())
      .orderBy('suggestions.id'),
  );
}

export async function listSuggestions(db: Kysely<Database>, user: SessionUser, list: ListQuery<SuggestionFilter>) {
  return (await pageOf(suggestionListing(db, user, list), list)) satisfies SentPage<SuggestionRow>;
}

export async function findVisibleSuggestion(db: Kysely<Database>, user: SessionUser, id: string) {
  const suggestion = await suggestionColumns(visibleSuggestions(db, user.jurisdictionId))
    .where('suggestions.id', '=', id)
    .executeTakeFirst();
  if (!suggestion) throw notFound('suggestion', id);
  return suggestion;
}

/** Contacts are for the office and the screening group, who reach proposers; deputies and officials see names only. */
const seesContacts = (user: SessionUser) => user.roles.includes('coordinator') || user.roles.includes('reviewer');

/** One suggestion with its proposers, reviewers' marks, the duplicates merged into it and its candidate. */
export async function suggestionDetail(db: Kysely<Database>, user: SessionUser, id: string) {
  const suggestion = await findVisibleSuggestion(db, user, id);
  const [proposers, scores, merged, candidate] = await Promise.all([
    db
      .selectFrom('suggestion_proposers')
      .leftJoin('departments', 'departments.id', 'suggestion_proposers.department_id')
      .selectAll('suggestion_proposers')
      .select('departments.name as department_name')
      .where('suggestion_id', '=', id)
      .orderBy('suggestion_proposers.id')
      .execute(),
    db
      .selectFrom('suggestion_scores')
      .innerJoin('users', 'users.id', 'suggestion_scores.reviewer_user_id')
      .selectAll('suggestion_scores')
      .select('users.display_name as reviewer_name')
      .where('suggestion_id', '=', id)
      .orderBy('suggestion_scores.reviewer_user_id')
      .execute(),
    db
      .selectFrom('suggestions')
      .select(['id', 'title', 'created_at'])
      .where('merged_into_id', '=', id)
      .orderBy('id')
      .execute(),
    db.selectFrom('candidates').selectAll().where('suggestion_id', '=', id).executeTakeFirst(),
  ]);
  return {
    ...suggestion,
    proposers: seesContacts(user) ? proposers : proposers.map((p) => ({ ...p, contact: null })),
    scores,
    merged,
    candidate: candidate ?? null,
  } satisfies Sent<SuggestionRow>;
}

/**
 * How a signed-in person's suggestion arrives: a deputy's own, a department's, or one the office
 * received by hotline, at a liaison station or door to door (docs/domain.md, "Collection"). The screening group
 * scores suggestions, so it does not propose them.
 */
export function intakeOf(
  user: SessionUser,
  body: EnteredSuggestion,
): { channel: SuggestionChannel; proposer: NewProposer } {
  if (user.roles.includes('reviewer')) throw forbidden('reviewersMayNotPropose');
  const channel =
    body.channel ??
    (user.roles.includes('deputy') ? 'deputy' : user.roles.includes('official') ? 'department' : undefined);
  const named = { name: body.proposer?.name ?? user.displayName, contact: body.proposer?.contact ?? null };
  switch (channel) {
    case 'deputy':
      if (!user.roles.includes('deputy')) throw forbidden('deputyChannelOnly');
      return { channel, proposer: { kind: 'deputy', user_id: user.userId, department_id: null, ...named } };
    case 'department':
      if (!user.roles.includes('official') || !user.departmentId) throw forbidden('departmentChannelOnly');
      return {
        channel,
        proposer: { kind: 'department', user_id: user.userId, department_id: user.departmentId, ...named },
      };
    case 'hotline12345':
    case 'liaisonStation':
    case 'letter':
    case 'doorToDoor': {
      if (!user.roles.includes('coordinator')) throw forbidden('onBehalfOfPublic');
      const contact = body.proposer?.contact;
      if (!contact) throw fieldError(422, 'proposer.contact', 'proposerContactMissing');
      return {
        channel,
        proposer: { kind: 'public', user_id: null, department_id: null, name: body.proposer?.name ?? null, contact },
      };
    }
    case 'online':
      throw fieldError(422, 'channel', 'onlineViaPublicForm');
    case undefined:
      throw unprocessable(
        'channel: say how the suggestion was received (hotline12345, liaisonStation, letter or doorToDoor)',
      );
  }
}

/**
 * Inserts a suggestion with its proposers unless its id exists; returns the stored row and whether
 * it is new. A concurrent twin waits on the primary key, then finds the first one's row.
 */
export async function insertSuggestion(
  trx: Transaction<Database>,
  suggestion: Insertable<Database['suggestions']> & { id: string },
  proposers: readonly NewProposer[],
): Promise<{ suggestion: Suggestion; created: boolean }> {
  const inserted = await trx
    .insertInto('suggestions')
    // Every suggestion gets a receipt code, whoever enters it: a caller to the hotline is read theirs.
    .values({ receipt_code: newPublicReceiptCode(), ...suggestion })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    return {
      suggestion: await trx
        .selectFrom('suggestions')
        .selectAll()
        .where('id', '=', suggestion.id)
        .executeTakeFirstOrThrow(),
      created: false,
    };
  }
  if (proposers.length)
    await trx
      .insertInto('suggestion_proposers')
      .values(proposers.map((p) => ({ ...p, suggestion_id: inserted.id })))
      .execute();
  return { suggestion: inserted, created: true };
}

/** A resubmitted form returns its first suggestion; the same key with other content is a client bug, not a retry. */
export function assertResubmission(existing: Suggestion, body: SuggestionContent): void {
  const same =
    existing.title === body.title &&
    existing.description === body.description &&
    existing.category === body.category &&
    existing.location === body.location;
  if (!same) throw conflict('formKeyReused', { subject: 'suggestion' });
}

/** The jurisdiction's department, or a 422 naming what is wrong. */
export async function assertDepartment(
  db: Kysely<Database>,
  jurisdictionId: string,
  departmentId: string,
  field: string,
): Promise<void> {
  const found = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
  if (!found) throw fieldError(422, field, 'noDepartmentHere', { field, id: departmentId });
}

export async function assertPerson(
  db: Kysely<Database>,
  jurisdictionId: string,
  userId: string,
  field: string,
): Promise<void> {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
  if (!found) throw fieldError(422, field, 'noUserHere', { field, id: userId });
}

/** Locks a suggestion of the batch for the rest of the transaction. */
export async function lockSuggestion(trx: Transaction<Database>, id: string): Promise<Suggestion> {
  const row = await trx.selectFrom('suggestions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('suggestion', id);
  return row;
}

/** Whether the joint review already stands exactly as sent: the suggestion's fields and its candidate draft. */
export async function reviewUnchanged(
  trx: Transaction<Database>,
  suggestion: Suggestion,
  body: ReviewBody,
): Promise<boolean> {
  const same =
    suggestion.outcome === body.outcome &&
    suggestion.outcome_reason === body.reason &&
    suggestion.department_id === body.departmentId &&
    suggestion.funding_source === (body.fundingSource ?? null) &&
    suggestion.policy_compliant === (body.policyCompliant ?? null);
  if (!same) return false;
  if (!body.candidate) return true; // not a candidate before either, so its candidate, if any, is withdrawn
  const candidate = await trx
    .selectFrom('candidates')
    .selectAll()
    .where('id', '=', candidateIdOf(suggestion.id))
    .executeTakeFirst();
  return (
    candidate?.status === 'active' &&
    candidate.title === body.candidate.title &&
    candidate.description === body.candidate.description &&
    candidate.department_id === body.departmentId &&
    candidate.responsible_leader_user_id === (body.candidate.responsibleLeaderUserId ?? null) &&
    candidate.implementing_unit === body.candidate.implementingUnit &&
    candidate.budget_yuan === body.candidate.budgetYuan &&
    candidate.deadline === body.candidate.deadline &&
    candidate.acceptance_standard === body.candidate.acceptanceStandard
  );
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CandidateTable, Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { notFound } from '../errors';
import { containing, type ListQuery, listingOf, pageOf } from '../listQuery';
import type { CandidateChanges, candidateFilterSchema } from '../../domain/contract/candidates';

type CandidateFilter = z.infer<typeof candidateFilterSchema>;

/** One candidate per suggestion, named after it: a second joint review updates the same row. */
export const candidateIdOf = (suggestionId: string) => `cand-${suggestionId.replace(/^sug-/, '')}`;

/** Where each amendable field lives. */
export const candidateColumnOf = {
  title: 'title',
  description: 'description',
  implementingUnit: 'implementing_unit',
  budgetYuan: 'budget_yuan',
  deadline: 'deadline',
  acceptanceStandard: 'acceptance_standard',
  responsibleLeaderUserId: 'responsible_leader_user_id',
  departmentId: 'department_id',
} as const satisfies Record<keyof CandidateChanges, keyof CandidateTable>;

function visibleCandidates(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('candidates')
    .innerJoin('batches', 'batches.id', 'candidates.batch_id')
    .innerJoin('departments', 'departments.id', 'candidates.department_id')
    .leftJoin('users as leader', 'leader.id', 'candidates.responsible_leader_user_id')
    .where('batches.jurisdiction_id', '=', jurisdictionId);
}

type CandidatesQuery = ReturnType<typeof visibleCandidates>;

const candidateColumns = (qb: CandidatesQuery) =>
  qb
    .selectAll('candidates')
    .select(['departments.name as department_name', 'leader.display_name as responsible_leader_name']);

/** The candidates list's rows in its order: the list route pages it, the CSV export reads it all. */
export function candidateListing(db: Kysely<Database>, user: SessionUser, list: ListQuery<CandidateFilter>) {
  let qb = visibleCandidates(db, user.jurisdictionId);
  const f = list.filter;
  if (f.batch_id) qb = qb.where('candidates.batch_id', '=', f.batch_id);
  if (f.status) qb = qb.where('candidates.status', '=', f.status);
  if (f.elected !== undefined) qb = qb.where('candidates.elected', '=', f.elected);
  if (f.department_id) qb = qb.where('candidates.department_id', '=', f.department_id);
  if (f.q) qb = qb.where('candidates.title', 'ilike', containing(f.q));
  if (f.id !== undefined) qb = qb.where('candidates.id', 'in', [f.id].flat());
  return listingOf(qb, (q) =>
    candidateColumns(q)
      .orderBy(`candidates.${list.sortField}` as 'candidates.title', (ob) =>
        (list.sortOrder === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
      )
      .orderBy('candidates.id'),
  );
}

export async function listCandidates(db: Kysely<Database>, user: SessionUser, list: ListQuery<CandidateFilter>) {
  return pageOf(candidateListing(db, user, list), list);
}

export async function findVisibleCandidate(db: Kysely<Database>, user: SessionUser, id: string) {
  const candidate = await candidateColumns(visibleCandidates(db, user.jurisdictionId))
    .where('candidates.id', '=', id)
    .executeTakeFirst();
  if (!candidate) throw notFound('candidate', id);
  return candidate;
}

export async function candidateDetail(db: Kysely<Database>, user: SessionUser, id: string) {
  const candidate = await findVisibleCandidate(db, user, id);
  const amendments = await db
    .selectFrom('candidate_amendments')
    .innerJoin('users', 'users.id', 'candidate_amendments.amended_by')
    .selectAll('candidate_amendments')
    .select('users.display_name as amended_by_name')
    .where('candidate_id', '=', id)
    .orderBy('candidate_amendments.id')
    .execute();
  return { ...candidate, amendments };
}

import type { PublicProjectChange } from '../../domain/contract/projectChange';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Sent, SentPage } from '../../domain/contract/sentRows';
import { outcomeOnlyBelowOf } from '../../db/outcomeOnlyBelow';
import { outcomeOnlySessions, publishedVoteResult } from '../attendance/publishedResults';
import type { SessionUser } from '../auth/tokens';
import { conflict, notFound } from '../errors';
import { fetchPage, type ListQuery } from '../listQuery';
import {
  type commentFilterSchema,
  formatReceiptCode,
  type PublicReceipt,
  type PublicityComment,
  type ReceiptStatus,
} from '../../domain/contract/publicity';
import { findCommentByReceipt, findSuggestionForReceipt } from './publicity.queries';

type CommentFilter = z.infer<typeof commentFilterSchema>;

/** What anyone may read about a batch: where it stands and its next date. */
export async function publicBatch(db: Kysely<Database>, batchId: string) {
  const batch = await db
    .selectFrom('batches')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'batches.jurisdiction_id')
    .select([
      'batches.id',
      'batches.title',
      'batches.year',
      'batches.phase',
      'batches.collection_closes_at',
      'batches.next_deadline_at',
      'batches.next_deadline_label',
      'jurisdictions.name as jurisdiction_name',
    ])
    .where('batches.id', '=', batchId)
    .executeTakeFirst();
  if (!batch) throw notFound('batch', batchId);
  return batch;
}

/** Every batch still under way, of every jurisdiction, newest year first: the public page's index. */
export async function publicBatches(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('batches')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'batches.jurisdiction_id')
    .select([
      'batches.id',
      'jurisdictions.name as jurisdiction_name',
      'batches.title',
      'batches.year',
      'batches.phase',
      'batches.next_deadline_at',
      'batches.next_deadline_label',
    ])
    .where('batches.phase', '!=', 'closed')
    .orderBy('batches.year', 'desc')
    .orderBy('batches.id')
    .execute();
  return rows.map((b) => ({
    id: b.id,
    jurisdictionName: b.jurisdiction_name,
    title: b.title,
    year: b.year,
    phase: b.phase,
    nextDeadline: b.next_deadline_at
      ? { at: b.next_deadline_at.toISOString(), label: b.next_deadline_label ?? '' }
      : null,
  }));
}

/**
 * 向人民报告: each voted project's progress as the public may read it. Only public facts: no person's
 * id or contact, no fund movements; the responsible department is named, as on the published list.
 */
export async function publicProjects(db: Kysely<Database>, batchId: string) {
  const rows = await db
    .selectFrom('projects')
    .innerJoin('departments', 'departments.id', 'projects.department_id')
    .select([
      'projects.id',
      'projects.title',
      'departments.name as department_name',
      'projects.implementing_unit',
      'projects.budget_yuan',
      'projects.deadline',
      'projects.phase',
      'projects.progress_percent',
      'projects.stage',
      'projects.warning',
      'projects.last_reported_at',
      'projects.rating_outcome',
    ])
    .where('projects.batch_id', '=', batchId)
    .orderBy('projects.deadline')
    .orderBy('projects.id')
    .execute();
  const changes = await publicProjectChanges(db, batchId);
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    departmentName: p.department_name,
    implementingUnit: p.implementing_unit,
    budgetYuan: p.budget_yuan,
    deadline: p.deadline,
    phase: p.phase,
    // Nothing reported yet is not 0% done.
    progressPercent: p.last_reported_at ? p.progress_percent : null,
    stage: p.stage,
    warning: p.warning,
    lastReportedAt: p.last_reported_at?.toISOString() ?? null,
    ratingOutcome: p.rating_outcome,
    // A project the committee ended is published as ended, with why (docs/domain.md, "Changes and termination").
    terminated: (changes.get(p.id) ?? []).some((c) => c.kind === 'terminate'),
    changes: changes.get(p.id) ?? [],
  }));
}

/** The committee's decisions on each of the batch's projects, oldest first: public facts, no person named. */
async function publicProjectChanges(db: Kysely<Database>, batchId: string) {
  const rows = await db
    .selectFrom('project_changes')
    .innerJoin('projects', 'projects.id', 'project_changes.project_id')
    .select([
      'project_changes.project_id',
      'project_changes.kind',
      'project_changes.reason',
      'project_changes.meeting_on',
      'project_changes.decided_by',
      'project_changes.previous_deadline',
      'project_changes.new_deadline',
      'project_changes.scope',
      'project_changes.acceptance_standard',
    ])
    .where('projects.batch_id', '=', batchId)
    .orderBy('project_changes.at')
    .orderBy('project_changes.id')
    .execute();
  const byProject = new Map<string, PublicProjectChange[]>();
  for (const r of rows) {
    const list = byProject.get(r.project_id) ?? [];
    list.push({
      kind: r.kind,
      reason: r.reason,
      meetingOn: r.meeting_on,
      decidedBy: r.decided_by,
      previousDeadline: r.previous_deadline,
      newDeadline: r.new_deadline,
      scope: r.scope,
      acceptanceStandard: r.acceptance_standard,
    });
    byProject.set(r.project_id, list);
  }
  return byProject;
}

/** The published list: active candidates with their responsibility lists, and the vote's result once known. */
export async function publicCandidates(db: Kysely<Database>, batchId: string) {
  // Approvals counted in a round with few deputies present are not published (docs/domain.md, "Vote").
  const countsHidden = (await outcomeOnlySessions(db, batchId)).size > 0;
  const rows = await db
    .selectFrom('candidates')
    .innerJoin('departments', 'departments.id', 'candidates.department_id')
    .leftJoin('users as leader', 'leader.id', 'candidates.responsible_leader_user_id')
    .select([
      'candidates.id',
      'candidates.title',
      'candidates.description',
      'departments.name as department_name',
      'leader.display_name as responsible_leader_name',
      'candidates.implementing_unit',
      'candidates.budget_yuan',
      'candidates.deadline',
      'candidates.acceptance_standard',
      'candidates.elected',
      'candidates.approvals',
    ])
    .where('candidates.batch_id', '=', batchId)
    .where('candidates.status', '=', 'active')
    .orderBy('candidates.created_at')
    .orderBy('candidates.id')
    .execute();
  return countsHidden ? rows.map((r) => ({ ...r, approvals: null })) : rows;
}

/** Every round's tally with its scrutineers and tellers, and the elected list; a 409 before the vote has closed. */
export async function publicResults(db: Kysely<Database>, batch: { id: string; title: string }) {
  const rounds = await db
    .selectFrom('vote_sessions')
    .select([
      'id',
      'round',
      'seats',
      'deputies_entitled',
      'deputies_present',
      'scrutineers',
      'tellers',
      'opened_at',
      'closed_at',
      'result',
    ])
    .where('batch_id', '=', batch.id)
    .where('status', '=', 'closed')
    .orderBy('round')
    .execute();
  if (rounds.length === 0) throw conflict('voteNotClosed', { title: batch.title });
  const titles = await db.selectFrom('candidates').select(['id', 'title']).where('batch_id', '=', batch.id).execute();
  const threshold = await outcomeOnlyBelowOf(db, batch.id);
  // A run-off round elects among the previous round's tie, so the rounds' elected lists add up.
  const elected = rounds.flatMap((r) => r.result?.elected ?? []);
  return {
    batchId: batch.id,
    elected,
    runOffPending: rounds.at(-1)?.result?.runOff ?? null,
    candidates: Object.fromEntries(titles.map((c) => [c.id, c.title])),
    // A round with few deputies present publishes its outcome only (docs/domain.md, "Vote").
    rounds: rounds.map((r) => ({ ...r, result: publishedVoteResult(r.result, r.deputies_present, threshold) })),
  };
}

function visibleComments(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('publicity_comments')
    .innerJoin('batches', 'batches.id', 'publicity_comments.batch_id')
    .leftJoin('candidates', 'candidates.id', 'publicity_comments.candidate_id')
    .where('batches.jurisdiction_id', '=', jurisdictionId);
}

type CommentsQuery = ReturnType<typeof visibleComments>;
const commentColumns = (qb: CommentsQuery) =>
  qb.selectAll('publicity_comments').select('candidates.title as candidate_title');

export async function listComments(db: Kysely<Database>, user: SessionUser, list: ListQuery<CommentFilter>) {
  let qb = visibleComments(db, user.jurisdictionId);
  const f = list.filter;
  if (f.batch_id) qb = qb.where('publicity_comments.batch_id', '=', f.batch_id);
  if (f.candidate_id) qb = qb.where('publicity_comments.candidate_id', '=', f.candidate_id);
  if (f.adopted !== undefined) qb = qb.where('publicity_comments.adopted', '=', f.adopted);
  if (f.answered !== undefined) qb = qb.where('publicity_comments.response', f.answered ? 'is not' : 'is', null);
  if (f.spam !== undefined) qb = qb.where('publicity_comments.spam', '=', f.spam);
  if (f.id !== undefined) qb = qb.where('publicity_comments.id', 'in', [f.id].flat());
  const page = await fetchPage(
    qb,
    (q) =>
      commentColumns(q)
        .orderBy(`publicity_comments.${list.sortField}` as 'publicity_comments.id', list.sortOrder)
        .orderBy('publicity_comments.id'),
    list,
  );
  return page satisfies SentPage<PublicityComment>;
}

export async function findVisibleComment(db: Kysely<Database>, user: SessionUser, id: string) {
  const comment = await commentColumns(visibleComments(db, user.jurisdictionId))
    .where('publicity_comments.id', '=', id)
    .executeTakeFirst();
  if (!comment) throw notFound('comment', id);
  return comment satisfies Sent<PublicityComment>;
}

// Proposers are told their suggestion's outcome when screening ends (docs/domain.md, "Screening"); until
// then the review can still change.
const screeningUnderWay = new Set(['collection', 'screening']);

/**
 * The office's answer to a comment or a suggestion, by the code its author was given (docs/domain.md,
 * "Candidate publicity" and "Screening"): what was submitted and the answer, never a name or contact.
 */
export async function publicReceipt(db: Kysely<Database>, code: string): Promise<PublicReceipt> {
  const receiptCode = formatReceiptCode(code);
  const comment = await findCommentByReceipt(db, code);
  if (comment) {
    const answered = comment.response !== null;
    return {
      receiptCode,
      kind: 'comment',
      batch: { id: comment.batch_id, title: comment.batch_title },
      submittedAt: comment.created_at.toISOString(),
      subject: comment.candidate_title,
      status: comment.spam ? 'closed' : answered ? 'answered' : 'awaitingAnswer',
      adopted: comment.spam || !answered ? null : comment.adopted,
      answer: comment.spam ? null : comment.response,
      mergedInto: null,
    };
  }
  const suggestion = await findSuggestionForReceipt(db, { code });
  if (!suggestion)
    throw notFound(`receipt code ${receiptCode}: check it against your receipt; no comment or suggestion with it`);
  // A merged suggestion is answered by the one it was merged into (merges can chain).
  let answering = suggestion;
  for (let hops = 0; answering.merged_into_id && hops < 10; hops += 1) {
    const next = await findSuggestionForReceipt(db, { id: answering.merged_into_id });
    if (!next) break;
    answering = next;
  }
  const told = !screeningUnderWay.has(suggestion.batch_phase) && answering.outcome !== null;
  const status: ReceiptStatus = !told ? 'underReview' : answering.outcome === 'spam' ? 'closed' : answering.outcome!;
  return {
    receiptCode,
    kind: 'suggestion',
    batch: { id: suggestion.batch_id, title: suggestion.batch_title },
    submittedAt: suggestion.created_at.toISOString(),
    subject: suggestion.title,
    status,
    adopted: null,
    answer: told && status !== 'closed' ? answering.outcome_reason : null,
    mergedInto: answering.id === suggestion.id ? null : answering.title,
  };
}

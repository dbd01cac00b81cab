import type { Selectable } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { PublicityCommentTable } from '../../db/schema';
import { batchPhases, type BatchPhase } from '../../workflows/annualBatch.messages';
import { keyedId } from '../batchRecords';
import { withBatchInPhase } from '../batches/batchPhase';
import { conflict, unprocessable } from '../errors';
import { route } from '../http/route';
import { listOptions } from '../listQuery';
import { formRetry } from '../openapi';
import {
  answerCount,
  findActiveCandidate,
  findCommentById,
  getCommentById,
  insertComment,
  lockCommentById,
  setAnswer,
} from './publicity.queries';
import {
  commentFilterSchema,
  commentSortable,
  formatReceiptCode,
  publicCommentSchema,
  receiptCodeSchema,
  respondSchema,
} from '../../domain/contract/publicity';
import { defaultPublicLookupLimit, publicLookupLimit } from '../security/publicLimits';
import { newPublicReceiptCode } from './receiptCodes';
import {
  findVisibleComment,
  listComments,
  publicBatch,
  publicBatches,
  publicCandidates,
  publicProjects,
  publicReceipt,
  publicResults,
} from './publicity.service';

type Comment = Selectable<PublicityCommentTable>;

/** The candidate list is public from its publicity on (docs/domain.md, "Candidate publicity"), through the vote and after. */
const publishedPhases: readonly BatchPhase[] = batchPhases.slice(batchPhases.indexOf('candidatePublicity'));

/** Projects exist once the vote's result is published; the public follows them from implementation on (docs/domain.md, "Implementation"). */
const projectPhases: readonly BatchPhase[] = batchPhases.slice(batchPhases.indexOf('implementation'));

/**
 * Comments are answered while they can still change the list: during publicity, along the approval
 * chain, and in a screening the chain sent the list back to.
 */
const answeringPhases: readonly BatchPhase[] = ['screening', 'candidatePublicity', 'approval'];

const publicCommentView = (c: Comment) => ({
  id: c.id,
  batch_id: c.batch_id,
  candidate_id: c.candidate_id,
  author_name: c.author_name,
  body: c.body,
  created_at: c.created_at,
  // Shown once the comment is recorded: the commenter reads the office's answer by it (GET /public/receipts/:code).
  receiptCode: c.receipt_code ? formatReceiptCode(c.receipt_code) : null,
});

function assertResubmittedComment(existing: Comment, body: { candidateId?: string; body: string }): void {
  if (existing.body !== body.body || existing.candidate_id !== (body.candidateId ?? null)) {
    throw conflict('formKeyReused', { subject: 'comment' });
  }
}

const commentList = listOptions({
  sortable: commentSortable,
  defaultSort: ['created_at', 'DESC'],
  filter: commentFilterSchema,
});

/** Publicity of the candidate list (候选项目公示): what anyone reads and comments on, and the office's answers. */
export const publicityRoutes = [
  // /api/public/batches — no login.
  route({
    id: 'listPublicBatches',
    method: 'get',
    path: '/public/batches',
    tag: 'publicity',
    summary: 'List the batches under way, newest year first',
    access: 'public',
    ok: {
      200: '`[{ id, jurisdictionName, title, year, phase, nextDeadline: { at, label } | null }]` of every batch not closed.',
    },
    handler: async ({ res, deps: { db } }) => {
      res.json(await publicBatches(db));
    },
  }),

  route({
    id: 'getPublicBatch',
    method: 'get',
    path: '/public/batches/:batchId',
    tag: 'publicity',
    summary: 'Read where a batch stands and its next date',
    access: 'public',
    refusals: [404],
    handler: async ({ res, deps: { db }, params }) => {
      res.json(await publicBatch(db, params.batchId));
    },
  }),

  route({
    id: 'listPublicCandidates',
    method: 'get',
    path: '/public/batches/:batchId/candidates',
    tag: 'publicity',
    summary: 'Read the published candidate list of a batch',
    access: 'public',
    notes: 'Public from candidate publicity on; before that a 409.',
    ok: { 200: 'The active candidates with their responsibility lists, and the vote’s result once known.' },
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, params }) => {
      const batch = await publicBatch(db, params.batchId);
      if (!publishedPhases.includes(batch.phase)) {
        throw conflict('candidatesNotPublic', { title: batch.title, phase: 'candidatePublicity' });
      }
      res.json(await publicCandidates(db, batch.id));
    },
  }),

  // The vote's result and full tally, published as soon as the vote closes (docs/domain.md, "Vote" [S3]).
  route({
    id: 'readPublicResults',
    method: 'get',
    path: '/public/batches/:batchId/results',
    tag: 'publicity',
    summary: 'Read the published vote result and full tally of a batch',
    access: 'public',
    notes:
      'Every closed round with its seats, deputies entitled and present, scrutineers, tellers and per-candidate tally; a 409 before the vote has closed.',
    ok: { 200: 'The elected list, candidate titles and every closed round.' },
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, params }) => {
      const batch = await publicBatch(db, params.batchId);
      res.json(await publicResults(db, batch));
    },
  }),

  // 向人民报告: each project's progress, from implementation on.
  route({
    id: 'listPublicProjects',
    method: 'get',
    path: '/public/batches/:batchId/projects',
    tag: 'publicity',
    summary: 'Read each voted project’s progress (向人民报告), the earliest deadline first',
    access: 'public',
    notes:
      'From implementation on; before that a 409. Public facts only: the responsible department, never a person. `progressPercent` and `lastReportedAt` are null until the first progress report.',
    ok: {
      200: '`[{ id, title, departmentName, implementingUnit, budgetYuan, deadline, phase, progressPercent, stage, warning, lastReportedAt, ratingOutcome, terminated, changes: [{ kind, reason, meetingOn, decidedBy, previousDeadline, newDeadline, scope, acceptanceStandard }] }]`: `changes` are the committee’s decisions on the project (new deadline or scope, or its termination), oldest first.',
    },
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, params }) => {
      const batch = await publicBatch(db, params.batchId);
      if (!projectPhases.includes(batch.phase)) {
        throw conflict('noProjectsYet', { title: batch.title, phase: 'implementation' });
      }
      res.json(await publicProjects(db, batch.id));
    },
  }),

  route({
    id: 'submitPublicComment',
    method: 'post',
    path: '/public/batches/:batchId/comments',
    tag: 'publicity',
    summary: 'Comment on the published candidate list or on one candidate',
    access: 'public',
    notes: `Only during candidate publicity. ${formRetry('comment')}`,
    body: publicCommentSchema,
    ok: { 200: 'A retried submit: the first comment.', 201: 'The comment as recorded.' },
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, params: { batchId }, body }) => {
      const id = keyedId('cmt', batchId, body.key);
      // A retried submit is answered even after publicity has ended.
      const existing = await findCommentById(db, id);
      if (existing) {
        assertResubmittedComment(existing, body);
        res.json(publicCommentView(existing));
        return;
      }
      const { comment, created } = await withBatchInPhase(
        db,
        batchId,
        ['candidatePublicity'],
        'commentOnCandidates',
        async (trx) => {
          if (body.candidateId) {
            const candidate = await findActiveCandidate(trx, batchId, body.candidateId);
            if (!candidate) throw unprocessable('notPublishedCandidate', { id: body.candidateId });
          }
          const inserted = await insertComment(trx, {
            id,
            batch_id: batchId,
            candidate_id: body.candidateId ?? null,
            author_name: body.authorName ?? null,
            contact: body.contact ?? null,
            body: body.body,
            receipt_code: newPublicReceiptCode(),
          });
          if (!inserted) return { comment: await getCommentById(trx, id), created: false };
          await insertAuditEvent(trx, {
            dedupeKey: `${id}:submitted`,
            actorUserId: null,
            actorLabel: body.authorName ? `${body.authorName} (public)` : 'public',
            action: 'comment.submitted',
            workflowId: batchId,
            subject: id,
            detail: { candidateId: body.candidateId ?? null },
          });
          return { comment: inserted, created: true };
        },
      );
      if (!created) assertResubmittedComment(comment, body);
      res.status(created ? 201 : 200).json(publicCommentView(comment));
    },
  }),

  // The office's answer to a comment or a suggestion, by the receipt code its author was given.
  route({
    id: 'readPublicReceipt',
    method: 'get',
    path: '/public/receipts/:code',
    tag: 'publicity',
    summary: 'Read the office’s answer to my comment or suggestion, by its receipt code',
    access: 'public',
    notes:
      'No login: the receipt code is the key. Answers what was submitted (its kind, batch, date, the candidate or title) and the office’s answer, never a name or contact. A suggestion’s outcome is shown once screening has ended, when its proposer is told. Lookups are limited per address, so codes cannot be tried in bulk.',
    ok: {
      200: '`{ receiptCode, kind: "comment" | "suggestion", batch: { id, title }, submittedAt, subject, status, adopted, answer, mergedInto }`.',
    },
    refusals: [400, 404, 429],
    before: (deps) => [publicLookupLimit(deps.db, deps.publicLookupLimit ?? defaultPublicLookupLimit)],
    handler: async ({ res, deps: { db }, params }) => {
      res.json(await publicReceipt(db, receiptCodeSchema.parse(params.code)));
    },
  }),

  // /api/publicity-comments — the coordinator's desk.
  route({
    id: 'listPublicityComments',
    method: 'get',
    path: '/publicity-comments',
    tag: 'publicity',
    summary: 'List the public’s comments on candidate lists',
    access: ['coordinator'],
    list: { resource: 'publicity-comments', ...commentList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listComments(db, user, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getPublicityComment',
    method: 'get',
    path: '/publicity-comments/:id',
    tag: 'publicity',
    summary: 'Read a public comment and its answer',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await findVisibleComment(db, user, params.id));
    },
  }),

  route({
    id: 'respondToPublicityComment',
    method: 'post',
    path: '/publicity-comments/:id/respond',
    tag: 'publicity',
    summary: 'Answer a public comment and say whether it is adopted',
    access: ['coordinator'],
    notes: 'During screening, candidate publicity or the approval chain, while the list can still change.',
    body: respondSchema,
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, user, params, body: { adopted, response } }) => {
      const found = await findVisibleComment(db, user, params.id);
      await withBatchInPhase(db, found.batch_id, answeringPhases, 'answerComment', async (trx, batch) => {
        const current = await lockCommentById(trx, found.id);
        if (current.adopted === adopted && current.response === response) return; // a retry
        // The n-th answer (the row is locked): a changed answer is recorded, even back to an earlier one.
        const answers = await answerCount(trx, found.id);
        await setAnswer(trx, found.id, adopted, response);
        await insertAuditEvent(trx, {
          dedupeKey: `${found.id}:answered:${answers}`,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'comment.answered',
          workflowId: batch.id,
          subject: found.id,
          detail: { adopted, response, candidateId: found.candidate_id },
        });
      });
      res.json(await findVisibleComment(db, user, found.id));
    },
  }),
];

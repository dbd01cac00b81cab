import { Router } from 'express';
import type { Kysely, Selectable } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { Database, PublicityCommentTable } from '../../db/schema';
import { batchPhases, type BatchPhase } from '../../workflows/annualBatch.messages';
import { currentUser } from '../auth/auth.middleware';
import { batchParam, keyedId } from '../batchRecords';
import { phaseNames, withBatchInPhase } from '../batches/batchPhase';
import { conflict, unprocessable } from '../errors';
import { parseListQuery, sendPage } from '../listQuery';
import { commentFilterSchema, commentSortable, publicCommentSchema, respondSchema } from './publicity.schemas';
import {
  findVisibleComment,
  listComments,
  publicBatch,
  publicBatches,
  publicCandidates,
  publicProjects,
  publicResults,
} from './publicity.service';

type Comment = Selectable<PublicityCommentTable>;

/** The candidate list is public from its publicity on (DOMAIN.md step 3), through the vote and after. */
const publishedPhases: readonly BatchPhase[] = batchPhases.slice(batchPhases.indexOf('candidatePublicity'));

/** Projects exist once the vote's result is published; the public follows them from implementation on (DOMAIN.md step 6). */
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
});

function assertResubmittedComment(existing: Comment, body: { candidateId?: string; body: string }): void {
  if (existing.body !== body.body || existing.candidate_id !== (body.candidateId ?? null)) {
    throw conflict('this form key was already used for a different comment; reload the form and submit again');
  }
}

/** Publicity of the candidate list (候选项目公示): what anyone reads and comments on, and the office's answers. */
export function publicityRoutes({ db }: { db: Kysely<Database> }) {
  // /api/public/batches — no login.
  const publicBatchList = Router();
  publicBatchList.get('/', async (_req, res) => {
    res.json(await publicBatches(db));
  });

  // /api/public/batches/:batchId — no login.
  const publicBatchRouter = Router({ mergeParams: true });

  publicBatchRouter.get('/', async (req, res) => {
    res.json(await publicBatch(db, batchParam(req)));
  });

  publicBatchRouter.get('/candidates', async (req, res) => {
    const batch = await publicBatch(db, batchParam(req));
    if (!publishedPhases.includes(batch.phase as BatchPhase)) {
      throw conflict(
        `the candidate list of "${batch.title}" is not public yet; it is published at ${phaseNames.candidatePublicity}`,
      );
    }
    res.json(await publicCandidates(db, batch.id));
  });

  // The vote's result and full tally, published as soon as the vote closes (seed 003).
  publicBatchRouter.get('/results', async (req, res) => {
    const batch = await publicBatch(db, batchParam(req));
    res.json(await publicResults(db, batch));
  });

  // 向人民报告: each project's progress, from implementation on.
  publicBatchRouter.get('/projects', async (req, res) => {
    const batch = await publicBatch(db, batchParam(req));
    if (!projectPhases.includes(batch.phase as BatchPhase)) {
      throw conflict(`"${batch.title}" has no projects yet; they are reported from ${phaseNames.implementation}`);
    }
    res.json(await publicProjects(db, batch.id));
  });

  publicBatchRouter.post('/comments', async (req, res) => {
    const batchId = batchParam(req);
    const body = publicCommentSchema.parse(req.body);
    const id = keyedId('cmt', batchId, body.key);
    // A retried submit is answered even after publicity has ended.
    const existing = await db.selectFrom('publicity_comments').selectAll().where('id', '=', id).executeTakeFirst();
    if (existing) {
      assertResubmittedComment(existing, body);
      res.json(publicCommentView(existing));
      return;
    }
    const { comment, created } = await withBatchInPhase(
      db,
      batchId,
      ['candidatePublicity'],
      'commenting on the candidate list',
      async (trx) => {
        if (body.candidateId) {
          const candidate = await trx
            .selectFrom('candidates')
            .select('id')
            .where('id', '=', body.candidateId)
            .where('batch_id', '=', batchId)
            .where('status', '=', 'active')
            .executeTakeFirst();
          if (!candidate)
            throw unprocessable(`candidateId: "${body.candidateId}" is not on this batch's published candidate list`);
        }
        const inserted = await trx
          .insertInto('publicity_comments')
          .values({
            id,
            batch_id: batchId,
            candidate_id: body.candidateId ?? null,
            author_name: body.authorName ?? null,
            contact: body.contact ?? null,
            body: body.body,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!inserted)
          return {
            comment: await trx
              .selectFrom('publicity_comments')
              .selectAll()
              .where('id', '=', id)
              .executeTakeFirstOrThrow(),
            created: false,
          };
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
  });

  // /api/publicity-comments — the coordinator's desk.
  const comments = Router();

  comments.get('/', async (req, res) => {
    const list = parseListQuery(req.query, {
      sortable: commentSortable,
      defaultSort: ['created_at', 'DESC'],
      filter: commentFilterSchema,
    });
    const { rows, total } = await listComments(db, currentUser(res), list);
    sendPage(res, 'publicity-comments', list, rows, total);
  });

  comments.get('/:id', async (req, res) => {
    res.json(await findVisibleComment(db, currentUser(res), req.params.id));
  });

  comments.post('/:id/respond', async (req, res) => {
    const user = currentUser(res);
    const { adopted, response } = respondSchema.parse(req.body);
    const found = await findVisibleComment(db, user, req.params.id);
    await withBatchInPhase(db, found.batch_id, answeringPhases, 'answering a comment', async (trx, batch) => {
      const current = await trx
        .selectFrom('publicity_comments')
        .selectAll()
        .where('id', '=', found.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.adopted === adopted && current.response === response) return; // a retry
      // The n-th answer (the row is locked): a changed answer is recorded, even back to an earlier one.
      const { answers } = await trx
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('answers'))
        .where('action', '=', 'comment.answered')
        .where('subject', '=', found.id)
        .executeTakeFirstOrThrow();
      await trx.updateTable('publicity_comments').set({ adopted, response }).where('id', '=', found.id).execute();
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
  });

  return { publicBatches: publicBatchList, publicBatch: publicBatchRouter, comments };
}

import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { decodeRatingSheet, encodedRatingSheetProblem, encodedRatingSheetSchema } from '../../domain/ballotEncoding';
import { currentUser } from '../auth/auth.middleware';
import { conflict, notFound, unprocessable } from '../errors';
import { sealBallot } from '../votes/ballotBox';
import { fetchPage, parseListQuery, sendPage } from '../listQuery';
import { sessionFilterSchema } from '../votes/votes.routes';
import { checkCanTakePart, insertReceipt, newReceiptCode } from '../votes/votes.service';

export const ratingSessionSortable = ['opened_at', 'closed_at', 'status'] as const;

/** 满意度测评 (DOMAIN.md step 9), anonymous as the ballot is: a receipt per deputy, ratings with no deputy. */
export function ratingRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();

  // The sessions of my jurisdiction; `rated` says whether I hold a receipt, nothing about anyone's ratings.
  router.get('/', async (req, res) => {
    const user = currentUser(res);
    const list = parseListQuery(req.query, {
      sortable: ratingSessionSortable,
      defaultSort: ['opened_at', 'DESC'],
      filter: sessionFilterSchema,
    });
    let qb = db
      .selectFrom('rating_sessions')
      .innerJoin('batches', 'batches.id', 'rating_sessions.batch_id')
      .where('batches.jurisdiction_id', '=', user.jurisdictionId);
    if (list.filter.batch_id) qb = qb.where('rating_sessions.batch_id', '=', list.filter.batch_id);
    if (list.filter.status) qb = qb.where('rating_sessions.status', '=', list.filter.status);
    if (list.filter.id !== undefined) qb = qb.where('rating_sessions.id', 'in', [list.filter.id].flat());
    const { rows, total } = await fetchPage(
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
              .as('rated'),
          ])
          .orderBy(`rating_sessions.${list.sortField}` as 'rating_sessions.opened_at', (ob) =>
            (list.sortOrder === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
          )
          .orderBy('rating_sessions.id'),
      list,
    );
    sendPage(res, 'rating-sessions', list, rows, total);
  });

  router.get('/:id', async (req, res) => {
    const user = currentUser(res);
    const session = await db
      .selectFrom('rating_sessions')
      .innerJoin('batches', 'batches.id', 'rating_sessions.batch_id')
      .selectAll('rating_sessions')
      .where('rating_sessions.id', '=', req.params.id)
      .where('batches.jurisdiction_id', '=', user.jurisdictionId)
      .executeTakeFirst();
    if (!session) throw notFound(`rating session "${req.params.id}"`);
    const projects = await db
      .selectFrom('projects')
      .select(['id', 'title'])
      .where('id', 'in', session.project_ids.length ? session.project_ids : [''])
      .execute();
    const receipt = await db
      .selectFrom('rating_receipts')
      .select('receipt_code')
      .where('session_id', '=', session.id)
      .where('deputy_user_id', '=', user.userId)
      .executeTakeFirst();
    res.json({ ...session, projects, my_receipt: receipt?.receipt_code ?? null });
  });

  router.post('/:id/ratings', async (req, res) => {
    const user = currentUser(res);
    // One fixed-length encoding, nothing else, so every sheet of a session is the same size (docs/secrecy.md).
    const { sheet } = encodedRatingSheetSchema.parse(req.body);
    const receipt = await db.transaction().execute(async (trx) => {
      const row = await trx
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
        .where('rating_sessions.id', '=', req.params.id)
        .forShare('rating_sessions')
        .executeTakeFirst();
      const session = checkCanTakePart(row, user, 'rating session', req.params.id);
      if (session.box_opened_at)
        throw conflict('the rating sheets have been opened for the count; nothing was recorded');
      const problem = encodedRatingSheetProblem(sheet, session.project_ids);
      if (problem) throw unprocessable(`not rated: ${problem}`);
      // Every project once, in the session's order, whatever order the client used.
      const ratings = decodeRatingSheet(sheet, session.project_ids);
      const receiptCode = newReceiptCode();
      await insertReceipt(trx, 'rating_receipts', session.id, user.userId, receiptCode);
      if (session.box_public_key) {
        // Sealed beside the receipt, as a ballot is: the database never holds this sheet in the clear.
        await trx
          .insertInto('sealed_rating_sheets')
          .values({
            id: randomUUID(),
            session_id: session.id,
            sealed: sealBallot(session.box_public_key, session.id, sheet),
          })
          .execute();
        return { sessionId: session.id, receiptCode };
      }
      for (const r of ratings) {
        await trx
          .insertInto('ratings')
          .values({ id: randomUUID(), session_id: session.id, project_id: r.projectId, choice: r.choice })
          .execute();
      }
      return { sessionId: session.id, receiptCode };
    });
    res.status(201).json(receipt);
  });

  return router;
}

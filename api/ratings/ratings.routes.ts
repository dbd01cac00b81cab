import { randomUUID } from 'node:crypto';
import { decodeRatingSheet, encodedRatingSheetProblem, encodedRatingSheetSchema } from '../../domain/ballotEncoding';
import { conflict, notFound, unprocessable } from '../errors';
import { publishedRatingResult } from '../attendance/publishedResults';
import { route } from '../http/route';
import { assertFixedSizeBody } from '../security/fixedSizeBody';
import { listOptions } from '../listQuery';
import { sealBallot } from '../votes/ballotBox';
import { receiptOf } from '../votes/votes.queries';
import { sessionFilterSchema } from '../votes/votes.routes';
import { checkCanTakePart, insertReceipt, newReceiptCode } from '../votes/votes.service';
import { findInJurisdiction, insertRating, listPage, projectTitles, shareLockById } from './ratings.queries';

export const ratingSessionSortable = ['opened_at', 'closed_at', 'status'] as const;

const ratingSessionList = listOptions({
  sortable: ratingSessionSortable,
  defaultSort: ['opened_at', 'DESC'],
  filter: sessionFilterSchema,
});

/** 满意度测评 (docs/domain.md, "Rating"), anonymous as the ballot is: a receipt per deputy, ratings with no deputy. */
export const ratingRoutes = [
  // The sessions of my jurisdiction; `rated` says whether I hold a receipt, nothing about anyone's ratings.
  route({
    id: 'listRatingSessions',
    method: 'get',
    path: '/rating-sessions',
    tag: 'rating-sessions',
    summary: 'List the rating sessions of my jurisdiction and whether I have rated in each',
    access: 'signedIn',
    notes: '`rated` is true when I hold a receipt for the session; nothing about any rating’s content is shown.',
    list: { resource: 'rating-sessions', ...ratingSessionList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listPage(db, user, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getRatingSession',
    method: 'get',
    path: '/rating-sessions/:id',
    tag: 'rating-sessions',
    summary: 'Read a rating session, its projects and my receipt if I rated',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const session = await findInJurisdiction(db, user.jurisdictionId, params.id);
      if (!session) throw notFound('ratingSession', params.id);
      const projects = await projectTitles(db, session.project_ids);
      const receipt = await receiptOf(db, 'rating_receipts', session.id, user.userId);
      res.json({
        ...session,
        result: publishedRatingResult(session),
        projects,
        my_receipt: receipt?.receipt_code ?? null,
      });
    },
  }),

  route({
    id: 'submitRatings',
    method: 'post',
    path: '/rating-sessions/:id/ratings',
    tag: 'rating-sessions',
    summary: 'Rate every project of the session, once and anonymously',
    access: ['deputy', 'committeeMember'],
    // Which of the two roles depends on the session's kind, and another jurisdiction's session is a 404 first.
    roleCheck: 'handler',
    notes:
      'Once per person and session, never changed. `sheet` is one character per project in the session’s `project_ids` order (`s` satisfied, `b` basically satisfied, `u` unsatisfied), so every sheet is the same size; a body with spaces or escapes, a compressed body or one without Content-Length is refused. A congress rating (`kind` congress) is for deputies; a re-rating after rectification (`kind` committee) for standing committee members; anyone else is refused with a 403 that says which.',
    // One fixed-length encoding, nothing else, so every sheet of a session is the same size (docs/secrecy.md).
    body: encodedRatingSheetSchema,
    ok: { 201: 'The receipt: `{ sessionId, receiptCode }`.' },
    refusals: [404, 409, 415, 422],
    handler: async ({ req, res, deps: { db }, user, params, body: { sheet } }) => {
      assertFixedSizeBody(req, { sheet });
      const receipt = await db.transaction().execute(async (trx) => {
        const row = await shareLockById(trx, params.id);
        const session = checkCanTakePart(row, user, 'rating session', params.id);
        if (session.box_opened_at) throw conflict('ratingSheetsOpened');
        const problem = encodedRatingSheetProblem(sheet, session.project_ids);
        if (problem) throw unprocessable('notRated', { reason: problem });
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
        // Sessions opened before sealing keep plain rows, as they were.
        for (const r of ratings) await insertRating(trx, session.id, r.projectId, r.choice);
        return { sessionId: session.id, receiptCode };
      });
      res.status(201).json(receipt);
    },
  }),
];

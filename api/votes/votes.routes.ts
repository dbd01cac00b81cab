import { Router } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { encodedBallotSchema } from '../../domain/ballotEncoding';
import { currentUser } from '../auth/auth.middleware';
import { notFound } from '../errors';
import { fetchPage, idFilter, parseListQuery, sendPage } from '../listQuery';
import { castBallot } from './votes.service';

/** Vote and rating sessions are filtered alike: by batch, status or id. */
export const sessionFilterSchema = z
  .object({ batch_id: z.string().optional(), status: z.enum(['open', 'closed']).optional(), id: idFilter.optional() })
  .strict();
export const sessionSortable = ['opened_at', 'round'] as const;

/** Vote sessions (差额票决) as everyone in the jurisdiction sees them: counts only, never who chose what. */
export function voteRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const user = currentUser(res);
    const list = parseListQuery(req.query, {
      sortable: sessionSortable,
      defaultSort: ['opened_at', 'DESC'],
      filter: sessionFilterSchema,
    });
    let qb = db
      .selectFrom('vote_sessions')
      .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
      .where('batches.jurisdiction_id', '=', user.jurisdictionId);
    if (list.filter.batch_id) qb = qb.where('vote_sessions.batch_id', '=', list.filter.batch_id);
    if (list.filter.status) qb = qb.where('vote_sessions.status', '=', list.filter.status);
    if (list.filter.id !== undefined) qb = qb.where('vote_sessions.id', 'in', [list.filter.id].flat());
    const { rows, total } = await fetchPage(
      qb,
      (q) =>
        q
          .selectAll('vote_sessions')
          .select((eb) =>
            eb
              .selectFrom('ballot_receipts')
              .select((e) => e.fn.countAll<string>().as('n'))
              .whereRef('ballot_receipts.session_id', '=', 'vote_sessions.id')
              .as('ballots_cast'),
          )
          // Whether I have voted: my receipt exists. Never what I chose.
          .select((eb) =>
            eb
              .exists(
                eb
                  .selectFrom('ballot_receipts')
                  .select('ballot_receipts.session_id')
                  .whereRef('ballot_receipts.session_id', '=', 'vote_sessions.id')
                  .where('ballot_receipts.deputy_user_id', '=', user.userId),
              )
              .as('voted'),
          )
          .orderBy(`vote_sessions.${list.sortField}` as 'vote_sessions.opened_at', list.sortOrder)
          .orderBy('vote_sessions.id'),
      list,
    );
    sendPage(
      res,
      'vote-sessions',
      list,
      rows.map((r) => ({ ...r, ballots_cast: Number(r.ballots_cast ?? 0) })),
      total,
    );
  });

  router.get('/:id', async (req, res) => {
    const user = currentUser(res);
    const session = await db
      .selectFrom('vote_sessions')
      .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
      .selectAll('vote_sessions')
      .where('vote_sessions.id', '=', req.params.id)
      .where('batches.jurisdiction_id', '=', user.jurisdictionId)
      .executeTakeFirst();
    if (!session) throw notFound(`vote session "${req.params.id}"`);
    const receipt = await db
      .selectFrom('ballot_receipts')
      .select('receipt_code')
      .where('session_id', '=', session.id)
      .where('deputy_user_id', '=', user.userId)
      .executeTakeFirst();
    // A deputy sees that they voted and their receipt, never their choices.
    res.json({ ...session, my_receipt: receipt?.receipt_code ?? null });
  });

  router.post('/:id/ballots', async (req, res) => {
    // One fixed-length encoding, nothing else, so every ballot of a session is the same size (docs/secrecy.md).
    const { ballot } = encodedBallotSchema.parse(req.body);
    const receipt = await castBallot(db, currentUser(res), req.params.id, ballot);
    res.status(201).json(receipt);
  });

  return router;
}

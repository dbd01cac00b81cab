import { z } from 'zod';
import { encodedBallotSchema } from '../../domain/ballotEncoding';
import { outcomeOnlyBelowIn, publishedVoteResult } from '../attendance/publishedResults';
import { notFound } from '../errors';
import { route } from '../http/route';
import { assertFixedSizeBody } from '../security/fixedSizeBody';
import { idFilter, listOptions } from '../listQuery';
import { findInJurisdiction, listPage, receiptOf } from './votes.queries';
import { castBallot } from './votes.service';

/** Vote and rating sessions are filtered alike: by batch, status or id. */
export const sessionFilterSchema = z
  .object({ batch_id: z.string().optional(), status: z.enum(['open', 'closed']).optional(), id: idFilter.optional() })
  .strict();
export const sessionSortable = ['opened_at', 'round'] as const;

const sessionList = listOptions({
  sortable: sessionSortable,
  defaultSort: ['opened_at', 'DESC'],
  filter: sessionFilterSchema,
});

/** Vote sessions (差额票决) as everyone in the jurisdiction sees them: counts only, never who chose what. */
export const voteRoutes = [
  route({
    id: 'listVoteSessions',
    method: 'get',
    path: '/vote-sessions',
    tag: 'vote-sessions',
    summary: 'List the vote sessions of my jurisdiction with the number of ballots cast',
    access: 'signedIn',
    notes: '`voted` is true when I hold a receipt for the session; never how I voted.',
    list: { resource: 'vote-sessions', ...sessionList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listPage(db, user, list);
      const threshold = await outcomeOnlyBelowIn(db, user.jurisdictionId);
      sendPage(
        // While a session is open its ballot count is nobody's to watch: whoever closes could pick the moment.
        rows.map((r) => ({
          ...r,
          ballots_cast: r.status === 'open' ? null : r.ballots_cast,
          result: publishedVoteResult(r.result, r.deputies_present, threshold),
        })),
        total,
      );
    },
  }),

  route({
    id: 'getVoteSession',
    method: 'get',
    path: '/vote-sessions/:id',
    tag: 'vote-sessions',
    summary: 'Read a vote session and my receipt if I voted',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const session = await findInJurisdiction(db, user.jurisdictionId, params.id);
      if (!session) throw notFound('voteSession', params.id);
      const receipt = await receiptOf(db, 'ballot_receipts', session.id, user.userId);
      // A deputy sees that they voted and their receipt, never their choices.
      const threshold = await outcomeOnlyBelowIn(db, user.jurisdictionId);
      res.json({
        ...session,
        result: publishedVoteResult(session.result, session.deputies_present, threshold),
        my_receipt: receipt?.receipt_code ?? null,
      });
    },
  }),

  route({
    id: 'castBallot',
    method: 'post',
    path: '/vote-sessions/:id/ballots',
    tag: 'vote-sessions',
    summary: 'Cast my secret ballot in an open vote session',
    access: ['deputy'],
    // castBallot answers another jurisdiction's session with a 404 before refusing a non-deputy.
    roleCheck: 'handler',
    notes:
      'Once per deputy and session, never changed. `ballot` is two characters per candidate in the session’s `candidate_ids` order — the choice (`a` approve, `d` disapprove, `s` abstain) and the priority (`0` none, `1` very necessary, `2` necessary, `3` ordinary) — so every ballot of a session is the same size; any other length or shape, a body with spaces or escapes, a compressed body or one without Content-Length is refused. It is sealed to the session’s key and stored without my name; the receipt proves it was counted.',
    // One fixed-length encoding, nothing else, so every ballot of a session is the same size (docs/secrecy.md).
    body: encodedBallotSchema,
    ok: { 201: 'The receipt: `{ sessionId, receiptCode }`.' },
    refusals: [404, 409, 415, 422],
    handler: async ({ req, res, deps: { db }, user, params, body }) => {
      assertFixedSizeBody(req, body);
      const receipt = await castBallot(db, user, params.id, body.ballot);
      res.status(201).json(receipt);
    },
  }),
];

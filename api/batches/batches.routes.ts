import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { z } from 'zod';
import { addDays, chinaDay, startOfChinaDay } from '../../domain/workingDays';
import { annualBatchWorkflow } from '../../workflows/annualBatch';
import {
  type AnnualBatchInput,
  batchStateQuery,
  closeCollectionUpdate,
  closeRatingUpdate,
  closeVoteUpdate,
  concludeScreeningUpdate,
  openRatingUpdate,
  openVoteUpdate,
} from '../../workflows/annualBatch.messages';
import { closeVoteSchema, openVoteWithAttendanceSchema } from '../../domain/contract/attendance';
import type { AppDeps } from '../app';
import { boxSharesSchema, openRatingSchema } from '../../domain/ballotEncoding';
import { assertVoteMayClose, withAttendance } from '../attendance/attendance.service';
import { createBallotKey } from '../votes/ballotBox';
import { openRatingBallotBox, openVoteBallotBox, ratingShares, withShares } from '../votes/sealedBox.service';
import { publishedBatchVotes } from '../attendance/publishedResults';
import { actorOf } from '../auth/auth.middleware';
import { findOwnBatch } from '../batchRecords';
import { conflict, fieldError, notFound, unprocessable } from '../errors';
import { route } from '../http/route';
import { listOptions } from '../listQuery';
import { decisionNotes } from '../openapi';
import { waitFor } from '../waitFor';
import { startSearchAttributes } from '../workflowTags';
import { liveStateOf, workflowUiUrl } from '../workflowState';
import { batchFilterSchema, batchSortable, closeRatingSchema, createBatchSchema } from '../../domain/contract/batches';
import { findById, findWatchedBatch, jurisdictionName, listPage } from './batches.queries';

/** Batch workflow ids are business keys (docs/architecture.md, "Workflow ids"). */
export const batchIdOf = (jurisdictionId: string, year: number) => `batch-${jurisdictionId}-${year}`;

export const batchList = listOptions({
  sortable: batchSortable,
  defaultSort: ['year', 'DESC'],
  filter: batchFilterSchema,
});

// Decisions that move the workflow: each is an update whose validator refuses it with a reason.
const decision = <B extends z.ZodType = z.ZodUndefined>(
  id: string,
  verb: string,
  summary: string,
  run: (
    handle: WorkflowHandle,
    body: z.output<B>,
    actor: ReturnType<typeof actorOf>,
    updateId: string | undefined,
    db: AppDeps['db'],
  ) => Promise<unknown>,
  body?: B,
  /** What this decision adds to the shared notes (its body, what its answer carries). */
  moreNotes?: string,
) =>
  route({
    id,
    method: 'post',
    path: `/batches/:id/${verb}`,
    tag: 'batches',
    summary,
    access: ['coordinator'],
    notes: moreNotes ? `${decisionNotes} ${moreNotes}` : decisionNotes,
    body,
    idempotencyKey: true,
    ok: { 200: 'The workflow’s state after the decision.' },
    refusals: [403, 404, 409, 422],
    handler: async ({ req, res, deps: { db, temporal }, user, params, body }) => {
      const batch = await findOwnBatch(db, user, params.id);
      const handle = temporal.workflow.getHandle(batch.id);
      // An Idempotency-Key header makes a retried request the same update, answered once.
      const outcome = await run(handle, body, actorOf(user), req.get('Idempotency-Key') ?? undefined, db);
      res.json(outcome);
    },
  });

export const batchRoutes = [
  route({
    id: 'listBatches',
    method: 'get',
    path: '/batches',
    tag: 'batches',
    summary: 'List the batches of my jurisdiction',
    access: 'signedIn',
    list: { resource: 'batches', ...batchList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listPage(db, user, list);
      // A small session's counts stay off the list, as they are published (docs/domain.md, "Vote").
      sendPage(await Promise.all(rows.map(async (row) => (await publishedBatchVotes(db, row, null)).batch)), total);
    },
  }),

  route({
    id: 'getBatch',
    method: 'get',
    path: '/batches/:id',
    tag: 'batches',
    summary: 'Read a batch with its workflow’s live state',
    access: 'signedIn',
    refusals: [404],
    notes:
      'The county office reads its townships’ batches too, with `read_only: true`: their decisions stay with the township.',
    handler: async ({ res, deps: { db, temporal, temporalUiUrl }, user, params }) => {
      const batch = await findWatchedBatch(db, user, params.id);
      if (!batch) throw notFound('batch', params.id);
      const published = await publishedBatchVotes(db, batch, await liveStateOf(temporal, batch.id, batchStateQuery));
      res.json({
        ...published.batch,
        read_only: batch.jurisdiction_id !== user.jurisdictionId,
        live: published.live,
        temporalUiUrl: workflowUiUrl(temporalUiUrl, batch.id),
      });
    },
  }),

  // Opens the year's batch: one workflow per jurisdiction and year, so a resubmit finds the same one.
  route({
    id: 'openBatch',
    method: 'post',
    path: '/batches',
    tag: 'batches',
    summary: 'Open the year’s batch of my jurisdiction and start collecting suggestions',
    access: ['coordinator'],
    notes:
      'One batch per jurisdiction and year: a year that already has its batch is a 409 naming it (`params.id`). A closing day already past is a 422.',
    body: createBatchSchema,
    ok: {
      201: 'The batch as recorded.',
      202: 'Started, but the worker has not recorded it yet: `{ id, message }`.',
    },
    refusals: [409, 422],
    handler: async ({ res, deps: { db, temporal, taskQueue }, user, body }) => {
      const batchId = batchIdOf(user.jurisdictionId, body.year);
      const existing = await findById(db, batchId);
      // A second batch for a year would be a second vote on the same year's projects (docs/domain.md, "Batch").
      if (existing) throw conflict('batchYearExists', { year: body.year, title: existing.title, id: existing.id });
      const collectionClosesAt = startOfChinaDay(addDays(body.collectionClosesOn, 1)).toISOString();
      if (Date.parse(collectionClosesAt) <= Date.now()) throw fieldError(422, 'collectionClosesOn', 'collectionClosed');
      const jurisdiction = await jurisdictionName(db, user.jurisdictionId);
      const input: AnnualBatchInput = {
        batchId,
        jurisdictionId: user.jurisdictionId,
        year: body.year,
        title: body.title ?? `${jurisdiction.name}${body.year}年民生实事项目`,
        collectionClosesAt,
        openedBy: actorOf(user),
      };
      await temporal.workflow.start(annualBatchWorkflow, {
        workflowId: batchId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: await startSearchAttributes(temporal, { jurisdictionId: user.jurisdictionId, batchId }),
      });
      const batch = await waitFor(() => findById(db, batchId), 5_000);
      if (batch) res.status(201).json(batch);
      else
        res.status(202).json({
          id: batchId,
          message: 'the batch was opened and will appear in the list once the worker records it',
        });
    },
  }),

  decision(
    'closeCollection',
    'close-collection',
    'Close the collection of suggestions before its closing day',
    (h, _b, actor, updateId) => h.executeUpdate(closeCollectionUpdate, { args: [{ actor }], updateId }),
  ),
  decision(
    'concludeScreening',
    'conclude-screening',
    'Conclude screening and start the publicity of the candidates',
    (h, _b, actor, updateId) => h.executeUpdate(concludeScreeningUpdate, { args: [{ actor }], updateId }),
  ),
  decision(
    'openVote',
    'open-vote',
    'Open the deputies’ vote on the candidates (refused below two thirds of the deputies entitled present)',
    // Deputies present are the attendance the office recorded (docs/domain.md, "Vote"), not a number typed in.
    // The sealed ballot box's key is made here and its shares go back in this response only (docs/secrecy.md).
    async (h, body, actor, updateId, db) => {
      const vote = await withAttendance(db, h.workflowId, body);
      const key = await createBallotKey(vote.scrutineers.length);
      const box = { publicKey: key.publicKey, threshold: key.threshold };
      const session = await h.executeUpdate(openVoteUpdate, { args: [{ actor, ...vote, box }], updateId });
      return withShares(db, session, key, vote.scrutineers);
    },
    openVoteWithAttendanceSchema,
    'The answer carries, this once, `box.shares`: one key share per scrutineer for the sealed ballot box (docs/secrecy.md); `box.threshold` of them open it at close. A retried request is refused with a 409: the shares are shown only once.',
  ),
  decision(
    'closeVote',
    'close-vote',
    'Open the sealed ballot box with the scrutineers’ shares, close the vote and count it (or the confirmed tellers’ totals); before every deputy present has voted, confirm the counts',
    // The scrutineers' shares open the box here, never in the worker, so they reach no workflow history.
    async (h, { shares, ...close }, actor, updateId, db) => {
      await openVoteBallotBox(db, h.workflowId, shares, (trx, sessionId) =>
        assertVoteMayClose(trx, sessionId, close.confirmIncomplete),
      );
      const session = await h.executeUpdate(closeVoteUpdate, { args: [{ actor, ...close }], updateId });
      // A session with few deputies present answers with its outcome only, as it is published.
      const { live } = await publishedBatchVotes(db, { id: h.workflowId }, { votes: [session] });
      return live.votes[0];
    },
    closeVoteSchema.extend(boxSharesSchema.shape),
    '`shares`: at least `threshold` different scrutineers’ key shares as printed at opening; too few or wrong ones are refused with a 422 and nothing changes.',
  ),
  // Congress rating sheets are sealed as ballots are (docs/secrecy.md), to a key its scrutineers hold.
  decision(
    'openRating',
    'open-rating',
    'Open the deputies’ satisfaction rating of the projects',
    async (h, { scrutineers }, actor, updateId, db) => {
      const key = await createBallotKey(scrutineers.length);
      const box = { publicKey: key.publicKey, threshold: key.threshold };
      const state = await h.executeUpdate(openRatingUpdate, { args: [{ actor, box }], updateId });
      return ratingShares(db, state, state.rating?.sessionId, key, scrutineers);
    },
    openRatingSchema,
    "`scrutineers` (at least two) hold the sealed rating sheets' key: the answer carries, this once, `box.shares`, one per scrutineer, `box.threshold` of which open the sheets at close (docs/secrecy.md).",
  ),
  decision(
    'closeRating',
    'close-rating',
    'Open the sealed rating sheets with the scrutineers’ shares and count them; record the day the congress closes',
    async (h, { shares, congressClosedOn }, actor, updateId, db) => {
      if (congressClosedOn) await recordCongressClosingDay(db, h.workflowId, congressClosedOn);
      await openRatingBallotBox(db, { batchId: h.workflowId }, shares);
      return h.executeUpdate(closeRatingUpdate, { args: [{ actor }], updateId });
    },
    closeRatingSchema,
    '`shares`: at least `threshold` different scrutineers’ key shares as printed at opening; too few or wrong ones are refused with a 422 and nothing changes. `congressClosedOn` (YYYY-MM-DD): the day the congress closes, from which a 不满意 project’s rectification period runs; without it, from the count.',
  ),
];

/**
 * The congress closes the day its rating is counted or a few days after: never before its rating opened, and
 * not a month after. Written before the count, so each project reads it when its outcome arrives.
 */
async function recordCongressClosingDay(db: AppDeps['db'], batchId: string, day: string): Promise<void> {
  const session = await db
    .selectFrom('rating_sessions')
    .select(['id', 'opened_at'])
    .where('batch_id', '=', batchId)
    .where('kind', '=', 'congress')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!session) return;
  const openedOn = chinaDay(new Date(session.opened_at));
  // A congress sits for days, not weeks: a closing day a month past the rating's opening is a typing slip.
  const latest = addDays(openedOn, 31);
  if (day < openedOn || day > latest) throw unprocessable('congressClosingDay', { openedOn, latest, day });
  await db.updateTable('rating_sessions').set({ congress_closed_on: day }).where('id', '=', session.id).execute();
}

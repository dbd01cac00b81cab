import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { boxSharesSchema, openRatingSchema } from '../../domain/ballotEncoding';
import { addDays, startOfChinaDay } from '../../domain/workingDays';
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
import { actorOf, currentUser, requireRole } from '../auth/auth.middleware';
import { findOwnBatch } from '../batchRecords';
import { unprocessable } from '../errors';
import { fetchPage, parseListQuery, sendPage } from '../listQuery';
import { createBallotKey } from '../votes/ballotBox';
import { openRatingBallotBox, openVoteBallotBox, ratingShares, withShares } from '../votes/sealedBox.service';
import { waitFor } from '../waitFor';
import { liveStateOf, workflowUiUrl } from '../workflowState';
import { batchFilterSchema, batchSortable, createBatchSchema, openVoteSchema } from './batches.schemas';

export interface BatchRouteDeps {
  db: Kysely<Database>;
  temporal: Client;
  taskQueue: string;
  temporalUiUrl: string;
}

/** Batch workflow ids are business keys (DESIGN.md). */
export const batchIdOf = (jurisdictionId: string, year: number) => `batch-${jurisdictionId}-${year}`;

export function batchRoutes({ db, temporal, taskQueue, temporalUiUrl }: BatchRouteDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const user = currentUser(res);
    const list = parseListQuery(req.query, {
      sortable: batchSortable,
      defaultSort: ['year', 'DESC'],
      filter: batchFilterSchema,
    });
    let qb = db.selectFrom('batches').where('jurisdiction_id', '=', user.jurisdictionId);
    if (list.filter.phase) qb = qb.where('phase', '=', list.filter.phase);
    if (list.filter.year) qb = qb.where('year', '=', list.filter.year);
    if (list.filter.id !== undefined) qb = qb.where('id', 'in', [list.filter.id].flat());
    const { rows, total } = await fetchPage(
      qb,
      (q) =>
        q
          .selectAll()
          .orderBy(list.sortField as 'year', list.sortOrder)
          .orderBy('id'),
      list,
    );
    sendPage(res, 'batches', list, rows, total);
  });

  router.get('/:id', async (req, res) => {
    const batch = await findOwnBatch(db, currentUser(res), req.params.id);
    const live = await liveStateOf(temporal, batch.id, batchStateQuery);
    res.json({ ...batch, live, temporalUiUrl: workflowUiUrl(temporalUiUrl, batch.id) });
  });

  // Opens the year's batch: one workflow per jurisdiction and year, so a resubmit finds the same one.
  router.post('/', requireRole('coordinator'), async (req, res) => {
    const user = currentUser(res);
    const body = createBatchSchema.parse(req.body);
    const batchId = batchIdOf(user.jurisdictionId, body.year);
    const existing = await db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (existing) {
      res.json(existing);
      return;
    }
    const collectionClosesAt = startOfChinaDay(addDays(body.collectionClosesOn, 1)).toISOString();
    if (Date.parse(collectionClosesAt) <= Date.now())
      throw unprocessable('collectionClosesOn: the closing day has already passed');
    const jurisdiction = await db
      .selectFrom('jurisdictions')
      .select('name')
      .where('id', '=', user.jurisdictionId)
      .executeTakeFirstOrThrow();
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
    });
    const batch = await waitFor(
      () => db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst(),
      5_000,
    );
    if (batch) res.status(201).json(batch);
    else
      res
        .status(202)
        .json({ id: batchId, message: 'the batch was opened and will appear in the list once the worker records it' });
  });

  // Decisions that move the workflow: each is an update whose validator refuses it with a reason.
  const decide = (
    path: string,
    run: (
      handle: WorkflowHandle,
      body: unknown,
      actor: ReturnType<typeof actorOf>,
      updateId: string | undefined,
    ) => Promise<unknown>,
  ) =>
    router.post(`/:id/${path}`, requireRole('coordinator'), async (req, res) => {
      const user = currentUser(res);
      const batch = await findOwnBatch(db, user, req.params.id as string);
      const handle = temporal.workflow.getHandle(batch.id);
      // An Idempotency-Key header makes a retried request the same update, answered once.
      const outcome = await run(handle, req.body, actorOf(user), req.get('Idempotency-Key') ?? undefined);
      res.json(outcome);
    });

  decide('close-collection', (h, _b, actor, updateId) =>
    h.executeUpdate(closeCollectionUpdate, { args: [{ actor }], updateId }),
  );
  decide('conclude-screening', (h, _b, actor, updateId) =>
    h.executeUpdate(concludeScreeningUpdate, { args: [{ actor }], updateId }),
  );
  // Sealed ballot box (docs/secrecy.md): the key is made here and its shares go back in this response only.
  decide('open-vote', async (h, body, actor, updateId) => {
    const vote = openVoteSchema.parse(body);
    const key = await createBallotKey(vote.scrutineers.length);
    const box = { publicKey: key.publicKey, threshold: key.threshold };
    const session = await h.executeUpdate(openVoteUpdate, { args: [{ actor, ...vote, box }], updateId });
    return withShares(db, session, key, vote.scrutineers);
  });
  // The scrutineers' shares open the box here, never in the worker, so they reach no workflow history.
  decide('close-vote', async (h, body, actor, updateId) => {
    await openVoteBallotBox(db, h.workflowId, boxSharesSchema.parse(body ?? {}).shares);
    return h.executeUpdate(closeVoteUpdate, { args: [{ actor }], updateId });
  });
  // Congress rating sheets are sealed as ballots are (docs/secrecy.md), to a key its scrutineers hold.
  decide('open-rating', async (h, body, actor, updateId) => {
    const { scrutineers } = openRatingSchema.parse(body ?? {});
    const key = await createBallotKey(scrutineers.length);
    const box = { publicKey: key.publicKey, threshold: key.threshold };
    const state = await h.executeUpdate(openRatingUpdate, { args: [{ actor, box }], updateId });
    return ratingShares(db, state, state.rating?.sessionId, key, scrutineers);
  });
  decide('close-rating', async (h, body, actor, updateId) => {
    await openRatingBallotBox(db, { batchId: h.workflowId }, boxSharesSchema.parse(body ?? {}).shares);
    return h.executeUpdate(closeRatingUpdate, { args: [{ actor }], updateId });
  });

  return router;
}

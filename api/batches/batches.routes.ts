import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { z } from 'zod';
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
import { actorOf } from '../auth/auth.middleware';
import { findOwnBatch } from '../batchRecords';
import { notFound, unprocessable } from '../errors';
import { route } from '../http/route';
import { listOptions } from '../listQuery';
import { decisionNotes } from '../openapi';
import { waitFor } from '../waitFor';
import { liveStateOf, workflowUiUrl } from '../workflowState';
import { batchFilterSchema, batchSortable, createBatchSchema, openVoteSchema } from './batches.schemas';
import { findById, findWatchedBatch, jurisdictionName, listPage } from './batches.queries';

/** Batch workflow ids are business keys (DESIGN.md). */
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
  ) => Promise<unknown>,
  body?: B,
) =>
  route({
    id,
    method: 'post',
    path: `/batches/:id/${verb}`,
    tag: 'batches',
    summary,
    access: ['coordinator'],
    notes: decisionNotes,
    body,
    idempotencyKey: true,
    ok: { 200: 'The workflow’s state after the decision.' },
    refusals: [403, 404, 409, 422],
    handler: async ({ req, res, deps: { db, temporal }, user, params, body }) => {
      const batch = await findOwnBatch(db, user, params.id);
      const handle = temporal.workflow.getHandle(batch.id);
      // An Idempotency-Key header makes a retried request the same update, answered once.
      const outcome = await run(handle, body, actorOf(user), req.get('Idempotency-Key') ?? undefined);
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
      sendPage(rows, total);
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
      if (!batch) throw notFound(`batch "${params.id}"`);
      const live = await liveStateOf(temporal, batch.id, batchStateQuery);
      res.json({
        ...batch,
        read_only: batch.jurisdiction_id !== user.jurisdictionId,
        live,
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
      'One batch per jurisdiction and year: a resubmit returns the same batch. A closing day already past is a 422.',
    body: createBatchSchema,
    ok: {
      200: 'The year’s batch already exists: that batch.',
      201: 'The batch as recorded.',
      202: 'Started, but the worker has not recorded it yet: `{ id, message }`.',
    },
    refusals: [422],
    handler: async ({ res, deps: { db, temporal, taskQueue }, user, body }) => {
      const batchId = batchIdOf(user.jurisdictionId, body.year);
      const existing = await findById(db, batchId);
      if (existing) {
        res.json(existing);
        return;
      }
      const collectionClosesAt = startOfChinaDay(addDays(body.collectionClosesOn, 1)).toISOString();
      if (Date.parse(collectionClosesAt) <= Date.now())
        throw unprocessable('collectionClosesOn: the closing day has already passed');
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
    'Open the deputies’ vote on the candidates',
    (h, body, actor, updateId) => h.executeUpdate(openVoteUpdate, { args: [{ actor, ...body }], updateId }),
    openVoteSchema,
  ),
  decision('closeVote', 'close-vote', 'Close the vote and count the ballots', (h, _b, actor, updateId) =>
    h.executeUpdate(closeVoteUpdate, { args: [{ actor }], updateId }),
  ),
  decision(
    'openRating',
    'open-rating',
    'Open the deputies’ satisfaction rating of the projects',
    (h, _b, actor, updateId) => h.executeUpdate(openRatingUpdate, { args: [{ actor }], updateId }),
  ),
  decision('closeRating', 'close-rating', 'Close the satisfaction rating and count it', (h, _b, actor, updateId) =>
    h.executeUpdate(closeRatingUpdate, { args: [{ actor }], updateId }),
  ),
];

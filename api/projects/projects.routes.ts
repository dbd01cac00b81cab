import type { WorkflowHandle } from '@temporalio/client';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Actor, Role } from '../../domain/assignee';
import {
  acceptCompletionUpdate,
  closeReRatingUpdate,
  setStagePlanUpdate,
  enterUseUpdate,
  fileFindingUpdate,
  joinSupervisionGroupUpdate,
  openReRatingUpdate,
  projectStateQuery,
  reviewFindingUpdate,
} from '../../workflows/votedProject.messages';
import { workflowTimelinePage } from '../audit/audit.queries';
import { auditSortable } from '../audit/audit.routes';
import { actorOf } from '../auth/auth.middleware';
import type { SessionUser } from '../auth/tokens';
import { findOwnBatch } from '../batchRecords';
import { forbidden, HttpError, notFound, refusal } from '../errors';
import { type Method, route } from '../http/route';
import { reencodePhoto } from '../security/photos';
import { boxSharesSchema, openRatingSchema } from '../../domain/ballotEncoding';
import { createBallotKey } from '../votes/ballotBox';
import { openRatingBallotBox, ratingShares } from '../votes/sealedBox.service';
import { listOptions } from '../listQuery';
import { formRetry, fundKeyNotes, projectDecisionNotes } from '../openapi';
import {
  allocate,
  clearAnomaly,
  disburse,
  flagAnomaly,
  type MovementOutcome,
  movementsOf,
  poolStanding,
  setPoolTotal,
} from './funds.service';
import { findFindingById, findingProject } from './projects.queries';
import {
  allocateSchema,
  anomalySchema,
  bulletinFilterSchema,
  bulletinSortable,
  disburseSchema,
  enterUseSchema,
  setStagePlanSchema,
  fileFindingSchema,
  findingList,
  fundPoolSchema,
  PHOTO_LIMIT,
  photoTypes,
  projectList,
  projectTimelineFilterSchema,
  reviewFindingSchema,
} from '../../domain/contract/projects';
import {
  assertFindingResubmission,
  assertPhotos,
  bulletinFileName,
  findingIdOf,
  findVisibleBulletin,
  findVisibleFinding,
  findVisiblePhoto,
  findVisibleProject,
  findWatchedProject,
  fundsOf,
  imageTypeOf,
  listBulletins,
  listFindings,
  listProjects,
  storePhoto,
  supervisionGroupOf,
  type VisibleProject,
} from './projects.service';
import { liveStateOf, workflowUiUrl } from '../workflowState';

interface Decision<B> {
  db: Kysely<Database>;
  params: Record<string, string>;
  body: B;
  project: VisibleProject;
  actor: Actor;
  /** From the Idempotency-Key header: a retried request is the same update, answered once. */
  updateId: string | undefined;
}

/**
 * Decisions that move the project's workflow, `POST /projects/:id/<verb>`: its update validator checks
 * membership and phase, and refuses with a reason.
 */
const projectDecision = <B extends z.ZodType = z.ZodUndefined>(spec: {
  id: string;
  verb: string;
  access: readonly Role[];
  summary: string;
  method?: Method;
  body?: B;
  run: (handle: WorkflowHandle, decision: Decision<z.output<B>>) => Promise<unknown>;
}) =>
  route({
    id: spec.id,
    method: spec.method ?? 'post',
    path: `/projects/:id/${spec.verb}`,
    tag: 'projects',
    summary: spec.summary,
    access: spec.access,
    notes: projectDecisionNotes,
    body: spec.body,
    idempotencyKey: true,
    ok: { 200: 'The workflow’s answer: the project’s state, or the finding’s.' },
    refusals: [403, 404, 409, 422],
    handler: async ({ req, res, deps: { db, temporal }, user, params, body }) => {
      const project = await findVisibleProject(db, user, params.id);
      const outcome = await spec.run(temporal.workflow.getHandle(project.id), {
        db,
        params,
        body,
        project,
        actor: actorOf(user),
        updateId: req.get('Idempotency-Key') ?? undefined,
      });
      res.json(outcome);
    },
  });

/** A change to a project's funds: one movement in one locking transaction, answered with the project's fund standing. */
const fundMovement = <S extends z.ZodType>(spec: {
  id: string;
  verb: string;
  access: readonly Role[];
  summary: string;
  notes: string;
  body: S;
  run: (
    trx: Transaction<Database>,
    user: SessionUser,
    project: VisibleProject,
    body: z.output<S>,
  ) => Promise<MovementOutcome>;
}) =>
  route({
    id: spec.id,
    method: 'post',
    path: `/projects/:id/funds/${spec.verb}`,
    tag: 'funds',
    summary: spec.summary,
    access: spec.access,
    notes: `${spec.notes} ${fundKeyNotes}`,
    body: spec.body,
    ok: {
      200: 'A retried request: `{ movement, funds }` as first recorded, funds as they stand now.',
      201: 'The movement and the project’s funds after it: `{ movement, funds }`.',
    },
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const project = await findVisibleProject(db, user, params.id);
      const { movement, created } = await db.transaction().execute((trx) => spec.run(trx, user, project, body));
      const now = await findVisibleProject(db, user, project.id);
      res.status(created ? 201 : 200).json({ movement, funds: fundsOf(now) });
    },
  });

const timelineList = listOptions({
  sortable: auditSortable,
  defaultSort: ['at', 'DESC'],
  filter: projectTimelineFilterSchema,
});
const bulletinList = listOptions({
  sortable: bulletinSortable,
  defaultSort: ['month', 'DESC'],
  filter: bulletinFilterSchema,
});

/**
 * Voted projects (docs/domain.md, "Implementation" to "Post-evaluation"): the lists, the decisions that move each project's workflow,
 * its findings, its funds from the batch's pool, site photos and the monthly bulletins.
 */
export const projectRoutes = [
  route({
    id: 'listProjects',
    method: 'get',
    path: '/projects',
    tag: 'projects',
    summary: 'List the voted projects of my jurisdiction with their department and responsible leader',
    access: 'signedIn',
    notes: 'Sorting by `warning` orders by severity: none, blue, yellow, red.',
    list: { resource: 'projects', ...projectList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listProjects(db, user, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getProject',
    method: 'get',
    path: '/projects/:id',
    tag: 'projects',
    summary: 'Read a project with its workflow’s live state, supervision group and funds',
    access: 'signedIn',
    notes:
      '`live` is null when the workflow cannot be reached. The county office reads its townships’ projects too, with `read_only: true`.',
    refusals: [404],
    handler: async ({ res, deps: { db, temporal, temporalUiUrl }, user, params }) => {
      const { jurisdiction_id: jurisdictionId, ...project } = await findWatchedProject(db, user, params.id);
      const live = await liveStateOf(temporal, project.id, projectStateQuery);
      res.json({
        ...project,
        read_only: jurisdictionId !== user.jurisdictionId,
        live,
        supervision_group: await supervisionGroupOf(db, project.id),
        funds: fundsOf(project),
        temporalUiUrl: workflowUiUrl(temporalUiUrl, project.id),
      });
    },
  }),

  // 监督小组 (docs/domain.md, "Supervision"): deputies and residents' representatives sign up online.
  projectDecision({
    id: 'joinSupervisionGroup',
    verb: 'supervision-group/join',
    access: ['deputy', 'residentRepresentative'],
    summary: 'Join the project’s supervision group (监督小组)',
    run: (h, { actor, updateId }) => h.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor }], updateId }),
  }),

  // A finding from a site visit, handed to the department with a deadline for its response (限期反馈).
  route({
    id: 'fileFinding',
    method: 'post',
    path: '/projects/:id/findings',
    tag: 'findings',
    summary: 'File a finding of the supervision group, with photos, for the department to answer by its deadline',
    access: ['deputy', 'residentRepresentative'],
    notes: `${projectDecisionNotes} The photos must have been uploaded first (422 otherwise). ${formRetry('finding')}`,
    body: fileFindingSchema,
    idempotencyKey: true,
    ok: { 200: 'A retried submit: the finding as filed.', 201: 'The finding as filed.' },
    refusals: [404, 409, 422],
    handler: async ({ req, res, deps: { db, temporal }, user, params, body }) => {
      const project = await findVisibleProject(db, user, params.id);
      const findingId = findingIdOf(project.id, body.key);
      const existing = await findFindingById(db, findingId);
      if (existing) {
        assertFindingResubmission(existing, body);
        res.json(existing);
        return;
      }
      await assertPhotos(db, user.jurisdictionId, body.photoIds);
      const filed = await temporal.workflow.getHandle(project.id).executeUpdate(fileFindingUpdate, {
        args: [{ actor: actorOf(user), findingId, text: body.text, photoIds: body.photoIds }],
        // Without the header, the finding's own id: a retry sent before the row is written joins the same update.
        updateId: req.get('Idempotency-Key') ?? findingId,
      });
      const row = await findFindingById(db, findingId);
      res.status(201).json(row ?? filed);
    },
  }),

  projectDecision({
    id: 'reviewFinding',
    verb: 'findings/:findingId/review',
    access: ['deputy', 'residentRepresentative'],
    summary: 'Accept the department’s response to a finding, or send it back with a note',
    body: reviewFindingSchema,
    run: async (h, { db, params, body, project, actor, updateId }) => {
      const finding = await findingProject(db, String(params.findingId));
      if (finding?.project_id !== project.id) {
        throw notFound('finding', params.findingId ?? '');
      }
      return h.executeUpdate(reviewFindingUpdate, { args: [{ actor, findingId: finding.id, ...body }], updateId });
    },
  }),

  // 竣工验收, 投入使用, and the standing committee's re-rating after rectification (docs/domain.md, "Implementation", "Consequences" and "Post-evaluation").
  // The responsible department (or the office) plans the stages; the workflow checks the plan's rules.
  projectDecision({
    id: 'setStagePlan',
    verb: 'stage-plan',
    method: 'put',
    access: ['coordinator', 'official'],
    summary: 'Plan the stages (筹备 → 施工 → 验收) with their dates; acceptance must end by the deadline',
    body: setStagePlanSchema,
    run: (h, { body, actor, updateId }) =>
      h.executeUpdate(setStagePlanUpdate, { args: [{ actor, ...body }], updateId }),
  }),
  projectDecision({
    id: 'acceptCompletion',
    verb: 'accept-completion',
    access: ['coordinator'],
    summary: 'Accept the project’s completion (竣工验收)',
    run: (h, { actor, updateId }) => h.executeUpdate(acceptCompletionUpdate, { args: [{ actor }], updateId }),
  }),
  projectDecision({
    id: 'enterUse',
    verb: 'enter-use',
    access: ['coordinator'],
    summary: 'Record the day the project entered use (投入使用); post-evaluation follows a year later',
    body: enterUseSchema,
    run: (h, { body, actor, updateId }) => h.executeUpdate(enterUseUpdate, { args: [{ actor, ...body }], updateId }),
  }),
  projectDecision({
    id: 'openReRating',
    verb: 're-rating/open',
    access: ['coordinator'],
    summary: 'Open the standing committee’s re-rating after rectification',
    body: openRatingSchema,
    // Sealed as ballots are (docs/secrecy.md): the shares go back in this response only.
    run: async (h, { db, body: { scrutineers }, actor, updateId }) => {
      const key = await createBallotKey(scrutineers.length);
      const box = { publicKey: key.publicKey, threshold: key.threshold };
      const state = await h.executeUpdate(openReRatingUpdate, { args: [{ actor, box }], updateId });
      return ratingShares(db, state, state.consequence.reRating?.sessionId, key, scrutineers);
    },
  }),
  projectDecision({
    id: 'closeReRating',
    verb: 're-rating/close',
    access: ['coordinator'],
    summary: 'Open the sealed re-rating sheets with the scrutineers’ shares and count them',
    body: boxSharesSchema,
    run: async (h, { db, body: { shares }, project, actor, updateId }) => {
      await openRatingBallotBox(db, { projectId: project.id }, shares);
      return h.executeUpdate(closeReRatingUpdate, { args: [{ actor }], updateId });
    },
  }),

  // Everyone who may see a project may read what happened to it; the full audit log stays the office's.
  route({
    id: 'listProjectTimeline',
    method: 'get',
    path: '/projects/:id/timeline',
    tag: 'projects',
    summary: 'List what happened to a project (its workflow’s audit events), for everyone who may see the project',
    access: 'signedIn',
    list: { resource: 'timeline', ...timelineList },
    refusals: [404],
    handler: async ({ deps: { db }, user, params, list, sendPage }) => {
      const project = await findVisibleProject(db, user, params.id);
      const { rows, total } = await workflowTimelinePage(db, project.id, list);
      sendPage(rows, total);
    },
  }),

  // 资金池: plain records, one locking transaction each (funds.service.ts).
  route({
    id: 'getProjectFunds',
    method: 'get',
    path: '/projects/:id/funds',
    tag: 'funds',
    summary: 'Read a project’s allocation, disbursements and every fund movement',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const project = await findVisibleProject(db, user, params.id);
      res.json({ ...fundsOf(project), movements: await movementsOf(db, project.id) });
    },
  }),
  fundMovement({
    id: 'allocateFunds',
    verb: 'allocate',
    access: ['coordinator'],
    summary: 'Set the project’s allocation from the pool',
    notes:
      '`amountYuan` is the allocation as it should now stand, not an increment; more than the pool has left, or less than already disbursed, is a 422.',
    body: allocateSchema,
    run: (trx, user, project, body) => allocate(trx, user, project.id, project.batch_id, body),
  }),
  fundMovement({
    id: 'disburseFunds',
    verb: 'disburse',
    access: ['coordinator', 'official'],
    summary: 'Disburse part of the project’s allocation',
    notes:
      'An official only for a project of their own department (403 otherwise). More than the allocation leaves is a 422; while an anomaly is flagged, a 409.',
    body: disburseSchema,
    run: (trx, user, project, body) => {
      // An official pays only for a project of their own department (责任单位).
      if (!user.roles.includes('coordinator') && user.departmentId !== project.department_id) {
        throw forbidden('disburseForbidden', { department: project.department_name });
      }
      return disburse(trx, user, project.id, body);
    },
  }),
  fundMovement({
    id: 'flagFundAnomaly',
    verb: 'flag-anomaly',
    access: ['coordinator', 'reviewer', 'deputy'],
    summary: 'Flag an anomaly, freezing the project’s disbursements',
    notes: 'Each flag is kept with its note.',
    body: anomalySchema,
    run: (trx, user, project, body) => flagAnomaly(trx, user, project.id, body),
  }),
  fundMovement({
    id: 'clearFundAnomaly',
    verb: 'clear-anomaly',
    access: ['coordinator'],
    summary: 'Clear the anomaly and let disbursements resume',
    notes: 'Nothing frozen is a 409.',
    body: anomalySchema,
    run: (trx, user, project, body) => clearAnomaly(trx, user, project.id, body),
  }),

  // The batch's fund pool.
  route({
    id: 'getFundPool',
    method: 'get',
    path: '/batches/:batchId/fund-pool',
    tag: 'funds',
    summary: 'Read the batch’s fund pool: its total, allocated and disbursed',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const batch = await findOwnBatch(db, user, params.batchId);
      res.json(await poolStanding(db, batch.id));
    },
  }),
  route({
    id: 'setFundPool',
    method: 'put',
    path: '/batches/:batchId/fund-pool',
    tag: 'funds',
    summary: 'Set the total of the batch’s fund pool',
    access: ['coordinator'],
    notes: 'A total below what the projects already hold is a 422. Setting the same total again records nothing.',
    body: fundPoolSchema,
    ok: { 200: 'The pool as it now stands.' },
    refusals: [404, 422],
    handler: async ({ res, deps: { db }, user, params, body: { totalYuan } }) => {
      const batch = await findOwnBatch(db, user, params.batchId);
      await db.transaction().execute((trx) => setPoolTotal(trx, user, batch.id, totalYuan));
      res.json(await poolStanding(db, batch.id));
    },
  }),

  route({
    id: 'listFindings',
    method: 'get',
    path: '/findings',
    tag: 'findings',
    summary: 'List the supervision groups’ findings in my jurisdiction',
    access: 'signedIn',
    list: { resource: 'findings', ...findingList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listFindings(db, user, list);
      sendPage(rows, total);
    },
  }),
  route({
    id: 'getFinding',
    method: 'get',
    path: '/findings/:id',
    tag: 'findings',
    summary: 'Read a finding with its project and who filed it',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await findVisibleFinding(db, user, params.id));
    },
  }),

  // Site photos for findings and progress reports.
  route({
    id: 'uploadPhoto',
    method: 'post',
    path: '/photos',
    tag: 'photos',
    summary: 'Upload a site photo (at most 5 MB)',
    access: 'signedIn',
    notes:
      'The body is the image itself. A body whose bytes are not the declared image type is a 415; the same photo uploaded again by the same person gets the same id.',
    upload: { types: photoTypes, limit: PHOTO_LIMIT },
    ok: { 201: 'The photo’s id: `{ id }`.' },
    refusals: [400, 413, 415],
    handler: async ({ req, res, deps: { db }, user }) => {
      const declared = photoTypes.find((t) => req.is(t));
      if (!declared) throw new HttpError(415, refusal('photoTypes', { types: photoTypes.join(', ') }));
      const bytes: unknown = req.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpError(400, 'uploadEmpty');
      if (imageTypeOf(bytes) !== declared) {
        throw new HttpError(415, refusal('photoTypeMismatch', { type: declared }));
      }
      // Decoded and re-encoded: junk behind an image signature is refused, and metadata (GPS, camera) stripped.
      const clean = await reencodePhoto(bytes, declared);
      res.status(201).json({ id: await storePhoto(db, user, declared, clean) });
    },
  }),
  route({
    id: 'getPhoto',
    method: 'get',
    path: '/photos/:id',
    tag: 'photos',
    summary: 'Read a photo uploaded in my jurisdiction',
    access: 'signedIn',
    produces: 'image/*',
    ok: { 200: 'The image.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const photo = await findVisiblePhoto(db, user, params.id);
      // A photo never changes under its id (it is derived from the bytes).
      res.set({
        'Content-Type': photo.content_type,
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
      res.send(photo.bytes);
    },
  }),

  // 月通报, written monthly by the batch workflow (docs/domain.md, "Cadence").
  route({
    id: 'listBulletins',
    method: 'get',
    path: '/bulletins',
    tag: 'bulletins',
    summary: 'List the monthly bulletins of my jurisdiction’s batches',
    access: ['coordinator'],
    list: { resource: 'bulletins', ...bulletinList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listBulletins(db, user, list);
      sendPage(rows, total);
    },
  }),
  route({
    id: 'getBulletin',
    method: 'get',
    path: '/bulletins/:id',
    tag: 'bulletins',
    summary: 'Read a monthly bulletin',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await findVisibleBulletin(db, user, params.id));
    },
  }),
  route({
    id: 'downloadBulletin',
    method: 'get',
    path: '/bulletins/:id/download',
    tag: 'bulletins',
    summary: 'Download a monthly bulletin as a Markdown file',
    access: ['coordinator'],
    produces: 'text/markdown',
    ok: { 200: 'The bulletin, as an attachment named `bulletin-<batch>-<month>.md`.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const bulletin = await findVisibleBulletin(db, user, params.id);
      res.attachment(bulletinFileName(bulletin));
      res.type('text/markdown; charset=utf-8').send(bulletin.body);
    },
  }),
];

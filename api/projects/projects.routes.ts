import type { Client, WorkflowHandle } from '@temporalio/client';
import express, { type Request, type RequestHandler, Router } from 'express';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Actor } from '../../domain/assignee';
import { boxSharesSchema, openRatingSchema } from '../../domain/ballotEncoding';
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
import { auditColumns, auditSortable } from '../audit/audit.routes';
import { actorOf, currentUser, requireRole } from '../auth/auth.middleware';
import type { SessionUser } from '../auth/tokens';
import { batchParam, findOwnBatch } from '../batchRecords';
import { forbidden, HttpError, notFound } from '../errors';
import { fetchPage, parseListQuery, sendPage } from '../listQuery';
import { createBallotKey } from '../votes/ballotBox';
import { openRatingBallotBox, ratingShares } from '../votes/sealedBox.service';
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
} from './projects.schemas';
import {
  assertFindingResubmission,
  assertPhotos,
  bulletinFileName,
  findingIdOf,
  findVisibleBulletin,
  findVisibleFinding,
  findVisiblePhoto,
  findVisibleProject,
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

export interface ProjectRouteDeps {
  db: Kysely<Database>;
  temporal: Client;
  temporalUiUrl: string;
}

interface Decision {
  req: Request;
  project: VisibleProject;
  actor: Actor;
  /** From the Idempotency-Key header: a retried request is the same update, answered once. */
  updateId: string | undefined;
}

/**
 * Voted projects (DOMAIN.md steps 6–11): the lists, the decisions that move each project's workflow,
 * its findings, its funds from the batch's pool, site photos and the monthly bulletins.
 */
export function projectRoutes({ db, temporal, temporalUiUrl }: ProjectRouteDeps) {
  // /api/projects
  const projects = Router();

  projects.get('/', async (req, res) => {
    const list = parseListQuery(req.query, projectList);
    const { rows, total } = await listProjects(db, currentUser(res), list);
    sendPage(res, 'projects', list, rows, total);
  });

  projects.get('/:id', async (req, res) => {
    const project = await findVisibleProject(db, currentUser(res), req.params.id);
    const live = await liveStateOf(temporal, project.id, projectStateQuery);
    res.json({
      ...project,
      live,
      supervision_group: await supervisionGroupOf(db, project.id),
      funds: fundsOf(project),
      temporalUiUrl: workflowUiUrl(temporalUiUrl, project.id),
    });
  });

  // Decisions that move the project's workflow: its update validator checks membership and phase, and refuses with a reason.
  const decide =
    (run: (handle: WorkflowHandle, decision: Decision) => Promise<unknown>): RequestHandler =>
    async (req, res) => {
      const user = currentUser(res);
      const project = await findVisibleProject(db, user, String(req.params.id));
      const outcome = await run(temporal.workflow.getHandle(project.id), {
        req,
        project,
        actor: actorOf(user),
        updateId: req.get('Idempotency-Key') ?? undefined,
      });
      res.json(outcome);
    };

  // 监督小组 (DOMAIN.md step 7): deputies sign up online.
  projects.post(
    '/:id/supervision-group/join',
    requireRole('deputy'),
    decide((h, { actor, updateId }) => h.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor }], updateId })),
  );

  // A finding from a site visit, handed to the department with a deadline for its response (限期反馈).
  projects.post('/:id/findings', requireRole('deputy'), async (req: Request<{ id: string }>, res) => {
    const user = currentUser(res);
    const project = await findVisibleProject(db, user, req.params.id);
    const body = fileFindingSchema.parse(req.body);
    const findingId = findingIdOf(project.id, body.key);
    const existing = await db.selectFrom('findings').selectAll().where('id', '=', findingId).executeTakeFirst();
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
    const row = await db.selectFrom('findings').selectAll().where('id', '=', findingId).executeTakeFirst();
    res.status(201).json(row ?? filed);
  });

  projects.post(
    '/:id/findings/:findingId/review',
    requireRole('deputy'),
    decide(async (h, { req, project, actor, updateId }) => {
      const finding = await db
        .selectFrom('findings')
        .select(['id', 'project_id'])
        .where('id', '=', String(req.params.findingId))
        .executeTakeFirst();
      if (finding?.project_id !== project.id) {
        throw notFound(`finding "${req.params.findingId}" of project "${project.id}"`);
      }
      return h.executeUpdate(reviewFindingUpdate, {
        args: [{ actor, findingId: finding.id, ...reviewFindingSchema.parse(req.body) }],
        updateId,
      });
    }),
  );

  // 竣工验收, 投入使用, and the standing committee's re-rating after rectification (DOMAIN.md steps 6, 10, 11).
  // The responsible department (or the office) plans the stages; the workflow checks the plan's rules.
  projects.put(
    '/:id/stage-plan',
    requireRole('coordinator', 'official'),
    decide((h, { req, actor, updateId }) =>
      h.executeUpdate(setStagePlanUpdate, { args: [{ actor, ...setStagePlanSchema.parse(req.body) }], updateId }),
    ),
  );
  projects.post(
    '/:id/accept-completion',
    requireRole('coordinator'),
    decide((h, { actor, updateId }) => h.executeUpdate(acceptCompletionUpdate, { args: [{ actor }], updateId })),
  );
  projects.post(
    '/:id/enter-use',
    requireRole('coordinator'),
    decide((h, { req, actor, updateId }) =>
      h.executeUpdate(enterUseUpdate, { args: [{ actor, ...enterUseSchema.parse(req.body) }], updateId }),
    ),
  );
  projects.post(
    '/:id/re-rating/open',
    requireRole('coordinator'),
    // Sealed as ballots are (docs/secrecy.md): the shares go back in this response only.
    decide(async (h, { req, actor, updateId }) => {
      const { scrutineers } = openRatingSchema.parse(req.body ?? {});
      const key = await createBallotKey(scrutineers.length);
      const box = { publicKey: key.publicKey, threshold: key.threshold };
      const state = await h.executeUpdate(openReRatingUpdate, { args: [{ actor, box }], updateId });
      return ratingShares(db, state, state.consequence.reRating?.sessionId, key, scrutineers);
    }),
  );
  projects.post(
    '/:id/re-rating/close',
    requireRole('coordinator'),
    decide(async (h, { req, project, actor, updateId }) => {
      await openRatingBallotBox(db, { projectId: project.id }, boxSharesSchema.parse(req.body ?? {}).shares);
      return h.executeUpdate(closeReRatingUpdate, { args: [{ actor }], updateId });
    }),
  );

  // Everyone who may see a project may read what happened to it; the full audit log stays the office's.
  projects.get('/:id/timeline', async (req, res) => {
    const project = await findVisibleProject(db, currentUser(res), req.params.id);
    const list = parseListQuery(req.query, {
      sortable: auditSortable,
      defaultSort: ['at', 'DESC'],
      filter: projectTimelineFilterSchema,
    });
    const { rows, total } = await fetchPage(
      db.selectFrom('audit_events').where('workflow_id', '=', project.id),
      (q) =>
        q
          .select(auditColumns)
          .orderBy(`audit_events.${list.sortField}` as 'audit_events.at', list.sortOrder)
          .orderBy('audit_events.id', 'desc'),
      list,
    );
    sendPage(res, 'timeline', list, rows, total);
  });

  // 资金池: plain records, one locking transaction each (funds.service.ts).
  projects.get('/:id/funds', async (req, res) => {
    const project = await findVisibleProject(db, currentUser(res), req.params.id);
    res.json({ ...fundsOf(project), movements: await movementsOf(db, project.id) });
  });

  const fundAction =
    <S extends z.ZodType>(
      schema: S,
      run: (
        trx: Transaction<Database>,
        user: SessionUser,
        project: VisibleProject,
        body: z.infer<S>,
      ) => Promise<MovementOutcome>,
    ): RequestHandler =>
    async (req, res) => {
      const user = currentUser(res);
      const project = await findVisibleProject(db, user, String(req.params.id));
      const body = schema.parse(req.body);
      const { movement, created } = await db.transaction().execute((trx) => run(trx, user, project, body));
      const now = await findVisibleProject(db, user, project.id);
      res.status(created ? 201 : 200).json({ movement, funds: fundsOf(now) });
    };

  projects.post(
    '/:id/funds/allocate',
    requireRole('coordinator'),
    fundAction(allocateSchema, (trx, user, project, body) => allocate(trx, user, project.id, project.batch_id, body)),
  );
  projects.post(
    '/:id/funds/disburse',
    requireRole('coordinator', 'official'),
    fundAction(disburseSchema, (trx, user, project, body) => {
      // An official pays only for a project of their own department (责任单位).
      if (!user.roles.includes('coordinator') && user.departmentId !== project.department_id) {
        throw forbidden(
          `only the coordinator or an official of ${project.department_name} may disburse for this project`,
        );
      }
      return disburse(trx, user, project.id, body);
    }),
  );
  projects.post(
    '/:id/funds/flag-anomaly',
    requireRole('coordinator', 'reviewer', 'deputy'),
    fundAction(anomalySchema, (trx, user, project, body) => flagAnomaly(trx, user, project.id, body)),
  );
  projects.post(
    '/:id/funds/clear-anomaly',
    requireRole('coordinator'),
    fundAction(anomalySchema, (trx, user, project, body) => clearAnomaly(trx, user, project.id, body)),
  );

  // /api/batches/:batchId/fund-pool
  const fundPool = Router({ mergeParams: true });
  fundPool.get('/', async (req, res) => {
    const batch = await findOwnBatch(db, currentUser(res), batchParam(req));
    res.json(await poolStanding(db, batch.id));
  });
  fundPool.put('/', requireRole('coordinator'), async (req, res) => {
    const user = currentUser(res);
    const batch = await findOwnBatch(db, user, batchParam(req));
    const { totalYuan } = fundPoolSchema.parse(req.body);
    await db.transaction().execute((trx) => setPoolTotal(trx, user, batch.id, totalYuan));
    res.json(await poolStanding(db, batch.id));
  });

  // /api/findings
  const findings = Router();
  findings.get('/', async (req, res) => {
    const list = parseListQuery(req.query, findingList);
    const { rows, total } = await listFindings(db, currentUser(res), list);
    sendPage(res, 'findings', list, rows, total);
  });
  findings.get('/:id', async (req, res) => {
    res.json(await findVisibleFinding(db, currentUser(res), req.params.id));
  });

  // /api/photos: site photos for findings and progress reports.
  const photos = Router();
  photos.post('/', express.raw({ type: [...photoTypes], limit: PHOTO_LIMIT }), async (req, res) => {
    const declared = photoTypes.find((t) => req.is(t));
    if (!declared) throw new HttpError(415, `upload the photo as ${photoTypes.join(', ')}`);
    const bytes: unknown = req.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpError(400, 'the upload is empty');
    if (imageTypeOf(bytes) !== declared) {
      throw new HttpError(415, `the upload is not the ${declared} image its Content-Type says`);
    }
    res.status(201).json({ id: await storePhoto(db, currentUser(res), declared, bytes) });
  });
  photos.get('/:id', async (req, res) => {
    const photo = await findVisiblePhoto(db, currentUser(res), req.params.id);
    // A photo never changes under its id (it is derived from the bytes).
    res.set({
      'Content-Type': photo.content_type,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(photo.bytes);
  });

  // /api/bulletins: 月通报, written monthly by the batch workflow (DOMAIN.md step 6).
  const bulletins = Router();
  bulletins.get('/', async (req, res) => {
    const list = parseListQuery(req.query, {
      sortable: bulletinSortable,
      defaultSort: ['month', 'DESC'],
      filter: bulletinFilterSchema,
    });
    const { rows, total } = await listBulletins(db, currentUser(res), list);
    sendPage(res, 'bulletins', list, rows, total);
  });
  bulletins.get('/:id', async (req, res) => {
    res.json(await findVisibleBulletin(db, currentUser(res), req.params.id));
  });
  bulletins.get('/:id/download', async (req, res) => {
    const bulletin = await findVisibleBulletin(db, currentUser(res), req.params.id);
    res.attachment(bulletinFileName(bulletin));
    res.type('text/markdown; charset=utf-8').send(bulletin.body);
  });

  return { projects, findings, photos, bulletins, fundPool };
}

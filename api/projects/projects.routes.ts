import type { WorkflowHandle } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Actor, Role } from '../../domain/assignee';
import {
  acceptCompletionUpdate,
  appointSupervisionMemberUpdate,
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
import { conflict, forbidden, HttpError, notFound, refusal, unprocessable } from '../errors';
import { type Method, route } from '../http/route';
import { reencodePhoto } from '../security/photos';
import { assertDocuments } from '../documents/documents.queries';
import { boxSharesSchema, openRatingSchema } from '../../domain/ballotEncoding';
import { createBallotKey } from '../votes/ballotBox';
import { openRatingBallotBox, ratingShares } from '../votes/sealedBox.service';
import { listOptions } from '../listQuery';
import { formRetry, projectDecisionNotes } from '../openapi';
import { findFindingById, findingProject } from './projects.queries';
import {
  appointSupervisionMemberSchema,
  bulletinFilterSchema,
  bulletinSortable,
  enterUseSchema,
  setStagePlanSchema,
  fileFindingSchema,
  findingList,
  PHOTO_LIMIT,
  photoTypes,
  projectList,
  projectTimelineFilterSchema,
  instructProjectSchema,
  reportProgressSchema,
  reviewFindingSchema,
} from '../../domain/contract/projects';
import { checkTaskResult } from '../../domain/taskKinds';
import { insertAuditEvent } from '../../db/auditEvents';
import { notifyOffice } from '../../db/officeNotices';
import { uncountedProgressReport } from '../../db/earlyProgressReports';
import { startHumanTask } from '../tasks/startTask';
import { completeTaskUpdate, type HumanTaskInput } from '../../workflows/humanTask.messages';
import { findTask } from '../tasks/tasks.service';
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

const timelineList = listOptions({
  sortable: auditSortable,
  defaultSort: ['at', 'DESC'],
  filter: projectTimelineFilterSchema,
});
/**
 * 月通报 is circulated and published in the console (docs/domain.md, "Implementation"): the office, the
 * departments and responsible leaders (officials), deputies and standing committee members read it.
 */
const bulletinReaders = ['coordinator', 'official', 'deputy', 'committeeMember'] as const;

const bulletinList = listOptions({
  sortable: bulletinSortable,
  defaultSort: ['month', 'DESC'],
  filter: bulletinFilterSchema,
});

/**
 * Voted projects (docs/domain.md, "Implementation" to "Post-evaluation"): the lists, the decisions that move each project's workflow,
 * its findings, site photos and the monthly bulletins. Its funds are api/funds/funds.routes.ts.
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
        // A report filed between weekly tasks, shown as waiting until the next weekly task counts it.
        pending_progress_report: await pendingReport(db, project.id),
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

  // Too few signed up: the office appoints a deputy or residents' representative (docs/domain.md, "Supervision").
  projectDecision({
    id: 'appointSupervisionMember',
    verb: 'supervision-group/appoint',
    access: ['coordinator'],
    summary: 'Appoint a deputy or residents’ representative to the project’s supervision group',
    body: appointSupervisionMemberSchema,
    run: async (h, { db, actor, body, updateId }) => {
      const user = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'roles', 'jurisdiction_id', 'department_id'])
        .where('id', '=', body.userId)
        .where('jurisdiction_id', '=', actor.jurisdictionId)
        .executeTakeFirst();
      if (!user) throw new HttpError(422, `there is no user "${body.userId}" in this jurisdiction to appoint`);
      const member: Actor = {
        userId: user.id,
        displayName: user.display_name,
        roles: user.roles,
        jurisdictionId: user.jurisdiction_id,
        departmentId: user.department_id,
      };
      return h.executeUpdate(appointSupervisionMemberUpdate, { args: [{ actor, member }], updateId });
    },
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
      // The office hears of a finding when it is filed; the department gets its task from the workflow.
      await notifyOffice(db, {
        jurisdictionId: user.jurisdictionId,
        dedupeKey: `${findingId}:filed`,
        title: `新的监督意见：${project.title}`,
        body: `${user.displayName}：${body.text.slice(0, 200)}`,
        workflowId: project.id,
      });
      const row = await findFindingById(db, findingId);
      res.status(201).json(row ?? filed);
    },
  }),

  // The department reports when the facts happen (docs/domain.md, "Implementation"): an open weekly task is
  // answered at once; otherwise the report waits, recorded, and answers the next weekly task when it opens.
  route({
    id: 'reportProgress',
    method: 'post',
    path: '/projects/:id/progress',
    tag: 'projects',
    summary: 'Report the project’s progress now, whether or not the weekly report has been asked for',
    access: ['official'],
    notes:
      'Only an official of the responsible department. With a weekly progress report open, the report completes it (200, `counted: "now"`); otherwise it is recorded (201, `counted: "nextWeeklyTask"`) and the next weekly task counts it as soon as it opens, without asking again. Going backwards needs a `reason` (422). The same `key` records one report.',
    body: reportProgressSchema,
    ok: {
      200: '`{ counted: "now", task }`: the open weekly task, completed with this report.',
      201: '`{ counted: "nextWeeklyTask", reportedAt }`: recorded for the next weekly task.',
    },
    refusals: [403, 404, 409, 422],
    handler: async ({ res, deps: { db, temporal }, user, params, body: { key, ...report } }) => {
      const project = await findVisibleProject(db, user, params.id);
      if (user.departmentId !== project.department_id) {
        throw forbidden('departmentOnlyReportsProgress', { department: project.department_name });
      }
      if (project.phase !== 'implementation') {
        throw conflict('progressAfterAcceptance');
      }
      await assertPhotos(db, user.jurisdictionId, report.photoIds);
      await assertDocuments(db, user.jurisdictionId, report.documentIds);
      const open = await db
        .selectFrom('tasks')
        .select(['id', 'payload'])
        .where('owner_workflow_id', '=', project.id)
        .where('kind', '=', 'progressReport')
        .where('status', '=', 'open')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      const check = checkTaskResult(
        'progressReport',
        report,
        open?.payload ?? { previousPercent: project.progress_percent },
      );
      if (!check.ok) throw unprocessable('refused', { reason: check.message });
      if (open) {
        await temporal.workflow.getHandle(open.id).executeUpdate(completeTaskUpdate, {
          args: [{ actor: actorOf(user), result: check.result }],
          updateId: `progress:${key}`,
        });
        res.json({ counted: 'now', task: await findTask(db, open.id) });
        return;
      }
      const reportedAt = new Date().toISOString();
      await insertAuditEvent(db, {
        dedupeKey: `${project.id}:progress:${key}`,
        actorUserId: user.userId,
        actorLabel: user.displayName,
        action: 'project.progressReported',
        workflowId: project.id,
        subject: project.id,
        // `progress` and `text` for the timeline's sentence; `actor` and `result` for the weekly task that counts it.
        detail: { actor: actorOf(user), result: check.result, progress: check.result.percent, text: check.result.text },
        at: reportedAt,
      });
      res.status(201).json({ counted: 'nextWeeklyTask', reportedAt });
    },
  }),

  // 批示: the responsible vice head (包抓领导, docs/domain.md, "Implementation") instructs the department on the
  // project; the instruction is a task of the department's with a deadline and the usual escalation ladder.
  route({
    id: 'instructProject',
    method: 'post',
    path: '/projects/:id/instructions',
    tag: 'projects',
    summary: 'Write an instruction (批示) on the project, handed to its department as a task with a deadline',
    access: ['official', 'coordinator'],
    notes:
      'Only the project’s responsible leader or the office. The form’s `key` names the task: a retried submit finds the task already started. Whoever instructed is told when the department has answered.',
    body: instructProjectSchema,
    ok: { 201: 'The task as recorded.', 202: 'Started, but the worker has not recorded it yet: `{ id, message }`.' },
    refusals: [403, 404, 409],
    handler: async ({ res, deps: { db, temporal, taskQueue }, user, params, body }) => {
      const project = await findVisibleProject(db, user, params.id);
      if (!user.roles.includes('coordinator') && user.userId !== project.responsible_leader_user_id) {
        throw forbidden('instructionForbidden');
      }
      if (project.phase === 'closed') throw conflict('instructionOnClosedProject');
      const taskId = `task-instruction-${body.key}`;
      const input: HumanTaskInput = {
        taskId,
        ownerWorkflowId: project.id,
        jurisdictionId: user.jurisdictionId,
        kind: 'instruction',
        title: `领导批示：${project.title}`,
        assignee: { kind: 'department', departmentId: project.department_id },
        due: { kind: 'workingDays', days: body.dueWorkingDays },
        remindBefore: ['1 day'],
        payload: { projectId: project.id, instructions: body.text, assignedBy: user.userId },
      };
      const task = await startHumanTask({ db, temporal, taskQueue }, input, {
        dedupeKey: `${taskId}:instructed`,
        actorUserId: user.userId,
        actorLabel: user.displayName,
        action: 'project.instructed',
        workflowId: project.id,
        subject: taskId,
        detail: { text: body.text, taskId, departmentId: project.department_id, dueWorkingDays: body.dueWorkingDays },
      });
      if (task) res.status(201).json(task);
      else
        res.status(202).json({
          id: taskId,
          message: 'the instruction was accepted and will appear in the department’s tasks once the worker records it',
        });
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
    // Completion acceptance is the government's now (docs/domain.md, "Levels"): its tasks, not this, in newer projects.
    summary:
      'Accept the project’s completion (竣工验收), in a project started before it became the government’s task; a newer project refuses it (409 acceptanceIsGovernments): its responsible leader arranges and records the acceptance as tasks',
    run: (h, { actor, updateId }) => h.executeUpdate(acceptCompletionUpdate, { args: [{ actor }], updateId }),
  }),
  projectDecision({
    id: 'enterUse',
    verb: 'enter-use',
    access: ['coordinator'],
    summary:
      'Record the day the project entered use (投入使用), in a project started before acceptance became the government’s task; a newer project refuses it (409 acceptanceIsGovernments): the acceptance’s record names the day',
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
    access: bulletinReaders,
    notes:
      'Each bulletin is circulated when written: an in-app notice to the departments with a project in it, the responsible leaders and every deputy, who read it here as the office does.',
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
    access: bulletinReaders,
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
    access: bulletinReaders,
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

async function pendingReport(db: Kysely<Database>, projectId: string) {
  const early = await uncountedProgressReport(db, projectId);
  return early
    ? {
        percent: early.result.percent,
        text: early.result.text,
        reportedAt: early.reportedAt,
        by: early.actor.displayName,
      }
    : null;
}

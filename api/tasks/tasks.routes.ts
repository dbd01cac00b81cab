import { createHash } from 'node:crypto';
import { escalationAfterInstant } from '../../domain/dueRule';
import { checkTaskResult, taskKindSchema } from '../../domain/taskKinds';
import { assertDocuments } from '../documents/documents.queries';
import { startHumanTask } from './startTask';
import { completeTaskUpdate, type HumanTaskInput, taskStateQuery } from '../../workflows/humanTask.messages';
import { actorOf } from '../auth/auth.middleware';
import { conflict, fieldError, forbidden, notFound, unprocessable } from '../errors';
import { route } from '../http/route';
import { liveStateOf } from '../workflowState';
import { completeTaskSchema, createTaskSchema, taskList } from '../../domain/contract/tasks';
import { assigneeProblem, findTask, findTaskFor, findVisibleTask, listTasks } from './tasks.service';

export const taskRoutes = [
  route({
    id: 'listTasks',
    method: 'get',
    path: '/tasks',
    tag: 'tasks',
    summary: 'List my tasks, or as a coordinator every task of my jurisdiction',
    access: 'signedIn',
    notes:
      'Others see the tasks assigned to them, to one of their roles or to their department; `filter.mine` narrows a coordinator’s list the same way.',
    list: { resource: 'tasks', ...taskList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listTasks(db, user, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getTask',
    method: 'get',
    path: '/tasks/:id',
    tag: 'tasks',
    summary: 'Read a task with its workflow’s live state',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db, temporal }, user, params }) => {
      const task = await findVisibleTask(db, user, params.id);
      if (!task) throw notFound('task', params.id);
      res.json({ ...task, live: await liveStateOf(temporal, task.id, taskStateQuery) });
    },
  }),

  // A coordinator's instruction (交办事项) to a person, role or department, with a deadline and escalation.
  route({
    id: 'createTask',
    method: 'post',
    path: '/tasks',
    tag: 'tasks',
    summary: 'Assign an instruction (交办事项) to a person, a role or a department, with a deadline',
    access: ['coordinator'],
    notes:
      'The form’s `key` names the task’s workflow: a retried submit finds the running task instead of starting another. `due` counts working days or calendar time, or names an instant (`{ "kind": "at", "at": "2027-03-01T17:00:00+08:00" }`, which must be in the future; after it lapses the ladder climbs one working day at a time).',
    body: createTaskSchema,
    ok: { 201: 'The task as recorded.', 202: 'Started, but the worker has not recorded it yet: `{ id, message }`.' },
    refusals: [422],
    handler: async ({ res, deps: { db, temporal, taskQueue }, user, body }) => {
      // Checked here, not in the schema: the workflow reads the same rule back long after the instant.
      if (body.due.kind === 'at' && Date.parse(body.due.at) <= Date.now())
        throw unprocessable('taskDueInPast', { at: body.due.at });
      const problem = await assigneeProblem(db, user, body.assignee);
      if (problem) throw fieldError(422, 'assignee', 'assigneeProblem', { reason: problem });
      const taskId = `task-adhoc-${body.key}`;
      const input: HumanTaskInput = {
        taskId,
        ownerWorkflowId: null,
        jurisdictionId: user.jurisdictionId,
        kind: body.kind,
        title: body.title,
        assignee: body.assignee,
        due: body.due,
        ...(body.due.kind === 'at' ? { escalateEvery: escalationAfterInstant } : {}),
        remindBefore: body.remindBefore,
        payload: { instructions: body.instructions, assignedBy: user.userId },
      };
      // The form's key names the workflow: a retried submit finds the running task instead of starting another.
      const task = await startHumanTask({ db, temporal, taskQueue }, input, {
        dedupeKey: `${taskId}:assigned`,
        actorUserId: user.userId,
        actorLabel: user.displayName,
        action: 'task.assigned',
        workflowId: taskId,
        subject: taskId,
        detail: { kind: body.kind, title: body.title, assignee: body.assignee, due: body.due },
      });
      if (task) res.status(201).json(task);
      // Started but not yet recorded (the worker is busy or down): the workflow will record it when it runs.
      else
        res.status(202).json({
          id: taskId,
          message: 'the task was accepted and will appear in the list once the worker records it',
        });
    },
  }),

  route({
    id: 'completeTask',
    method: 'post',
    path: '/tasks/:id/complete',
    tag: 'tasks',
    summary: 'Complete a task assigned to me with its result',
    access: 'signedIn',
    notes:
      'Only someone the task is assigned to (directly, by role or by department) may complete it. The same person sending the same result again gets the task back; anything else after completion is a 409.',
    body: completeTaskSchema,
    ok: { 200: 'The completed task.' },
    refusals: [403, 404, 409, 422],
    handler: async ({ res, deps: { db, temporal }, user, params, body: { result } }) => {
      const found = await findTaskFor(db, user, params.id);
      // Another county's task does not exist for the caller; one of their own county's that is not theirs
      // is refused without its title (the workflow's refusal would name it).
      if (!found || found.jurisdiction_id !== user.jurisdictionId) throw notFound('task', params.id);
      const { visible, ...task } = found;
      if (!visible) {
        throw forbidden('taskNotYours', { assigneeKind: task.assignee_kind, assignee: task.assignee_ref });
      }
      if (task.status === 'done') {
        // The same person resending the same answer (a lost response, a double click) gets the task back.
        if (task.completed_by === user.userId && sameResult(task, result)) {
          res.json(task);
          return;
        }
        throw conflict('taskAlreadyDone');
      }
      // An audit finding changes the project's funds too: it is recorded there, which closes this task.
      if (task.kind === 'fundAudit') {
        throw conflict(
          `record the audit finding on the project's funds (POST /projects/${String(task.payload.projectId)}/funds/audit-finding); that closes this task`,
        );
      }
      // The documents a reply cites must be the jurisdiction's; the workflow cannot check the database.
      const documentIds = result.documentIds;
      if (Array.isArray(documentIds) && documentIds.every((id) => typeof id === 'string')) {
        await assertDocuments(db, user.jurisdictionId, documentIds);
      }
      await temporal.workflow.getHandle(task.id).executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(user), result }],
        updateId: `complete:${user.userId}:${fingerprint(result)}`,
      });
      res.json(await findTask(db, task.id));
    },
  }),
];

function fingerprint(result: Record<string, unknown>): string {
  return createHash('sha256').update(stableJson(result)).digest('hex').slice(0, 32);
}

/** Compared after the kind's own normalisation (trimming), as the workflow stored it. */
function sameResult(
  task: { kind: string; result: Record<string, unknown> | null; payload: Record<string, unknown> },
  sent: Record<string, unknown>,
): boolean {
  const kind = taskKindSchema.safeParse(task.kind);
  if (!kind.success || task.result === null) return false;
  const check = checkTaskResult(kind.data, sent, task.payload);
  return check.ok && stableJson(check.result) === stableJson(task.result);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

import { ApplicationFailure } from '@temporalio/common';
import type { Kysely, Transaction } from 'kysely';
import type { Actor, Assignee } from '../domain/assignee';
import { assigneeRef } from '../domain/assignee';
import { dueRuleSchema, type DueRuleInput } from '../domain/dueRule';
import type { HumanTaskInput, LadderStep } from '../domain/contract/taskWorkflow';
import type { Database } from '../db/schema';
import { type EarlyProgressReport, uncountedProgressReport } from '../db/earlyProgressReports';
import { recordAuditEvent } from './audit';
import type { Calendar } from './calendar';

export interface TaskActivityDeps {
  db: Kysely<Database>;
  calendar: Calendar;
}

/** Side effects of the human-task mechanism; each is one transaction and safe to retry. */
export function createTaskActivities({ db, calendar }: TaskActivityDeps) {
  return {
    /** Working-day arithmetic reads the calendar, so it runs here; the workflow keeps the instant. */
    async computeDue(input: { jurisdictionId: string; from: string; rule: DueRuleInput }): Promise<string> {
      return calendar.computeDue({
        jurisdictionId: input.jurisdictionId,
        from: input.from,
        rule: dueRuleSchema.parse(input.rule),
      });
    },

    /** Default ladder (docs/domain.md, "Consequences"; docs/architecture.md, "Human tasks and escalation"): the department's responsible leader, then the standing committee office. */
    async resolveLadder(input: { assignee: Assignee; jurisdictionId: string }): Promise<LadderStep[]> {
      const ladder: LadderStep[] = [];
      const departmentId = await departmentOf(db, input.assignee);
      if (departmentId) {
        const dept = await db
          .selectFrom('departments')
          .leftJoin('users', 'users.id', 'departments.leader_user_id')
          .select(['departments.leader_user_id', 'departments.name', 'users.display_name'])
          .where('departments.id', '=', departmentId)
          .executeTakeFirst();
        if (dept?.leader_user_id) {
          ladder.push({
            assignee: { kind: 'user', userId: dept.leader_user_id },
            // Labels are read by the office in the console and in notices: in its language.
            label: `包抓领导${dept.display_name ?? dept.leader_user_id}（${dept.name}）`,
          });
        }
      }
      ladder.push({
        assignee: { kind: 'role', role: 'coordinator', jurisdictionId: input.jurisdictionId },
        label: '人大常委会办公室',
      });
      return ladder;
    },

    /**
     * Answers the row's own due and opening instants: a first workflow task retried after its local activities ran
     * computes them anew, and the task must keep the ones its row (and the assignee's notice) already show.
     */
    async recordTaskOpened(input: {
      task: HumanTaskInput;
      dueAt: string;
      openedAt: string;
    }): Promise<{ dueAt: string; openedAt: string }> {
      const { task } = input;
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('tasks')
          .values({
            id: task.taskId,
            owner_workflow_id: task.ownerWorkflowId,
            jurisdiction_id: task.jurisdictionId,
            kind: task.kind,
            title: task.title,
            assignee_kind: task.assignee.kind,
            assignee_ref: assigneeRef(task.assignee),
            payload: JSON.stringify(task.payload),
            due_at: input.dueAt,
            status: 'open',
            created_at: input.openedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows === 0n) {
          const row = await trx
            .selectFrom('tasks')
            .select(['due_at', 'created_at'])
            .where('id', '=', task.taskId)
            .executeTakeFirstOrThrow();
          return { dueAt: row.due_at.toISOString(), openedAt: row.created_at.toISOString() };
        }
        await recordAuditEvent(trx, {
          dedupeKey: `${task.taskId}:opened`,
          actorUserId: null,
          actorLabel: 'system',
          action: 'task.opened',
          workflowId: task.ownerWorkflowId ?? task.taskId,
          subject: task.taskId,
          detail: { kind: task.kind, title: task.title, assignee: task.assignee, dueAt: input.dueAt },
          at: input.openedAt,
        });
        return { dueAt: input.dueAt, openedAt: input.openedAt };
      });
    },

    async recordTaskCompleted(input: {
      taskId: string;
      actor: Actor;
      result: Record<string, unknown>;
      completedAt: string;
      escalationLevel: number;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const task = await trx
          .selectFrom('tasks')
          .selectAll()
          .where('id', '=', input.taskId)
          .forUpdate()
          .executeTakeFirst();
        if (!task) throw ApplicationFailure.nonRetryable(`task ${input.taskId} has no row`, 'TaskMissing');
        // A retry after a committed attempt finds the row done by the same person: nothing to do.
        if (task.status === 'done') return;
        await trx
          .updateTable('tasks')
          .set({
            status: 'done',
            completed_by: input.actor.userId,
            completed_at: input.completedAt,
            result: JSON.stringify(input.result),
          })
          .where('id', '=', input.taskId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.taskId}:completed`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'task.completed',
          workflowId: task.owner_workflow_id ?? task.id,
          subject: task.id,
          detail: { kind: task.kind, title: task.title, escalationLevel: input.escalationLevel, result: input.result },
          at: input.completedAt,
        });
      });
    },

    /**
     * A progress report the department filed between weekly tasks (POST /projects/:id/progress): the newest one
     * since the project's last counted report answers the weekly task that has just opened.
     */
    async findEarlyProgressReport(input: { projectId: string }): Promise<EarlyProgressReport | null> {
      return uncountedProgressReport(db, input.projectId);
    },

    /** The owner no longer needs the task (e.g. a weekly report once the project is accepted). */
    async recordTaskCancelled(input: { taskId: string; at: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const task = await trx
          .updateTable('tasks')
          .set({ status: 'cancelled' })
          .where('id', '=', input.taskId)
          .where('status', '=', 'open')
          .returning(['owner_workflow_id', 'title', 'kind'])
          .executeTakeFirst();
        if (!task) return;
        await recordAuditEvent(trx, {
          dedupeKey: `${input.taskId}:cancelled`,
          actorUserId: null,
          actorLabel: 'system',
          action: 'task.cancelled',
          workflowId: task.owner_workflow_id ?? input.taskId,
          subject: input.taskId,
          detail: { kind: task.kind, title: task.title },
          at: input.at,
        });
      });
    },

    /** An open task's due instant moved with the calendar (workflows/calendar.messages.ts). */
    async recordTaskDue(input: {
      taskId: string;
      previous: string;
      dueAt: string;
      calendarDay: string;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const task = await trx
          .updateTable('tasks')
          .set({ due_at: input.dueAt })
          .where('id', '=', input.taskId)
          .where('status', '=', 'open')
          .returning(['owner_workflow_id', 'title'])
          .executeTakeFirst();
        if (!task) return;
        await recordAuditEvent(trx, {
          dedupeKey: `${input.taskId}:due:${input.previous}:${input.dueAt}`,
          actorUserId: null,
          actorLabel: 'system',
          action: 'task.dueMoved',
          workflowId: task.owner_workflow_id ?? input.taskId,
          subject: input.taskId,
          detail: { before: input.previous, after: input.dueAt, calendarDay: input.calendarDay, title: task.title },
        });
      });
    },

    async recordEscalation(input: EscalationInput): Promise<void> {
      await db.transaction().execute((trx) => writeEscalation(trx, input));
    },
  };
}

export interface EscalationInput {
  taskId: string;
  level: number;
  step: LadderStep;
  at: string;
}

/** The task's rung and its audit event, inside the caller's transaction; a repeat changes nothing. */
export async function writeEscalation(trx: Transaction<Database>, input: EscalationInput): Promise<void> {
  const task = await trx
    .updateTable('tasks')
    .set((eb) => ({ escalation_level: eb.fn('greatest', [eb.ref('escalation_level'), eb.val(input.level)]) }))
    .where('id', '=', input.taskId)
    .returning(['owner_workflow_id', 'title'])
    .executeTakeFirst();
  await recordAuditEvent(trx, {
    dedupeKey: `${input.taskId}:escalated:${input.level}`,
    actorUserId: null,
    actorLabel: 'system',
    action: 'task.escalated',
    workflowId: task?.owner_workflow_id ?? input.taskId,
    subject: input.taskId,
    detail: { level: input.level, to: input.step.label, title: task?.title ?? null },
    at: input.at,
  });
}

async function departmentOf(db: Kysely<Database>, assignee: Assignee): Promise<string | null> {
  if (assignee.kind === 'department') return assignee.departmentId;
  if (assignee.kind === 'user') {
    const user = await db
      .selectFrom('users')
      .select('department_id')
      .where('id', '=', assignee.userId)
      .executeTakeFirst();
    return user?.department_id ?? null;
  }
  return null;
}

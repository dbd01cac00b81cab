import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  isCancellation,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { actorMatchesAssignee, describeAssignee } from '../domain/assignee';
import { checkTaskResult } from '../domain/taskKinds';
import { durationMs } from '../domain/duration';
import { chinaDateTime } from '../domain/workingDays';
import {
  completeTaskUpdate,
  type HumanTaskInput,
  type LadderStep,
  type TaskCompletion,
  type TaskState,
  taskCompletedSignal,
  taskFailureTypes,
  taskStateQuery,
} from './humanTask.messages';
import { createNoticeSender, type NoticeSender } from './notify';
import { type CalendarChange, calendarChangedSignal } from './calendar.messages';

const {
  computeDue,
  resolveLadder,
  recordTaskOpened,
  recordTaskCompleted,
  recordEscalation,
  recordTaskCancelled,
  recordTaskDue,
  findEarlyProgressReport,
} = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The completion's row, written within the update's own workflow task: a person waits on this answer, and a
 * scheduled activity costs two more round trips through the server (README.md, "Benchmarks", decision).
 * The activity is idempotent, so a worker lost mid-write simply writes again.
 */
const {
  recordTaskCompleted: recordTaskCompletedLocally,
  escalateTask: escalateTaskLocally,
  computeDue: computeDueLocally,
  resolveLadder: resolveLadderLocally,
  recordTaskOpened: recordTaskOpenedLocally,
  findEarlyProgressReport: findEarlyProgressReportLocally,
} = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * A person's task: a row in PostgreSQL and a wait here. It reminds before the due instant, and at
 * each lapse escalates one rung up the ladder (assignee → responsible leader → standing committee
 * office) while staying open; a completion at any point still counts.
 */
export async function humanTaskWorkflow(task: HumanTaskInput): Promise<TaskCompletion> {
  const notices = createNoticeSender();
  const state: TaskState = {
    phase: 'opening',
    dueAt: null,
    escalationLevel: 0,
    nextEscalationAt: null,
    ladder: [],
    completion: null,
  };

  const calendarChanges: CalendarChange[] = [];
  setHandler(taskStateQuery, () => state);
  setHandler(calendarChangedSignal, (change: CalendarChange) => {
    calendarChanges.push(change);
  });
  setHandler(
    completeTaskUpdate,
    async ({ actor, result }) => {
      // Registered before the first await; a completion that races the opening waits for the row.
      await condition(() => state.phase !== 'opening');
      state.phase = 'completing';
      const completion: TaskCompletion = {
        taskId: task.taskId,
        kind: task.kind,
        completedBy: actor.userId,
        completedAt: new Date().toISOString(),
        result: checkedResult(task, result),
        escalationLevel: state.escalationLevel,
      };
      const record = patched('completion-local-activity') ? recordTaskCompletedLocally : recordTaskCompleted;
      try {
        await record({
          taskId: task.taskId,
          actor,
          result: completion.result,
          completedAt: completion.completedAt,
          escalationLevel: completion.escalationLevel,
        });
      } catch (err) {
        state.phase = 'open';
        throw err;
      }
      state.completion = completion;
      state.phase = 'done';
      return completion;
    },
    {
      validator: ({ actor, result }) => {
        if (state.phase === 'done' || state.phase === 'completing') {
          throw ApplicationFailure.create({
            type: taskFailureTypes.alreadyDone,
            message: `task "${task.title}" is already completed`,
            nonRetryable: true,
          });
        }
        if (!actorMatchesAssignee(actor, task.assignee)) {
          throw ApplicationFailure.create({
            type: taskFailureTypes.forbidden,
            message: `task "${task.title}" is assigned to ${describeAssignee(task.assignee)}, not to ${actor.displayName}`,
            nonRetryable: true,
          });
        }
        checkedResult(task, result);
      },
    },
  );

  // Tasks open in bursts (every project's weekly tick falls at once), so a task opens in its first workflow task:
  // due instant, ladder, row, early report and the assignee's notice as local activities, each idempotent, instead
  // of five workflow tasks and four scheduled activities: 10,000 tasks open 3.2 × as fast (README.md, "Latest
  // figures"; the shorter history did not make a lapse cheaper). Added while tasks were open, hence the patch.
  const openLocally = patched('open-in-first-task');
  const opening = openLocally
    ? {
        computeDue: computeDueLocally,
        resolveLadder: resolveLadderLocally,
        recordTaskOpened: recordTaskOpenedLocally,
        findEarlyProgressReport: findEarlyProgressReportLocally,
        recordTaskCompleted: recordTaskCompletedLocally,
      }
    : { computeDue, resolveLadder, recordTaskOpened, findEarlyProgressReport, recordTaskCompleted };
  const computedAt = new Date().toISOString();
  const computedDue = await opening.computeDue({
    jurisdictionId: task.jurisdictionId,
    from: computedAt,
    rule: task.due,
  });
  state.ladder =
    task.ladder ?? (await opening.resolveLadder({ assignee: task.assignee, jurisdictionId: task.jurisdictionId }));
  const recorded = await opening.recordTaskOpened({ task, dueAt: computedDue, openedAt: computedAt });
  // Histories from before the activity answered hold no answer: their instants are the computed ones.
  const { dueAt, openedAt } = openLocally ? recorded : { dueAt: computedDue, openedAt: computedAt };
  state.dueAt = dueAt;
  state.nextEscalationAt = state.ladder.length > 0 ? dueAt : null;
  state.phase = 'open';
  // The department may report before the weekly task fires (POST /projects/:id/progress): that report answers this
  // task at once. Only progress reports evaluate the patch, so other tasks' histories stay as recorded.
  if (task.kind === 'progressReport' && task.ownerWorkflowId && patched('early-progress-report')) {
    const early = await opening.findEarlyProgressReport({ projectId: task.ownerWorkflowId });
    const check = early ? checkTaskResult(task.kind, early.result, task.payload) : null;
    // A person completing the task meanwhile wins; the early report then simply waits for the next week.
    if (early && check?.ok && state.phase === 'open') {
      state.phase = 'completing';
      const completion: TaskCompletion = {
        taskId: task.taskId,
        kind: task.kind,
        completedBy: early.actor.userId,
        completedAt: new Date().toISOString(),
        result: check.result,
        escalationLevel: 0,
      };
      await opening.recordTaskCompleted({
        taskId: task.taskId,
        actor: early.actor,
        result: completion.result,
        completedAt: completion.completedAt,
        escalationLevel: 0,
      });
      state.completion = completion;
      state.phase = 'done';
    }
  }

  if (!isDone(state)) {
    await notices.send(
      {
        dedupeKey: `${task.taskId}:assigned`,
        to: task.assignee,
        kind: 'assigned',
        title: `新任务：${task.title}`,
        body: `办理期限：${chinaDateTime(dueAt)}（北京时间）。`,
        workflowId: workflowInfo().workflowId,
        taskId: task.taskId,
      },
      openLocally ? 'local' : 'scheduled',
    );
  }

  const reminders = (task.remindBefore ?? [])
    .map((before) => Date.parse(dueAt) - durationMs(before))
    .filter((at) => at > Date.now())
    .sort((a, b) => a - b);

  try {
    await waitForCompletion(task, state, notices, reminders, { openedAt, calendarChanges });
  } catch (err) {
    // The owner cancelled a task it no longer needs: the row says so, and nobody is told it is overdue.
    if (isCancellation(err))
      await CancellationScope.nonCancellable(() =>
        recordTaskCancelled({ taskId: task.taskId, at: new Date().toISOString() }),
      );
    throw err;
  }

  const completion = state.completion!;
  if (task.ownerWorkflowId) await tellOwner(task.ownerWorkflowId, completion);
  // Whoever gave an instruction (the office's 交办, a vice head's 批示) learns that it has been answered.
  const instructedBy = task.kind === 'instruction' ? task.payload.assignedBy : undefined;
  if (typeof instructedBy === 'string' && instructedBy !== completion.completedBy && patched('tell-instructor')) {
    await notices.send({
      dedupeKey: `${task.taskId}:answered`,
      to: { kind: 'user', userId: instructedBy },
      kind: 'info',
      title: `交办事项已办结：${task.title}`,
      body: `办理情况：${String(completion.result.note ?? '')}`,
      workflowId: task.ownerWorkflowId ?? workflowInfo().workflowId,
      taskId: task.taskId,
    });
  }
  await notices.settle();
  await condition(allHandlersFinished);
  return completion;
}

/** Reminders, then the escalation ladder, until someone completes the task. */
async function waitForCompletion(
  task: HumanTaskInput,
  state: TaskState,
  notices: NoticeSender,
  reminders: number[],
  calendar: { openedAt: string; calendarChanges: CalendarChange[] },
): Promise<void> {
  let dueAt = state.dueAt!;
  let deadline = Date.parse(dueAt);
  let seenChanges = calendar.calendarChanges.length;
  while (!isDone(state)) {
    const reminderAt = reminders[0];
    const wakeAt = reminderAt !== undefined && reminderAt < deadline ? reminderAt : deadline;
    const settled = await condition(
      () => state.phase !== 'open' || calendar.calendarChanges.length > seenChanges,
      Math.max(1, wakeAt - Date.now()),
    );
    if (settled && state.phase === 'open') {
      // The office changed a day of the calendar (README, "Calendar"): a due instant not yet passed is
      // recounted from the opening; once escalated, the ladder's own deadlines stand.
      const change = calendar.calendarChanges[calendar.calendarChanges.length - 1]!;
      seenChanges = calendar.calendarChanges.length;
      if (state.escalationLevel > 0 || !patched('calendar-changed')) continue;
      const moved = await computeDue({ jurisdictionId: task.jurisdictionId, from: calendar.openedAt, rule: task.due });
      if (moved === dueAt) continue;
      await recordTaskDue({ taskId: task.taskId, previous: dueAt, dueAt: moved, calendarDay: change.day });
      dueAt = moved;
      deadline = Date.parse(moved);
      Object.assign(state, { dueAt: moved, nextEscalationAt: state.ladder.length > 0 ? moved : null });
      reminders.splice(
        0,
        reminders.length,
        ...(task.remindBefore ?? [])
          .map((before) => deadline - durationMs(before))
          .filter((at) => at > Date.now())
          .sort((a, b) => a - b),
      );
      continue;
    }
    if (settled) {
      // A completion in flight either commits (done) or fails back to open.
      await condition(() => state.phase !== 'completing');
      continue;
    }
    if (wakeAt === reminderAt) {
      reminders.shift();
      await notices.send({
        dedupeKey: `${task.taskId}:reminder:${reminderAt}`,
        to: task.assignee,
        kind: 'reminder',
        title: `办理提醒：${task.title}`,
        body: `办理期限：${chinaDateTime(dueAt)}（北京时间）。`,
        workflowId: workflowInfo().workflowId,
        taskId: task.taskId,
      });
      continue;
    }
    await escalate(task, state, notices, new Date(deadline).toISOString());
    const nextRung = state.ladder[state.escalationLevel];
    if (!nextRung) {
      // Top of the ladder: the task stays open and visible as overdue; no more notices.
      state.nextEscalationAt = null;
      await condition(() => isDone(state));
      break;
    }
    // In the lapse's own workflow task, beside the escalation (see escalate()).
    const next = await (patched('escalation-in-one-transaction') ? computeDueLocally : computeDue)({
      jurisdictionId: task.jurisdictionId,
      from: new Date(deadline).toISOString(),
      rule: task.escalateEvery ?? task.due,
    });
    deadline = Date.parse(next);
    state.nextEscalationAt = next;
  }
}

async function escalate(
  task: HumanTaskInput,
  state: TaskState,
  notices: NoticeSender,
  lapsedAt: string,
): Promise<void> {
  const level = state.escalationLevel + 1;
  const step: LadderStep = state.ladder[level - 1]!;
  const notice = {
    kind: 'escalation' as const,
    title: `逾期督办：${task.title}`,
    body: `办理期限${state.dueAt ? chinaDateTime(state.dueAt) : ''}（北京时间）已过，已提级至${step.label}（第${level}级督办）。`,
    workflowId: workflowInfo().workflowId,
    taskId: task.taskId,
  };
  if (patched('escalation-in-one-transaction')) {
    // The rung and both notices in one transaction, by a local activity inside the timer's own workflow task:
    // when thousands of tasks lapse at one instant, each lapse is one workflow task in the queue instead of
    // three plus their activities (README.md, "Benchmarks", deadline-burst), and no notice is ever visible
    // before the rung it names.
    const at = new Date().toISOString();
    const pending = await escalateTaskLocally({
      taskId: task.taskId,
      level,
      step,
      at: lapsedAt,
      notices: [
        { ...notice, dedupeKey: `${task.taskId}:escalation:${level}`, to: step.assignee, at },
        ...(level === 1 ? [{ ...notice, dedupeKey: `${task.taskId}:overdue`, to: task.assignee, at }] : []),
      ],
    });
    state.escalationLevel = level;
    notices.deliver(pending);
    return;
  }
  await recordEscalation({ taskId: task.taskId, level, step, at: lapsedAt });
  state.escalationLevel = level;
  const toRung = notices.send({ ...notice, dedupeKey: `${task.taskId}:escalation:${level}`, to: step.assignee });
  if (patched('escalation-notices-at-once')) {
    // Both notices of a first lapse in one round: when thousands of tasks share a deadline, every round trip
    // is one more workflow task per task in the queue (README.md, "Benchmarks", deadline-burst).
    await Promise.all([
      toRung,
      level === 1 ? notices.send({ ...notice, dedupeKey: `${task.taskId}:overdue`, to: task.assignee }) : undefined,
    ]);
    return;
  }
  await toRung;
  if (level === 1) await notices.send({ ...notice, dedupeKey: `${task.taskId}:overdue`, to: task.assignee });
}

// A function, so TypeScript does not narrow the phase across awaits where handlers change it.
function isDone(state: TaskState): boolean {
  return state.phase === 'done';
}

function checkedResult(task: HumanTaskInput, result: unknown): Record<string, unknown> {
  const check = checkTaskResult(task.kind, result, task.payload);
  if (!check.ok)
    throw ApplicationFailure.create({
      type: taskFailureTypes.invalidResult,
      message: check.message,
      nonRetryable: true,
    });
  return check.result;
}

async function tellOwner(ownerWorkflowId: string, completion: TaskCompletion): Promise<void> {
  try {
    await getExternalWorkflowHandle(ownerWorkflowId).signal(taskCompletedSignal, completion);
  } catch {
    // The owner has closed; the task row and its audit event already hold the completion.
  }
}

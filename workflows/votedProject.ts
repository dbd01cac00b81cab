import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { ProjectState, VotedProjectInput } from './votedProject.messages';
import { acceptanceTasks } from './votedProject/acceptance';
import { buildTasks, beginBuild, buildTick, buildTicks } from './votedProject/build';
import { consequenceTasks, consequenceTick, consequenceTicks, rated } from './votedProject/consequences';
import { installHandlers } from './votedProject/handlers';
import { groupWorkTick, groupWorkTicks, inspectionTasks, planGroupWork } from './votedProject/inspection';
import {
  closeIfDone,
  postEvaluationTasks,
  postEvaluationTick,
  postEvaluationTicks,
} from './votedProject/postEvaluation';
import { Project, type TaskDoneHandler } from './votedProject/project';
import { supervisionTasks } from './votedProject/supervision';

/** Years of weekly cadence would grow one history without bound; a run hands over well before the engine's limits. */
const HISTORY_EVENTS_PER_RUN = 1_500;

/** Who takes in a finished task: the phase whose step it was. */
const onTaskDone: Record<string, TaskDoneHandler> = {
  ...buildTasks,
  ...acceptanceTasks,
  ...supervisionTasks,
  ...inspectionTasks,
  ...consequenceTasks,
  ...postEvaluationTasks,
};

/**
 * A voted project from election to post-evaluation, two to three years (docs/domain.md, "Implementation",
 * "Supervision" and "Rating" to "Post-evaluation"), phase by phase:
 *
 * 1. build (votedProject/build.ts): the department reports weekly, the leader checks weekly and appraises
 *    quarterly; warnings follow the plan. The supervision group (supervision.ts) files findings
 *    throughout, and the department answers each by a deadline.
 * 2. accept → use (acceptance.ts): the department reports 100%; the responsible leader arranges the completion
 *    acceptance, the group is invited, and the leader records it against the standard with the day it goes into use.
 * 3. rating consequences (consequences.ts): the congress's rating arrives from the batch; the respective
 *    explanation, rectification from the congress's closing day, the committee's re-rating by its deadline, and
 *    after a second 不满意 the committee's decision, a chosen measure followed to its end.
 * 4. post-evaluation (postEvaluation.ts): a year in use, finance's performance evaluation and the group's look-back;
 *    then it closes. The office sees each government act (notices, the project's timeline) and performs none.
 *
 * The people's steps are updates (votedProject/handlers.ts) and tasks: child workflows that outlive a run
 * and report back by signal, so the workflow can continue as new between any two events.
 */
export async function votedProjectWorkflow(input: VotedProjectInput): Promise<ProjectState> {
  const project = new Project(input);
  const { state } = project;
  installHandlers(project);
  if (input.carriedDeliveries) project.notices.deliver(input.carriedDeliveries);
  if (!input.carried) await beginBuild(project);

  while (state.phase !== 'closed') {
    if (handOverDue(input)) await handOver(project, input);
    planGroupWork(project);
    // Only people move a project on between its cadence's, its group's, its re-rating's and its post-evaluation's instants.
    const ticks = [
      ...buildTicks(project),
      ...groupWorkTicks(project),
      ...consequenceTicks(project),
      ...postEvaluationTicks(project),
    ];
    await condition(
      () =>
        project.inbox.length > 0 || project.ratingArrived !== null || state.phase === 'closed' || handOverDue(input),
      ticks.length ? Math.max(1, Math.min(...ticks) - Date.now()) : undefined,
    );

    while (project.inbox.length > 0) {
      const completion = project.inbox.shift()!;
      const open = state.openTasks.find((t) => t.taskId === completion.taskId);
      if (!open) continue;
      state.openTasks = state.openTasks.filter((t) => t.taskId !== completion.taskId);
      await onTaskDone[open.kind]?.(project, completion, open);
    }
    if (project.ratingArrived) {
      const notice = project.ratingArrived;
      project.ratingArrived = null;
      await rated(project, notice);
    }
    const now = Date.now();
    await buildTick(project, now);
    await groupWorkTick(project, now);
    await consequenceTick(project, now);
    await postEvaluationTick(project, now);
    await closeIfDone(project);
  }

  // A committee's decision that closed the project (votedProject/change.ts) may still be telling people.
  await condition(allHandlersFinished);
  await project.notices.settle();
  await condition(allHandlersFinished);
  return state;
}

/**
 * Continues as new once nothing is in flight, else returns to take in what arrived. Deliveries still being tried go
 * with the state: waiting for them here (an SMTP server down for hours) held the hand-over, and a task's completion
 * that arrived meanwhile was dropped with the old run, so nothing awaits between the check and the hand-over now.
 * Added while projects were running, hence the patch.
 */
async function handOver(project: Project, input: VotedProjectInput): Promise<void> {
  const { state } = project;
  const carryDeliveries = patched('hand-over-deliveries');
  await condition(allHandlersFinished);
  if (project.inbox.length > 0 || project.ratingArrived) return;
  if (!carryDeliveries) await project.notices.settle();
  const carried = {
    ...state,
    runs: state.runs + 1,
    handoverEvents: [...state.handoverEvents, workflowInfo().historyLength],
  };
  // An attempt in flight at this moment still ends in the old run; the new run's attempt skips a delivery its row
  // marks sent, so at worst one e-mail goes out twice, and none is lost.
  const carriedDeliveries = carryDeliveries ? project.notices.unsettled() : [];
  await continueAsNew<typeof votedProjectWorkflow>({
    ...input,
    carried,
    carriedDeliveries: carriedDeliveries.length > 0 ? carriedDeliveries : undefined,
  });
}

/** An explicit threshold (tests) is the only rule; otherwise the default, or earlier if the server suggests it. */
function handOverDue(input: VotedProjectInput): boolean {
  const info = workflowInfo();
  if (input.handoverAfterEvents !== undefined) return info.historyLength > input.handoverAfterEvents;
  return info.historyLength > HISTORY_EVENTS_PER_RUN || info.continueAsNewSuggested;
}

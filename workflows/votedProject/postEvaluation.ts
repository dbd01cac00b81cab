import { consequencesSettled, postEvaluationDone, taskDue } from '../../domain/projectRules';
import type { Project, TaskDoneHandler } from './project';

/**
 * Post-evaluation (docs/domain.md, "Post-evaluation"): a year after the project went into use, the finance
 * department evaluates its performance (the government's, docs/domain.md, "Levels"; the office did in projects
 * started before, and sees the result now) and the supervision group looks back; each look-back suggestion is
 * rectified. The project closes once that and its rating's consequences are done.
 */

export function postEvaluationTicks(project: Project): number[] {
  const post = project.state.postEvaluation;
  return post && !post.started ? [Date.parse(post.dueAt)] : [];
}

export async function postEvaluationTick(project: Project, now: number): Promise<void> {
  const { state } = project;
  const post = state.postEvaluation;
  if (!post || post.started || now < Date.parse(post.dueAt)) return;
  post.started = true;
  await project.milestone('project.postEvaluationStarted', null, { inUseOn: state.inUseOn });
  await project.openTask(
    'performanceEvaluation',
    `绩效评价（投入使用一年）：${project.title}`,
    state.governmentActs ? project.governmentSide('performanceEvaluation') : project.coordinators(),
    taskDue('performanceEvaluation', state.policy!),
    {},
  );
  await project.openTask(
    'lookBack',
    `回头看：${project.title}`,
    project.groupConvener(),
    taskDue('lookBack', state.policy!),
    { group: state.group.map((m) => m.userId) },
  );
}

export const postEvaluationTasks: Record<string, TaskDoneHandler> = {
  async performanceEvaluation(project, completion) {
    project.state.postEvaluation!.evaluated = true;
    if (!project.state.governmentActs) return;
    // The government's evaluation: on the project's timeline, and told to the office, which watches.
    const { result } = completion;
    await project.milestone('project.performanceEvaluated', null, {
      score: result.score,
      summary: result.summary,
      by: completion.completedBy,
    });
    await project.notices.send({
      dedupeKey: `${completion.taskId}:evaluated`,
      to: project.coordinators(),
      kind: 'info',
      title: `绩效评价结果：${project.title}`,
      body: `投入使用一年绩效评价得分${String(result.score)}分：${String(result.summary)}`,
      workflowId: project.projectId,
      taskId: completion.taskId,
    });
  },
  async lookBack(project, completion) {
    const { state } = project;
    const suggestions = (completion.result.suggestions as string[]) ?? [];
    state.postEvaluation!.lookedBack = true;
    for (const [i, suggestion] of suggestions.entries()) {
      state.postEvaluation!.suggestionsOpen += 1;
      await project.openTask(
        'lookBackRectification',
        `整改回头看意见 ${i + 1}：${project.title}`,
        project.department(),
        taskDue('lookBackRectification', state.policy!),
        { suggestion },
      );
    }
  },
  async lookBackRectification(project) {
    project.state.postEvaluation!.suggestionsOpen -= 1;
  },
};

/** In use, evaluated and looked back at, its rating's consequences run: the project's record is complete. */
export async function closeIfDone(project: Project): Promise<void> {
  const { state } = project;
  if (state.phase !== 'inUse') return;
  if (!postEvaluationDone(state.postEvaluation)) return;
  if (!consequencesSettled(state.rating !== null, state.consequence.stage)) return;
  state.phase = 'closed';
  await project.milestone('project.closed', null, {
    rating: state.rating?.outcome,
    measure: state.consequence.measure,
  });
  await project.cancelTasks(() => true);
}

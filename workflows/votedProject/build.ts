import { patched } from '@temporalio/workflow';
import type { Actor } from '../../domain/assignee';
import { defaultStagePlan } from '../../domain/projectPlan';
import { taskDue } from '../../domain/projectRules';
import { plannedPercent, type ProjectStage, type StagePlan } from '../../domain/progressWarning';
import { addCalendarPeriod, chinaDay } from '../../domain/workingDays';
import { askForAcceptance } from './acceptance';
import { acts, localActs, type Project, type TaskDoneHandler } from './project';
import { checkGroupSize } from './supervision';

/**
 * Build (docs/domain.md, "Implementation" and "Cadence"): the department reports progress weekly, the
 * responsible leader checks weekly (周督导) and appraises quarterly (季考评, the government's: docs/domain.md,
 * "Levels"; the office did in projects started before, and sees the result now), and the plan's red/yellow/blue
 * warnings follow the reports. A report of 100% asks the government for the completion acceptance (acceptance.ts).
 */

const DAY_MS = 86_400_000;

/** The first run: the jurisdiction's policy, a default stage plan from the deadline, and the cadence's first ticks. */
export async function beginBuild(project: Project): Promise<void> {
  const { state, input } = project;
  // The government performs its own acts (docs/domain.md, "Levels"); projects started before keep the office doing them.
  if (patched('government-acts')) state.governmentActs = true;
  // A batch starts all its projects at once, so a project settles in its first workflow task: the policy read
  // and the plan's idempotent write as local activities, not three workflow tasks and two scheduled activities.
  const settle = patched('settle-in-first-task') ? localActs : acts;
  state.policy = await settle.loadProjectPolicy({ jurisdictionId: input.jurisdictionId });
  state.plan = defaultStagePlan(chinaDay(new Date()), input.responsibility.deadline);
  await settle.recordStagePlan({ projectId: input.projectId, plan: state.plan });
  const now = Date.now();
  state.cadence = {
    nextProgressAt: new Date(now + state.policy.progressReportEveryDays * DAY_MS).toISOString(),
    nextSupervisionAt: new Date(now + state.policy.supervisionEveryDays * DAY_MS).toISOString(),
    nextEvaluationAt: addCalendarPeriod(new Date(now), {
      months: state.policy.evaluationEveryMonths,
      days: 0,
      hours: 0,
    }).toISOString(),
    evaluations: 0,
  };
}

/** The cadence's next instants while the project is built; none once it is accepted. */
export function buildTicks(project: Project): number[] {
  const { state } = project;
  if (state.phase !== 'implementation') return [];
  return [
    Date.parse(state.cadence.nextProgressAt),
    Date.parse(state.cadence.nextSupervisionAt),
    Date.parse(state.cadence.nextEvaluationAt),
  ];
}

/** 周督导、季考评 while the project is built; one open task of each kind at a time, the open one escalating. */
export async function buildTick(project: Project, now: number): Promise<void> {
  const { state, input } = project;
  const policy = state.policy!;
  if (state.phase !== 'implementation') return;
  if (now >= Date.parse(state.cadence.nextProgressAt)) {
    state.cadence.nextProgressAt = new Date(
      Date.parse(state.cadence.nextProgressAt) + policy.progressReportEveryDays * DAY_MS,
    ).toISOString();
    // A report answers for its week; only a missing one lets time passing alone move the warning.
    if (project.hasOpen('progressReport')) await project.reassess(null);
    else {
      await project.openTask(
        'progressReport',
        `进度报告（${chinaDay(new Date(now))}）：${input.title}`,
        project.department(),
        taskDue('progressReport', policy),
        {
          previousPercent: state.progress?.percent ?? 0,
          plannedPercent: plannedPercent(state.plan!, chinaDay(new Date(now))),
          deadline: input.responsibility.deadline,
        },
      );
    }
  }
  if (now >= Date.parse(state.cadence.nextSupervisionAt)) {
    state.cadence.nextSupervisionAt = new Date(
      Date.parse(state.cadence.nextSupervisionAt) + policy.supervisionEveryDays * DAY_MS,
    ).toISOString();
    await checkGroupSize(project);
    if (!project.hasOpen('supervisionCheck')) {
      await project.openTask(
        'supervisionCheck',
        `周督导：${input.title}`,
        project.leaderOrDepartment(),
        taskDue('supervisionCheck', policy),
        { warning: state.warning.level },
      );
    }
  }
  if (now >= Date.parse(state.cadence.nextEvaluationAt)) {
    state.cadence.evaluations += 1;
    state.cadence.nextEvaluationAt = addCalendarPeriod(new Date(state.cadence.nextEvaluationAt), {
      months: policy.evaluationEveryMonths,
      days: 0,
      hours: 0,
    }).toISOString();
    await project.openTask(
      'quarterlyEvaluation',
      `季度考评（第${state.cadence.evaluations}次）：${input.title}`,
      state.governmentActs ? project.governmentSide('quarterlyEvaluation') : project.coordinators(),
      taskDue('quarterlyEvaluation', policy),
      { progress: state.progress?.percent ?? 0, warning: state.warning.level },
    );
  }
}

/** The department (or the office) replans the stages; the warning is recomputed against the new plan. */
export async function setStagePlan(project: Project, actor: Actor, plan: StagePlan): Promise<void> {
  project.state.plan = plan;
  await acts.recordStagePlan({ projectId: project.projectId, plan });
  await project.milestone('project.planned', actor, { plan });
  await project.reassess(null);
}

export const buildTasks: Record<string, TaskDoneHandler> = {
  async progressReport(project, completion) {
    const { result } = completion;
    await project.reassess({
      percent: result.percent as number,
      stage: result.stage as ProjectStage,
      reportedAt: completion.completedAt,
    });
    await askForAcceptance(project);
  },
  /** The government's appraisal: recorded on the project's timeline and told to the office, which watches. */
  async quarterlyEvaluation(project, completion) {
    if (!project.state.governmentActs) return;
    const { result } = completion;
    await project.milestone('project.quarterlyEvaluated', null, {
      score: result.score,
      note: result.note,
      by: completion.completedBy,
    });
    await project.notices.send({
      dedupeKey: `${completion.taskId}:evaluated`,
      to: project.coordinators(),
      kind: 'info',
      title: `季度考评结果：${project.title}`,
      body: `季度考评得分${String(result.score)}分：${String(result.note)}`,
      workflowId: project.projectId,
      taskId: completion.taskId,
    });
  },
};

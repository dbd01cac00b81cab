import { patched } from '@temporalio/workflow';
import { groupEvaluationGradeLabels } from '../../domain/contract/labels.zh';
import {
  GROUP_WORK_DUE_WORKING_DAYS,
  evaluatesAtYearEnd,
  groupWorkYear,
  inspectsAtMidYear,
  inspectionItemDue,
  nextInspectionAt,
  nextYearEndEvaluationAt,
} from '../../domain/groupInspection';
import type { GroupEvaluationGrade } from '../../domain/taskKinds';
import { chinaDay } from '../../domain/workingDays';
import type { FindingState } from '../votedProject.messages';
import { acts, nowIso, type Project, type TaskDoneHandler } from './project';
import { askForResponse } from './supervision';

/**
 * The supervision group's two fixed acts of the year (docs/domain.md, "Supervision"): at mid-year a concentrated
 * inspection 集中视察, whose itemised list goes to the department item by item, each a finding with its deadline
 * (交办清单, 限期反馈); at year-end the group's overall evaluation 总体评价, recorded on the project. The instants are
 * the batch's half-year and year-end report days (domain/groupInspection.ts).
 */

/**
 * Plans the group's year on a project's first run, or on the first run of new code for a project started before.
 * Added after projects were running, hence the patch: histories without its marker never plan it.
 */
export function planGroupWork(project: Project): void {
  const { state } = project;
  if (state.groupWork || state.phase === 'closed') return;
  if (!patched('concentrated-inspection')) return;
  const now = Date.now();
  state.groupWork = {
    nextInspectionAt: nextInspectionAt(now),
    nextYearEndAt: nextYearEndEvaluationAt(now),
    taskYears: {},
    inspections: [],
    evaluations: [],
  };
}

export function groupWorkTicks(project: Project): number[] {
  const work = project.state.groupWork;
  return work ? [Date.parse(work.nextInspectionAt), Date.parse(work.nextYearEndAt)] : [];
}

/** On the mid-year and year-end instants: the group's task, when the project's phase calls for one, then next year's. */
export async function groupWorkTick(project: Project, now: number): Promise<void> {
  const { state } = project;
  const work = state.groupWork;
  if (!work || state.phase === 'closed') return;
  if (now >= Date.parse(work.nextInspectionAt)) {
    const year = groupWorkYear(work.nextInspectionAt);
    work.nextInspectionAt = nextInspectionAt(Date.parse(work.nextInspectionAt));
    if (inspectsAtMidYear(state.phase)) await openInspection(project, year);
  }
  if (now >= Date.parse(work.nextYearEndAt)) {
    const year = groupWorkYear(work.nextYearEndAt);
    work.nextYearEndAt = nextYearEndEvaluationAt(Date.parse(work.nextYearEndAt));
    if (evaluatesAtYearEnd(state.phase, state.acceptedAt, year)) await openYearEndEvaluation(project, year);
  }
}

/** The convener leads the inspection; every member is told, since the whole group inspects. */
async function openInspection(project: Project, year: number): Promise<void> {
  const { state } = project;
  await openGroupTask(
    project,
    year,
    'concentratedInspection',
    `${year}年年中集中视察：${project.title}`,
    { year, openedOn: chinaDay(new Date()), group: state.group.map((m) => m.userId) },
    {
      title: `${year}年年中集中视察：${project.title}`,
      body: '请监督小组集中视察项目，形成条目式督查清单，逐条限期交办。',
    },
  );
}

async function openYearEndEvaluation(project: Project, year: number): Promise<void> {
  const { state } = project;
  await openGroupTask(
    project,
    year,
    'groupYearEndEvaluation',
    `${year}年监督小组年终总体评价：${project.title}`,
    { year, group: state.group.map((m) => m.userId), progress: state.progress?.percent ?? 0 },
    {
      title: `${year}年年终总体评价：${project.title}`,
      body: '请监督小组对项目全年实施情况作出总体评价（好、较好、一般、差）。',
    },
  );
}

/** One of the group's yearly tasks, to its convener: the year it answers for is kept, and every member is told. */
async function openGroupTask(
  project: Project,
  year: number,
  kind: 'concentratedInspection' | 'groupYearEndEvaluation',
  title: string,
  payload: Record<string, unknown>,
  notice: { title: string; body: string },
): Promise<void> {
  await project.openTask(
    kind,
    title,
    project.groupConvener(),
    {
      kind: 'workingDays',
      days: GROUP_WORK_DUE_WORKING_DAYS,
    },
    payload,
  );
  const taskId = project.state.openTasks.at(-1)!.taskId;
  project.state.groupWork!.taskYears[taskId] = year;
  await tellGroup(project, taskId, notice.title, notice.body);
}

async function tellGroup(project: Project, taskId: string, title: string, body: string): Promise<void> {
  for (const member of project.state.group) {
    await project.notices.send({
      dedupeKey: `${taskId}:group:${member.userId}`,
      to: { kind: 'user', userId: member.userId },
      kind: 'info',
      title,
      body,
      workflowId: project.projectId,
      taskId,
    });
  }
}

interface InspectionItem {
  text: string;
  photoIds: string[];
  dueOn?: string;
  dueWorkingDays?: number;
}

export const inspectionTasks: Record<string, TaskDoneHandler> = {
  /** 交办清单: each item is handed to the department as the group's finding, with the deadline the group set. */
  async concentratedInspection(project, completion, open) {
    const { state, projectId } = project;
    const work = state.groupWork!;
    const year = work.taskYears[open.taskId] ?? groupWorkYear(completion.completedAt);
    delete work.taskYears[open.taskId];
    const items = (completion.result.items as InspectionItem[]) ?? [];
    const handed = items.map((item, i) => ({
      item,
      findingId: `${open.taskId}-item-${i + 1}`,
      due: inspectionItemDue(item, state.policy!),
    }));
    await acts.recordInspectionList({
      projectId,
      taskId: open.taskId,
      year,
      completedBy: completion.completedBy,
      summary: String(completion.result.summary),
      items: handed.map(({ item, findingId, due }) => ({
        findingId,
        text: item.text,
        photoIds: item.photoIds,
        dueAt: due.kind === 'at' ? due.at : null,
      })),
      at: completion.completedAt,
    });
    work.inspections.push({
      year,
      taskId: open.taskId,
      items: handed.length,
      findingIds: handed.map((h) => h.findingId),
    });
    for (const { item, findingId, due } of handed) {
      const finding: FindingState = { findingId, round: 1, status: 'awaitingResponse' };
      state.findings.push(finding);
      await askForResponse(project, finding, item.text, due);
    }
  },

  /** 总体评价: recorded on the project's timeline and state, and the office told. */
  async groupYearEndEvaluation(project, completion, open) {
    const { state, projectId } = project;
    const grade = completion.result.grade as GroupEvaluationGrade;
    const text = String(completion.result.text);
    const evaluation = {
      year: state.groupWork!.taskYears[open.taskId] ?? groupWorkYear(completion.completedAt),
      grade,
      text,
      evaluatedBy: completion.completedBy,
      evaluatedAt: completion.completedAt,
    };
    delete state.groupWork!.taskYears[open.taskId];
    state.groupWork!.evaluations.push(evaluation);
    await acts.recordGroupEvaluation({ projectId, taskId: open.taskId, ...evaluation, at: nowIso() });
    await project.notices.send({
      dedupeKey: `${open.taskId}:evaluated`,
      to: project.coordinators(),
      kind: 'info',
      title: `监督小组年终总体评价（${groupEvaluationGradeLabels[grade]}）：${project.title}`,
      body: text,
      workflowId: projectId,
      taskId: open.taskId,
    });
  },
};

import type { Actor } from '../../domain/assignee';
import { acceptanceRecordDue, taskDue } from '../../domain/projectRules';
import { addCalendarPeriod, chinaDay } from '../../domain/workingDays';
import { nowIso, type Project, type TaskDoneHandler } from './project';

/**
 * Accept → use (docs/domain.md, "Implementation", "Levels" and "Post-evaluation"). Completion acceptance is the
 * government's: once the department reports the project complete, the responsible leader arranges the
 * acceptance (the supervision group is invited) and records it against the acceptance standard, with the day
 * the project goes into use, from which its one-year post-evaluation is counted. The office sees each step.
 * Projects started before (no `governmentActs`) keep the office's direct decisions (handlers.ts).
 */

/** The department reported 100%: the government is asked to arrange the acceptance, once at a time. */
export async function askForAcceptance(project: Project): Promise<void> {
  const { state, input } = project;
  if (!state.governmentActs || state.phase !== 'implementation') return;
  const percent = state.progress?.percent ?? 0;
  if (percent < 100 || project.hasOpen('acceptanceArrangement') || project.hasOpen('completionAcceptance')) return;
  const askedOn = chinaDay(new Date());
  await project.openTask(
    'acceptanceArrangement',
    `安排竣工验收：${project.title}`,
    project.governmentSide('completionAcceptance'),
    taskDue('acceptanceArrangement', state.policy!),
    {
      percent,
      askedOn,
      deadline: input.responsibility.deadline,
      acceptanceStandard: input.responsibility.acceptanceStandard,
    },
  );
  await project.milestone('project.acceptanceRequested', null, { percent, askedOn });
}

export const acceptanceTasks: Record<string, TaskDoneHandler> = {
  /** Arranged: the group is invited to attend, the office is told, and the record is asked for. */
  async acceptanceArrangement(project, completion) {
    const { state, input } = project;
    const heldOn = String(completion.result.heldOn);
    const place = String(completion.result.place);
    const note = String(completion.result.note ?? '');
    state.acceptance = { heldOn, place };
    await project.milestone('project.acceptanceArranged', null, { heldOn, place, by: completion.completedBy });
    const standard = input.responsibility.acceptanceStandard;
    for (const member of state.group) {
      await project.notices.send({
        dedupeKey: `${completion.taskId}:invite:${member.userId}`,
        to: { kind: 'user', userId: member.userId },
        kind: 'info',
        title: `竣工验收邀请：${project.title}`,
        body: `定于${heldOn}在${place}进行竣工验收（验收标准：${standard}），请项目监督小组成员参加。${note}`,
        workflowId: project.projectId,
        taskId: completion.taskId,
      });
    }
    await project.notices.send({
      dedupeKey: `${completion.taskId}:arranged`,
      to: project.coordinators(),
      kind: 'info',
      title: `竣工验收已安排：${project.title}`,
      body: `定于${heldOn}在${place}进行竣工验收，已邀请监督小组${state.group.length}名成员参加。`,
      workflowId: project.projectId,
      taskId: completion.taskId,
    });
    await project.openTask(
      'completionAcceptance',
      `竣工验收：${project.title}`,
      project.governmentSide('completionAcceptance'),
      acceptanceRecordDue(heldOn),
      { heldOn, place, acceptanceStandard: standard, deadline: input.responsibility.deadline },
    );
  },

  /** Passed, the project is accepted and goes into use; failed, the department finishes and reports it again. */
  async completionAcceptance(project, completion) {
    const { state } = project;
    const { result } = completion;
    const acceptedOn = String(result.acceptedOn);
    const opinion = String(result.opinion);
    const detail = {
      acceptedOn,
      opinion,
      standard: project.input.responsibility.acceptanceStandard,
      by: completion.completedBy,
      documentIds: result.documentIds,
    };
    state.acceptance = null;
    if (result.outcome !== 'passed') {
      await project.milestone('project.acceptanceFailed', null, detail);
      for (const to of [project.department(), project.coordinators()]) {
        await project.notices.send({
          dedupeKey: `${completion.taskId}:failed:${to.kind}`,
          to,
          kind: 'escalation',
          title: `竣工验收未通过：${project.title}`,
          body: `${acceptedOn}竣工验收未通过：${opinion} 整改完成后请重新报告完工。`,
          workflowId: project.projectId,
          taskId: completion.taskId,
        });
      }
      return;
    }
    const inUseOn = String(result.inUseOn);
    await acceptCompletion(project, null, detail);
    await enterUse(project, null, inUseOn);
    await project.notices.send({
      dedupeKey: `${completion.taskId}:passed`,
      to: project.coordinators(),
      kind: 'info',
      title: `竣工验收通过：${project.title}`,
      body: `${acceptedOn}通过竣工验收，${inUseOn}投入使用。${opinion}`,
      workflowId: project.projectId,
      taskId: completion.taskId,
    });
  },
};

/** Ends the weekly cadence: by the office's decision (projects started before) or the government's record. */
export async function acceptCompletion(
  project: Project,
  actor: Actor | null,
  record: Record<string, unknown> = {},
): Promise<void> {
  const { state } = project;
  const at = nowIso();
  state.phase = 'accepted';
  state.acceptedAt = at;
  await project.milestone(
    'project.accepted',
    actor,
    { progress: state.progress?.percent ?? 0, ...record },
    { acceptedAt: at },
  );
  await project.cancelTasks(
    (t) => t.kind === 'progressReport' || t.kind === 'supervisionCheck' || t.kind === 'quarterlyEvaluation',
  );
}

export async function enterUse(project: Project, actor: Actor | null, inUseOn: string): Promise<void> {
  const { state } = project;
  state.phase = 'inUse';
  state.inUseOn = inUseOn;
  const dueAt = addCalendarPeriod(new Date(`${inUseOn}T00:00:00+08:00`), {
    months: state.policy!.postEvaluationAfterMonths,
    days: 0,
    hours: 0,
  });
  state.postEvaluation = {
    dueAt: dueAt.toISOString(),
    started: false,
    evaluated: false,
    lookedBack: false,
    suggestionsOpen: 0,
  };
  await project.milestone(
    'project.inUse',
    actor,
    { inUseOn, postEvaluationAt: state.postEvaluation.dueAt },
    { inUseOn },
  );
}

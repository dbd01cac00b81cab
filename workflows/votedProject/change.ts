import type { ProjectChangeInput, ProjectChangeRecord } from '../../domain/contract/projectChange';
import { projectChangeRefusal, projectChangeSummary, replannedStages } from '../../domain/projectChange';
import { chinaDay } from '../../domain/workingDays';
import { acts, invalid, nowIso, outOfPhase, type Project } from './project';

/**
 * The committee's decisions on a project (docs/domain.md, "Changes and termination"): only the standing committee
 * (a township's presidium, a street's 议政代表会议) changes a project's deadline or scope, or ends it, with a
 * reason. The office records the decision; the project follows it, the people it concerns are told, and the
 * record is published.
 */

/** The validator's question: may this decision be recorded now? Refusals by code, as every validator's. */
export function refuseProjectChange(project: Project, decision: ProjectChangeInput): void {
  const { state } = project;
  project.requireRole(decision.actor, 'coordinator', 'recordProjectChange');
  // A new deadline reassesses the warning, which needs the policy loaded in the project's first instant.
  if (!state.policy && state.phase !== 'closed') throw outOfPhase('projectChangeTooEarly');
  const refusal = projectChangeRefusal(decision, {
    phase: state.phase,
    deadline: state.responsibility.deadline,
    today: chinaDay(new Date()),
  });
  if (!refusal) return;
  const conflicting = refusal.code === 'projectChangeClosed' || refusal.code === 'changeAfterAcceptance';
  throw (conflicting ? outOfPhase : invalid)(refusal.code, refusal.params);
}

export async function recordProjectChange(project: Project, decision: ProjectChangeInput): Promise<void> {
  const { state, input } = project;
  const { actor, kind } = decision;
  const previousDeadline = state.responsibility.deadline;
  const change: ProjectChangeRecord = {
    changeId: `${project.projectId}-change-${(state.changes?.length ?? 0) + 1}`,
    kind,
    reason: decision.reason.trim(),
    meetingOn: decision.meetingOn,
    decidedBy: decision.decidedBy,
    ...(kind === 'changeDeadline' ? { previousDeadline, newDeadline: decision.newDeadline! } : {}),
    ...(kind === 'changeScope' ? { scope: decision.scope!.trim() } : {}),
    ...(kind === 'changeScope' && decision.acceptanceStandard?.trim()
      ? { acceptanceStandard: decision.acceptanceStandard.trim() }
      : {}),
    ...(decision.documentId ? { documentId: decision.documentId } : {}),
    recordedBy: actor.userId,
    at: nowIso(),
  };
  state.changes = [...(state.changes ?? []), change];
  if (kind === 'terminate') {
    state.phase = 'closed';
    state.outcome = 'terminated';
  } else {
    // The phases read the responsibility list from the input, which travels on through continue-as-new with it.
    const responsibility = {
      ...state.responsibility,
      ...(change.newDeadline ? { deadline: change.newDeadline } : {}),
      ...(change.acceptanceStandard ? { acceptanceStandard: change.acceptanceStandard } : {}),
    };
    state.responsibility = responsibility;
    Object.assign(input.responsibility, responsibility);
  }
  await acts.recordProjectChange({ projectId: project.projectId, change, actor });

  if (kind === 'changeDeadline') {
    state.plan = replannedStages(state.plan, chinaDay(new Date()), change.newDeadline!);
    await acts.recordStagePlan({ projectId: project.projectId, plan: state.plan });
    await project.reassess(null);
  }
  if (kind === 'terminate') {
    await project.milestone('project.closed', actor, { outcome: 'terminated', reason: change.reason });
    await project.cancelTasks(() => true);
  }
  await tellConcerned(project, change);
}

/** The department, the responsible leader and every member of the supervision group hear the decision. */
async function tellConcerned(project: Project, change: ProjectChangeRecord): Promise<void> {
  const title = `${change.kind === 'terminate' ? '项目终止' : '项目调整'}：${project.title}`;
  const body = projectChangeSummary(change, change.decidedBy);
  const recipients = [
    project.department(),
    project.leaderOrDepartment(),
    ...project.state.group.map((m) => ({ kind: 'user' as const, userId: m.userId })),
  ];
  const seen = new Set<string>();
  for (const to of recipients) {
    const key = JSON.stringify(to);
    if (seen.has(key)) continue;
    seen.add(key);
    await project.notices.send({
      dedupeKey: `${change.changeId}:${key}`,
      to,
      kind: 'info',
      title,
      body,
      workflowId: project.projectId,
      taskId: null,
    });
  }
}

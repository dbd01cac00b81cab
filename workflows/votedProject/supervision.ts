import type { Actor } from '../../domain/assignee';
import type { DueRuleInput } from '../../domain/dueRule';
import { patched } from '@temporalio/workflow';
import { supervisionGroupShort, taskDue } from '../../domain/projectRules';
import type { FindingState } from '../votedProject.messages';
import { acts, nowIso, type Project, type TaskDoneHandler } from './project';

/**
 * Supervision (docs/domain.md, "Supervision"): deputies and residents' representatives sign up to a
 * project's group; a finding goes to the department with a deadline, the group accepts the answer or
 * sends it back for another round.
 */

/** A member signs up, or the office appoints one (`appointedBy`); a group short of members is cleared once it has them. */
export async function joinGroup(project: Project, member: Actor, appointedBy?: Actor): Promise<void> {
  const { state } = project;
  const joinedAt = nowIso();
  state.group.push({ userId: member.userId, joinedAt, ...(appointedBy ? { appointedBy: appointedBy.userId } : {}) });
  await acts.recordSupervisionMember({
    projectId: project.projectId,
    actor: member,
    joinedAt,
    ...(appointedBy ? { appointedBy } : {}),
  });
  if (state.groupShortSince && !supervisionGroupShort(state.group.length, state.policy!.supervisionGroup)) {
    state.groupShortSince = null;
    await project.milestone('project.groupComplete', appointedBy ?? member, { members: state.group.length });
  }
}

/**
 * Weekly while built (with the leader's check): a group below its minimum is flagged, and the office is asked
 * to appoint members. Added after projects were running, hence the patch.
 */
export async function checkGroupSize(project: Project): Promise<void> {
  const { state } = project;
  if (state.groupShortSince || !supervisionGroupShort(state.group.length, state.policy!.supervisionGroup)) return;
  if (!patched('supervision-group-minimum')) return;
  state.groupShortSince = nowIso();
  const { min } = state.policy!.supervisionGroup;
  await project.milestone('project.groupShort', null, { members: state.group.length, min });
  await project.notices.send({
    dedupeKey: `${project.projectId}:groupShort:${state.groupShortSince}`,
    to: project.coordinators(),
    kind: 'escalation',
    title: `监督小组不足${min}人：${project.title}`,
    body: `目前${state.group.length}人报名，请指定代表或居民代表补足监督小组。`,
    workflowId: project.projectId,
    taskId: null,
  });
}

export async function fileFinding(
  project: Project,
  input: { actor: Actor; findingId: string; text: string; photoIds: string[] },
): Promise<FindingState> {
  const { actor, findingId, text, photoIds } = input;
  const finding: FindingState = { findingId, round: 1, status: 'awaitingResponse' };
  project.state.findings.push(finding);
  await acts.recordFinding({ findingId, projectId: project.projectId, actor, text, photoIds, at: nowIso() });
  await askForResponse(project, finding, text);
  return finding;
}

export async function reviewFinding(
  project: Project,
  input: { actor: Actor; findingId: string; accepted: boolean; note: string },
): Promise<FindingState> {
  const { actor, findingId, accepted, note } = input;
  const finding = project.state.findings.find((f) => f.findingId === findingId)!;
  if (accepted) {
    finding.status = 'accepted';
  } else {
    // Reopened: the department answers again, with a fresh deadline.
    finding.round += 1;
    finding.status = 'awaitingResponse';
  }
  await acts.updateFinding({
    findingId,
    projectId: project.projectId,
    status: finding.status,
    round: finding.round,
    actor,
    note,
    at: nowIso(),
  });
  if (!accepted) await askForResponse(project, finding, note);
  return finding;
}

/**
 * The department answers a finding by its deadline (限期反馈), escalating when late: the policy's, or the one the
 * group set for an item of its mid-year inspection list (inspection.ts).
 */
export async function askForResponse(
  project: Project,
  finding: FindingState,
  text: string,
  due: DueRuleInput = taskDue('findingResponse', project.state.policy!),
): Promise<void> {
  await project.openTask(
    'findingResponse',
    `答复监督意见（第${finding.round}轮）：${project.title}`,
    project.department(),
    due,
    { findingId: finding.findingId, finding: text, round: finding.round },
    finding.findingId,
  );
}

export const supervisionTasks: Record<string, TaskDoneHandler> = {
  async findingResponse(project, completion, open) {
    const { state, projectId } = project;
    const finding = state.findings.find((f) => f.findingId === open.findingId)!;
    finding.status = 'responded';
    await acts.updateFinding({
      findingId: finding.findingId,
      projectId,
      status: 'responded',
      round: finding.round,
      response: String(completion.result.response),
      actor: null,
      at: completion.completedAt,
    });
    // Every member is told, not only the first to sign up; findings answered before keep their one notice.
    const told = patched('finding-answer-to-every-member') ? state.group : state.group.slice(0, 1);
    for (const [i, member] of (told.length ? told : [{ userId: '' }]).entries()) {
      await project.notices.send({
        dedupeKey: `${finding.findingId}:responded:${finding.round}${i === 0 ? '' : `:${member.userId}`}`,
        to: { kind: 'user', userId: member.userId },
        kind: 'info',
        title: `责任单位已答复监督意见：${project.title}`,
        body: '请认可答复，或重新交办。',
        workflowId: projectId,
        taskId: completion.taskId,
      });
    }
  },
};

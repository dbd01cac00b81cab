import type { Actor } from '../../domain/assignee';
import { taskDue } from '../../domain/projectRules';
import type { FindingState } from '../votedProject.messages';
import { acts, nowIso, type Project, type TaskDoneHandler } from './project';

/**
 * Supervision (docs/domain.md, "Supervision"): deputies and residents' representatives sign up to a
 * project's group; a finding goes to the department with a deadline, the group accepts the answer or
 * sends it back for another round.
 */

export async function joinGroup(project: Project, actor: Actor): Promise<void> {
  const joinedAt = nowIso();
  project.state.group.push({ userId: actor.userId, joinedAt });
  await acts.recordSupervisionMember({ projectId: project.projectId, actor, joinedAt });
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

async function askForResponse(project: Project, finding: FindingState, text: string): Promise<void> {
  await project.openTask(
    'findingResponse',
    `答复监督意见（第${finding.round}轮）：${project.title}`,
    project.department(),
    taskDue('findingResponse', project.state.policy!),
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
    await project.notices.send({
      dedupeKey: `${finding.findingId}:responded:${finding.round}`,
      to: { kind: 'user', userId: state.group[0]?.userId ?? '' },
      kind: 'info',
      title: `责任单位已答复监督意见：${project.title}`,
      body: '请认可答复，或重新交办。',
      workflowId: projectId,
      taskId: completion.taskId,
    });
  },
};

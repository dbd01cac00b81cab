import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { VotedProjectInput } from '../../workflows/votedProject.messages';
import { jurisdictionId } from './fixtures';

/**
 * The rows an elected project stands on (batch, suggestion, candidate, project), as the batch workflow
 * leaves them, and the input it starts the project's workflow with.
 */
export async function insertVotedProject(
  db: Kysely<Database>,
  options: { key: string; batchId: string; year: number; deadline: string; title?: string },
): Promise<VotedProjectInput> {
  const { key, batchId, deadline } = options;
  const title = options.title ?? `项目${key}`;
  await db
    .insertInto('batches')
    .values({
      id: batchId,
      jurisdiction_id: jurisdictionId,
      year: options.year,
      title: `${options.year}年`,
      phase: 'implementation',
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('suggestions')
    .values({
      id: `sug-${key}`,
      batch_id: batchId,
      title,
      description: title,
      category: 'transport',
      location: '城关镇',
      channel: 'online',
    })
    .execute();
  const responsibility = {
    department_id: 'dept-roads',
    responsible_leader_user_id: 'leader',
    implementing_unit: '县公路养护中心',
    budget_yuan: 1_000_000,
    deadline,
    acceptance_standard: '通过竣工验收',
  };
  await db
    .insertInto('candidates')
    .values({
      id: `cand-${key}`,
      batch_id: batchId,
      suggestion_id: `sug-${key}`,
      title,
      description: title,
      status: 'active',
      elected: true,
      ...responsibility,
    })
    .execute();
  await db
    .insertInto('projects')
    .values({
      id: `project-${key}`,
      batch_id: batchId,
      candidate_id: `cand-${key}`,
      title,
      phase: 'implementation',
      ...responsibility,
    })
    .execute();
  return {
    projectId: `project-${key}`,
    batchId,
    jurisdictionId,
    title,
    responsibility: {
      departmentId: responsibility.department_id,
      responsibleLeaderUserId: responsibility.responsible_leader_user_id,
      implementingUnit: responsibility.implementing_unit,
      budgetYuan: responsibility.budget_yuan,
      deadline,
      acceptanceStandard: responsibility.acceptance_standard,
    },
  };
}

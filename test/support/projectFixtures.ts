import type { Insertable, Kysely } from 'kysely';
import type { CandidateTable, Database, ProjectTable } from '../../db/schema';
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

/**
 * A voted project under delivery and the suggestion and candidate it came from, in a batch the test seeded
 * itself (no workflow): for API tests that read and change the records. `candidate` and `project` override
 * either row's columns.
 */
export async function insertElectedProject(
  db: Kysely<Database>,
  options: {
    id: string;
    batchId: string;
    departmentId: string;
    title: string;
    candidate?: Partial<Insertable<CandidateTable>>;
    project?: Partial<Insertable<ProjectTable>>;
  },
): Promise<void> {
  const { id, batchId, title } = options;
  await db
    .insertInto('suggestions')
    .values({
      id: `sug-${id}`,
      batch_id: batchId,
      title,
      description: '群众反映',
      category: 'transport',
      location: '城关镇',
      channel: 'online',
    })
    .execute();
  const list = {
    title,
    department_id: options.departmentId,
    responsible_leader_user_id: null,
    implementing_unit: '县公路段',
    budget_yuan: 3_000_000,
    deadline: '2026-11-30',
    acceptance_standard: '通过竣工验收',
  };
  await db
    .insertInto('candidates')
    .values({
      id: `cand-${id}`,
      batch_id: batchId,
      suggestion_id: `sug-${id}`,
      description: '群众反映',
      status: 'active',
      elected: true,
      approvals: 80,
      ...list,
      ...options.candidate,
    })
    .execute();
  await db
    .insertInto('projects')
    .values({ id, batch_id: batchId, candidate_id: `cand-${id}`, phase: 'implementation', ...list, ...options.project })
    .execute();
}

/**
 * `count` candidates on the ballot of a batch at its vote, each with its suggestion and a complete
 * responsibility list (ids `sug-<prefix>-i`, `cand-<prefix>-i`); answers the candidate ids in ballot order.
 */
export async function insertBallotCandidates(
  db: Kysely<Database>,
  options: {
    batchId: string;
    prefix: string;
    count: number;
    departmentId: string;
    leaderUserId: string;
    deadline: string;
  },
): Promise<string[]> {
  const { batchId, prefix } = options;
  const indexes = Array.from({ length: options.count }, (_, i) => i);
  await db
    .insertInto('suggestions')
    .values(
      indexes.map((i) => ({
        id: `sug-${prefix}-${i}`,
        batch_id: batchId,
        title: `候选${i}`,
        description: `候选${i}`,
        category: 'transport',
        location: '城关镇',
        channel: 'online',
      })),
    )
    .execute();
  await db
    .insertInto('candidates')
    .values(
      indexes.map((i) => ({
        id: `cand-${prefix}-${i}`,
        batch_id: batchId,
        suggestion_id: `sug-${prefix}-${i}`,
        title: `候选${i}`,
        description: `候选${i}`,
        status: 'active',
        elected: null,
        department_id: options.departmentId,
        responsible_leader_user_id: options.leaderUserId,
        implementing_unit: '县公路养护中心',
        budget_yuan: 1_000_000,
        deadline: options.deadline,
        acceptance_standard: '通过竣工验收',
      })),
    )
    .execute();
  return indexes.map((i) => `cand-${prefix}-${i}`);
}

import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { waitFor } from '../api/waitFor';
import { DEMO_COORDINATOR_ID, DEMO_COUNTY_ID } from '../db/seed';
import type { Database } from '../db/schema';
import type { ElectionResult } from '../domain/election';
import type { StagePlan } from '../domain/progressWarning';
import { addDays, chinaDay } from '../domain/workingDays';
import { votedProjectWorkflow } from '../workflows/votedProject';
import { projectStateQuery, setStagePlanUpdate, type VotedProjectInput } from '../workflows/votedProject.messages';

export const DEMO_PROJECTS_BATCH_ID = `batch-${DEMO_COUNTY_ID}-2026`;

interface DemoProject {
  key: string;
  title: string;
  description: string;
  category: string;
  location: string;
  departmentId: string;
  leaderUserId: string;
  implementingUnit: string;
  budgetYuan: number;
  deadline: string;
  acceptanceStandard: string;
  approvals: number;
  /**
   * How many days before the first start the plan's preparation began, and how long it lasts. Nothing is
   * reported yet, so the plan alone sets each warning: 10 of 60 days is 3% (none), 20 of 60 is 6% (blue),
   * 45 of 60 is 15% (yellow), and a plan in construction since June is far past 20% (red).
   */
  plan: { startedDaysAgo: number; preparationDays: number };
}

/** Last year's four elected projects (schools, roads, sewers, elder care), each with its responsibility list. */
export const demoProjects: DemoProject[] = [
  {
    key: 'school',
    title: '城关镇中心小学教学楼抗震加固改造',
    description: '教学楼建于1990年代，抗震等级不足，家长多次反映。',
    category: 'education',
    location: '城关镇',
    departmentId: 'dept-education',
    leaderUserId: 'user-leader2',
    implementingUnit: '县教育局基建股',
    budgetYuan: 6_800_000,
    deadline: '2027-10-31',
    acceptanceStandard: '通过抗震鉴定和竣工验收，秋季学期前投入使用',
    approvals: 118,
    plan: { startedDaysAgo: 10, preparationDays: 60 },
  },
  {
    key: 'road',
    title: '县道X012线（清河镇至山阳乡段）路面改造',
    description: '路面坑洼破损，雨季通行困难，沿线群众出行不便。',
    category: 'transport',
    location: '清河镇、山阳乡',
    departmentId: 'dept-transport',
    leaderUserId: 'user-leader1',
    implementingUnit: '县公路养护中心',
    budgetYuan: 12_500_000,
    deadline: '2027-11-30',
    acceptanceStandard: '全线12.6公里沥青路面通过交工验收',
    approvals: 126,
    plan: { startedDaysAgo: 260, preparationDays: 90 },
  },
  {
    key: 'sewer',
    title: '东城街道老旧小区雨污分流改造',
    description: '老旧小区雨污合流，雨天污水外溢，居民反映强烈。',
    category: 'environment',
    location: '东城街道',
    departmentId: 'dept-housing',
    leaderUserId: 'user-leader1',
    implementingUnit: '县城市建设投资公司',
    budgetYuan: 8_200_000,
    deadline: '2027-12-15',
    acceptanceStandard: '8个小区雨污管网分流改造完成并通过验收',
    approvals: 109,
    plan: { startedDaysAgo: 45, preparationDays: 60 },
  },
  {
    key: 'eldercare',
    title: '山阳乡农村互助养老服务站建设',
    description: '留守老人多，缺少日间照料和助餐服务。',
    category: 'elderCare',
    location: '山阳乡',
    departmentId: 'dept-civil',
    leaderUserId: 'user-leader2',
    implementingUnit: '县民政局养老服务股',
    budgetYuan: 3_600_000,
    deadline: '2027-09-30',
    acceptanceStandard: '建成6个互助养老服务站并开展助餐服务',
    approvals: 121,
    plan: { startedDaysAgo: 20, preparationDays: 60 },
  },
];

/** Candidates the congress did not elect: 差额票决 puts more candidates than seats to the vote. */
const notElected = [
  {
    key: 'parking',
    title: '县城区公共停车场建设',
    category: 'transport',
    location: '城关镇',
    departmentId: 'dept-transport',
    leaderUserId: 'user-leader1',
    approvals: 54,
  },
  {
    key: 'clinic',
    title: '清河镇卫生院门诊楼改扩建',
    category: 'health',
    location: '清河镇',
    departmentId: 'dept-health',
    leaderUserId: 'user-leader2',
    approvals: 61,
  },
];

const DEPUTIES_ENTITLED = 150;
const DEPUTIES_PRESENT = 142;

/** The 2026 vote as the batch workflow records it once closed: one round, four seats, six candidates. */
function demoVoteResult(): ElectionResult & { candidateIds: string[] } {
  const approvals = [...demoProjects, ...notElected].map((c) => ({
    candidateId: `cand-demo-2026-${c.key}`,
    approve: c.approvals,
  }));
  const tallies = approvals.map(({ candidateId, approve }) => {
    const disapprove = Math.floor(((DEPUTIES_PRESENT - approve) * 3) / 5);
    return {
      candidateId,
      approve,
      disapprove,
      abstain: DEPUTIES_PRESENT - approve - disapprove,
      passed: approve * 2 > DEPUTIES_PRESENT,
    };
  });
  return {
    candidateIds: approvals.map((a) => a.candidateId),
    ballotsCast: DEPUTIES_PRESENT,
    validBallots: DEPUTIES_PRESENT,
    invalidBallots: 0,
    majorityBase: DEPUTIES_PRESENT,
    tallies,
    elected: demoProjects.map((p) => `cand-demo-2026-${p.key}`),
    runOff: null,
  };
}

/** Preparation, then construction until 60 days before the deadline, then acceptance. */
export function demoStagePlan(project: DemoProject, startDay: string): StagePlan {
  const start = addDays(startDay, -project.plan.startedDaysAgo);
  const constructionStart = addDays(start, project.plan.preparationDays);
  const acceptanceStart = addDays(project.deadline, -59);
  return [
    { stage: 'preparation', plannedStart: start, plannedEnd: addDays(constructionStart, -1) },
    { stage: 'construction', plannedStart: constructionStart, plannedEnd: addDays(acceptanceStart, -1) },
    { stage: 'acceptance', plannedStart: acceptanceStart, plannedEnd: project.deadline },
  ];
}

/** The rows the projects stand on, as the batch workflow leaves them once the vote is published. */
async function insertRows(db: Kysely<Database>): Promise<void> {
  const { candidateIds, ...result } = demoVoteResult();
  const sessionId = `${DEMO_PROJECTS_BATCH_ID}-vote-1`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('batches')
      .values({
        id: DEMO_PROJECTS_BATCH_ID,
        jurisdiction_id: DEMO_COUNTY_ID,
        year: 2026,
        title: '示范县2026年民生实事项目',
        phase: 'implementation',
        result: JSON.stringify({
          elected: result.elected,
          rounds: [
            { sessionId, round: 1, seats: demoProjects.length, candidateIds, status: 'closed', result: { ...result } },
          ],
        }),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    for (const c of notElected) {
      await trx
        .insertInto('suggestions')
        .values({
          id: `sug-demo-2026-${c.key}`,
          batch_id: DEMO_PROJECTS_BATCH_ID,
          title: c.title,
          description: c.title,
          category: c.category,
          location: c.location,
          channel: 'online',
          department_id: c.departmentId,
          outcome: 'candidate',
          outcome_reason: '列为候选项目',
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('candidates')
        .values({
          id: `cand-demo-2026-${c.key}`,
          batch_id: DEMO_PROJECTS_BATCH_ID,
          suggestion_id: `sug-demo-2026-${c.key}`,
          title: c.title,
          description: c.title,
          department_id: c.departmentId,
          responsible_leader_user_id: c.leaderUserId,
          implementing_unit: '待定',
          budget_yuan: 5_000_000,
          deadline: '2027-12-31',
          acceptance_standard: '通过竣工验收',
          status: 'active',
          elected: false,
          approvals: c.approvals,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (const p of demoProjects) {
      const responsibility = {
        department_id: p.departmentId,
        responsible_leader_user_id: p.leaderUserId,
        implementing_unit: p.implementingUnit,
        budget_yuan: p.budgetYuan,
        deadline: p.deadline,
        acceptance_standard: p.acceptanceStandard,
      };
      await trx
        .insertInto('suggestions')
        .values({
          id: `sug-demo-2026-${p.key}`,
          batch_id: DEMO_PROJECTS_BATCH_ID,
          title: p.title,
          description: p.description,
          category: p.category,
          location: p.location,
          channel: 'deputy',
          department_id: p.departmentId,
          outcome: 'candidate',
          outcome_reason: '群众需求迫切，资金可行，列为候选项目',
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('candidates')
        .values({
          id: `cand-demo-2026-${p.key}`,
          batch_id: DEMO_PROJECTS_BATCH_ID,
          suggestion_id: `sug-demo-2026-${p.key}`,
          title: p.title,
          description: p.description,
          status: 'active',
          elected: true,
          approvals: p.approvals,
          ...responsibility,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('projects')
        .values({
          id: `project-demo-2026-${p.key}`,
          batch_id: DEMO_PROJECTS_BATCH_ID,
          candidate_id: `cand-demo-2026-${p.key}`,
          title: p.title,
          phase: 'implementation',
          ...responsibility,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    await trx
      .insertInto('vote_sessions')
      .values({
        id: sessionId,
        batch_id: DEMO_PROJECTS_BATCH_ID,
        round: 1,
        seats: demoProjects.length,
        candidate_ids: candidateIds,
        deputies_entitled: DEPUTIES_ENTITLED,
        deputies_present: DEPUTIES_PRESENT,
        scrutineers: ['刘芳', '王强', '张丽'],
        tellers: ['赵军', '孙红'],
        status: 'closed',
        opened_by: DEMO_COORDINATOR_ID,
        opened_at: '2026-01-14T01:30:00Z',
        closed_at: '2026-01-14T03:00:00Z',
        result: JSON.stringify(result),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}

/**
 * The demo county's 2026 batch under implementation, so the console's project screens have something
 * to show: its published vote (six candidates for four seats), four elected projects, each a real project workflow whose stage plan the office set once.
 * Later starts find the rows, the running workflows and the plans, and change nothing.
 */
export async function openDemoProjects(db: Kysely<Database>, temporal: Client, taskQueue: string): Promise<void> {
  await insertRows(db);
  const coordinator = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', DEMO_COORDINATOR_ID)
    .executeTakeFirstOrThrow();
  const actor = {
    userId: coordinator.id,
    displayName: coordinator.display_name,
    roles: coordinator.roles,
    jurisdictionId: coordinator.jurisdiction_id,
    departmentId: coordinator.department_id,
  };
  for (const p of demoProjects) {
    const projectId = `project-demo-2026-${p.key}`;
    const input: VotedProjectInput = {
      projectId,
      batchId: DEMO_PROJECTS_BATCH_ID,
      jurisdictionId: DEMO_COUNTY_ID,
      title: p.title,
      responsibility: {
        departmentId: p.departmentId,
        responsibleLeaderUserId: p.leaderUserId,
        implementingUnit: p.implementingUnit,
        budgetYuan: p.budgetYuan,
        deadline: p.deadline,
        acceptanceStandard: p.acceptanceStandard,
      },
    };
    try {
      await temporal.workflow.start(votedProjectWorkflow, {
        workflowId: projectId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      });
    } catch (err) {
      // The project's workflow already ran to its end in this data folder.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      continue;
    }
    // Planned once: the office's plan is on the record as the project's `project.planned` event.
    const planned = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'project.planned')
      .where('workflow_id', '=', projectId)
      .executeTakeFirst();
    if (planned) continue;
    const handle = temporal.workflow.getHandle(projectId);
    // The update waits for the workflow's own first plan: sent earlier, the default plan would replace it.
    const drafted = await waitFor(
      () =>
        handle.query(projectStateQuery).then(
          (s) => (s.plan ? s : undefined),
          () => undefined,
        ),
      30_000,
    );
    if (!drafted)
      throw new Error(
        `the workflow of ${projectId} did not draft its stage plan within 30 seconds: is the worker running?`,
      );
    await handle.executeUpdate(setStagePlanUpdate, {
      args: [{ actor, plan: demoStagePlan(p, chinaDay(new Date())) }],
      updateId: `demo-plan-${projectId}`,
    });
  }
}

/**
 * open-projects: N voted-project workflows held open with their real weekly cadence. Start rate against bare
 * held-open workflows started the same way in the same run; memory; time until every project has recorded
 * its stage plan and armed its weekly timer (the first weekly task itself opens a real week later).
 */
import { TypedSearchAttributes } from '@temporalio/common';
import { sql } from 'kysely';
import { workflowSearchAttributes } from '../../domain/searchAttributes';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import type { VotedProjectInput } from '../../workflows/votedProject.messages';
import { BATCH, type BenchOptions, DEPT, type Harness, J, people } from './harness';
import { workflowBacklogDrained } from './queue';
import { fmt, machineLine, ms, pool, printTable, until, verdict } from './stats';

/**
 * How long settling may take before the bench gives up: 10 minutes, or 0.1 s a workflow at larger N (this
 * machine drains 30–60 workflow tasks a second, so 40,000 need most of an hour).
 */
const settleLimitMs = (n: number) => Math.max(600_000, n * 100);

/** Concurrent start requests, as a batch starting its projects or an operator's script would keep in flight. */
const STARTS_IN_FLIGHT = 32;

export async function openProjects(h: Harness, n: number, options: BenchOptions): Promise<void> {
  const floorN = options.floorN ?? n;
  await h.startWorker();
  const before = h.memory();

  // Floor: bare workflows held open by one 7-day timer.
  const floorRun = `floor-${Date.now()}`;
  let t0 = performance.now();
  await pool(floorN, STARTS_IN_FLIGHT, async (i) => {
    await h.client.workflow.start('benchHeldOpenWorkflow', {
      workflowId: `${floorRun}-${i}`,
      taskQueue: h.taskQueue,
      args: [],
    });
  });
  const floorStartS = ms(t0) / 1000;
  await workflowBacklogDrained(h, settleLimitMs(floorN));
  const floorSettledS = ms(t0) / 1000;
  console.log(
    `floor: ${floorN} bare workflows started in ${fmt(floorStartS, 1)} s, settled at ${fmt(floorSettledS, 1)} s`,
  );

  // The product: rows as the batch leaves them at election, then one workflow per project.
  await insertProjects(h, n);
  const inputs = Array.from({ length: n }, (_, i) => projectInput(i));
  t0 = performance.now();
  await pool(n, STARTS_IN_FLIGHT, async (i) => {
    await h.client.workflow.start(votedProjectWorkflow, {
      workflowId: inputs[i]!.projectId,
      taskQueue: h.taskQueue,
      args: [inputs[i]!],
      // Tagged as the batch tags its projects, so the visibility store does the product's work too.
      typedSearchAttributes: new TypedSearchAttributes(
        workflowSearchAttributes({ jurisdictionId: J, batchId: BATCH, projectId: inputs[i]!.projectId }),
      ),
    });
  });
  const startS = ms(t0) / 1000;
  console.log(`product: ${n} project workflows started in ${fmt(startS, 1)} s`);
  const planned = async () => {
    const row = await h.db
      .selectFrom('projects')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('batch_id', '=', BATCH)
      .where('stage_plan', 'is not', null)
      .executeTakeFirstOrThrow();
    return row.n;
  };
  const allPlanned = await until(async () => (await planned()) === n, settleLimitMs(n), 500);
  const settledS = ms(t0) / 1000;
  await workflowBacklogDrained(h, 120_000);
  const after = h.memory();

  const floorRate = floorN / floorStartS;
  const rate = n / startS;
  printTable([
    ['figure', 'bare held-open workflow (floor)', 'voted project', 'goal'],
    ['workflows started', fmt(floorN), fmt(n), ''],
    [
      'start rate (/s)',
      fmt(floorRate, 1),
      fmt(rate, 1),
      `≥ 0.7 × floor: ${fmt(rate / floorRate, 2)} × — ${verdict(rate >= 0.7 * floorRate)}`,
    ],
    [
      'until every one is settled (s)',
      fmt(floorSettledS, 1),
      allPlanned ? fmt(settledS, 1) : `not all (${await planned()} of ${n})`,
      'stage plan recorded, weekly timer armed',
    ],
    ['bench process RSS (worker + client), MB', fmt(before.benchMb), fmt(after.benchMb), 'before floor → after both'],
    ['Temporal server RSS, MB', fmt(before.temporalMb), fmt(after.temporalMb), ''],
    [
      'PostgreSQL RSS (all backends), MB',
      fmt(before.postgresMb),
      fmt(after.postgresMb),
      'shared buffers counted per backend',
    ],
  ]);
  console.log(machineLine(h.engine));
}

function projectInput(i: number): VotedProjectInput {
  return {
    projectId: `project-bench-${i}`,
    batchId: BATCH,
    jurisdictionId: J,
    title: `基准项目${i}`,
    responsibility: {
      departmentId: DEPT,
      responsibleLeaderUserId: people.leader,
      implementingUnit: '县公路养护中心',
      budgetYuan: 1_000_000,
      deadline: '2028-11-30',
      acceptanceStandard: '通过竣工验收',
    },
  };
}

/** Suggestion, candidate and project rows for N projects, in three statements. */
export async function insertProjects(h: Harness, n: number): Promise<void> {
  await sql`
    insert into suggestions (id, batch_id, title, description, category, location, channel)
    select 'sug-bench-' || g, ${BATCH}, '基准项目' || g, '基准项目' || g, 'transport', '城关镇', 'online'
    from generate_series(0, ${n - 1}) g`.execute(h.db);
  await sql`
    insert into candidates (id, batch_id, suggestion_id, title, description, status, elected, department_id,
      responsible_leader_user_id, implementing_unit, budget_yuan, deadline, acceptance_standard)
    select 'cand-bench-' || g, ${BATCH}, 'sug-bench-' || g, '基准项目' || g, '基准项目' || g, 'active', true, ${DEPT},
      ${people.leader}, '县公路养护中心', 1000000, '2028-11-30', '通过竣工验收'
    from generate_series(0, ${n - 1}) g`.execute(h.db);
  await sql`
    insert into projects (id, batch_id, candidate_id, title, phase, department_id, responsible_leader_user_id,
      implementing_unit, budget_yuan, deadline, acceptance_standard)
    select 'project-bench-' || g, ${BATCH}, 'cand-bench-' || g, '基准项目' || g, 'implementation', ${DEPT},
      ${people.leader}, '县公路养护中心', 1000000, '2028-11-30', '通过竣工验收'
    from generate_series(0, ${n - 1}) g`.execute(h.db);
}

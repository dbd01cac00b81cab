/**
 * deadline-burst: N people's tasks (workflows/humanTask.ts) whose due instant is the same instant a short time
 * ahead; every escalation notice must be committed, and the lateness (notice visible − instant) is compared
 * with the naive floor measured first in the same run: bare workflows on a worker with the SDK's defaults that
 * sleep until a shared instant and then commit one row.
 *
 * The task input has no absolute due instant, so the benchmark's worker answers `computeDue` with the shared
 * instant for the first deadline of its tasks and the product's own calendar for every later rung; everything
 * else the task does at its lapse (escalation record, notices to the leader and to the department) is the
 * product's. Both phases start their workflows, wait until the start-up backlog is drained, and only then
 * reach the instant; the instant is placed from a pilot that measures how fast this machine settles them now.
 */
import { sql } from 'kysely';
import { humanTaskWorkflow } from '../../workflows/humanTask';
import type { HumanTaskInput } from '../../workflows/humanTask.messages';
import { type CpuMs, DEPT, type Harness, J } from './harness';
import { workflowBacklogDrained } from './queue';
import { fmt, machineLine, ms, percentile, pool, printTable, sleep, until, verdict } from './stats';

const STARTS_IN_FLIGHT = 32;
const PILOT = 40;
const POLL_MS = 250;

interface Phase {
  lateness: number[];
  missing: number;
  drainedBeforeInstant: boolean;
  leadS: number;
  /** CPU per due workflow from the instant until the last was visible, ms: worker (this process), Temporal, PostgreSQL. */
  cpuPerLapse: { workerMs: number; temporalMs: number; postgresMs: number };
}

export async function deadlineBurst(h: Harness, n: number): Promise<void> {
  const floorWorker = await h.startWorker({ naive: true });
  const floor = await floorPhase(h, n);
  await floorWorker.stop();

  // Until the burst is placed (the pilot), every task keeps the calendar's deadline.
  let instant = Number.NEGATIVE_INFINITY;
  await h.startWorker({
    activities: (real) => ({
      async computeDue(input) {
        // The first deadline of a burst task is the shared instant, also for a task the machine only opens after
        // it (its lateness then includes the backlog, and the table says the backlog was not drained); a later
        // rung is counted from the instant itself and is the calendar's.
        if (input.jurisdictionId === J && Number.isFinite(instant) && Date.parse(input.from) !== instant)
          return new Date(instant).toISOString();
        return real.computeDue(input);
      },
    }),
  });
  const product = await productPhase(h, n, (at) => (instant = at));

  const row = (label: string, p: Phase) => [
    label,
    fmt(n),
    fmt(p.leadS),
    p.drainedBeforeInstant ? 'yes' : 'NO',
    fmt(percentile(p.lateness, 50) / 1000, 1),
    fmt(percentile(p.lateness, 95) / 1000, 1),
    fmt(percentile(p.lateness, 99) / 1000, 1),
    fmt(p.missing),
    `${fmt(p.cpuPerLapse.workerMs, 1)} / ${fmt(p.cpuPerLapse.temporalMs, 1)} / ${fmt(p.cpuPerLapse.postgresMs, 1)}`,
  ];
  printTable([
    [
      '',
      'due at once',
      'instant set (s ahead)',
      'backlog drained first',
      'lateness p50 (s)',
      'p95 (s)',
      'p99 (s)',
      'not committed',
      'CPU per lapse, ms: worker / Temporal / PostgreSQL',
    ],
    row('naive floor: sleep to the instant, one activity', floor),
    row('people’s tasks: escalation notices committed', product),
  ]);
  const p99 = percentile(product.lateness, 99);
  const floorP99 = percentile(floor.lateness, 99);
  console.log(
    `goal: every escalation notice committed — ${verdict(product.missing === 0)}; lateness p99 ≤ ½ × naive floor p99 ` +
      `(${fmt(floorP99 / 2000, 1)} s) — ${fmt(p99 / 1000, 1)} s, ${verdict(p99 <= floorP99 / 2)}; ≤ 15 s — ${verdict(p99 <= 15_000)}`,
  );
  console.log(machineLine(h.engine));
}

async function floorPhase(h: Harness, n: number): Promise<Phase> {
  const run = `burstf-${Date.now()}`;
  const start = (id: string, at: number) =>
    h.client.workflow.start('benchSleepToInstantWorkflow', {
      workflowId: id,
      taskQueue: h.taskQueue,
      args: [{ id, at }],
    });
  const countMarks = async (like: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from bench_marks where id like ${like}`.execute(h.db)).rows[0]!
      .n;
  const perSecond = await pilot(
    PILOT,
    (i) => start(`${run}-pilot-${i}`, Date.now() + 7 * 86_400_000),
    () => countMarks(`${run}-pilot-%:ready`),
  );
  const leadMs = lead(n, perSecond);
  const instant = Date.now() + leadMs;
  await pool(n, STARTS_IN_FLIGHT, (i) => start(`${run}-${i}`, instant).then(() => undefined));
  const drained =
    (await until(async () => (await countMarks(`${run}-%:ready`)) >= n + PILOT, instant - Date.now(), 500)) &&
    (await workflowBacklogDrained(h, Math.max(1, instant - Date.now())));
  console.log(`floor: ${n} started, drained: ${drained}; waiting for the instant`);
  const { seen, cpuPerLapse } = await watch(h, instant, n, async () =>
    (
      await sql<{
        id: string;
      }>`select id from bench_marks where id like ${`${run}-%`} and id not like '%:ready' and id not like ${`${run}-pilot-%`}`.execute(
        h.db,
      )
    ).rows.map((r) => r.id),
  );
  return phaseOf(n, seen, cpuPerLapse, drained, leadMs);
}

async function productPhase(h: Harness, n: number, setInstant: (at: number) => void): Promise<Phase> {
  const run = `task-burst-${Date.now()}`;
  const start = (taskId: string) =>
    h.client.workflow.start(humanTaskWorkflow, {
      workflowId: taskId,
      taskQueue: h.taskQueue,
      args: [taskInput(taskId)],
    });
  const countOpened = async (like: string) =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from notices where kind = 'assigned' and task_id like ${like}`.execute(h.db)
    ).rows[0]!.n;
  // The pilot's tasks keep their real deadline (3 working days): they stay open beside the burst.
  const perSecond = await pilot(
    PILOT,
    (i) => start(`${run}-pilot-${i}`),
    () => countOpened(`${run}-pilot-%`),
  );
  const leadMs = lead(n, perSecond);
  const instant = Date.now() + leadMs;
  setInstant(instant);
  const t0 = performance.now();
  await pool(n, STARTS_IN_FLIGHT, (i) => start(`${run}-${i}`).then(() => undefined));
  const opened = await until(async () => (await countOpened(`${run}-%`)) >= n + PILOT, instant - Date.now(), 500);
  // How fast a burst of tasks opens is the weekly tick's drain (README.md, "Scaling out").
  const openedS = ms(t0) / 1000;
  const drained = opened && (await workflowBacklogDrained(h, Math.max(1, instant - Date.now())));
  console.log(
    `product: ${n} tasks opened in ${fmt(openedS, 1)} s (${fmt(n / openedS, 1)} a second; pilot ${fmt(perSecond, 1)}), ` +
      `drained: ${drained}; waiting for the instant`,
  );
  // Escalation to the responsible leader and the overdue notice to the department: both committed.
  const { seen, cpuPerLapse } = await watch(h, instant, n, async () =>
    (
      await sql<{
        task_id: string;
      }>`select task_id from notices where kind = 'escalation' and task_id like ${`${run}-%`}
        and task_id not like ${`${run}-pilot-%`} group by task_id having count(*) >= 2`.execute(h.db)
    ).rows.map((r) => r.task_id),
  );
  return phaseOf(n, seen, cpuPerLapse, drained, leadMs);
}

const phaseOf = (
  n: number,
  seen: Map<string, number>,
  cpuPerLapse: Phase['cpuPerLapse'],
  drained: boolean,
  leadMs: number,
): Phase => ({
  lateness: [...seen.values()],
  missing: n - seen.size,
  drainedBeforeInstant: drained,
  leadS: leadMs / 1000,
  cpuPerLapse,
});

function taskInput(taskId: string): HumanTaskInput {
  return {
    taskId,
    ownerWorkflowId: null,
    jurisdictionId: J,
    kind: 'supervisionCheck',
    title: `周督导：${taskId}`,
    assignee: { kind: 'department', departmentId: DEPT },
    due: { kind: 'workingDays', days: 3 },
    payload: {},
  };
}

/** Starts `count` workflows and answers how many per second this machine settles right now. */
async function pilot(
  count: number,
  start: (i: number) => Promise<unknown>,
  settled: () => Promise<number>,
): Promise<number> {
  const t0 = performance.now();
  await pool(count, STARTS_IN_FLIGHT, async (i) => {
    await start(i);
  });
  await until(async () => (await settled()) >= count, 300_000, 250);
  return count / (ms(t0) / 1000);
}

/**
 * Room to start and settle N at 2/3 of the pilot's pace, and 15 s more: on a shared machine the pace of the
 * moment can halve while N start, and an instant that comes before the backlog is drained measures the backlog.
 */
const lead = (n: number, perSecond: number) => Math.round(15_000 + (1.5 * n * 1000) / perSecond);

/**
 * Polls from the instant until N are visible (or 5 minutes, or 0.1 s a workflow, pass); answers each one's
 * lateness in ms, and the CPU each process spent per workflow meanwhile (the polling's share is small).
 */
async function watch(
  h: Harness,
  instant: number,
  n: number,
  visible: () => Promise<string[]>,
): Promise<{ seen: Map<string, number>; cpuPerLapse: Phase['cpuPerLapse'] }> {
  const seen = new Map<string, number>();
  await sleep(Math.max(0, instant - Date.now()));
  const before = h.cpu();
  const deadline = Date.now() + Math.max(300_000, n * 100);
  while (seen.size < n && Date.now() < deadline) {
    const now = Date.now();
    for (const id of await visible()) if (!seen.has(id)) seen.set(id, now - instant);
    await sleep(POLL_MS);
  }
  const after = h.cpu();
  const per = (key: keyof CpuMs) => (after[key] - before[key]) / n;
  return {
    seen,
    cpuPerLapse: { workerMs: per('benchMs'), temporalMs: per('temporalMs'), postgresMs: per('postgresMs') },
  };
}

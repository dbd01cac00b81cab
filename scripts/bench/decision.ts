/**
 * decision: a person's decision through the API (`POST /api/tasks/:id/complete` over loopback) → the task
 * workflow's update → its row visible, N one after another and rounds of 50 at once; against the floor, a bare
 * no-op update on a bare workflow sent by the same client in the same run. Between the two, the same completion
 * sent by the client straight to the task's workflow: it splits the difference into the workflow's share (its
 * row's transaction, closing the workflow) and the API's (HTTP, the token and session, the reads around it).
 */
import { humanTaskWorkflow } from '../../workflows/humanTask';
import { completeTaskUpdate, type HumanTaskInput } from '../../workflows/humanTask.messages';
import { type BenchOptions, benchActors, DEPT, type Harness, J, people } from './harness';
import { workflowBacklogDrained } from './queue';
import { fmt, machineLine, percentile, pool, printTable, until, verdict } from './stats';
import { benchNoopUpdate } from './workflows';

const CONCURRENT = 50;
const ROUNDS = 4;
const STARTS_IN_FLIGHT = 32;

export async function decision(h: Harness, n: number, options: BenchOptions): Promise<void> {
  await h.startWorker();
  const total = n + CONCURRENT * ROUNDS;
  const run = Date.now();
  const floorId = (i: number) => `decf-${run}-${i}`;
  const taskId = (i: number) => `task-dec-${run}-${i}`;
  const directTaskId = (i: number) => `task-dec-${run}-direct-${i}`;

  await pool(total, STARTS_IN_FLIGHT, async (i) => {
    await h.client.workflow.start('benchUpdatableWorkflow', {
      workflowId: floorId(i),
      taskQueue: h.taskQueue,
      args: [],
    });
    for (const id of [taskId(i), directTaskId(i)])
      await h.client.workflow.start(humanTaskWorkflow, {
        workflowId: id,
        taskQueue: h.taskQueue,
        args: [taskInput(id)],
      });
  });
  const opened = await until(
    async () =>
      (
        await h.db
          .selectFrom('tasks')
          .select('id')
          .where('id', 'like', `task-dec-${run}-%`)
          .where('status', '=', 'open')
          .execute()
      ).length >=
      2 * total,
    900_000,
    1_000,
  );
  await workflowBacklogDrained(h, 300_000);
  console.log(`${2 * total} tasks and ${total} bare workflows open: ${opened}`);

  // The API as deployed, in its own process; the worker and both clients stay in this one.
  const api = await h.apiProcess(options.apiProcesses);
  const base = api.base;
  const token = await h.tokenFor(people.official);

  const floorOnce = async (i: number) => {
    const t0 = performance.now();
    await h.client.workflow.getHandle(floorId(i)).executeUpdate(benchNoopUpdate, { args: ['x'] });
    return performance.now() - t0;
  };
  const failures: string[] = [];
  const directOnce = async (i: number) => {
    const t0 = performance.now();
    const done = await h.client.workflow
      .getHandle(directTaskId(i))
      .executeUpdate(completeTaskUpdate, { args: [{ actor: benchActors.official, result: { note: '已办结' } }] });
    const took = performance.now() - t0;
    if (done.taskId !== directTaskId(i)) failures.push(`${directTaskId(i)}: answered for ${done.taskId}`);
    return took;
  };
  const decideOnce = async (i: number) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/tasks/${taskId(i)}/complete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ result: { note: '已办结' } }),
    });
    const body = (await res.json()) as { status?: string; message?: string };
    const row = await h.db.selectFrom('tasks').select('status').where('id', '=', taskId(i)).executeTakeFirst();
    const took = performance.now() - t0;
    if (res.status !== 200 || body.status !== 'done' || row?.status !== 'done')
      failures.push(`${taskId(i)}: ${res.status} ${body.message ?? body.status ?? ''} row ${row?.status}`);
    return took;
  };

  const series = async (once: (i: number) => Promise<number>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(await once(i));
    return out;
  };
  const bursts = async (once: (i: number) => Promise<number>) => {
    const out: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      out.push(...(await Promise.all(Array.from({ length: CONCURRENT }, (_, k) => once(n + r * CONCURRENT + k)))));
    }
    return out;
  };
  try {
    // Floor and product alternate by phase, so a change in the machine's load hits both.
    const floorSeq = await series(floorOnce);
    const directSeq = await series(directOnce);
    const seq = await series(decideOnce);
    const floorBurst = await bursts(floorOnce);
    const directBurst = await bursts(directOnce);
    const burst = await bursts(decideOnce);
    const line = (label: string, floorMs: number[], directMs: number[], productMs: number[]) => {
      const ratio = percentile(productMs, 95) / percentile(floorMs, 95);
      return [
        label,
        fmt(percentile(floorMs, 50)),
        fmt(percentile(floorMs, 95)),
        fmt(percentile(directMs, 50)),
        fmt(percentile(directMs, 95)),
        fmt(percentile(productMs, 50)),
        fmt(percentile(productMs, 95)),
        `${fmt(ratio, 2)} × — ${verdict(ratio <= 1.5)}`,
      ];
    };
    printTable([
      [
        '',
        'bare no-op update p50 (ms)',
        'p95 (ms)',
        'completion update, client → workflow p50 (ms)',
        'p95 (ms)',
        'task completion via API p50 (ms)',
        'p95 (ms)',
        'p95 ≤ 1.5 × floor',
      ],
      line(`${fmt(n)} one after another`, floorSeq, directSeq, seq),
      line(`${ROUNDS} rounds of ${CONCURRENT} at once`, floorBurst, directBurst, burst),
    ]);
    console.log(`refused or not visible: ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`);
    console.log(`API: api/main.ts, API_PROCESSES=${options.apiProcesses}; ${machineLine(h.engine)}`);
  } finally {
    await api.stop();
  }
}

function taskInput(taskId: string): HumanTaskInput {
  return {
    taskId,
    ownerWorkflowId: null,
    jurisdictionId: J,
    kind: 'instruction',
    title: `交办事项：${taskId}`,
    assignee: { kind: 'department', departmentId: DEPT },
    due: { kind: 'workingDays', days: 3 },
    payload: {},
  };
}

import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { terminateWhenIdle } from '../support/endWorkflow';
import { createTimeSkippingEnv } from '../support/timeSkipping';

// The test support's own check: a workflow ended between tests must not leave the time-skipping server's clock held.
let env: Awaited<ReturnType<typeof createTimeSkippingEnv>>;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterAll(async () => {
  await env?.teardown();
});

it('waits out a workflow task in flight before terminating, so the clock still skips afterwards', async () => {
  const taskQueue = `end-workflow-${process.pid}`;
  // No worker polls yet: the first workflow task stays in flight, which the server's describe does not report.
  const handle = await env.client.workflow.start('waitAYear', { taskQueue, workflowId: `waiting-${process.pid}` });
  await expect(terminateWhenIdle(handle, 'too early', 2_000)).rejects.toThrow(/to have nothing in flight/);
  expect((await handle.describe()).status.name).toBe('RUNNING');

  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: path.resolve(import.meta.dirname, '../support/workflows/waiting.ts'),
  });
  await worker.runUntil(async () => {
    await terminateWhenIdle(handle, 'the test is done');
    expect((await handle.describe()).status.name).toBe('TERMINATED');
    // Terminated mid-task, the workflow would hold the clock for good and this day would pass in real time.
    const before = await env.currentTimeMs();
    const started = Date.now();
    await Promise.race([env.sleep(86_400_000), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

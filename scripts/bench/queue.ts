import type { Harness } from './harness';
import { sleep } from './stats';

/** Tasks waiting on the queue (not yet handed to a worker), as the server counts them. */
export async function backlog(h: Harness, type: 'workflow' | 'activity'): Promise<number> {
  const res = await h.client.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: h.taskQueue },
    // temporal.api.enums.v1.TaskQueueType: 1 workflow, 2 activity.
    taskQueueType: type === 'workflow' ? 1 : 2,
    reportStats: true,
  });
  return Number(res.stats?.approximateBacklogCount ?? 0);
}

/**
 * Waits until neither queue has had a backlog for three polls in a row, so a measurement that follows is not
 * measuring what an earlier phase left behind.
 */
export async function workflowBacklogDrained(h: Harness, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const waiting = (await backlog(h, 'workflow')) + (await backlog(h, 'activity'));
    quiet = waiting === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return true;
    await sleep(500);
  }
  return false;
}

import type { WorkflowHandle } from '@temporalio/client';
import { eventually } from './fixtures';

/**
 * Terminates a workflow a test is done with, once it is idle: no workflow task and no activity outstanding.
 * The time-skipping test server holds its clock for each outstanding task and does not let go when the
 * workflow is terminated in the middle of one, so a later `env.sleep` in the same file would wait in real time
 * (seen as 60 s timeouts on a loaded machine, when a test ended while its batch was still writing a phase).
 * An idle workflow has nothing in flight; only its timers remain, and they die with it.
 */
export async function terminateWhenIdle(handle: WorkflowHandle, reason: string): Promise<void> {
  const idle = await eventually(async () => {
    const d = await handle.describe().catch(() => null);
    if (!d || d.status.name !== 'RUNNING') return 'gone';
    return !d.raw.pendingWorkflowTask && (d.raw.pendingActivities?.length ?? 0) === 0 ? 'idle' : undefined;
  }, `${handle.workflowId} to have nothing in flight before it is terminated`);
  if (idle === 'idle') await handle.terminate(reason).catch(() => undefined);
}

import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { eventually } from './fixtures';

const { EventType } = temporal.api.enums.v1;

/**
 * Terminates a workflow a test is done with, once it is idle: nothing in flight that holds the time-skipping
 * server's clock. The server holds its clock for each outstanding workflow task, activity, child start and signal
 * to another workflow, and does not let go when the workflow is terminated in the middle of one, so a later
 * `env.sleep` in the same file would wait in real time (seen as 60 s timeouts on a loaded machine). An idle
 * workflow has nothing in flight; only its timers remain, and they die with it.
 */
export async function terminateWhenIdle(handle: WorkflowHandle, reason: string, timeoutMs?: number): Promise<void> {
  const idle = await eventually(
    () => idleOrGone(handle),
    `${handle.workflowId} to have nothing in flight before it is terminated`,
    timeoutMs,
  );
  if (idle === 'idle') await handle.terminate(reason).catch(() => undefined);
}

async function idleOrGone(handle: WorkflowHandle): Promise<'idle' | 'gone' | undefined> {
  const d = await handle.describe().catch(() => null);
  if (!d || d.status.name !== 'RUNNING') return 'gone';
  if ((d.raw.pendingActivities?.length ?? 0) > 0) return undefined;
  if ((d.raw.pendingChildren ?? []).some((c) => !c.runId)) return undefined;
  // The time-skipping server's describe leaves out the workflow task in flight (pendingWorkflowTask is never set)
  // and signals on their way: the history shows both.
  const events = (await handle.fetchHistory()).events ?? [];
  const last = events.at(-1)?.eventType;
  if (last === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED || last === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
    return undefined;
  const count = (type: temporal.api.enums.v1.EventType) => events.filter((e) => e.eventType === type).length;
  const signalsSent = count(EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED);
  const signalsSettled =
    count(EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED) +
    count(EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED);
  return signalsSent > signalsSettled ? undefined : 'idle';
}

/** A test's task workflows, by their rows: open or not, since a finished task's workflow may still be closing. */
export async function taskWorkflowIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('tasks').select('id').execute()).map((r) => r.id);
}

/** A test's batch and project workflows, which open the tasks. */
export async function ownerWorkflowIds(db: Kysely<Database>): Promise<string[]> {
  return [
    ...(await db.selectFrom('batches').select('id').execute()),
    ...(await db.selectFrom('projects').select('id').execute()),
  ].map((r) => r.id);
}

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ownerWorkflowIds, taskWorkflowIds } from './endWorkflow';
import { historyToJson } from './historyJson';

const outDir = path.resolve(import.meta.dirname, '../../.data/failed-test-histories');
const EVENTS_SHOWN = 25;

/**
 * When a time-skipping test fails, what the engine was doing: each batch, project and task workflow's
 * pending work and last events on stderr (the CI log is all that is left of a run), and its whole history under
 * .data/failed-test-histories. A hang or a runaway clock is otherwise a bare "timed out".
 */
export async function reportWorkflowsOfFailedTest(
  env: TestWorkflowEnvironment,
  db: Kysely<Database>,
  testName: string,
): Promise<void> {
  const ids = [...(await ownerWorkflowIds(db)), ...(await taskWorkflowIds(db))];
  const clock = new Date(await env.currentTimeMs()).toISOString();
  const lines = [`── workflows of the failed test "${testName}" (test clock ${clock}) ──`];
  await mkdir(outDir, { recursive: true });
  for (const id of ids) {
    const handle = env.client.workflow.getHandle(id);
    const described = await handle.describe().catch((e: unknown) => e as Error);
    if (described instanceof Error) {
      lines.push(`${id}: ${described.message}`);
      continue;
    }
    // A workflow task in flight shows as the last event below: this server's describe never reports one.
    const pending = (described.raw.pendingActivities ?? []).map(
      (a) => `activity ${a.activityType?.name ?? '?'} attempt ${a.attempt ?? 1} ${a.lastFailure?.message ?? ''}`,
    );
    lines.push(`${id} ${described.status.name} history ${described.historyLength} pending [${pending.join('; ')}]`);
    const history = await handle.fetchHistory().catch(() => null);
    if (!history?.events) continue;
    await writeFile(path.join(outDir, `${id}.json`), historyToJson(history));
    for (const e of history.events.slice(-EVENTS_SHOWN)) lines.push(`  ${describeEvent(e)}`);
  }
  console.error(lines.join('\n'));
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

function describeEvent(e: HistoryEvent): string {
  const at = e.eventTime?.seconds ? new Date(Number(String(e.eventTime.seconds)) * 1000).toISOString() : '?';
  const type = (temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? String(e.eventType)).replace('EVENT_TYPE_', '');
  const detail =
    e.activityTaskScheduledEventAttributes?.activityType?.name ??
    e.markerRecordedEventAttributes?.markerName ??
    e.workflowExecutionSignaledEventAttributes?.signalName ??
    e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
    e.timerStartedEventAttributes?.startToFireTimeout?.seconds?.toString() ??
    e.workflowTaskFailedEventAttributes?.failure?.message ??
    e.activityTaskFailedEventAttributes?.failure?.message ??
    e.activityTaskTimedOutEventAttributes?.failure?.message ??
    e.workflowTaskTimedOutEventAttributes?.timeoutType?.toString() ??
    '';
  return `${e.eventId?.toString() ?? '?'} ${at} ${type} ${detail}`;
}

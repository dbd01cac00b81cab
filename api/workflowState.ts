import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';

/**
 * A workflow's own view of itself, or null when it is closed, unknown or its worker is down; with a
 * limit, also when it does not answer in time. The table row stays the record either way.
 */
export async function liveStateOf<T>(
  temporal: Client,
  workflowId: string,
  query: QueryDefinition<T>,
  limitMs?: number,
): Promise<T | null> {
  const answer = temporal.workflow.getHandle(workflowId).query(query);
  const late =
    limitMs === undefined ? [] : [new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs).unref())];
  return Promise.race([answer, ...late]).catch(() => null);
}

/** The workflow's page in the Temporal web UI; empty where the UI is not offered (docker-compose). */
export const workflowUiUrl = (temporalUiUrl: string, workflowId: string) =>
  temporalUiUrl ? `${temporalUiUrl}/namespaces/default/workflows/${encodeURIComponent(workflowId)}` : '';

import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { RUNNING_PROJECTS_LIMIT, type RunningProjectsQuery } from '../../domain/contract/runningProjects';
import { runningProjectsQuery, searchAttributes } from '../../domain/searchAttributes';

export interface RunningProject {
  id: string;
  title: string | null;
  batchId: string | null;
  warningLevel: string | null;
  startedAt: string;
}

/**
 * The jurisdiction's project workflows still running, as the engine's visibility store finds them by their
 * search attributes (domain/searchAttributes.ts), newest first. The store catches up a moment after a
 * workflow changes, so a warning raised a second ago may not show yet; titles come from the project rows.
 */
export async function runningProjects(
  db: Kysely<Database>,
  temporal: Client,
  jurisdictionId: string,
  filter: RunningProjectsQuery,
): Promise<{ projects: RunningProject[]; truncated: boolean }> {
  const query = runningProjectsQuery({ jurisdictionId, ...filter });
  const found: Omit<RunningProject, 'title'>[] = [];
  let truncated = false;
  for await (const info of temporal.workflow.list({ query, pageSize: 100 })) {
    if (found.length === RUNNING_PROJECTS_LIMIT) {
      truncated = true;
      break;
    }
    found.push({
      id: info.workflowId,
      batchId: info.typedSearchAttributes.get(searchAttributes.batchId) ?? null,
      warningLevel: info.typedSearchAttributes.get(searchAttributes.warningLevel) ?? null,
      startedAt: info.startTime.toISOString(),
    });
  }
  const rows = found.length
    ? await db
        .selectFrom('projects')
        .innerJoin('batches', 'batches.id', 'projects.batch_id')
        .select(['projects.id', 'projects.title'])
        .where('batches.jurisdiction_id', '=', jurisdictionId)
        .where(
          'projects.id',
          'in',
          found.map((p) => p.id),
        )
        .execute()
    : [];
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  return { projects: found.map((p) => ({ ...p, title: titles.get(p.id) ?? null })), truncated };
}

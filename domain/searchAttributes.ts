import {
  defineSearchAttributeKey,
  type SearchAttributePair,
  SearchAttributeType,
  type TypedSearchAttributes,
} from '@temporalio/common';
import type { WarningLevel } from './progressWarning';

/**
 * Search attributes of our workflows, registered by both engines (scripts/temporalDevServer.ts,
 * scripts/temporalPostgresServer.ts, and docker-compose.yml's `temporal-setup`, all through
 * scripts/registerSearchAttributes.ts or the dev server's flags). No personal data: ids, the jurisdiction
 * and the warning level, so an operator or a list can find workflows without reading their histories.
 */
export const searchAttributes = {
  batchId: defineSearchAttributeKey('BatchId', SearchAttributeType.KEYWORD),
  projectId: defineSearchAttributeKey('ProjectId', SearchAttributeType.KEYWORD),
  jurisdictionId: defineSearchAttributeKey('JurisdictionId', SearchAttributeType.KEYWORD),
  warningLevel: defineSearchAttributeKey('WarningLevel', SearchAttributeType.KEYWORD),
} as const;

export const searchAttributeNames = Object.values(searchAttributes).map((key) => key.name);

export interface WorkflowTags {
  jurisdictionId: string;
  batchId?: string | null;
  projectId?: string | null;
  warningLevel?: WarningLevel;
}

/** The attributes a workflow is started with: only the ids and the warning it has, never a person's data. */
export function workflowSearchAttributes(tags: WorkflowTags): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [{ key: searchAttributes.jurisdictionId, value: tags.jurisdictionId }];
  if (tags.batchId) pairs.push({ key: searchAttributes.batchId, value: tags.batchId });
  if (tags.projectId) pairs.push({ key: searchAttributes.projectId, value: tags.projectId });
  if (tags.warningLevel) pairs.push({ key: searchAttributes.warningLevel, value: tags.warningLevel });
  return pairs;
}

/** A keyword as a visibility query literal; our ids have no quotes, but a stray one must not end the string. */
const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The visibility query for a jurisdiction's voted projects still running, optionally at one warning level
 * or of one batch. Workflows started before the attributes existed carry none and are not found; the
 * project rows stay the complete list.
 */
export function runningProjectsQuery(filter: {
  jurisdictionId: string;
  warningLevel?: WarningLevel;
  batchId?: string;
}): string {
  const terms = [
    `WorkflowType = 'votedProjectWorkflow'`,
    `ExecutionStatus = 'Running'`,
    `${searchAttributes.jurisdictionId.name} = ${literal(filter.jurisdictionId)}`,
  ];
  if (filter.warningLevel) terms.push(`${searchAttributes.warningLevel.name} = ${literal(filter.warningLevel)}`);
  if (filter.batchId) terms.push(`${searchAttributes.batchId.name} = ${literal(filter.batchId)}`);
  return terms.join(' AND ');
}

/**
 * Whether a workflow was started with our attributes, which only an engine that has them registered
 * accepts (the time-skipping test server has no way to register any, and refuses unknown ones). A
 * workflow started with them tags its children and its warning; one started without (on such an
 * engine, or before the attributes existed) does not, rather than fail its next workflow task.
 */
export function startedWithSearchAttributes(current: TypedSearchAttributes): boolean {
  return current.get(searchAttributes.jurisdictionId) !== undefined;
}

/** The attributes for a child of a workflow started with them; none for a child of one started without. */
export function childSearchAttributes(
  parent: TypedSearchAttributes,
  tags: WorkflowTags,
): SearchAttributePair[] | undefined {
  return startedWithSearchAttributes(parent) ? workflowSearchAttributes(tags) : undefined;
}

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Search attributes of our workflows, registered by both engines (scripts/temporalDevServer.ts,
 * scripts/temporalPostgresServer.ts). No personal data: ids, the jurisdiction and the warning level,
 * so an operator or a list can find workflows without reading their histories.
 */
export const searchAttributes = {
  batchId: defineSearchAttributeKey('BatchId', SearchAttributeType.KEYWORD),
  projectId: defineSearchAttributeKey('ProjectId', SearchAttributeType.KEYWORD),
  jurisdictionId: defineSearchAttributeKey('JurisdictionId', SearchAttributeType.KEYWORD),
  warningLevel: defineSearchAttributeKey('WarningLevel', SearchAttributeType.KEYWORD),
} as const;

export const searchAttributeNames = Object.values(searchAttributes).map((key) => key.name);

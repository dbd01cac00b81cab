import { TypedSearchAttributes } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  childSearchAttributes,
  runningProjectsQuery,
  searchAttributeNames,
  searchAttributes,
  workflowSearchAttributes,
} from '../../domain/searchAttributes';

describe('search attributes', () => {
  it('declares the four keywords both engines register, and nothing that names a person', () => {
    expect([...searchAttributeNames].sort()).toEqual(['BatchId', 'JurisdictionId', 'ProjectId', 'WarningLevel']);
  });

  it('tags a workflow with the ids it has and leaves out the ones it has not', () => {
    const pairs = workflowSearchAttributes({
      jurisdictionId: 'county-a',
      batchId: 'batch-county-a-2027',
      projectId: null,
    });
    expect(new TypedSearchAttributes(pairs).get(searchAttributes.batchId)).toBe('batch-county-a-2027');
    expect(pairs.map((p) => p.key.name)).toEqual(['JurisdictionId', 'BatchId']);
  });

  it('tags a child only when its parent was started with the attributes (an engine that has them)', () => {
    const tagged = new TypedSearchAttributes(workflowSearchAttributes({ jurisdictionId: 'county-a' }));
    const child = { jurisdictionId: 'county-a', projectId: 'project-x' };
    expect(childSearchAttributes(tagged, child)?.map((p) => p.value)).toEqual(['county-a', 'project-x']);
    expect(childSearchAttributes(new TypedSearchAttributes(), child)).toBeUndefined();
  });

  it('queries running projects of one jurisdiction, by warning and batch, with quotes kept inside the literal', () => {
    expect(
      runningProjectsQuery({ jurisdictionId: 'county-a', warningLevel: 'red', batchId: 'batch-county-a-2027' }),
    ).toBe(
      "WorkflowType = 'votedProjectWorkflow' AND ExecutionStatus = 'Running' AND JurisdictionId = 'county-a' AND WarningLevel = 'red' AND BatchId = 'batch-county-a-2027'",
    );
    expect(runningProjectsQuery({ jurisdictionId: "x' OR 'a'='a" })).toContain(
      "JurisdictionId = 'x\\' OR \\'a\\'=\\'a'",
    );
  });
});

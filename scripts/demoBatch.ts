import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { DEMO_BATCH_ID, DEMO_BATCH_YEAR, DEMO_COORDINATOR_ID, DEMO_COUNTY_ID } from '../db/seed';
import type { Database } from '../db/schema';
import { workflowSearchAttributes } from '../domain/searchAttributes';
import { addDays, chinaDay, startOfChinaDay } from '../domain/workingDays';
import { annualBatchWorkflow } from '../workflows/annualBatch';

/**
 * The demo county's 2027 batch as a real workflow, collecting suggestions for three weeks from the first
 * start. Later starts find it running (or finished) and leave it alone.
 */
export async function openDemoBatch(db: Kysely<Database>, temporal: Client, taskQueue: string): Promise<void> {
  const coordinator = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', DEMO_COORDINATOR_ID)
    .executeTakeFirstOrThrow();
  try {
    await temporal.workflow.start(annualBatchWorkflow, {
      workflowId: DEMO_BATCH_ID,
      taskQueue,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      typedSearchAttributes: workflowSearchAttributes({ jurisdictionId: DEMO_COUNTY_ID, batchId: DEMO_BATCH_ID }),
      args: [
        {
          batchId: DEMO_BATCH_ID,
          jurisdictionId: DEMO_COUNTY_ID,
          year: DEMO_BATCH_YEAR,
          title: `示范县${DEMO_BATCH_YEAR}年民生实事项目`,
          collectionClosesAt: startOfChinaDay(addDays(chinaDay(new Date()), 22)).toISOString(),
          openedBy: {
            userId: coordinator.id,
            displayName: coordinator.display_name,
            roles: coordinator.roles,
            jurisdictionId: coordinator.jurisdiction_id,
            departmentId: coordinator.department_id,
          },
        },
      ],
    });
  } catch (err) {
    // The demo batch already ran to its end in this data folder (a terminated one is opened again).
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { workflowSearchAttributes } from '../../domain/searchAttributes';
import { annualBatchWorkflow } from '../../workflows/annualBatch';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import { openDemoBatch } from '../demoBatch';
import { recordYear } from './recordYear';
import { BATCH_ID, VOTE_ON } from './story2026';

/**
 * The demo county's two batches on the Temporal server `npm start` uses: the 2027 batch collecting
 * suggestions (scripts/demoBatch.ts), and the 2026 batch with its year recorded (scripts/demo/recordYear.ts)
 * and its workflow and its four projects' workflows taking over from the state the year reached, so their
 * timers (the December report, the monthly bulletins, the weekly reports, the January rating) run from here.
 * Later starts find the workflows and change nothing.
 */
export async function openDemo(
  db: Kysely<Database>,
  temporal: Client,
  taskQueue: string,
  log: (message: string) => void = () => undefined,
): Promise<void> {
  await openDemoBatch(db, temporal, taskQueue);
  if (await alive(temporal, BATCH_ID)) return;
  if (Date.now() < Date.parse(`${VOTE_ON}T00:00:00+08:00`)) {
    log(`the demo's 2026 batch is recorded from its vote on ${VOTE_ON}: the clock is earlier, so it is left out`);
    return;
  }
  const fabricated = await db
    .selectFrom('batches')
    .leftJoin('audit_events', (j) =>
      j.onRef('audit_events.workflow_id', '=', 'batches.id').on('audit_events.action', '=', 'batch.phase'),
    )
    .select(['batches.id', 'audit_events.id as phaseEvent'])
    .where('batches.id', '=', BATCH_ID)
    .executeTakeFirst();
  if (fabricated && fabricated.phaseEvent === null) {
    // An older demo wrote the 2026 rows without a history; recording over them would mix the two.
    log('the 2026 demo batch in .data predates its recorded year: `rm -rf .data` to get the full story');
    return;
  }
  // Recording again (a batch terminated on this server) finds every row it wrote and extends the year to today.
  log('recording the demo county’s 2026 batch (collection, vote, eleven months of delivery)');
  const year = await recordYear(db);
  await start(() =>
    temporal.workflow.start(annualBatchWorkflow, {
      workflowId: BATCH_ID,
      taskQueue,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      args: [{ ...year.batch.input, carried: year.batch.state }],
      typedSearchAttributes: workflowSearchAttributes(year.batch.input),
    }),
  );
  for (const { input, state } of year.projects) {
    await start(() =>
      temporal.workflow.start(votedProjectWorkflow, {
        workflowId: input.projectId,
        taskQueue,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        args: [{ ...input, carried: state }],
        typedSearchAttributes: workflowSearchAttributes({ ...input, warningLevel: state.warning.level }),
      }),
    );
  }
}

/** Running or finished; a batch terminated or failed on this server is recorded and opened again, as scripts/demoBatch.ts does. */
async function alive(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    const { status } = await temporal.workflow.getHandle(workflowId).describe();
    return status.name === 'RUNNING' || status.name === 'COMPLETED' || status.name === 'CONTINUED_AS_NEW';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

async function start(begin: () => Promise<unknown>): Promise<void> {
  try {
    await begin();
  } catch (err) {
    // Ran to its end in this data folder already.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

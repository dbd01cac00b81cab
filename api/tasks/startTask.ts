import type { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { type AuditEntry, insertAuditEvent } from '../../db/auditEvents';
import type { Database } from '../../db/schema';
import { humanTaskWorkflow } from '../../workflows/humanTask';
import type { HumanTaskInput } from '../../workflows/humanTask.messages';
import { waitFor } from '../waitFor';
import { startSearchAttributes } from '../workflowTags';
import { findTask } from './tasks.service';

/**
 * Starts a person's task that the API opens itself (an office's instruction, a leader's 批示, a fund audit).
 * The task's id names the workflow, so a retried submit finds the running task instead of starting another;
 * the audit event (when given) is keyed the same way. Answers the task's row, or null when the worker has not
 * recorded it within a few seconds (busy or down): the workflow records it when it runs.
 */
export async function startHumanTask(
  deps: { db: Kysely<Database>; temporal: Client; taskQueue: string },
  input: HumanTaskInput,
  audit?: AuditEntry,
) {
  await deps.temporal.workflow.start(humanTaskWorkflow, {
    workflowId: input.taskId,
    taskQueue: deps.taskQueue,
    args: [input],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: await startSearchAttributes(deps.temporal, { jurisdictionId: input.jurisdictionId }),
  });
  if (audit) await insertAuditEvent(deps.db, audit);
  return waitFor(() => findTask(deps.db, input.taskId), 5_000);
}

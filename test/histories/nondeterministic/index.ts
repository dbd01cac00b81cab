// A deliberately incompatible humanTaskWorkflow for the replay test's negative case; never registered by a worker.
import { sleep } from '@temporalio/workflow';
import { humanTaskWorkflow as recordedWorkflow } from '../../../workflows/humanTask';
import type { HumanTaskInput, TaskCompletion } from '../../../workflows/humanTask.messages';

/** The kind of edit the replay check exists to catch: a timer before computeDue, not guarded by patched(). */
export async function humanTaskWorkflow(task: HumanTaskInput): Promise<TaskCompletion> {
  await sleep('1 minute');
  return recordedWorkflow(task);
}

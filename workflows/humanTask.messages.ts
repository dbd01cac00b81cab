import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CompleteTaskInput, TaskCompletion, TaskState } from '../domain/contract/taskWorkflow';

// The shapes are the contract's (domain/contract/); this file names the workflow's messages.
export * from '../domain/contract/taskWorkflow';
export { taskFailureTypes } from '../domain/contract/failures';

export const completeTaskUpdate = defineUpdate<TaskCompletion, [CompleteTaskInput]>('completeTask');
export const taskStateQuery = defineQuery<TaskState>('taskState');
/** Sent by a task workflow to its owner when done, so an owner survives continue-as-new while waiting. */
export const taskCompletedSignal = defineSignal<[TaskCompletion]>('taskCompleted');

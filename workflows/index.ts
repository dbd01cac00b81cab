// The worker's workflow bundle: every workflow type it runs.
export { humanTaskWorkflow } from './humanTask';
export { annualBatchWorkflow } from './annualBatch';
export { votedProjectWorkflow } from './votedProject';

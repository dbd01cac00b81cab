// The worker's workflow bundle: every workflow type it runs.
export { humanTaskWorkflow } from './humanTask';

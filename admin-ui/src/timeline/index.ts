export { OpenInTemporal } from './OpenInTemporal';
export { timelineSentence } from './timelineSentence';
export { WorkflowTimeline } from './WorkflowTimeline';

export { Countdown, useNow } from './Countdown';
export { formatDay, formatInstant, officeTimeZone } from './formatInstant';
export { OpenInTemporal } from './OpenInTemporal';
export { timelineSentence } from './timelineSentence';
export { WorkflowTimeline } from './WorkflowTimeline';
export { OfficeDateTimeField } from './OfficeDateTimeField';

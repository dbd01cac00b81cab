import type { RefusalCode } from './refusals';

/**
 * The failure types the workflows' updates reject with; the API maps them to 403 / 409 / 422
 * (api/errors.ts) and the activities raise the `invalid` ones too.
 */
export const batchFailureTypes = {
  forbidden: 'BatchForbidden',
  outOfPhase: 'BatchOutOfPhase',
  invalid: 'BatchInvalid',
} as const;

export const taskFailureTypes = {
  forbidden: 'TaskForbidden',
  alreadyDone: 'TaskAlreadyDone',
  invalidResult: 'TaskInvalidResult',
} as const;

export const projectFailureTypes = {
  forbidden: 'ProjectForbidden',
  outOfPhase: 'ProjectOutOfPhase',
  invalid: 'ProjectInvalid',
} as const;

/**
 * The refusal code a failure type stands for when the workflow attached no code of its own (the failure's
 * message becomes its `reason`); a workflow attaches `{ code, params }` as the failure's first detail.
 */
export const failureTypeRefusals: Record<string, RefusalCode> = {
  [batchFailureTypes.forbidden]: 'batchForbidden',
  [batchFailureTypes.outOfPhase]: 'batchOutOfPhase',
  [batchFailureTypes.invalid]: 'batchInvalid',
  [taskFailureTypes.forbidden]: 'taskForbidden',
  [taskFailureTypes.alreadyDone]: 'taskCompleted',
  [taskFailureTypes.invalidResult]: 'taskInvalidResult',
  [projectFailureTypes.forbidden]: 'projectForbidden',
  [projectFailureTypes.outOfPhase]: 'projectOutOfPhase',
  [projectFailureTypes.invalid]: 'projectInvalid',
};

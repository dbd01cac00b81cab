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

/** A suggestion, as the API states it. */
export type { Suggestion } from '@domain/contract/suggestions';
export type { ScreeningOutcome } from '@domain/contract/vocabulary';

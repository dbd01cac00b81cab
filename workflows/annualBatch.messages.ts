import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  BatchState,
  CloseVoteInput,
  CoordinatorAction,
  OpenRatingInput,
  OpenVoteInput,
  VoteSessionState,
} from '../domain/contract/batchWorkflow';

// The shapes and words are the contract's (domain/contract/); this file names the workflow's messages.
export * from '../domain/contract/batchWorkflow';
export { batchFailureTypes } from '../domain/contract/failures';
export { approvalSteps, type ApprovalStep, type BatchPhase, batchPhases } from '../domain/contract/vocabulary';

export const batchStateQuery = defineQuery<BatchState>('batchState');
/** Closes collection before its date (the office has what it needs). */
export const closeCollectionUpdate = defineUpdate<BatchState, [CoordinatorAction]>('closeCollection');
/** Ends screening: every suggestion has an outcome; publicity of the candidates begins. */
export const concludeScreeningUpdate = defineUpdate<BatchState, [CoordinatorAction]>('concludeScreening');
export const openVoteUpdate = defineUpdate<VoteSessionState, [OpenVoteInput]>('openVote');
export const closeVoteUpdate = defineUpdate<VoteSessionState, [CloseVoteInput]>('closeVote');
export const openRatingUpdate = defineUpdate<BatchState, [OpenRatingInput]>('openRating');
export const closeRatingUpdate = defineUpdate<BatchState, [CoordinatorAction]>('closeRating');

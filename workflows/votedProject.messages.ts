import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AppointSupervisionMemberInput,
  EnterUseInput,
  FileFindingInput,
  FindingState,
  OpenReRatingInput,
  ProjectAction,
  ProjectState,
  RatingOutcomeNotice,
  ReviewFindingInput,
  SetStagePlanInput,
} from '../domain/contract/projectWorkflow';
import type { ProjectChangeInput } from '../domain/contract/projectChange';

// The shapes and words are the contract's (domain/contract/); this file names the workflow's messages.
export * from '../domain/contract/projectWorkflow';
export type { ProjectChangeInput, ProjectChangeRecord } from '../domain/contract/projectChange';
export { projectFailureTypes } from '../domain/contract/failures';
export type { ConsequenceStage, ProjectPhase, WarningLevel } from '../domain/contract/vocabulary';

export const ratingOutcomeSignal = defineSignal<[RatingOutcomeNotice]>('ratingOutcome');
export const projectStateQuery = defineQuery<ProjectState>('projectState');
export const joinSupervisionGroupUpdate = defineUpdate<ProjectState, [ProjectAction]>('joinSupervisionGroup');
/** The office appoints a member when too few have signed up. */
export const appointSupervisionMemberUpdate = defineUpdate<ProjectState, [AppointSupervisionMemberInput]>(
  'appointSupervisionMember',
);
export const fileFindingUpdate = defineUpdate<FindingState, [FileFindingInput]>('fileFinding');
export const reviewFindingUpdate = defineUpdate<FindingState, [ReviewFindingInput]>('reviewFinding');
export const acceptCompletionUpdate = defineUpdate<ProjectState, [ProjectAction]>('acceptCompletion');
export const enterUseUpdate = defineUpdate<ProjectState, [EnterUseInput]>('enterUse');
/** The department (or the office) plans its stages; the default plan is drafted from the deadline. */
export const setStagePlanUpdate = defineUpdate<ProjectState, [SetStagePlanInput]>('setStagePlan');
export const openReRatingUpdate = defineUpdate<ProjectState, [OpenReRatingInput]>('openReRating');
export const closeReRatingUpdate = defineUpdate<ProjectState, [ProjectAction]>('closeReRating');
/** The office records the committee's decision to change a project's deadline or scope, or to end it. */
export const recordProjectChangeUpdate = defineUpdate<ProjectState, [ProjectChangeInput]>('recordProjectChange');

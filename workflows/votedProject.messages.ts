import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { RatingCounts, RatingOutcome } from '../domain/rating';

/** 责任清单 (DOMAIN.md step 6): one project, one leader, one team, to the end. */
export interface ResponsibilityList {
  departmentId: string;
  responsibleLeaderUserId: string | null;
  implementingUnit: string;
  budgetYuan: number;
  /** 'YYYY-MM-DD' */
  deadline: string;
  acceptanceStandard: string;
}

export interface VotedProjectInput {
  /** `project-…`: also the workflow id. */
  projectId: string;
  batchId: string;
  jurisdictionId: string;
  title: string;
  responsibility: ResponsibilityList;
}

/** The rating outcome, sent from the batch to each project's workflow (DOMAIN.md step 9 → 10). */
export interface RatingOutcomeNotice {
  batchId: string;
  outcome: RatingOutcome;
  counts: RatingCounts;
  /** When the rating session closed: the 3-month rectification period runs from here. */
  ratedAt: string;
}

export interface ProjectState {
  projectId: string;
  phase: 'implementation' | 'rated';
  responsibility: ResponsibilityList;
  rating: RatingOutcomeNotice | null;
}

export const ratingOutcomeSignal = defineSignal<[RatingOutcomeNotice]>('ratingOutcome');
export const projectStateQuery = defineQuery<ProjectState>('projectState');

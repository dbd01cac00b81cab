import type { GroupEvaluationGrade } from '@domain/taskKinds';
import type { RatingSessionKind } from '@domain/contract/ratings';
import type { RatingOutcome, SessionStatus } from '@domain/contract/vocabulary';

/** Rating sessions (满意度测评) as the API states them (api/ratings/, domain/rating.ts). */
export type RatingChoice = RatingOutcome;
export { ratingOutcomes as ratingChoices } from '@domain/contract/vocabulary';

export type { RatingSessionKind, RatingSessionRow } from '@domain/contract/ratings';

export interface RatingSession {
  id: string;
  batch_id: string;
  kind: RatingSessionKind;
  project_ids: string[];
  status: SessionStatus;
  opened_at: string;
  closed_at: string | null;
  projects: { id: string; title: string }[];
  my_receipt: string | null;
  /** The government's year-end completion report, for deputies to read before they rate; null if not handed in. */
  briefing: {
    taskId: string;
    summary: string;
    submittedAt: string;
    /** The supervision groups' year-end evaluations (总体评价), when any was given. */
    groupEvaluations?: { projectId: string; title: string; grade: GroupEvaluationGrade; text: string }[];
  } | null;
}

export interface ProjectRating {
  projectId: string;
  choice: RatingChoice;
}

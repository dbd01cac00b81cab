import type { PublicProjectChange } from '@domain/contract/projectChange';
import type { ElectionResult } from '@domain/election';

export type { PublicProjectChange };
import type { BatchPhase, RatingOutcome, WarningLevel } from '@domain/contract/vocabulary';

/** What the public routes (/api/public/…, no login) answer with; see api/publicity/ and api/openapi.json. */
export { batchPhases, type BatchPhase, suggestionCategories, type WarningLevel } from '@domain/contract/vocabulary';

export interface Deadline {
  at: string;
  label: string;
}

/** GET /api/public/batches: every batch not closed, newest year first. */
export interface PublicBatchSummary {
  id: string;
  jurisdictionName: string;
  title: string;
  year: number;
  phase: BatchPhase;
  nextDeadline: Deadline | null;
}

/** GET /api/public/batches/:batchId */
export interface PublicBatch {
  id: string;
  title: string;
  year: number;
  phase: BatchPhase;
  collection_closes_at: string | null;
  next_deadline_at: string | null;
  next_deadline_label: string | null;
  jurisdiction_name: string;
}

/** GET /api/public/batches/:batchId/candidates */
export interface PublicCandidate {
  id: string;
  title: string;
  description: string;
  department_name: string;
  responsible_leader_name: string | null;
  implementing_unit: string;
  budget_yuan: number;
  deadline: string;
  acceptance_standard: string;
  elected: boolean | null;
  approvals: number | null;
}

export interface VoteRound {
  id: string;
  round: number;
  seats: number;
  deputies_entitled: number;
  deputies_present: number;
  scrutineers: string[];
  tellers: string[];
  opened_at: string;
  closed_at: string | null;
  result: ElectionResult | null;
}

/** GET /api/public/batches/:batchId/results (409 before the vote has closed). */
export interface PublicResults {
  batchId: string;
  elected: string[];
  runOffPending: { seats: number; candidateIds: string[] } | null;
  candidates: Record<string, string>;
  rounds: VoteRound[];
}

/** GET /api/public/batches/:batchId/projects: the report to the people. */
export interface PublicProject {
  id: string;
  title: string;
  departmentName: string | null;
  implementingUnit: string;
  budgetYuan: number;
  deadline: string;
  phase: string;
  progressPercent: number | null;
  stage: string | null;
  warning: WarningLevel | null;
  lastReportedAt: string | null;
  ratingOutcome: RatingOutcome | null;
  /** Ended by the committee's decision; absent from an API before the decisions were published. */
  terminated?: boolean;
  changes?: PublicProjectChange[];
}

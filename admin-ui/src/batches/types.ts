import type { BatchState, VoteSessionState } from '@domain/contract/batchWorkflow';
import type { BatchPhase } from '@domain/contract/vocabulary';

/** The batch records the API returns (api/batches), with the workflow's state from the contract (domain/contract/). */
export { batchPhases, type BatchPhase } from '@domain/contract/vocabulary';
export type { CandidateTally, ElectionResult } from '@domain/election';

export interface Deadline {
  at: string;
  label: string;
}

export type LiveVoteSession = VoteSessionState;

/** The workflow's batchState query. */
export type LiveBatchState = BatchState;

export interface Batch {
  id: string;
  jurisdiction_id: string;
  /** A township's batch the county office reads (GET one only): no decisions here. */
  read_only?: boolean;
  year: number;
  title: string;
  phase: BatchPhase;
  created_at: string;
  collection_closes_at: string;
  phase_changed_at: string;
  next_deadline_at: string | null;
  next_deadline_label: string | null;
  /** Only on GET one: the workflow's query answer; null when the workflow cannot be reached. */
  live?: LiveBatchState | null;
  temporalUiUrl?: string;
}

/** The workflow actions of a batch, each a POST /api/batches/:id/<verb>. */
export type BatchAction =
  'close-collection' | 'conclude-screening' | 'open-vote' | 'close-vote' | 'open-rating' | 'close-rating';

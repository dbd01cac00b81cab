/** The batch records and workflow state the API returns (api/batches, workflows/annualBatch.messages.ts). */
export const batchPhases = [
  'collection',
  'screening',
  'candidatePublicity',
  'approval',
  'vote',
  'resultPublicity',
  'implementation',
  'rating',
  'closed',
] as const;
export type BatchPhase = (typeof batchPhases)[number];

export interface Deadline {
  at: string;
  label: string;
}

export interface CandidateTally {
  candidateId: string;
  approve: number;
  disapprove: number;
  abstain: number;
  passed: boolean;
}

export interface ElectionResult {
  ballotsCast: number;
  validBallots: number;
  invalidBallots: number;
  majorityBase: number;
  tallies: CandidateTally[];
  elected: string[];
  runOff: { seats: number; candidateIds: string[] } | null;
}

export interface LiveVoteSession {
  sessionId: string;
  round: number;
  seats: number;
  candidateIds: string[];
  status: 'open' | 'closed';
  result: ElectionResult | null;
}

export interface LiveBatchState {
  batchId: string;
  year: number;
  phase: BatchPhase;
  phaseChangedAt: string;
  collectionClosesAt: string;
  nextDeadline: Deadline | null;
  policy: { scrutineers: number; tellers: number } | null;
  candidateIds: string[];
  screeningRound: number;
  approval: { round: number; step: string; taskId: string } | null;
  sentBack: { step: string; note: string; at: string }[];
  votes: LiveVoteSession[];
  elected: string[];
  runOff: { seats: number; candidateIds: string[] } | null;
  projectIds: string[];
  reports: { kind: 'halfYear' | 'yearEnd'; opensAt: string; status: string; taskId: string | null }[];
  rating: { sessionId: string; status: 'open' | 'closed'; results: unknown[] } | null;
  feedbackTasks: { started: number; done: number };
}

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

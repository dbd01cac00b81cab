import type { Actor } from '../assignee';
import type { BatchPolicy } from '../batchPolicy';
import type { JurisdictionLevel } from '../batchProcedure';
import type { ElectionResult } from '../election';
import type { RatingCounts, RatingOutcome } from '../rating';
import type { OpenVoteBody } from './batches';
import type { ApprovalStep, BatchPhase, SessionStatus } from './vocabulary';

/** The annual batch workflow's input, state and update inputs, as the workflow, the API and the console read them. */
export interface AnnualBatchInput {
  /** `batch-<jurisdiction>-<year>`: also the workflow id. */
  batchId: string;
  jurisdictionId: string;
  /** The year whose projects the batch delivers; its congress votes on them, the next one rates them. */
  year: number;
  title: string;
  /** When collection closes, as an ISO instant. */
  collectionClosesAt: string;
  openedBy: Actor;
  /**
   * A batch under delivery handed on from an earlier run (another server, or the demo's recorded year,
   * scripts/demo/): this run resumes its reports, monthly bulletins and rating; absent on a batch's first run.
   */
  carried?: BatchState;
}

export interface VoteSessionState {
  sessionId: string;
  round: number;
  seats: number;
  candidateIds: string[];
  status: SessionStatus;
  result: ElectionResult | null;
}

export interface ReportState {
  kind: 'halfYear' | 'yearEnd';
  opensAt: string;
  status: 'waiting' | 'reporting' | 'hearing' | 'heard';
  taskId: string | null;
}

export interface ProjectRatingResult {
  projectId: string;
  outcome: RatingOutcome;
  counts: RatingCounts;
}

/** What a batch publishes once its vote has closed: who was elected, and every round (batches.result). */
export interface PublishedElection {
  elected: string[];
  rounds: { sessionId: string; result: ElectionResult }[];
}

/** A closed rating session's outcome per project (rating_sessions.result). */
export interface RatingSessionResult {
  projects: ProjectRatingResult[];
}

export interface BatchState {
  batchId: string;
  year: number;
  phase: BatchPhase;
  phaseChangedAt: string;
  collectionClosesAt: string;
  /** The end of the current publicity period or the due instant of the current approval step. */
  nextDeadline: { at: string; label: string } | null;
  policy: BatchPolicy | null;
  /**
   * Chooses who does each step (docs/domain.md, "Levels"); absent in batches started before levels had their
   * own procedure, which run the county's.
   */
  level?: JurisdictionLevel;
  /** Active candidates once screening has concluded. */
  candidateIds: string[];
  screeningRound: number;
  approval: { round: number; step: ApprovalStep; taskId: string } | null;
  sentBack: { step: ApprovalStep; note: string; at: string }[];
  votes: VoteSessionState[];
  elected: string[];
  /** Set while a tie at the last seat waits for its run-off vote. */
  runOff: { seats: number; candidateIds: string[] } | null;
  projectIds: string[];
  reports: ReportState[];
  rating: {
    sessionId: string;
    status: SessionStatus;
    results: ProjectRatingResult[];
    /** The presidium's confirmation (docs/domain.md, "Consequences" [S4]); absent in batches rated before it. */
    confirmation?: { taskId: string; confirmedOn: string | null };
  } | null;
  feedbackTasks: { started: number; done: number };
}

/** The vote-opening form (openVoteSchema) with the person who opens it. */
export interface OpenVoteInput extends OpenVoteBody {
  actor: Actor;
  /**
   * The sealed ballot box's public key and how many scrutineers' shares open it (docs/secrecy.md). Public
   * by design: the private key and its shares never reach the workflow. Absent in histories recorded before.
   */
  box?: BallotBoxKey;
}

export interface BallotBoxKey {
  publicKey: string;
  threshold: number;
}

export interface CoordinatorAction {
  actor: Actor;
}

export interface OpenRatingInput extends CoordinatorAction {
  /** The sealed rating sheets' public key (docs/secrecy.md); absent in histories recorded before. */
  box?: BallotBoxKey;
}

export interface CloseVoteInput {
  actor: Actor;
  /** The counts the office saw when it chose to close before every deputy present had voted. */
  confirmIncomplete?: { ballotsCast: number; present: number };
}

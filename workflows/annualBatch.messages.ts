import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/assignee';
import type { BatchPolicy } from '../domain/batchPolicy';
import type { ElectionResult } from '../domain/election';
import type { RatingCounts, RatingOutcome } from '../domain/rating';

/** DOMAIN.md steps 1–5, 8 and 9, in order; `closed` once the next congress has rated every project. */
export const batchPhases = [
  'collection', // 征集
  'screening', // 筛选论证
  'candidatePublicity', // 候选项目公示
  'approval', // 政府常务会 → 人大常委会 → 党委常委会 → 政府议案
  'vote', // 差额票决
  'resultPublicity', // 票决结果公示
  'implementation', // 实施, with half-year and year-end reports
  'rating', // 满意度测评
  'closed',
] as const;
export type BatchPhase = (typeof batchPhases)[number];

/** The approval chain of seed 000; each step is a task whose decision may send the list back to screening. */
export const approvalSteps = [
  { step: 'executiveMeeting', label: '政府常务会议研究' },
  { step: 'standingCommitteeOpinion', label: '人大常委会征求意见' },
  { step: 'partyCommitteeApproval', label: '党委常委会审定' },
  { step: 'billToCongress', label: '政府议案提请人代会' },
] as const;
export type ApprovalStep = (typeof approvalSteps)[number]['step'];

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
}

export interface VoteSessionState {
  sessionId: string;
  round: number;
  seats: number;
  candidateIds: string[];
  status: 'open' | 'closed';
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

export interface BatchState {
  batchId: string;
  year: number;
  phase: BatchPhase;
  phaseChangedAt: string;
  collectionClosesAt: string;
  /** The end of the current publicity period or the due instant of the current approval step. */
  nextDeadline: { at: string; label: string } | null;
  policy: BatchPolicy | null;
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
  rating: { sessionId: string; status: 'open' | 'closed'; results: ProjectRatingResult[] } | null;
  feedbackTasks: { started: number; done: number };
}

export interface OpenVoteInput {
  actor: Actor;
  seats: number;
  deputiesEntitled: number;
  deputiesPresent: number;
  /** 监票人 and 计票人 by name (seed 003: 3 and 2). */
  scrutineers: string[];
  tellers: string[];
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

/** Failure types the batch updates reject with; the API maps them to 403 / 409 / 422. */
export const batchFailureTypes = {
  forbidden: 'BatchForbidden',
  outOfPhase: 'BatchOutOfPhase',
  invalid: 'BatchInvalid',
} as const;

export const batchStateQuery = defineQuery<BatchState>('batchState');
/** Closes collection before its date (the office has what it needs). */
export const closeCollectionUpdate = defineUpdate<BatchState, [CoordinatorAction]>('closeCollection');
/** Ends screening: every suggestion has an outcome; publicity of the candidates begins. */
export const concludeScreeningUpdate = defineUpdate<BatchState, [CoordinatorAction]>('concludeScreening');
export const openVoteUpdate = defineUpdate<VoteSessionState, [OpenVoteInput]>('openVote');
export const closeVoteUpdate = defineUpdate<VoteSessionState, [CoordinatorAction]>('closeVote');
export const openRatingUpdate = defineUpdate<BatchState, [OpenRatingInput]>('openRating');
export const closeRatingUpdate = defineUpdate<BatchState, [CoordinatorAction]>('closeRating');

/**
 * Voted projects as GET /api/projects and GET /api/projects/:id return them (api/projects/), with the
 * workflow's ProjectState (workflows/votedProject.messages.ts) as `live`.
 */
export type WarningLevel = 'none' | 'blue' | 'yellow' | 'red';
export type ProjectPhase = 'implementation' | 'accepted' | 'inUse' | 'closed';
export type RatingOutcome = 'satisfied' | 'basicallySatisfied' | 'unsatisfied';
export type ConsequenceStage =
  'none' | 'explaining' | 'rectifying' | 'awaitingReRating' | 'reRating' | 'oversight' | 'settled';

export interface StagePlanEntry {
  stage: 'preparation' | 'construction' | 'acceptance';
  /** 'YYYY-MM-DD' */
  plannedStart: string;
  plannedEnd: string;
}

export interface RatingCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

/** A row of the projects table, with its department's and responsible leader's names. */
export interface Project {
  id: string;
  batch_id: string;
  candidate_id: string;
  title: string;
  department_id: string;
  responsible_leader_user_id: string | null;
  implementing_unit: string;
  budget_yuan: number;
  deadline: string;
  acceptance_standard: string;
  phase: ProjectPhase;
  rating_outcome: RatingOutcome | null;
  rating_counts: RatingCounts | null;
  stage_plan: StagePlanEntry[] | null;
  progress_percent: number;
  stage: string;
  last_reported_at: string | null;
  warning: WarningLevel;
  warning_reason: string | null;
  warning_changed_at: string | null;
  accepted_at: string | null;
  in_use_on: string | null;
  consequence: string | null;
  allocation_yuan: number;
  disbursed_yuan: number;
  funds_frozen: boolean;
  created_at: string;
  department_name: string;
  responsible_leader_name: string | null;
}

export interface OpenTask {
  taskId: string;
  kind: string;
  findingId?: string;
}

export interface FindingState {
  findingId: string;
  round: number;
  status: 'awaitingResponse' | 'responded' | 'accepted';
}

/** ProjectState, the workflow's projectState query. */
export interface ProjectState {
  projectId: string;
  batchId: string;
  phase: ProjectPhase;
  responsibility: {
    departmentId: string;
    responsibleLeaderUserId: string | null;
    implementingUnit: string;
    budgetYuan: number;
    deadline: string;
    acceptanceStandard: string;
  };
  plan: StagePlanEntry[] | null;
  progress: { percent: number; stage: string; reportedAt: string } | null;
  warning: { level: WarningLevel; plannedPercent: number; lagPoints: number; reason: string; since: string };
  group: { userId: string; joinedAt: string }[];
  findings: FindingState[];
  openTasks: OpenTask[];
  cadence: { nextProgressAt: string; nextSupervisionAt: string; nextEvaluationAt: string; evaluations: number };
  acceptedAt: string | null;
  inUseOn: string | null;
  rating: { batchId: string; outcome: RatingOutcome; counts: RatingCounts; ratedAt: string } | null;
  consequence: {
    stage: ConsequenceStage;
    explanationsDone: number;
    reRating: { sessionId: string; outcome: RatingOutcome | null; counts: RatingCounts | null } | null;
    measure: string | null;
  };
  postEvaluation: {
    dueAt: string;
    started: boolean;
    evaluated: boolean;
    lookedBack: boolean;
    suggestionsOpen: number;
  } | null;
  runs: number;
  handoverEvents: number[];
}

export interface ProjectFunds {
  allocationYuan: number;
  disbursedYuan: number;
  frozen: boolean;
  remaining: number;
  /** Rounded down, so 100 means all of it. */
  percentDisbursed: number;
}

export interface SupervisionMember {
  user_id: string;
  display_name: string;
  joined_at: string;
}

/** GET /api/projects/:id: the row, the workflow's live state (null when unreachable), group, funds. */
export interface ProjectDetail extends Project {
  /** A township's project the county office reads: no decisions here. */
  read_only?: boolean;
  live?: ProjectState | null;
  supervision_group?: SupervisionMember[];
  funds?: ProjectFunds;
  temporalUiUrl?: string;
}

export interface FundMovement {
  id: string;
  project_id: string;
  kind: 'allocation' | 'disbursement' | 'anomalyFlagged' | 'anomalyCleared';
  amount_yuan: number;
  note: string;
  by_user_id: string;
  by_name: string;
  at: string;
}

/** GET /api/projects/:id/funds */
export interface ProjectFundsWithMovements extends ProjectFunds {
  movements: FundMovement[];
}

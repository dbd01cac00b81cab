/**
 * Voted projects as GET /api/projects and GET /api/projects/:id return them (api/projects/), with the
 * workflow's ProjectState (workflows/votedProject.messages.ts) as `live`.
 */
import type { ProjectState } from '@domain/contract/projectWorkflow';
import type {
  ConsequenceStage,
  FundMovementKind,
  ProjectPhase,
  ProjectStage,
  RatingOutcome,
  WarningLevel,
} from '@domain/contract/vocabulary';
import type { StagePlan } from '@domain/progressWarning';
import type { RatingCounts } from '@domain/rating';

export type { FindingState, OpenTask, ProjectState } from '@domain/contract/projectWorkflow';
export type { ConsequenceStage, ProjectPhase, RatingOutcome, WarningLevel } from '@domain/contract/vocabulary';
export type { RatingCounts } from '@domain/rating';

/** One stage of a project's plan; days are 'YYYY-MM-DD'. */
export type StagePlanEntry = StagePlan[number];

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
  stage: ProjectStage;
  last_reported_at: string | null;
  warning: WarningLevel;
  warning_reason: string | null;
  warning_changed_at: string | null;
  accepted_at: string | null;
  in_use_on: string | null;
  consequence: ConsequenceStage | null;
  allocation_yuan: number;
  disbursed_yuan: number;
  funds_frozen: boolean;
  created_at: string;
  department_name: string;
  responsible_leader_name: string | null;
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
  /** A report the department filed between weekly tasks, waiting for the next weekly task to count it. */
  pending_progress_report?: { percent: number; text: string; reportedAt: string; by: string } | null;
}

export interface FundMovement {
  id: string;
  project_id: string;
  kind: FundMovementKind;
  amount_yuan: number;
  note: string;
  by_user_id: string;
  by_name: string;
  at: string;
  /** A disbursement: the department's request it paid. */
  request_id: string | null;
}

/** GET /api/projects/:id/funds */
export interface ProjectFundsWithMovements extends ProjectFunds {
  /** The batch whose pool funds the project: its own, or its county's. */
  pool_batch_id: string;
  /** The department's requests finance has not paid yet. */
  open_requests: Omit<FundMovement, 'by_name'>[];
  movements: FundMovement[];
}

/** GET /api/batches/:id/fund-pool/report: what the congress office hears on the pool. */
export interface FundPoolReport {
  pool: {
    batch_id: string;
    total_yuan: number | null;
    allocated_yuan: number;
    disbursed_yuan: number;
    unallocated_yuan: number | null;
  };
  projects: {
    id: string;
    title: string;
    batch_id: string;
    jurisdiction_name: string;
    department_name: string;
    allocation_yuan: number;
    disbursed_yuan: number;
    funds_frozen: boolean;
    requested_open_yuan: number;
    anomalies_flagged: number;
    percentDisbursed: number;
  }[];
}

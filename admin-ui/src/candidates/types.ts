import type { CandidateStatus } from '@domain/contract/vocabulary';

export interface CandidateAmendment {
  id: number;
  amended_by_name: string;
  reason: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  at: string;
}

export interface Candidate {
  id: string;
  batch_id: string;
  suggestion_id: string;
  title: string;
  description: string;
  department_id: string;
  department_name: string;
  responsible_leader_user_id: string | null;
  responsible_leader_name: string | null;
  implementing_unit: string;
  budget_yuan: number;
  deadline: string;
  acceptance_standard: string;
  status: CandidateStatus;
  elected: boolean | null;
  approvals: number | null;
  created_at: string;
  updated_at: string;
  /** Only on GET one. */
  amendments?: CandidateAmendment[];
}

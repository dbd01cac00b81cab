export type ScreeningOutcome = 'candidate' | 'reserve' | 'pendingResearch' | 'rejected' | 'spam';

export interface Suggestion {
  id: string;
  batch_id: string;
  title: string;
  description: string;
  category: string;
  location: string;
  channel: string;
  merged_into_id: string | null;
  department_id: string | null;
  outcome: ScreeningOutcome | null;
  outcome_reason: string | null;
  funding_source: string | null;
  reviewed_at: string | null;
  created_at: string;
  proposer_count: number;
  score: number | null;
  /** Only on GET one. */
  proposers?: {
    id: number;
    kind: string;
    name: string | null;
    contact: string | null;
    department_name: string | null;
    created_at: string;
  }[];
  scores?: {
    reviewer_user_id: string;
    reviewer_name: string;
    public_support: number;
    funding_feasibility: number;
    social_benefit: number;
    implementation_difficulty: number;
    weighted: number;
    note: string | null;
  }[];
  merged?: { id: string; title: string; created_at: string }[];
  candidate?: { id: string; title: string } | null;
}

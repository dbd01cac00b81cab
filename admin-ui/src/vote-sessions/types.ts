import type { ElectionResult } from '../batches/types';

export interface VoteSession {
  id: string;
  batch_id: string;
  round: number;
  seats: number;
  candidate_ids: string[];
  deputies_entitled: number;
  deputies_present: number;
  scrutineers: string[];
  tellers: string[];
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  result: ElectionResult | null;
  ballots_cast?: number;
}

import type { ElectionResult } from '../batches/types';

/** A vote session as GET /api/vote-sessions answers: the office's view and a deputy's ballot read the same record. */

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
  /** On the list: how many ballots have been cast. */
  ballots_cast?: number | null;
  /** On the list: whether the signed-in deputy has a receipt. */
  voted?: boolean;
  /** On GET one: the signed-in deputy's receipt code, never their choices. */
  my_receipt?: string | null;
}

/** Vote sessions and ballots as the API states them (api/votes/, domain/election.ts). */
export type VoteChoice = 'approve' | 'disapprove' | 'abstain';
export const voteChoices: readonly VoteChoice[] = ['approve', 'disapprove', 'abstain'];

export interface VoteSession {
  id: string;
  batch_id: string;
  round: number;
  seats: number;
  candidate_ids: string[];
  deputies_entitled: number;
  deputies_present: number;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  /** On the list: how many ballots have been cast. */
  ballots_cast?: number;
  /** On the list: whether the signed-in deputy has a receipt. */
  voted?: boolean;
  /** On GET one: the signed-in deputy's receipt code, never their choices. */
  my_receipt?: string | null;
}

export interface BallotMark {
  candidateId: string;
  choice: VoteChoice;
}

/** What POST …/ballots and POST …/ratings answer with. */
export interface Receipt {
  sessionId: string;
  receiptCode: string;
}

/** The fields of a candidate (GET /api/candidates) a deputy reads on the ballot. */
export interface BallotCandidate {
  id: string;
  title: string;
  description: string;
  department_name: string;
  implementing_unit: string;
  budget_yuan: number;
  deadline: string;
}

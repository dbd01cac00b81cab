/** Vote sessions and ballots as the API states them (api/votes/, domain/election.ts). */
export type VoteChoice = 'approve' | 'disapprove' | 'abstain';
export const voteChoices: readonly VoteChoice[] = ['approve', 'disapprove', 'abstain'];

export type { VoteSession } from '../vote-sessions/types';

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

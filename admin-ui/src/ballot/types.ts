import { prioritySchema, voteChoiceSchema } from '@domain/election';

/** Vote sessions and ballots as the API states them (api/votes/, domain/election.ts). */
export type { BallotMark, Priority, VoteChoice } from '@domain/election';
export const voteChoices = voteChoiceSchema.options;
/** 非常必要 / 必要 / 一般: optional beside each choice (docs/domain.md, "Vote"). */
export const priorities = prioritySchema.options;

export type { VoteSession } from '../vote-sessions/types';

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

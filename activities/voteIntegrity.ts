import { ApplicationFailure } from '@temporalio/common';
import { refusalFailure } from './refusal';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/assignee';
import { outcomeOnlyBelowOf } from '../db/outcomeOnlyBelow';
import { type ElectionPolicy, type ElectionResult, isSmallSession, tallyFromTotals } from '../domain/election';
import {
  ballotsOverPresentProblem,
  type CloseConfirmation,
  incompleteCloseProblem,
  quorumProblem,
  tellerTotalsProblem,
  voteCloseRefusals,
} from '../domain/voteIntegrity';
import type { Database } from '../db/schema';
import { recordAuditEvent } from './audit';

export interface PrepareVoteCloseInput {
  sessionId: string;
  confirmIncomplete: CloseConfirmation | null;
  actor: Actor;
  at: string;
}

export interface VoteCloseCheck {
  /** Electronic ballots, or the tellers' confirmed totals of a paper or voting-device vote. */
  countedFrom: 'ballots' | 'tellersTotals';
  present: number;
  ballotsCast: number;
}

/** Whether a session of this batch with `present` deputies publishes its outcome only (docs/domain.md, "Vote"). */
async function outcomeOnly(
  db: Kysely<Database>,
  batchId: string,
  present: number,
  ballotsCast: number,
): Promise<boolean> {
  return isSmallSession(present, ballotsCast, await outcomeOnlyBelowOf(db, batchId));
}

const refuse = (message: string, type: string = voteCloseRefusals.invalid) =>
  ApplicationFailure.nonRetryable(message, type);

/**
 * The checks a close must pass (docs/domain.md, "Vote"), kept apart from counting the ballots: quorum on the
 * attendance now, ballots cast ≤ deputies present, and an explicit, current confirmation when not every
 * deputy present has voted. Passing stops casting (the ballot path refuses once this row exists) and fixes
 * the deputies present the count is based on. The session row lock waits for ballots being cast.
 */
export function createVoteIntegrityActivities({ db }: { db: Kysely<Database> }) {
  return {
    async prepareVoteClose(input: PrepareVoteCloseInput): Promise<VoteCloseCheck> {
      return db.transaction().execute(async (trx) => {
        const session = await trx
          .selectFrom('vote_sessions')
          .select(['batch_id', 'deputies_entitled', 'candidate_ids'])
          .where('id', '=', input.sessionId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const totals = await trx
          .selectFrom('vote_teller_totals')
          .selectAll()
          .where('session_id', '=', input.sessionId)
          .executeTakeFirst();
        const done = await trx
          .selectFrom('vote_close_checks')
          .selectAll()
          .where('session_id', '=', input.sessionId)
          .executeTakeFirst();
        // A retry after the check passed: casting has already stopped on these counts.
        if (done)
          return {
            countedFrom: totals?.confirmed_by ? 'tellersTotals' : 'ballots',
            present: done.deputies_present,
            ballotsCast: done.ballots_cast,
          };

        const { n } = await trx
          .selectFrom('vote_attendance')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('batch_id', '=', session.batch_id)
          .executeTakeFirstOrThrow();
        const present = Number(n);
        const quorum = quorumProblem(present, session.deputies_entitled);
        if (quorum) throw refusalFailure(voteCloseRefusals.invalid, 'voteCannotClose', { reason: quorum });

        const receipts = await trx
          .selectFrom('ballot_receipts')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('session_id', '=', input.sessionId)
          .executeTakeFirstOrThrow();
        let countedFrom: VoteCloseCheck['countedFrom'] = 'ballots';
        let ballotsCast = Number(receipts.n);
        if (totals) {
          if (!totals.confirmed_by) throw refusalFailure(voteCloseRefusals.unconfirmed, 'totalsUnconfirmed');
          if (ballotsCast > 0) throw refusalFailure(voteCloseRefusals.invalid, 'ballotsAndTotals');
          const problem = tellerTotalsProblem(totals.totals, session.candidate_ids, present);
          if (problem) throw refusalFailure(voteCloseRefusals.invalid, 'voteCannotClose', { reason: problem });
          countedFrom = 'tellersTotals';
          ballotsCast = totals.totals.ballotsCast;
        }
        const over = ballotsOverPresentProblem(ballotsCast, present);
        if (over) throw refuse(over);
        const incomplete = incompleteCloseProblem({ ballotsCast, present }, input.confirmIncomplete ?? undefined);
        if (incomplete)
          throw refusalFailure(voteCloseRefusals.unconfirmed, 'voteNotClosedIncomplete', { reason: incomplete });

        await trx
          .insertInto('vote_close_checks')
          .values({
            session_id: input.sessionId,
            deputies_present: present,
            ballots_cast: ballotsCast,
            confirmed_incomplete: ballotsCast < present,
            checked_by: input.actor.userId,
            checked_at: input.at,
          })
          .execute();
        // The majority base "deputies present" is the attendance when the vote closed.
        await trx
          .updateTable('vote_sessions')
          .set({ deputies_present: present })
          .where('id', '=', input.sessionId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.sessionId}:casting-stopped`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'vote.castingStopped',
          workflowId: session.batch_id,
          subject: input.sessionId,
          detail: (await outcomeOnly(trx, session.batch_id, present, ballotsCast))
            ? { present, confirmedIncomplete: ballotsCast < present, countedFrom }
            : { present, ballotsCast, confirmedIncomplete: ballotsCast < present, countedFrom },
          at: input.at,
        });
        return { countedFrom, present, ballotsCast };
      });
    },

    /** Counts a paper or voting-device vote from its confirmed totals, by the same rules as the ballots. */
    async closeTalliedVoteSession(input: {
      sessionId: string;
      policy: ElectionPolicy;
      actor: Actor;
      at: string;
    }): Promise<ElectionResult> {
      return db.transaction().execute(async (trx) => {
        const session = await trx
          .selectFrom('vote_sessions')
          .selectAll()
          .where('id', '=', input.sessionId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (session.status === 'closed' && session.result) return session.result;
        const totals = await trx
          .selectFrom('vote_teller_totals')
          .selectAll()
          .where('session_id', '=', input.sessionId)
          .executeTakeFirstOrThrow();
        const result = tallyFromTotals({
          candidateIds: session.candidate_ids,
          seats: session.seats,
          totals: totals.totals,
          deputiesEntitled: session.deputies_entitled,
          deputiesPresent: session.deputies_present,
          policy: input.policy,
        });
        await trx
          .updateTable('vote_sessions')
          .set({ status: 'closed', closed_at: input.at, result: JSON.stringify(result) })
          .where('id', '=', input.sessionId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.sessionId}:closed`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'vote.closed',
          workflowId: session.batch_id,
          subject: input.sessionId,
          detail: (await outcomeOnly(trx, session.batch_id, session.deputies_present, result.ballotsCast))
            ? { countedFrom: 'tellersTotals', elected: result.elected, runOff: result.runOff }
            : {
                countedFrom: 'tellersTotals',
                ballotsCast: result.ballotsCast,
                invalidBallots: result.invalidBallots,
                elected: result.elected,
                runOff: result.runOff,
              },
          at: input.at,
        });
        return result;
      });
    },
  };
}

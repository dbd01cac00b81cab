import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Ballot } from '../../domain/election';
import { ballotProblem } from '../../domain/election';
import { assertPresent } from '../attendance/attendance.service';
import type { SessionUser } from '../auth/tokens';
import { conflict, forbidden, notFound, unprocessable } from '../errors';

export interface Receipt {
  sessionId: string;
  receiptCode: string;
}

/** A code the deputy can keep; it proves a ballot was counted and says nothing about its choices. */
export const newReceiptCode = () => randomBytes(6).toString('hex').toUpperCase();

/**
 * Casts a secret ballot (DESIGN.md): in one transaction a receipt naming the deputy and a ballot naming
 * nobody. The session row is share-locked, so closing the session waits for ballots being cast.
 * Nothing here is logged.
 */
export async function castBallot(
  db: Kysely<Database>,
  user: SessionUser,
  sessionId: string,
  ballot: Ballot,
): Promise<Receipt> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('vote_sessions')
      .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
      .select(['vote_sessions.status', 'vote_sessions.candidate_ids', 'batches.jurisdiction_id'])
      .where('vote_sessions.id', '=', sessionId)
      .forShare('vote_sessions')
      .executeTakeFirst();
    const session = checkCanTakePart(row, user, 'vote session', sessionId);
    await assertPresent(trx, sessionId, user.userId);
    const problem = ballotProblem(ballot, session.candidate_ids);
    if (problem) throw unprocessable(`the ballot was not cast: ${problem}`);
    const receiptCode = newReceiptCode();
    await insertReceipt(trx, 'ballot_receipts', sessionId, user.userId, receiptCode);
    await trx
      .insertInto('ballots')
      .values({ id: randomUUID(), session_id: sessionId, marks: JSON.stringify(ballot.marks) })
      .execute();
    return { sessionId, receiptCode };
  });
}

/**
 * Refuses, with a reason, anyone but a deputy of the session's jurisdiction while it is open; a
 * committee re-rating is for standing committee members instead (DOMAIN.md step 10).
 */
export function checkCanTakePart<
  S extends { jurisdiction_id: string; status: string; kind?: 'congress' | 'committee' },
>(session: S | undefined, user: SessionUser, what: 'vote session' | 'rating session', sessionId: string): S {
  if (!session || session.jurisdiction_id !== user.jurisdictionId) throw notFound(`${what} "${sessionId}"`);
  if (session.kind === 'committee') {
    if (!user.roles.includes('committeeMember'))
      throw forbidden('only standing committee members take part in a committee re-rating');
  } else if (!user.roles.includes('deputy')) throw forbidden(`only deputies take part in a ${what}`);
  if (session.status !== 'open') throw conflict(`this ${what} is closed; nothing was recorded`);
  return session;
}

export async function insertReceipt(
  trx: Transaction<Database>,
  table: 'ballot_receipts' | 'rating_receipts',
  sessionId: string,
  deputyUserId: string,
  receiptCode: string,
): Promise<void> {
  const inserted = await trx
    .insertInto(table)
    .values({ session_id: sessionId, deputy_user_id: deputyUserId, receipt_code: receiptCode })
    .onConflict((oc) => oc.columns(['session_id', 'deputy_user_id']).doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 0n) {
    throw conflict(
      table === 'ballot_receipts'
        ? 'you have already voted in this session; a ballot cannot be cast twice or changed'
        : 'you have already rated in this session; ratings cannot be given twice or changed',
    );
  }
}

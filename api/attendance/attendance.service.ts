import type { Kysely, Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { Database } from '../../db/schema';
import {
  ballotsOverPresentProblem,
  type CloseConfirmation,
  incompleteCloseProblem,
  quorumProblem,
  type TellerTotals,
  sameTotals,
  tellerTotalsProblem,
} from '../../domain/voteIntegrity';
import type { SessionUser } from '../auth/tokens';
import { withOwnBatchInPhase } from '../batchRecords';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import type { openVoteWithAttendanceSchema } from '../../domain/contract/attendance';
import type { z } from 'zod';

type Db = Kysely<Database> | Transaction<Database>;

/** The office's acts on attendance and totals go on the batch's timeline, as every decision does. */
const recordAuditEvent = (
  db: Db,
  entry: {
    actorUserId: string;
    actorLabel: string;
    action: string;
    workflowId: string;
    subject: string;
    detail: object;
    at: string;
  },
) => insertAuditEvent(db, { ...entry, dedupeKey: null, detail: { ...entry.detail } });

export async function presentCount(db: Db, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('vote_attendance')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The attendance of a batch's sitting, with every deputy of the jurisdiction to tick. */
export async function attendanceOf(db: Kysely<Database>, user: SessionUser, batchId: string) {
  const batch = await db
    .selectFrom('batches')
    .select('id')
    .where('id', '=', batchId)
    .where('jurisdiction_id', '=', user.jurisdictionId)
    .executeTakeFirst();
  if (!batch) throw notFound('batch', batchId);
  const present = await db
    .selectFrom('vote_attendance')
    .innerJoin('users as d', 'd.id', 'vote_attendance.deputy_user_id')
    .innerJoin('users as r', 'r.id', 'vote_attendance.recorded_by')
    .select([
      'vote_attendance.deputy_user_id as deputyUserId',
      'd.display_name as displayName',
      'r.display_name as recordedBy',
      'vote_attendance.recorded_at as recordedAt',
    ])
    .where('vote_attendance.batch_id', '=', batchId)
    .orderBy('d.display_name')
    .execute();
  const deputies = await db
    .selectFrom('users')
    .select(['id', 'display_name as displayName'])
    .where('jurisdiction_id', '=', user.jurisdictionId)
    .where((eb) => eb(eb.val('deputy'), '=', eb.fn.any('roles')))
    .orderBy('display_name')
    .execute();
  return { id: batchId, batchId, present, count: present.length, deputies };
}

/**
 * Replaces the sitting's attendance with the deputies the office saw sign in. Only during the vote; a
 * deputy who has already voted in an open session cannot be marked absent, or ballots would exceed those present.
 */
export async function recordAttendance(
  db: Kysely<Database>,
  user: SessionUser,
  batchId: string,
  deputyUserIds: string[],
): Promise<void> {
  const wanted = [...new Set(deputyUserIds)];
  await withOwnBatchInPhase(db, user, batchId, ['vote'], 'recordAttendance', async (trx) => {
    if (wanted.length > 0) {
      const deputies = await trx
        .selectFrom('users')
        .select('id')
        .where('id', 'in', wanted)
        .where('jurisdiction_id', '=', user.jurisdictionId)
        .where((eb) => eb(eb.val('deputy'), '=', eb.fn.any('roles')))
        .execute();
      const known = new Set(deputies.map((d) => d.id));
      const unknown = wanted.filter((id) => !known.has(id));
      if (unknown.length > 0) throw unprocessable('notDeputies', { ids: unknown.join(', ') });
    }
    const current = await trx
      .selectFrom('vote_attendance')
      .select('deputy_user_id')
      .where('batch_id', '=', batchId)
      .execute();
    const removed = current.map((r) => r.deputy_user_id).filter((id) => !wanted.includes(id));
    if (removed.length > 0) {
      const voted = await trx
        .selectFrom('ballot_receipts')
        .innerJoin('vote_sessions', 'vote_sessions.id', 'ballot_receipts.session_id')
        .innerJoin('users', 'users.id', 'ballot_receipts.deputy_user_id')
        .select('users.display_name')
        .where('vote_sessions.batch_id', '=', batchId)
        .where('vote_sessions.status', '=', 'open')
        .where('ballot_receipts.deputy_user_id', 'in', removed)
        .execute();
      if (voted.length > 0)
        throw conflict(
          `${voted.map((v) => v.display_name).join(', ')} already voted in the open session and cannot be marked absent; nothing was recorded`,
        );
      await trx
        .deleteFrom('vote_attendance')
        .where('batch_id', '=', batchId)
        .where('deputy_user_id', 'in', removed)
        .execute();
    }
    const at = new Date().toISOString();
    if (wanted.length > 0) {
      await trx
        .insertInto('vote_attendance')
        .values(
          wanted.map((id) => ({ batch_id: batchId, deputy_user_id: id, recorded_by: user.userId, recorded_at: at })),
        )
        .onConflict((oc) => oc.columns(['batch_id', 'deputy_user_id']).doNothing())
        .execute();
    }
    await recordAuditEvent(trx, {
      actorUserId: user.userId,
      actorLabel: user.displayName,
      action: 'vote.attendanceRecorded',
      workflowId: batchId,
      subject: batchId,
      detail: {
        present: wanted.length,
        added: wanted.length - (current.length - removed.length),
        removed: removed.length,
      },
      at,
    });
  });
}

/** The open-vote body with deputies present taken from the attendance, which a given number must match. */
export async function withAttendance<T extends z.infer<typeof openVoteWithAttendanceSchema>>(
  db: Kysely<Database>,
  batchId: string,
  body: T,
): Promise<T & { deputiesPresent: number }> {
  const present = await presentCount(db, batchId);
  if (body.deputiesPresent !== undefined && body.deputiesPresent !== present)
    throw unprocessable(
      `deputiesPresent: ${body.deputiesPresent} was given but ${present} deputies are recorded present; record the attendance first`,
    );
  return { ...body, deputiesPresent: present };
}

/**
 * The one check the ballot path makes of attendance (call inside its transaction, after the session row is
 * locked): the deputy was recorded present, the session is not being closed, and it is not counted on paper.
 */
export async function assertPresent(
  trx: Transaction<Database>,
  sessionId: string,
  deputyUserId: string,
): Promise<void> {
  const row = await trx
    .selectFrom('vote_sessions')
    .select([
      'vote_sessions.batch_id',
      (eb) =>
        eb
          .exists(eb.selectFrom('vote_close_checks').select('session_id').where('session_id', '=', sessionId))
          .as('closing'),
      (eb) =>
        eb
          .exists(eb.selectFrom('vote_teller_totals').select('session_id').where('session_id', '=', sessionId))
          .as('on_paper'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('vote_attendance')
              .select('deputy_user_id')
              .whereRef('vote_attendance.batch_id', '=', 'vote_sessions.batch_id')
              .where('vote_attendance.deputy_user_id', '=', deputyUserId),
          )
          .as('present'),
    ])
    .where('vote_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) throw notFound('voteSession', sessionId);
  if (row.closing) throw conflict('voteClosingNoBallots');
  if (row.on_paper) throw conflict('voteOnPaper');
  if (!row.present)
    throw forbidden(
      'you are not recorded as present at this sitting; sign in with the office before voting. Nothing was recorded',
    );
}

async function findOpenSession(trx: Transaction<Database>, user: SessionUser, sessionId: string) {
  const session = await trx
    .selectFrom('vote_sessions')
    .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
    .select([
      'vote_sessions.id',
      'vote_sessions.batch_id',
      'vote_sessions.status',
      'vote_sessions.candidate_ids',
      'batches.jurisdiction_id',
    ])
    .where('vote_sessions.id', '=', sessionId)
    .forUpdate(['vote_sessions'])
    .executeTakeFirst();
  if (!session || session.jurisdiction_id !== user.jurisdictionId) throw notFound('voteSession', sessionId);
  if (session.status !== 'open') throw conflict('voteSessionClosed');
  return session;
}

export async function tellerTotalsOf(db: Kysely<Database>, user: SessionUser, sessionId: string) {
  const row = await db
    .selectFrom('vote_teller_totals')
    .innerJoin('vote_sessions', 'vote_sessions.id', 'vote_teller_totals.session_id')
    .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
    .innerJoin('users as e', 'e.id', 'vote_teller_totals.entered_by')
    .leftJoin('users as c', 'c.id', 'vote_teller_totals.confirmed_by')
    .select([
      'vote_teller_totals.session_id as id',
      'vote_teller_totals.totals',
      'vote_teller_totals.entered_by as enteredBy',
      'e.display_name as enteredByName',
      'vote_teller_totals.entered_at as enteredAt',
      'vote_teller_totals.confirmed_by as confirmedBy',
      'c.display_name as confirmedByName',
      'vote_teller_totals.confirmed_at as confirmedAt',
    ])
    .where('vote_teller_totals.session_id', '=', sessionId)
    .where('batches.jurisdiction_id', '=', user.jurisdictionId)
    .executeTakeFirst();
  if (!row) throw notFound('tellerTotals', sessionId);
  return row;
}

/**
 * The tellers' totals of a paper or voting-device vote (docs/domain.md, "Vote"), entered by one person.
 * Re-entering replaces them until a second person has confirmed them; a session with electronic ballots
 * cannot also be counted on paper.
 */
export async function enterTellerTotals(
  db: Kysely<Database>,
  user: SessionUser,
  sessionId: string,
  totals: TellerTotals,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await findOpenSession(trx, user, sessionId);
    const existing = await trx
      .selectFrom('vote_teller_totals')
      .select('confirmed_by')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (existing?.confirmed_by) throw conflict('totalsConfirmedFinal');
    const electronic = await trx
      .selectFrom('ballot_receipts')
      .select('session_id')
      .where('session_id', '=', sessionId)
      .limit(1)
      .executeTakeFirst();
    if (electronic) throw conflict('votedElectronically');
    const problem = tellerTotalsProblem(totals, session.candidate_ids, await presentCount(trx, session.batch_id));
    if (problem) throw unprocessable('totalsProblem', { reason: problem });
    const at = new Date().toISOString();
    await trx
      .insertInto('vote_teller_totals')
      .values({ session_id: sessionId, totals: JSON.stringify(totals), entered_by: user.userId, entered_at: at })
      .onConflict((oc) =>
        oc
          .column('session_id')
          .doUpdateSet({ totals: JSON.stringify(totals), entered_by: user.userId, entered_at: at }),
      )
      .execute();
    await recordAuditEvent(trx, {
      actorUserId: user.userId,
      actorLabel: user.displayName,
      action: 'vote.totalsEntered',
      workflowId: session.batch_id,
      subject: sessionId,
      detail: {},
      at,
    });
  });
}

/** A second person reads the tellers' sheet again and confirms the same totals; the first may not. */
export async function confirmTellerTotals(
  db: Kysely<Database>,
  user: SessionUser,
  sessionId: string,
  totals: TellerTotals,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await findOpenSession(trx, user, sessionId);
    const entered = await trx
      .selectFrom('vote_teller_totals')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!entered) throw conflict('noTotalsYet');
    if (entered.confirmed_by) throw conflict('totalsAlreadyConfirmed');
    if (entered.entered_by === user.userId) throw forbidden('totalsSecondPerson');
    if (!sameTotals(entered.totals, totals)) throw conflict('totalsDiffer');
    const at = new Date().toISOString();
    await trx
      .updateTable('vote_teller_totals')
      .set({ confirmed_by: user.userId, confirmed_at: at })
      .where('session_id', '=', sessionId)
      .execute();
    await recordAuditEvent(trx, {
      actorUserId: user.userId,
      actorLabel: user.displayName,
      action: 'vote.totalsConfirmed',
      workflowId: session.batch_id,
      subject: sessionId,
      detail: {},
      at,
    });
  });
}

/**
 * The close's own refusals (the workflow's prepareVoteClose makes them again, authoritatively), made before
 * the sealed box is opened: opening stops casting, so a close the office has not confirmed must leave the
 * session open for the deputies still to vote. A vote counted on tellers' totals has nothing sealed to open.
 */
export async function assertVoteMayClose(
  trx: Transaction<Database>,
  sessionId: string,
  confirmIncomplete: CloseConfirmation | undefined,
): Promise<void> {
  const session = await trx
    .selectFrom('vote_sessions')
    .select(['batch_id', 'deputies_entitled'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const totals = await trx
    .selectFrom('vote_teller_totals')
    .select('session_id')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  if (totals) return;
  const present = await presentCount(trx, session.batch_id);
  const quorum = quorumProblem(present, session.deputies_entitled);
  if (quorum) throw unprocessable('voteCannotClose', { reason: quorum });
  const { n } = await trx
    .selectFrom('ballot_receipts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const ballotsCast = Number(n);
  const over = ballotsOverPresentProblem(ballotsCast, present);
  if (over) throw unprocessable('refused', { reason: over });
  const incomplete = incompleteCloseProblem({ ballotsCast, present }, confirmIncomplete);
  if (incomplete) throw conflict('voteNotClosedIncomplete', { reason: incomplete });
}

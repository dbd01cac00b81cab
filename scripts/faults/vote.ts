import { isDeepStrictEqual } from 'node:util';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { type BallotKey, createBallotKey } from '../../api/votes/ballotBox';
import { openRatingBallotBox, openVoteBallotBox } from '../../api/votes/sealedBox.service';
import { encodeBallot, encodeRatingSheet } from '../../domain/ballotEncoding';
import { batchPolicyOf } from '../../domain/batchPolicy';
import type { Ballot, ElectionResult } from '../../domain/election';
import type { RatingOutcome as RatingChoice } from '../../domain/rating';
import { jurisdictionId } from '../../test/support/fixtures';
import { insertBallotCandidates } from '../../test/support/projectFixtures';
import type { Answer } from './scenario';
import type { FaultStack } from './stack';

const CANDIDATES = 4;
const SEATS = 2;
const SCRUTINEERS = 3;

export interface VoteHooks {
  call(method: string, path: string, body?: unknown, as?: string | null): Promise<Answer>;
  check(name: string, ok: boolean, detail?: string): void;
  /** Opens a deputy's session ahead, as a deputy signs in before the vote: signing in needs PostgreSQL. */
  signIn(userId: string): Promise<void>;
  log(line: string): void;
}

/**
 * The congress's vote under faults (docs/domain.md, "Vote"; docs/secrecy.md): deputies recorded present
 * through the API cast sealed ballots through the API around each fault, then the scrutineers' shares open
 * the box and the session is counted. Casting needs PostgreSQL only, so it goes on while the worker or
 * Temporal is away; while PostgreSQL is away a ballot is a 503 and, resent, is cast once.
 *
 * The batch is at its vote by its row, as the congress-vote benchmark has it: a batch workflow reaches its
 * vote only after ≥ 7 working days of candidate publicity, which a run in real time cannot wait out. The
 * session is opened and counted by the product's own activities (openVoteSession, closeVoteSession), the
 * ones the batch workflow's open-vote and close-vote updates run, and the box is opened by the API's own
 * service, as the close-vote route does before its update.
 */
export class VoteUnderFaults {
  readonly batchId: string;
  readonly sessionId: string;
  private readonly voters: string[];
  private candidateIds: string[] = [];
  private key: BallotKey | undefined;
  private next = 0;
  /** Deputies whose ballot the API accepted (201): each must be counted exactly once. */
  readonly accepted = new Set<string>();
  /** Deputies whose rating sheet the API accepted (201), in the rating session of the run's voted project. */
  readonly rated = new Set<string>();
  private ratingSessionId = '';
  private ratedProjectId = '';
  private ratingKey: BallotKey | undefined;
  private ratingBatchId = '';
  private ratingResults: (unknown[] | Error)[] = [];
  private readonly activities: ReturnType<typeof createActivities>;
  private readonly notifier = createNotifier({ mailFrom: 'faults@faults.local' });
  private results: (ElectionResult | Error)[] = [];

  constructor(
    private readonly stack: FaultStack,
    private readonly hooks: VoteHooks,
    voterCount: number,
  ) {
    this.batchId = `batch-${jurisdictionId}-${new Date().getUTCFullYear() + 2}`;
    this.sessionId = `${this.batchId}-vote-1`;
    this.voters = Array.from({ length: voterCount }, (_, i) => `voter-${String(i).padStart(3, '0')}`);
    this.activities = createActivities({ db: stack.db, notifier: this.notifier });
  }

  private get actor() {
    return {
      userId: 'coordinator',
      displayName: 'coordinator',
      roles: ['coordinator' as const],
      jurisdictionId,
      departmentId: null,
    };
  }

  /**
   * The deputies, a batch at its vote with its candidates, attendance through the API, the sealed session
   * opened; and a sealed rating session (满意度测评) of the run's voted project, which the same deputies rate.
   */
  async open(rated: { projectId: string; batchId: string }): Promise<void> {
    const db = this.stack.db;
    await db
      .insertInto('users')
      .values(
        this.voters.map((id) => ({
          id,
          username: id,
          display_name: `代表${id.slice(-3)}`,
          password_hash: 'not-a-login',
          roles: ['deputy' as const],
          jurisdiction_id: jurisdictionId,
          department_id: null,
          email: null,
          phone: null,
        })),
      )
      .execute();
    await db
      .insertInto('batches')
      .values({
        id: this.batchId,
        jurisdiction_id: jurisdictionId,
        year: new Date().getUTCFullYear() + 2,
        title: '票决批次',
        phase: 'vote',
      })
      .execute();
    this.candidateIds = await insertBallotCandidates(db, {
      batchId: this.batchId,
      prefix: 'fault-vote',
      count: CANDIDATES,
      departmentId: 'dept-roads',
      leaderUserId: 'leader',
      deadline: `${new Date().getUTCFullYear() + 3}-11-30`,
    });
    for (const voter of this.voters) await this.hooks.signIn(voter);
    const attendance = await this.hooks.call('PUT', `/batches/${this.batchId}/attendance`, {
      deputyUserIds: this.voters,
    });
    if (attendance.status !== 200)
      throw new Error(`recording attendance: ${attendance.status} ${JSON.stringify(attendance.body)}`);
    this.key = await createBallotKey(SCRUTINEERS);
    await this.activities.openVoteSession({
      box: { publicKey: this.key.publicKey, threshold: this.key.threshold },
      sessionId: this.sessionId,
      batchId: this.batchId,
      round: 1,
      seats: SEATS,
      candidateIds: this.candidateIds,
      deputiesEntitled: this.voters.length,
      deputiesPresent: this.voters.length,
      scrutineers: ['王监票', '李监票', '张监票'],
      tellers: ['赵计票', '钱计票'],
      actor: this.actor,
      at: new Date().toISOString(),
    });
    this.ratingKey = await createBallotKey(SCRUTINEERS);
    this.ratedProjectId = rated.projectId;
    this.ratingBatchId = rated.batchId;
    this.ratingSessionId = `${rated.batchId}-rating`;
    await this.activities.openRatingSession({
      sessionId: this.ratingSessionId,
      batchId: rated.batchId,
      projectIds: [rated.projectId],
      actor: this.actor,
      at: new Date().toISOString(),
      box: { publicKey: this.ratingKey.publicKey, threshold: this.ratingKey.threshold },
    });
    this.hooks.log(
      `vote session ${this.sessionId} and rating session ${this.ratingSessionId} open: ${this.voters.length} deputies, sealed boxes`,
    );
  }

  /** Whether deputy i approves candidate k: two each (as many as the seats, so every ballot is valid), varied. */
  private approves(i: number, k: number): boolean {
    return k === i % CANDIDATES || k === (i + 1) % CANDIDATES;
  }

  private marks(voter: string): Ballot['marks'] {
    const i = this.voters.indexOf(voter);
    return this.candidateIds.map((candidateId, k) => ({
      candidateId,
      choice: this.approves(i, k) ? 'approve' : 'disapprove',
    }));
  }

  /** The next deputy who has not voted yet; throws when the run asks for more ballots than deputies. */
  nextVoter(): string {
    const voter = this.voters[this.next];
    if (!voter) throw new Error(`more ballots asked for than the ${this.voters.length} deputies present`);
    this.next += 1;
    return voter;
  }

  /** Deputy i's rating of the project: satisfied, basically satisfied or unsatisfied in turn. */
  private choiceOf(i: number): RatingChoice {
    return (['satisfied', 'basicallySatisfied', 'unsatisfied'] as const)[i % 3]!;
  }

  /**
   * One deputy's ballot and rating sheet through the API, sent together as a deputy's client at the congress
   * would, each in its session's order; answers the ballot's answer with the sheet's beside it.
   */
  async cast(voter: string): Promise<Answer & { voter: string; sheet: Answer }> {
    const i = this.voters.indexOf(voter);
    const [res, sheet] = await Promise.all([
      this.hooks.call(
        'POST',
        `/vote-sessions/${this.sessionId}/ballots`,
        { ballot: encodeBallot(this.marks(voter), this.candidateIds) },
        voter,
      ),
      this.hooks.call(
        'POST',
        `/rating-sessions/${this.ratingSessionId}/ratings`,
        {
          sheet: encodeRatingSheet(
            [{ projectId: this.ratedProjectId, choice: this.choiceOf(i) }],
            [this.ratedProjectId],
          ),
        },
        voter,
      ),
    ]);
    if (res.status === 201) this.accepted.add(voter);
    if (sheet.status === 201) this.rated.add(voter);
    return { ...res, voter, sheet };
  }

  async castMany(count: number): Promise<(Answer & { voter: string; sheet: Answer })[]> {
    return Promise.all(Array.from({ length: count }, () => this.cast(this.nextVoter())));
  }

  /**
   * The scrutineers open the boxes and both sessions are counted while PostgreSQL is taken away; each count
   * is retried after it is back, as Temporal retries the activity, and once more as a close resent after a
   * lost answer would.
   */
  async count(restartPostgres: () => Promise<void>): Promise<void> {
    const shares = this.key!.shares.slice(0, this.key!.threshold);
    const ratingShares = this.ratingKey!.shares.slice(0, this.ratingKey!.threshold);
    const rateOnce = async () => {
      await openRatingBallotBox(this.stack.db, { batchId: this.ratingBatchId }, ratingShares);
      return this.activities.closeRatingSession({
        sessionId: this.ratingSessionId,
        rule: batchPolicyOf({}).ratingRule,
        actor: this.actor,
        at: new Date().toISOString(),
      });
    };
    const countOnce = async () => {
      await openVoteBallotBox(this.stack.db, this.batchId, shares);
      return this.activities.closeVoteSession({
        sessionId: this.sessionId,
        policy: batchPolicyOf({}).election,
        actor: this.actor,
        at: new Date().toISOString(),
      });
    };
    const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
    const during = countOnce().catch(asError);
    const ratingDuring = rateOnce().catch(asError);
    await restartPostgres();
    this.results = [await during];
    this.ratingResults = [await ratingDuring];
    for (let attempt = 0; attempt < 2; attempt++) {
      this.results.push(await countOnce().catch(asError));
      this.ratingResults.push(await rateOnce().catch(asError));
    }
    const first = this.results[0];
    this.hooks.log(
      `vote counted around a PostgreSQL restart: first attempt ${first instanceof Error ? `failed (${first.message.slice(0, 80)})` : 'succeeded'}`,
    );
  }

  /** After the count: every accepted ballot counted once, one result, receipts = ballots counted. */
  async verify(): Promise<void> {
    const db = this.stack.db;
    const { check } = this.hooks;
    const [receipts, plain, sealed, closedEvents, session] = await Promise.all([
      db.selectFrom('ballot_receipts').select('deputy_user_id').where('session_id', '=', this.sessionId).execute(),
      db.selectFrom('ballots').select('marks').where('session_id', '=', this.sessionId).execute(),
      db.selectFrom('sealed_ballots').select('id').where('session_id', '=', this.sessionId).execute(),
      db
        .selectFrom('audit_events')
        .select('detail')
        .where('action', '=', 'vote.closed')
        .where('subject', '=', this.sessionId)
        .execute(),
      db.selectFrom('vote_sessions').selectAll().where('id', '=', this.sessionId).executeTakeFirstOrThrow(),
    ]);
    const accepted = [...this.accepted];
    const receiptsOf = (voter: string) => receipts.filter((r) => r.deputy_user_id === voter).length;
    check(
      'every accepted ballot has exactly one receipt, and no other deputy has one',
      receipts.length === accepted.length && accepted.every((v) => receiptsOf(v) === 1),
      `accepted ${accepted.length}, receipts ${receipts.length}`,
    );
    check(
      'every accepted ballot was opened from the box exactly once',
      plain.length === accepted.length && sealed.length === 0,
      `accepted ${accepted.length}, opened ${plain.length}, still sealed ${sealed.length}`,
    );
    const results = this.results.filter((r): r is ElectionResult => !(r instanceof Error));
    const retries = this.results.slice(1);
    check(
      'the count, retried after the restart and resent, answers one result every time',
      retries.length === 2 &&
        retries.every((r) => !(r instanceof Error)) &&
        results.every((r) => isDeepStrictEqual(r, results[0])),
      this.results.map((r) => (r instanceof Error ? `error: ${r.message.slice(0, 80)}` : 'result')).join('; '),
    );
    const result = results[0];
    check(
      'the tally is computed exactly once: one vote.closed event, the session closed with that result',
      closedEvents.length === 1 &&
        session.status === 'closed' &&
        result !== undefined &&
        isDeepStrictEqual(session.result, result),
      `vote.closed events ${closedEvents.length}, session ${session.status}`,
    );
    const expectedApprovals = this.candidateIds.map(
      (_, k) => accepted.filter((v) => this.approves(this.voters.indexOf(v), k)).length,
    );
    const counted = this.candidateIds.map((id) => result?.tallies.find((t) => t.candidateId === id)?.approve ?? -1);
    check(
      'receipts = ballots counted, and each candidate has the approvals the accepted ballots gave it',
      result?.ballotsCast === receipts.length &&
        result.validBallots === receipts.length &&
        counted.every((n, k) => n === expectedApprovals[k]),
      `receipts ${receipts.length}, counted ${result?.ballotsCast} (valid ${result?.validBallots}); approvals ${counted.join('/')} expected ${expectedApprovals.join('/')}`,
    );
  }

  /** The rating session the same way: every accepted sheet counted once, one result, receipts = sheets counted. */
  async verifyRatings(): Promise<void> {
    const db = this.stack.db;
    const { check } = this.hooks;
    const [receipts, plain, sealed, closedEvents, session] = await Promise.all([
      db
        .selectFrom('rating_receipts')
        .select('deputy_user_id')
        .where('session_id', '=', this.ratingSessionId)
        .execute(),
      db.selectFrom('ratings').select('choice').where('session_id', '=', this.ratingSessionId).execute(),
      db.selectFrom('sealed_rating_sheets').select('id').where('session_id', '=', this.ratingSessionId).execute(),
      db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'rating.closed')
        .where('subject', '=', this.ratingSessionId)
        .execute(),
      db.selectFrom('rating_sessions').selectAll().where('id', '=', this.ratingSessionId).executeTakeFirstOrThrow(),
    ]);
    const rated = [...this.rated];
    check(
      'every accepted rating sheet has exactly one receipt and was opened from the box once',
      receipts.length === rated.length &&
        rated.every((v) => receipts.filter((r) => r.deputy_user_id === v).length === 1) &&
        plain.length === rated.length &&
        sealed.length === 0,
      `accepted ${rated.length}, receipts ${receipts.length}, opened ${plain.length}, still sealed ${sealed.length}`,
    );
    const results = this.ratingResults.filter((r): r is unknown[] => !(r instanceof Error));
    const first = results[0] as { counts: Record<string, number> }[] | undefined;
    const expected = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };
    for (const v of rated) expected[this.choiceOf(this.voters.indexOf(v))] += 1;
    check(
      'the rating is counted exactly once: the same result on every retry, one rating.closed event, counts = accepted sheets',
      this.ratingResults.slice(1).every((r) => !(r instanceof Error)) &&
        results.every((r) => isDeepStrictEqual(r, results[0])) &&
        closedEvents.length === 1 &&
        session.status === 'closed' &&
        first?.length === 1 &&
        isDeepStrictEqual({ ...first[0]!.counts }, expected),
      `${this.ratingResults.map((r) => (r instanceof Error ? `error: ${r.message.slice(0, 80)}` : 'result')).join('; ')}; rating.closed events ${closedEvents.length}; counts ${JSON.stringify(first?.[0]?.counts)} expected ${JSON.stringify(expected)}`,
    );
  }

  async close(): Promise<void> {
    await this.notifier.close();
  }
}

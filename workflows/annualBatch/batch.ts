import { ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FeedbackTarget, RecordPhaseInput } from '../../activities/batches';
import type { Actor } from '../../domain/assignee';
import type { BatchPolicy } from '../../domain/batchPolicy';
import {
  bodiesOf,
  type JurisdictionLevel,
  type LevelBodies,
  ratingOpensAt,
  voteOpeningRefusals,
} from '../../domain/batchProcedure';
import type { RefusalCode, RefusalDeed, RefusalParams } from '../../domain/contract/refusals';
import { voteCloseRefusals } from '../../domain/voteIntegrity';
import {
  type AnnualBatchInput,
  type BatchPhase,
  type BatchState,
  batchFailureTypes,
  type CloseVoteInput,
  type CoordinatorAction,
  type OpenRatingInput,
  type OpenVoteInput,
  type VoteSessionState,
} from '../annualBatch.messages';
import type { CalendarChange } from '../calendar.messages';
import { asDecisionFailure, refusalFailure } from '../decisionFailure';
import type { TaskCompletion } from '../humanTask.messages';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The batch's state and the office's decisions on it (the `safe-message-handlers` shape of
 * temporalio/samples-typescript): each update has a synchronous validator that refuses it with a reason, and a
 * handler that records it. The procedure itself (workflows/annualBatch.ts) waits on what these set.
 */
export class AnnualBatch {
  readonly state: BatchState;
  collectionClosedBy: Actor | null = null;
  screeningOutcome: { notTaken: FeedbackTarget[] } | null = null;
  ratingClosed = false;
  readonly calendarChanges: CalendarChange[] = [];
  private concluding = false;
  private closingVote = false;

  constructor(readonly input: AnnualBatchInput) {
    // A batch handed on under delivery (the demo's recorded year, scripts/demo/) resumes the state it was handed.
    this.state = input.carried ?? {
      batchId: input.batchId,
      year: input.year,
      phase: 'collection',
      phaseChangedAt: new Date().toISOString(),
      collectionClosesAt: input.collectionClosesAt,
      nextDeadline: { at: input.collectionClosesAt, label: 'collection closes' },
      policy: null,
      candidateIds: [],
      screeningRound: 1,
      approval: null,
      sentBack: [],
      votes: [],
      elected: [],
      runOff: null,
      projectIds: [],
      reports: [],
      rating: null,
      feedbackTasks: { started: 0, done: 0 },
    };
  }

  get batchId(): string {
    return this.input.batchId;
  }

  get jurisdictionId(): string {
    return this.input.jurisdictionId;
  }

  /** The county's procedure unless the batch loaded its level (docs/domain.md, "Levels"). */
  get level(): JurisdictionLevel {
    return this.state.level ?? 'county';
  }

  get bodies(): LevelBodies {
    return bodiesOf(this.level);
  }

  /** Set once collection begins; every later step reads it. */
  get policy(): BatchPolicy {
    return this.state.policy!;
  }

  /** Proposers the concluded screening did not take (a method, so the procedure's reset to null does not narrow it). */
  notTaken(): FeedbackTarget[] {
    return this.screeningOutcome?.notTaken ?? [];
  }

  // ——— signals ———

  taskCompleted(completion: TaskCompletion): void {
    if (completion.kind === 'proposerFeedback') this.state.feedbackTasks.done += 1;
  }

  calendarChanged(change: CalendarChange): void {
    this.calendarChanges.push(change);
  }

  // ——— updates: the office's decisions ———

  closeCollection({ actor }: CoordinatorAction): BatchState {
    this.collectionClosedBy = actor;
    return this.state;
  }

  validateCloseCollection({ actor }: CoordinatorAction): void {
    this.allowed(actor, ['collection'], 'closeCollection');
  }

  async concludeScreening({ actor }: CoordinatorAction): Promise<BatchState> {
    this.concluding = true;
    try {
      const at = new Date().toISOString();
      const endsAt = await acts.computeDue({
        jurisdictionId: this.jurisdictionId,
        from: at,
        rule: { kind: 'workingDays', days: this.policy.candidatePublicityWorkingDays },
      });
      const nextDeadline = { at: endsAt, label: 'candidate publicity ends' };
      const outcome = await asDecisionFailure(
        () => acts.concludeScreening({ phase: this.phaseRecord('candidatePublicity', at, nextDeadline, actor) }),
        batchFailureTypes.invalid,
      );
      this.state.candidateIds = outcome.candidateIds;
      Object.assign(this.state, { phase: 'candidatePublicity', phaseChangedAt: at, nextDeadline });
      this.screeningOutcome = { notTaken: outcome.notTaken };
      return this.state;
    } finally {
      this.concluding = false;
    }
  }

  validateConcludeScreening({ actor }: CoordinatorAction): void {
    this.allowed(actor, ['screening'], 'concludeScreening');
    if (this.concluding) throw outOfPhase('screeningConcluding');
  }

  async openVote(vote: OpenVoteInput): Promise<VoteSessionState> {
    const { state } = this;
    const round = state.votes.length + 1;
    const session: VoteSessionState = {
      sessionId: `${this.batchId}-vote-${round}`,
      round,
      seats: vote.seats,
      candidateIds: state.runOff ? [...state.runOff.candidateIds] : [...state.candidateIds],
      status: 'open',
      result: null,
    };
    // Pushed before the await, so a second opening while this one is recorded is refused.
    state.votes.push(session);
    await acts.openVoteSession({
      sessionId: session.sessionId,
      batchId: this.batchId,
      round,
      seats: session.seats,
      candidateIds: session.candidateIds,
      deputiesEntitled: vote.deputiesEntitled,
      deputiesPresent: vote.deputiesPresent,
      scrutineers: vote.scrutineers,
      tellers: vote.tellers,
      box: vote.box ?? null,
      actor: vote.actor,
      at: new Date().toISOString(),
    });
    return session;
  }

  validateOpenVote(vote: OpenVoteInput): void {
    const { state } = this;
    this.allowed(vote.actor, ['vote'], 'openVote');
    if (this.openSession()) throw outOfPhase('voteAlreadyOpen');
    if (state.votes.length > 0 && !state.runOff) throw outOfPhase('noRunOff');
    const problems = voteOpeningRefusals(vote, this.policy, state.candidateIds.length, state.runOff);
    if (problems.length > 0) throw refusalFailure(batchFailureTypes.invalid, 'voteCannotOpen', { problems });
  }

  async closeVote({ actor, confirmIncomplete }: CloseVoteInput): Promise<VoteSessionState> {
    const { state } = this;
    const session = this.openSession()!;
    const closeInput = () => ({
      sessionId: session.sessionId,
      policy: this.policy.election,
      actor,
      at: new Date().toISOString(),
    });
    // Added after batches had voted: quorum, ballots ≤ present and a confirmed early close are checked by an
    // activity before counting, and a paper vote is counted from its tellers' totals (docs/domain.md, "Vote").
    if (!patched('vote-integrity')) {
      session.status = 'closed';
      session.result = await acts.closeVoteSession(closeInput());
    } else {
      this.closingVote = true;
      try {
        const check = await asDecisionFailure(() =>
          acts.prepareVoteClose({
            sessionId: session.sessionId,
            confirmIncomplete: confirmIncomplete ?? null,
            actor,
            at: new Date().toISOString(),
          }),
        ).catch((err: unknown) => {
          // An unconfirmed early close is a conflict with what the office saw (409); the rest break a rule (422).
          if (err instanceof ApplicationFailure)
            throw ApplicationFailure.create({
              type:
                err.type === voteCloseRefusals.unconfirmed ? batchFailureTypes.outOfPhase : batchFailureTypes.invalid,
              message: err.message,
              // The activity's refusal code rides along, so the API answers in the reader's language.
              details: err.details ?? undefined,
              nonRetryable: true,
            });
          throw err;
        });
        session.status = 'closed';
        session.result =
          check.countedFrom === 'tellersTotals'
            ? await acts.closeTalliedVoteSession(closeInput())
            : await acts.closeVoteSession(closeInput());
      } finally {
        this.closingVote = false;
      }
    }
    const result = session.result;
    state.elected = state.runOff ? [...state.elected, ...result.elected] : [...result.elected];
    state.runOff = result.runOff;
    return session;
  }

  validateCloseVote({ actor }: CloseVoteInput): void {
    this.allowed(actor, ['vote'], 'closeVote');
    if (!this.openSession()) throw outOfPhase('noVoteOpen');
    if (this.closingVote) throw outOfPhase('voteClosing');
  }

  async openRating({ actor, box }: OpenRatingInput): Promise<BatchState> {
    const { state } = this;
    const at = new Date().toISOString();
    state.rating = { sessionId: `${this.batchId}-rating`, status: 'open', results: [] };
    await this.enterPhase('rating', null, actor);
    await acts.openRatingSession({
      sessionId: state.rating.sessionId,
      batchId: this.batchId,
      projectIds: state.projectIds,
      box: box ?? null,
      actor,
      at,
    });
    return state;
  }

  validateOpenRating({ actor }: OpenRatingInput): void {
    this.allowed(actor, ['implementation'], 'openRating');
    if (this.state.rating) throw outOfPhase('ratingAlreadyOpened');
    const { year } = this.input;
    const opensAt = ratingOpensAt(year);
    if (Date.now() < opensAt)
      throw outOfPhase('ratingNotYet', {
        year,
        nextYear: year + 1,
        from: new Date(opensAt).toISOString().slice(0, 10),
      });
  }

  async closeRating({ actor }: CoordinatorAction): Promise<BatchState> {
    const rating = this.state.rating!;
    rating.status = 'closed';
    try {
      rating.results = await asDecisionFailure(
        () =>
          acts.closeRatingSession({
            sessionId: rating.sessionId,
            rule: this.policy.ratingRule,
            actor,
            at: new Date().toISOString(),
          }),
        batchFailureTypes.invalid,
      );
    } catch (err) {
      rating.status = 'open';
      throw err;
    }
    this.ratingClosed = true;
    return this.state;
  }

  validateCloseRating({ actor }: CoordinatorAction): void {
    this.allowed(actor, ['rating'], 'closeRating');
    if (this.state.rating?.status !== 'open') throw outOfPhase('noRatingOpen');
  }

  // ——— the phase, mirrored into the batch row ———

  async enterPhase(phase: BatchPhase, nextDeadline: BatchState['nextDeadline'], actor: Actor | null): Promise<void> {
    const at = new Date().toISOString();
    Object.assign(this.state, { phase, phaseChangedAt: at, nextDeadline });
    await acts.recordBatchPhase(this.phaseRecord(phase, at, nextDeadline, actor));
  }

  phaseRecord(
    phase: BatchPhase,
    at: string,
    nextDeadline: BatchState['nextDeadline'],
    actor: Actor | null,
  ): RecordPhaseInput {
    const { input } = this;
    return {
      batchId: input.batchId,
      jurisdictionId: input.jurisdictionId,
      year: input.year,
      title: input.title,
      collectionClosesAt: input.collectionClosesAt,
      phase,
      at,
      nextDeadline,
      actor,
    };
  }

  private openSession(): VoteSessionState | undefined {
    return this.state.votes.find((v) => v.status === 'open');
  }

  private allowed(actor: Actor, phases: BatchPhase[], deed: RefusalDeed): void {
    // The batch's own level names who runs it: a township's presidium, a street's working committee.
    if (actor.jurisdictionId !== this.jurisdictionId || !actor.roles.includes('coordinator'))
      throw refusalFailure(batchFailureTypes.forbidden, 'deedForbidden', { office: this.level, deed });
    if (!phases.includes(this.state.phase)) throw outOfPhase('deedNotNow', { deed, batchPhase: this.state.phase });
  }
}

function outOfPhase(code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return refusalFailure(batchFailureTypes.outOfPhase, code, params);
}

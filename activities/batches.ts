import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { refusalFailure } from './refusal';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/assignee';
import { batchPolicyOf, type BatchPolicy } from '../domain/batchPolicy';
import { type JurisdictionLevel, ratingDistribution, ratingReportText } from '../domain/batchProcedure';
import { ballotSchema, type ElectionPolicy, type ElectionResult, tallyVote } from '../domain/election';
import { classifyRating, countRatings, type RatingRule } from '../domain/rating';
import { proposerIsAnswered } from '../domain/screening';
import type { ProjectRatingResult, PublishedElection } from '../domain/contract/batchWorkflow';
import { batchFailureTypes } from '../domain/contract/failures';
import type { RatingOutcomeNotice, VotedProjectInput } from '../domain/contract/projectWorkflow';
import type { BatchPhase } from '../domain/contract/vocabulary';
import { csprngShuffle } from '../domain/shuffle';
import type { Database, RatingBriefing } from '../db/schema';
import { recordAuditEvent } from './audit';

/** A proposer whose suggestion was not taken, to be told why (docs/domain.md, "Screening" [S1]). */
export interface FeedbackTarget {
  suggestionId: string;
  proposerId: number;
  title: string;
  outcome: string;
  reason: string;
  departmentId: string | null;
  proposerName: string | null;
  contact: string | null;
}

export interface RecordPhaseInput {
  batchId: string;
  jurisdictionId: string;
  year: number;
  title: string;
  collectionClosesAt: string;
  phase: BatchPhase;
  at: string;
  nextDeadline: { at: string; label: string } | null;
  actor: Actor | null;
}

export interface OpenVoteSessionInput {
  sessionId: string;
  batchId: string;
  round: number;
  seats: number;
  candidateIds: string[];
  deputiesEntitled: number;
  deputiesPresent: number;
  scrutineers: string[];
  tellers: string[];
  /** The sealed ballot box's public key (docs/secrecy.md); null for a session opened before boxes. */
  box?: { publicKey: string; threshold: number } | null;
  actor: Actor;
  at: string;
}

export interface RecordRatingReportInput {
  batchId: string;
  sessionId: string;
  level: JurisdictionLevel;
  /** The day the session's presidium confirmed the results, as the office recorded it. */
  confirmedOn: string;
  /** Who recorded the confirmation. */
  confirmedBy: string;
  note: string;
  at: string;
}

/** The batch's records; each activity is one transaction and safe to retry. */
export function createBatchActivities({ db }: { db: Kysely<Database> }) {
  return {
    async loadBatchPolicy(input: { jurisdictionId: string }): Promise<BatchPolicy> {
      const row = await db
        .selectFrom('jurisdictions')
        .select('policy')
        .where('id', '=', input.jurisdictionId)
        .executeTakeFirst();
      if (!row)
        throw ApplicationFailure.nonRetryable(
          `there is no jurisdiction "${input.jurisdictionId}"`,
          batchFailureTypes.invalid,
        );
      return batchPolicyOf(row.policy);
    },

    /** The jurisdiction's level chooses the batch's procedure (docs/domain.md, "Levels"; domain/batchProcedure.ts). */
    async loadJurisdictionLevel(input: { jurisdictionId: string }): Promise<JurisdictionLevel> {
      const row = await db
        .selectFrom('jurisdictions')
        .select('level')
        .where('id', '=', input.jurisdictionId)
        .executeTakeFirst();
      if (!row)
        throw ApplicationFailure.nonRetryable(
          `there is no jurisdiction "${input.jurisdictionId}"`,
          batchFailureTypes.invalid,
        );
      return row.level;
    },

    /** Mirrors the workflow's phase into the batch row (the API's phase guard reads it) and the timeline. */
    async recordBatchPhase(input: RecordPhaseInput): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('batches')
          .values({
            id: input.batchId,
            jurisdiction_id: input.jurisdictionId,
            year: input.year,
            title: input.title,
            phase: input.phase,
            collection_closes_at: input.collectionClosesAt,
            phase_changed_at: input.at,
            next_deadline_at: input.nextDeadline?.at ?? null,
            next_deadline_label: input.nextDeadline?.label ?? null,
          })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              phase: input.phase,
              phase_changed_at: input.at,
              collection_closes_at: input.collectionClosesAt,
              next_deadline_at: input.nextDeadline?.at ?? null,
              next_deadline_label: input.nextDeadline?.label ?? null,
            }),
          )
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.batchId}:phase:${input.phase}:${input.at}`,
          actorUserId: input.actor?.userId ?? null,
          actorLabel: input.actor?.displayName ?? 'system',
          action: 'batch.phase',
          workflowId: input.batchId,
          subject: input.batchId,
          detail: { phase: input.phase, nextDeadline: input.nextDeadline },
          at: input.at,
        });
      });
    },

    /** A running publicity period's end moved with the calendar (workflows/calendar.messages.ts). */
    async recordBatchDeadline(input: {
      batchId: string;
      previous: { at: string; label: string };
      nextDeadline: { at: string; label: string };
      /** The calendar change that moved it (workflows/calendar.messages.ts). */
      change: { day: string };
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('batches')
          .set({ next_deadline_at: input.nextDeadline.at, next_deadline_label: input.nextDeadline.label })
          .where('id', '=', input.batchId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.batchId}:deadline:${input.previous.at}:${input.nextDeadline.at}`,
          actorUserId: null,
          actorLabel: 'system',
          action: 'batch.deadlineMoved',
          workflowId: input.batchId,
          subject: input.batchId,
          detail: { before: input.previous, after: input.nextDeadline, calendarDay: input.change.day },
        });
      });
    },

    /**
     * Ends screening atomically with its check: every suggestion has an outcome, so no review can slip
     * in between the check and the phase change (the row lock waits for reviews under way).
     */
    async concludeScreening(input: {
      phase: RecordPhaseInput;
    }): Promise<{ candidateIds: string[]; notTaken: FeedbackTarget[] }> {
      const { batchId } = input.phase;
      return db.transaction().execute(async (trx) => {
        await trx.selectFrom('batches').select('id').where('id', '=', batchId).forUpdate().executeTakeFirstOrThrow();
        const suggestions = await trx
          .selectFrom('suggestions')
          .select(['id', 'title', 'outcome', 'outcome_reason', 'department_id'])
          .where('batch_id', '=', batchId)
          .where('merged_into_id', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        const unreviewed = suggestions.filter((s) => s.outcome === null);
        if (unreviewed.length > 0) {
          const names = unreviewed
            .slice(0, 5)
            .map((s) => `"${s.title}"`)
            .join(', ');
          throw refusalFailure(batchFailureTypes.invalid, 'screeningUnreviewed', {
            count: unreviewed.length,
            names: `${names}${unreviewed.length > 5 ? ', …' : ''}`,
          });
        }
        const candidates = await trx
          .selectFrom('candidates')
          .select('id')
          .where('batch_id', '=', batchId)
          .where('status', '=', 'active')
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        if (candidates.length === 0) {
          throw refusalFailure(batchFailureTypes.invalid, 'screeningNoCandidates');
        }
        const notTakenIds = suggestions
          .filter((s) => s.outcome !== null && proposerIsAnswered(s.outcome))
          .map((s) => s.id);
        const proposers = notTakenIds.length
          ? await trx
              .selectFrom('suggestion_proposers')
              .select(['id', 'suggestion_id', 'name', 'contact'])
              .where('suggestion_id', 'in', notTakenIds)
              .orderBy('id')
              .execute()
          : [];
        const byId = new Map(suggestions.map((s) => [s.id, s]));
        const notTaken = proposers.map((p): FeedbackTarget => {
          const s = byId.get(p.suggestion_id)!;
          return {
            suggestionId: s.id,
            proposerId: p.id,
            title: s.title,
            outcome: s.outcome!,
            reason: s.outcome_reason ?? '',
            departmentId: s.department_id,
            proposerName: p.name,
            contact: p.contact,
          };
        });
        await trx
          .updateTable('batches')
          .set({
            phase: input.phase.phase,
            phase_changed_at: input.phase.at,
            next_deadline_at: input.phase.nextDeadline?.at ?? null,
            next_deadline_label: input.phase.nextDeadline?.label ?? null,
          })
          .where('id', '=', batchId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${batchId}:phase:${input.phase.phase}:${input.phase.at}`,
          actorUserId: input.phase.actor?.userId ?? null,
          actorLabel: input.phase.actor?.displayName ?? 'system',
          action: 'batch.phase',
          workflowId: batchId,
          subject: batchId,
          detail: {
            phase: input.phase.phase,
            nextDeadline: input.phase.nextDeadline,
            candidates: candidates.length,
            notTaken: notTakenIds.length,
          },
          at: input.phase.at,
        });
        return { candidateIds: candidates.map((c) => c.id), notTaken };
      });
    },

    async openVoteSession(input: OpenVoteSessionInput): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('vote_sessions')
          .values({
            id: input.sessionId,
            batch_id: input.batchId,
            round: input.round,
            seats: input.seats,
            candidate_ids: input.candidateIds,
            deputies_entitled: input.deputiesEntitled,
            deputies_present: input.deputiesPresent,
            scrutineers: input.scrutineers,
            tellers: input.tellers,
            box_public_key: input.box?.publicKey ?? null,
            box_threshold: input.box?.threshold ?? null,
            status: 'open',
            opened_by: input.actor.userId,
            opened_at: input.at,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows === 0n) return;
        await recordAuditEvent(trx, {
          dedupeKey: `${input.sessionId}:opened`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'vote.opened',
          workflowId: input.batchId,
          subject: input.sessionId,
          detail: {
            round: input.round,
            seats: input.seats,
            candidates: input.candidateIds.length,
            deputiesPresent: input.deputiesPresent,
            scrutineers: input.scrutineers,
            tellers: input.tellers,
          },
          at: input.at,
        });
      });
    },

    /**
     * Closes the session and counts it, once: a retry finds the result recorded. A sealed session is counted
     * only after the API has opened its box with the scrutineers' shares (api/votes/ballotBox.ts), which
     * wrote the plain ballots in CSPRNG order; nothing is rewritten here.
     */
    async closeVoteSession(input: {
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
        if (session.box_public_key && !session.box_opened_at) {
          throw refusalFailure(batchFailureTypes.invalid, 'boxStillSealed');
        }
        const rows = await trx
          .selectFrom('ballots')
          .select(['marks'])
          .where('session_id', '=', input.sessionId)
          .execute();
        const ballots = rows.map((r) => ballotSchema.parse({ marks: r.marks }));
        const result = tallyVote({
          candidateIds: session.candidate_ids,
          seats: session.seats,
          ballots,
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
          detail: {
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

    /** The elected list and every candidate's approvals, published (docs/domain.md, "Vote" [S3]: announced at once). */
    async publishElection(input: {
      batchId: string;
      elected: string[];
      sessions: PublishedElection['rounds'];
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const approvals = new Map<string, number>();
        for (const { result } of input.sessions)
          for (const t of result.tallies) approvals.set(t.candidateId, t.approve);
        const candidates = await trx
          .selectFrom('candidates')
          .select('id')
          .where('batch_id', '=', input.batchId)
          .where('status', '=', 'active')
          .execute();
        for (const { id } of candidates) {
          await trx
            .updateTable('candidates')
            .set({ elected: input.elected.includes(id), approvals: approvals.get(id) ?? null })
            .where('id', '=', id)
            .execute();
        }
        await trx
          .updateTable('batches')
          .set({ result: JSON.stringify({ elected: input.elected, rounds: input.sessions }) })
          .where('id', '=', input.batchId)
          .execute();
      });
    },

    /** One project row per elected candidate, its responsibility list taken from the candidate. */
    async recordProjects(input: {
      batchId: string;
      jurisdictionId: string;
      candidateIds: string[];
    }): Promise<VotedProjectInput[]> {
      return db.transaction().execute(async (trx) => {
        const candidates = input.candidateIds.length
          ? await trx.selectFrom('candidates').selectAll().where('id', 'in', input.candidateIds).execute()
          : [];
        const projects: VotedProjectInput[] = [];
        for (const id of input.candidateIds) {
          const c = candidates.find((row) => row.id === id);
          if (!c) throw ApplicationFailure.nonRetryable(`candidate ${id} has no row`, batchFailureTypes.invalid);
          const projectId = `project-${c.id.replace(/^cand-/, '')}`;
          await trx
            .insertInto('projects')
            .values({
              id: projectId,
              batch_id: input.batchId,
              candidate_id: c.id,
              title: c.title,
              department_id: c.department_id,
              responsible_leader_user_id: c.responsible_leader_user_id,
              implementing_unit: c.implementing_unit,
              budget_yuan: c.budget_yuan,
              deadline: c.deadline,
              acceptance_standard: c.acceptance_standard,
              phase: 'implementation',
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
          projects.push({
            projectId,
            batchId: input.batchId,
            jurisdictionId: input.jurisdictionId,
            title: c.title,
            responsibility: {
              departmentId: c.department_id,
              responsibleLeaderUserId: c.responsible_leader_user_id,
              implementingUnit: c.implementing_unit,
              budgetYuan: c.budget_yuan,
              deadline: c.deadline,
              acceptanceStandard: c.acceptance_standard,
            },
          });
        }
        return projects;
      });
    },

    async openRatingSession(input: {
      sessionId: string;
      batchId: string;
      projectIds: string[];
      actor: Actor;
      at: string;
      kind?: 'congress' | 'committee';
      /** The sealed rating sheets' public key (docs/secrecy.md); null for plain sheets. */
      box?: { publicKey: string; threshold: number } | null;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        // Deputies read the government's year-end completion report before they rate (docs/domain.md, "Rating" [S4]).
        const yearEnd =
          input.kind === 'committee'
            ? undefined
            : await trx
                .selectFrom('tasks')
                .select(['id', 'result', 'completed_at'])
                .where('id', '=', `task-${input.batchId}-yearEnd-report`)
                .where('status', '=', 'done')
                .executeTakeFirst();
        const summary = yearEnd?.result?.summary;
        const groupEvaluations = briefingEvaluations(
          yearEnd ? await groupEvaluationsOf(trx, input.batchId, input.projectIds) : [],
        );
        const briefing: RatingBriefing | null =
          yearEnd && typeof summary === 'string' && yearEnd.completed_at
            ? {
                taskId: yearEnd.id,
                summary,
                submittedAt: yearEnd.completed_at.toISOString(),
                ...(groupEvaluations.length ? { groupEvaluations } : {}),
              }
            : null;
        const inserted = await trx
          .insertInto('rating_sessions')
          .values({
            briefing: briefing ? JSON.stringify(briefing) : null,
            id: input.sessionId,
            batch_id: input.batchId,
            project_ids: input.projectIds,
            status: 'open',
            opened_by: input.actor.userId,
            opened_at: input.at,
            kind: input.kind ?? 'congress',
            box_public_key: input.box?.publicKey ?? null,
            box_threshold: input.box?.threshold ?? null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows === 0n) return;
        await recordAuditEvent(trx, {
          dedupeKey: `${input.sessionId}:opened`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'rating.opened',
          workflowId: input.kind === 'committee' ? input.projectIds[0]! : input.batchId,
          subject: input.sessionId,
          detail: { projects: input.projectIds.length },
          at: input.at,
        });
      });
    },

    /**
     * Counts each project's ratings under the jurisdiction's rule (docs/domain.md, "Rating"), once. Sealed sheets
     * were opened by the API with the scrutineers' shares (docs/secrecy.md); plain ones (a committee
     * re-rating) are rewritten in CSPRNG order so the live rows' order no longer mirrors the receipts'.
     */
    async closeRatingSession(input: {
      sessionId: string;
      rule: RatingRule;
      actor: Actor;
      at: string;
    }): Promise<ProjectRatingResult[]> {
      return db.transaction().execute(async (trx) => {
        const session = await trx
          .selectFrom('rating_sessions')
          .selectAll()
          .where('id', '=', input.sessionId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (session.status === 'closed' && session.result) return session.result.projects;
        if (session.box_public_key && !session.box_opened_at) {
          throw refusalFailure(batchFailureTypes.invalid, 'sheetsStillSealed');
        }
        const rows = await trx
          .selectFrom('ratings')
          .select(['project_id', 'choice'])
          .where('session_id', '=', input.sessionId)
          .execute();
        const results: ProjectRatingResult[] = [];
        for (const projectId of session.project_ids) {
          const counts = countRatings(rows.filter((r) => r.project_id === projectId).map((r) => r.choice));
          const total = counts.satisfied + counts.basicallySatisfied + counts.unsatisfied;
          if (total === 0) {
            throw refusalFailure(batchFailureTypes.invalid, 'projectNotRated', { project: projectId });
          }
          results.push({ projectId, outcome: classifyRating(counts, input.rule), counts });
        }
        // Opened sealed sheets were written in CSPRNG order by the API; plain ones are rewritten so here.
        if (!session.box_public_key && rows.length > 0) {
          await trx.deleteFrom('ratings').where('session_id', '=', input.sessionId).execute();
          await trx
            .insertInto('ratings')
            .values(
              csprngShuffle(rows).map((r) => ({
                id: randomUUID(),
                session_id: input.sessionId,
                project_id: r.project_id,
                choice: r.choice,
              })),
            )
            .execute();
        }
        await trx
          .updateTable('rating_sessions')
          .set({ status: 'closed', closed_at: input.at, result: JSON.stringify({ projects: results }) })
          .where('id', '=', input.sessionId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.sessionId}:closed`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'rating.closed',
          workflowId: session.kind === 'committee' ? session.project_ids[0]! : session.batch_id,
          subject: input.sessionId,
          // A committee's counts would name its members' choices: the timeline gets the outcome only.
          detail: {
            projects:
              session.kind === 'committee'
                ? results.map(({ projectId, outcome }) => ({ projectId, outcome }))
                : results,
          },
          at: input.at,
        });
        return results;
      });
    },

    /**
     * The report of a confirmed rating (docs/domain.md, "Consequences" [S4]): one document per session, with the
     * bodies it goes to, written once; a retry finds it.
     */
    async recordRatingReport(input: RecordRatingReportInput): Promise<{ title: string; summary: string }> {
      return db.transaction().execute(async (trx) => {
        const session = await trx
          .selectFrom('rating_sessions')
          .innerJoin('batches', 'batches.id', 'rating_sessions.batch_id')
          .select(['rating_sessions.result', 'batches.title'])
          .where('rating_sessions.id', '=', input.sessionId)
          .executeTakeFirstOrThrow();
        const results = session.result?.projects ?? [];
        const titles = results.length
          ? await trx
              .selectFrom('projects')
              .select(['id', 'title'])
              .where(
                'id',
                'in',
                results.map((r) => r.projectId),
              )
              .execute()
          : [];
        const report = ratingReportText({
          batchTitle: session.title,
          level: input.level,
          confirmedOn: input.confirmedOn,
          note: input.note,
          projects: results.map((r) => ({
            title: titles.find((t) => t.id === r.projectId)?.title ?? r.projectId,
            outcome: r.outcome,
            counts: r.counts,
          })),
        });
        const inserted = await trx
          .insertInto('rating_reports')
          .values({
            id: `${input.sessionId}-report`,
            batch_id: input.batchId,
            session_id: input.sessionId,
            title: report.title,
            body: report.body,
            distribution: JSON.stringify(ratingDistribution(input.level)),
            confirmed_on: input.confirmedOn,
            confirmed_by: input.confirmedBy,
            created_at: input.at,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows !== 0n) {
          await recordAuditEvent(trx, {
            dedupeKey: `${input.sessionId}:report`,
            actorUserId: null,
            actorLabel: input.confirmedBy,
            action: 'rating.reported',
            workflowId: input.batchId,
            subject: input.sessionId,
            detail: { confirmedOn: input.confirmedOn, distribution: ratingDistribution(input.level) },
            at: input.at,
          });
        }
        const tally = (o: string) => results.filter((r) => r.outcome === o).length;
        return {
          title: report.title,
          summary: `项目${results.length}个：满意${tally('satisfied')}个，基本满意${tally('basicallySatisfied')}个，不满意${tally('unsatisfied')}个。`,
        };
      });
    },

    async recordProjectRating(input: {
      projectId: string;
      batchId: string;
      notice: RatingOutcomeNotice;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('projects')
          .set({ rating_outcome: input.notice.outcome, rating_counts: JSON.stringify(input.notice.counts) })
          .where('id', '=', input.projectId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.projectId}:rated`,
          actorUserId: null,
          actorLabel: 'system',
          action: 'project.rated',
          workflowId: input.projectId,
          subject: input.projectId,
          detail: { outcome: input.notice.outcome, counts: input.notice.counts, batchId: input.batchId },
          at: input.notice.ratedAt,
        });
      });
    },
  };
}

type EvaluationRow = { projectId: string; title: string; grade: string; text: string; year: unknown };

/**
 * The supervision groups' year-end evaluations of the batch's year (docs/domain.md, "Supervision": 总体评价), as
 * the projects' timelines hold them (workflows/votedProject/inspection.ts); deputies read them before they rate.
 */
async function groupEvaluationsOf(
  db: Kysely<Database>,
  batchId: string,
  projectIds: string[],
): Promise<EvaluationRow[]> {
  if (projectIds.length === 0) return [];
  const batch = await db.selectFrom('batches').select('year').where('id', '=', batchId).executeTakeFirst();
  if (!batch) return [];
  const rows = await db
    .selectFrom('audit_events')
    .innerJoin('projects', 'projects.id', 'audit_events.workflow_id')
    .select(['projects.id as projectId', 'projects.title', 'audit_events.detail'])
    .where('audit_events.action', '=', 'project.groupYearEndEvaluation')
    .where('audit_events.workflow_id', 'in', projectIds)
    .orderBy('audit_events.at')
    .orderBy('audit_events.id')
    .execute();
  return rows
    .map((r) => ({
      projectId: r.projectId,
      title: r.title,
      grade: String(r.detail.grade),
      text: String(r.detail.text),
      year: r.detail.year,
    }))
    .filter((r) => r.year === batch.year);
}

/** One evaluation per project: the last it was given. */
function briefingEvaluations(rows: EvaluationRow[]): NonNullable<RatingBriefing['groupEvaluations']> {
  const byProject = new Map(rows.map((r) => [r.projectId, r]));
  return [...byProject.values()].map(({ projectId, title, grade, text }) => ({ projectId, title, grade, text }));
}

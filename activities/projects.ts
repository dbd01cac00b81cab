import type { Kysely } from 'kysely';
import type { Actor } from '../domain/assignee';
import { projectPolicyOf, type ProjectPolicy } from '../domain/projectPolicy';
import type { ProjectState } from '../domain/contract/projectWorkflow';
import type { ConsequenceStage, ProjectPhase } from '../domain/contract/vocabulary';
import type { ProgressWarning, StagePlan } from '../domain/progressWarning';
import type { Database } from '../db/schema';
import { recordAuditEvent } from './audit';

/** A voted project's records, mirrored from its workflow; each activity is one transaction and safe to retry. */
export function createProjectActivities({ db }: { db: Kysely<Database> }) {
  return {
    async loadProjectPolicy(input: { jurisdictionId: string }): Promise<ProjectPolicy> {
      const row = await db
        .selectFrom('jurisdictions')
        .select('policy')
        .where('id', '=', input.jurisdictionId)
        .executeTakeFirstOrThrow();
      return projectPolicyOf(row.policy);
    },

    /** The day the congress that rated the batch's projects closed, if the office recorded it (docs/domain.md, "Consequences"). */
    async congressClosingDay(input: { batchId: string }): Promise<string | null> {
      const row = await db
        .selectFrom('rating_sessions')
        .select('congress_closed_on')
        .where('batch_id', '=', input.batchId)
        .where('kind', '=', 'congress')
        .orderBy('opened_at', 'desc')
        .executeTakeFirst();
      return row?.congress_closed_on ?? null;
    },

    async recordStagePlan(input: { projectId: string; plan: StagePlan }): Promise<void> {
      await db
        .updateTable('projects')
        .set({ stage_plan: JSON.stringify(input.plan) })
        .where('id', '=', input.projectId)
        .execute();
    },

    /** A progress report, or the passing of time, changed where the project stands against its plan. */
    async recordProjectStanding(input: {
      projectId: string;
      at: string;
      progress: ProjectState['progress'];
      warning: ProgressWarning;
      warningChanged: boolean;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('projects')
          .set({
            ...(input.progress
              ? {
                  progress_percent: input.progress.percent,
                  stage: input.progress.stage,
                  last_reported_at: input.progress.reportedAt,
                }
              : {}),
            warning: input.warning.level,
            warning_reason: input.warning.reason,
            ...(input.warningChanged ? { warning_changed_at: input.at } : {}),
          })
          .where('id', '=', input.projectId)
          .execute();
        if (input.warningChanged) {
          await recordAuditEvent(trx, {
            dedupeKey: `${input.projectId}:warning:${input.at}`,
            actorUserId: null,
            actorLabel: 'system',
            action: 'project.warning',
            workflowId: input.projectId,
            subject: input.projectId,
            detail: {
              level: input.warning.level,
              reason: input.warning.reason,
              plannedPercent: input.warning.plannedPercent,
            },
            at: input.at,
          });
        }
      });
    },

    /** A member who signed up (actor), or whom the office appointed (appointedBy). */
    async recordSupervisionMember(input: {
      projectId: string;
      actor: Actor;
      joinedAt: string;
      appointedBy?: Actor;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('supervision_members')
          .values({ project_id: input.projectId, user_id: input.actor.userId, joined_at: input.joinedAt })
          .onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing())
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.projectId}:group:${input.actor.userId}`,
          actorUserId: (input.appointedBy ?? input.actor).userId,
          actorLabel: (input.appointedBy ?? input.actor).displayName,
          action: input.appointedBy ? 'project.groupAppointed' : 'project.groupJoined',
          workflowId: input.projectId,
          subject: input.projectId,
          detail: input.appointedBy ? { member: input.actor.userId, memberName: input.actor.displayName } : {},
          at: input.joinedAt,
        });
      });
    },

    async recordFinding(input: {
      findingId: string;
      projectId: string;
      actor: Actor;
      text: string;
      photoIds: string[];
      at: string;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('findings')
          .values({
            id: input.findingId,
            project_id: input.projectId,
            filed_by: input.actor.userId,
            text: input.text,
            photo_ids: input.photoIds,
            status: 'awaitingResponse',
            filed_at: input.at,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.findingId}:filed`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: 'finding.filed',
          workflowId: input.projectId,
          subject: input.findingId,
          detail: { text: input.text, photos: input.photoIds.length },
          at: input.at,
        });
      });
    },

    async updateFinding(input: {
      findingId: string;
      projectId: string;
      status: 'awaitingResponse' | 'responded' | 'accepted';
      round: number;
      response?: string;
      actor: Actor | null;
      note?: string;
      at: string;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('findings')
          .set({
            status: input.status,
            round: input.round,
            ...(input.response !== undefined ? { response: input.response } : {}),
          })
          .where('id', '=', input.findingId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.findingId}:${input.status}:${input.round}`,
          actorUserId: input.actor?.userId ?? null,
          actorLabel: input.actor?.displayName ?? 'system',
          action: `finding.${input.status}`,
          workflowId: input.projectId,
          subject: input.findingId,
          detail: { round: input.round, ...(input.note ? { note: input.note } : {}) },
          at: input.at,
        });
      });
    },

    /** Acceptance, entering use, the rating's consequences and closing, as the timeline shows them. */
    async recordProjectMilestone(input: {
      projectId: string;
      phase: ProjectPhase;
      consequence: ConsequenceStage;
      action: string;
      actor: Actor | null;
      detail: Record<string, unknown>;
      at: string;
      acceptedAt?: string;
      inUseOn?: string;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('projects')
          .set({
            phase: input.phase,
            consequence: input.consequence === 'none' ? null : input.consequence,
            ...(input.acceptedAt ? { accepted_at: input.acceptedAt } : {}),
            ...(input.inUseOn ? { in_use_on: input.inUseOn } : {}),
          })
          .where('id', '=', input.projectId)
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${input.projectId}:${input.action}:${input.at}`,
          actorUserId: input.actor?.userId ?? null,
          actorLabel: input.actor?.displayName ?? 'system',
          action: input.action,
          workflowId: input.projectId,
          subject: input.projectId,
          detail: input.detail,
          at: input.at,
        });
      });
    },
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../domain/assignee';
import type { ProjectChangeRecord } from '../domain/contract/projectChange';
import { unfinishedPhases } from '../domain/projectChange';
import { recordAuditEvent } from './audit';

/** A project of an earlier year still reported this year (docs/domain.md, "Changes and termination"). */
export interface CarriedProject {
  projectId: string;
  title: string;
  fromYear: number;
}

/**
 * The jurisdiction's unfinished projects of earlier batches: not yet accepted as complete, nor ended by the
 * committee. The bulletin query (activities/bulletins.ts) and the batch's reports read the same rule.
 */
export function carriedProjectsQuery(db: Kysely<Database>, batch: { jurisdictionId: string; year: number }) {
  return db
    .selectFrom('projects')
    .innerJoin('batches', 'batches.id', 'projects.batch_id')
    .where('batches.jurisdiction_id', '=', batch.jurisdictionId)
    .where('batches.year', '<', batch.year)
    .where('projects.phase', 'in', unfinishedPhases);
}

export function createProjectChangeActivities({ db }: { db: Kysely<Database> }) {
  return {
    /** The projects a batch's half-year and year-end reports carry from earlier years, oldest batch first. */
    async listCarriedProjects(input: { batchId: string }): Promise<CarriedProject[]> {
      const batch = await db
        .selectFrom('batches')
        .select(['jurisdiction_id', 'year'])
        .where('id', '=', input.batchId)
        .executeTakeFirstOrThrow();
      const rows = await carriedProjectsQuery(db, { jurisdictionId: batch.jurisdiction_id, year: batch.year })
        .select(['projects.id', 'projects.title', 'batches.year'])
        .orderBy('batches.year')
        .orderBy('projects.title')
        .orderBy('projects.id')
        .execute();
      return rows.map((r) => ({ projectId: r.id, title: r.title, fromYear: r.year }));
    },

    /**
     * A committee's decision, in one transaction: its record (published on the public site), the project's new
     * deadline or acceptance standard, and the audit event. Keyed by the decision's id, so a retry writes it once.
     */
    async recordProjectChange(input: { projectId: string; change: ProjectChangeRecord; actor: Actor }): Promise<void> {
      const { change } = input;
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('project_changes')
          .values({
            id: change.changeId,
            project_id: input.projectId,
            kind: change.kind,
            reason: change.reason,
            meeting_on: change.meetingOn,
            decided_by: change.decidedBy,
            previous_deadline: change.previousDeadline ?? null,
            new_deadline: change.newDeadline ?? null,
            scope: change.scope ?? null,
            acceptance_standard: change.acceptanceStandard ?? null,
            document_id: change.documentId ?? null,
            recorded_by_user_id: input.actor.userId,
            at: change.at,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return;
        const set = {
          ...(change.kind === 'changeDeadline' && change.newDeadline ? { deadline: change.newDeadline } : {}),
          ...(change.kind === 'changeScope' && change.acceptanceStandard
            ? { acceptance_standard: change.acceptanceStandard }
            : {}),
        };
        if (Object.keys(set).length > 0)
          await trx.updateTable('projects').set(set).where('id', '=', input.projectId).execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${change.changeId}:recorded`,
          actorUserId: input.actor.userId,
          actorLabel: input.actor.displayName,
          action: `project.${change.kind}`,
          workflowId: input.projectId,
          subject: input.projectId,
          detail: { ...change },
          at: change.at,
        });
      });
    },
  };
}

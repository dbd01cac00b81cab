import type { Kysely } from 'kysely';
import type { GroupEvaluationGrade } from '../domain/taskKinds';
import type { Database } from '../db/schema';
import { recordAuditEvent } from './audit';

/**
 * The supervision group's mid-year inspection list and year-end evaluation (docs/domain.md, "Supervision"), as
 * records: each is one transaction, keyed by the task that produced it, so a retry writes nothing twice.
 */
export function createGroupInspectionActivities({ db }: { db: Kysely<Database> }) {
  /** The person who completed a task, by name for the timeline; a task completion carries only the id. */
  async function nameOf(userId: string): Promise<string> {
    const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
    return row?.display_name ?? userId;
  }

  return {
    /** 交办清单: the inspection's summary, and each item filed as the group's finding. */
    async recordInspectionList(input: {
      projectId: string;
      taskId: string;
      year: number;
      completedBy: string;
      summary: string;
      items: { findingId: string; text: string; photoIds: string[]; dueAt: string | null }[];
      at: string;
    }): Promise<void> {
      const name = await nameOf(input.completedBy);
      await db.transaction().execute(async (trx) => {
        await recordAuditEvent(trx, {
          dedupeKey: `${input.taskId}:inspected`,
          actorUserId: input.completedBy,
          actorLabel: name,
          action: 'project.concentratedInspection',
          workflowId: input.projectId,
          subject: input.projectId,
          detail: { year: input.year, summary: input.summary, items: input.items.length },
          at: input.at,
        });
        for (const item of input.items) {
          await trx
            .insertInto('findings')
            .values({
              id: item.findingId,
              project_id: input.projectId,
              filed_by: input.completedBy,
              text: item.text,
              photo_ids: item.photoIds,
              status: 'awaitingResponse',
              filed_at: input.at,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
          await recordAuditEvent(trx, {
            dedupeKey: `${item.findingId}:filed`,
            actorUserId: input.completedBy,
            actorLabel: name,
            action: 'finding.filed',
            workflowId: input.projectId,
            subject: item.findingId,
            detail: {
              text: item.text,
              photos: item.photoIds.length,
              inspection: input.year,
              ...(item.dueAt ? { dueAt: item.dueAt } : {}),
            },
            at: input.at,
          });
        }
      });
    },

    /** 总体评价: the group's grade and words for the year, on the project's timeline. */
    async recordGroupEvaluation(input: {
      projectId: string;
      taskId: string;
      year: number;
      grade: GroupEvaluationGrade;
      text: string;
      evaluatedBy: string;
      at: string;
    }): Promise<void> {
      await recordAuditEvent(db, {
        dedupeKey: `${input.taskId}:evaluated`,
        actorUserId: input.evaluatedBy,
        actorLabel: await nameOf(input.evaluatedBy),
        action: 'project.groupYearEndEvaluation',
        workflowId: input.projectId,
        subject: input.projectId,
        detail: { year: input.year, grade: input.grade, text: input.text },
        at: input.at,
      });
    },
  };
}

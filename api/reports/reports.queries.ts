import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { notFound } from '../errors';
import { findWatchedProject } from '../projects/projects.service';

/** The jurisdiction a report speaks for, with its parent's name (a street's report names its district). */
export async function jurisdictionOf(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('jurisdictions')
    .leftJoin('jurisdictions as parent', 'parent.id', 'jurisdictions.parent_id')
    .select(['jurisdictions.name', 'jurisdictions.level', 'parent.name as parentName'])
    .where('jurisdictions.id', '=', jurisdictionId)
    .executeTakeFirstOrThrow();
}

/**
 * What a project's status report prints: the project as its page shows it (the county office reads its
 * townships' too), its batch, its findings, its latest progress reports and its open tasks.
 */
export async function readProjectForReport(db: Kysely<Database>, user: SessionUser, id: string) {
  const project = await findWatchedProject(db, user, id);
  const [jurisdiction, batch, findings, reports, openTasks] = await Promise.all([
    jurisdictionOf(db, project.jurisdiction_id),
    db.selectFrom('batches').select(['title', 'year']).where('id', '=', project.batch_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('findings')
      .leftJoin('users', 'users.id', 'findings.filed_by')
      .select([
        'findings.filed_at',
        'findings.status',
        'findings.round',
        'findings.text',
        'findings.response',
        'users.display_name as filed_by_name',
      ])
      .where('findings.project_id', '=', id)
      .orderBy('findings.filed_at')
      .orderBy('findings.id')
      .execute(),
    // The department's reports are the progress-report tasks it completed, newest first.
    db
      .selectFrom('tasks')
      .select(['completed_at', 'result'])
      .where('owner_workflow_id', '=', id)
      .where('kind', '=', 'progressReport')
      .where('status', '=', 'done')
      .orderBy('completed_at', 'desc')
      .limit(12)
      .execute(),
    db
      .selectFrom('tasks')
      .select(['title', 'kind', 'due_at'])
      .where('owner_workflow_id', '=', id)
      .where('status', '=', 'open')
      .orderBy('due_at')
      .execute(),
  ]);
  return { project, jurisdiction, batch, findings, reports, openTasks };
}

export type ProjectReportData = Awaited<ReturnType<typeof readProjectForReport>>;

/** A monthly bulletin as the batch workflow wrote it, for printing; another jurisdiction's is a 404. */
export async function readBulletinForPrint(db: Kysely<Database>, user: SessionUser, id: string) {
  const bulletin = await db
    .selectFrom('bulletins')
    .innerJoin('batches', 'batches.id', 'bulletins.batch_id')
    .select([
      'bulletins.id',
      'bulletins.batch_id',
      'bulletins.month',
      'bulletins.body',
      'bulletins.created_at',
      'batches.title as batch_title',
      'batches.jurisdiction_id',
    ])
    .where('bulletins.id', '=', id)
    .where('batches.jurisdiction_id', '=', user.jurisdictionId)
    .executeTakeFirst();
  if (!bulletin) throw notFound(`bulletin "${id}"`);
  return { bulletin, jurisdiction: await jurisdictionOf(db, bulletin.jurisdiction_id) };
}

export type BulletinPrintData = Awaited<ReturnType<typeof readBulletinForPrint>>;

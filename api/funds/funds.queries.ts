import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { notFound } from '../errors';
import { watchedJurisdictionIds } from '../jurisdictions/jurisdictions.queries';

/**
 * Who looks at money across levels (docs/domain.md, "Levels"): the county office watches its townships, and
 * the county's finance and audit offices fund and audit the township projects its pool pays for.
 */
const readsTownshipFunds = (user: SessionUser) =>
  user.roles.some((r) => r === 'coordinator' || r === 'financeOfficer' || r === 'auditor');

/** A project with its department and jurisdiction, as the fund routes check it; anyone else's is a 404. */
export async function findFundedProject(db: Kysely<Database>, user: SessionUser, id: string) {
  const project = await db
    .selectFrom('projects')
    .innerJoin('batches', 'batches.id', 'projects.batch_id')
    .innerJoin('departments', 'departments.id', 'projects.department_id')
    .selectAll('projects')
    .select(['departments.name as department_name', 'batches.jurisdiction_id'])
    .where('projects.id', '=', id)
    .where(
      'batches.jurisdiction_id',
      'in',
      readsTownshipFunds(user) ? watchedJurisdictionIds(db, user.jurisdictionId) : [user.jurisdictionId],
    )
    .executeTakeFirst();
  if (!project) throw notFound(`project "${id}"`);
  return project;
}
export type FundedProject = Awaited<ReturnType<typeof findFundedProject>>;

/** A batch the caller's office watches: its own, or for the county's offices a township's. */
export async function findWatchedBatch(db: Kysely<Database>, user: SessionUser, batchId: string) {
  const batch = await db
    .selectFrom('batches')
    .select(['id', 'jurisdiction_id', 'title', 'year'])
    .where('id', '=', batchId)
    .where(
      'jurisdiction_id',
      'in',
      readsTownshipFunds(user) ? watchedJurisdictionIds(db, user.jurisdictionId) : [user.jurisdictionId],
    )
    .executeTakeFirst();
  if (!batch) throw notFound(`batch "${batchId}"`);
  return batch;
}

export async function jurisdictionOfBatch(db: Kysely<Database>, batchId: string): Promise<string> {
  const row = await db
    .selectFrom('batches')
    .select('jurisdiction_id')
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow();
  return row.jurisdiction_id;
}

export async function isSupervisionMember(db: Kysely<Database>, projectId: string, userId: string) {
  const row = await db
    .selectFrom('supervision_members')
    .select('user_id')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The audit task a flag opened: one per flag, so a retried flag finds its task instead of opening another. */
export const auditTaskIdOf = (flagMovementId: string) => `task-fundaudit-${flagMovementId}`;

/** The audit tasks of a project's flags that are not done yet (or not yet recorded by the worker). */
export async function openAuditTaskIds(db: Kysely<Database>, projectId: string): Promise<string[]> {
  const flags = await db
    .selectFrom('fund_movements')
    .select('id')
    .where('project_id', '=', projectId)
    .where('kind', '=', 'anomalyFlagged')
    .orderBy('at')
    .execute();
  if (flags.length === 0) return [];
  const taskIds = flags.map((f) => auditTaskIdOf(f.id));
  const closed = await db
    .selectFrom('tasks')
    .select('id')
    .where('id', 'in', taskIds)
    .where('status', '!=', 'open')
    .execute();
  const done = new Set(closed.map((t) => t.id));
  return taskIds.filter((id) => !done.has(id));
}

/**
 * The pool's report (docs/domain.md, "Fund pool"), as the congress office hears it: every project the pool funds,
 * a township's among them, with its allocation, payments, open requests and whether it is frozen.
 */
export async function poolProjects(db: Kysely<Database>, batchId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('batches', 'batches.id', 'projects.batch_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'batches.jurisdiction_id')
    .innerJoin('departments', 'departments.id', 'projects.department_id')
    .select((eb) => [
      'projects.id',
      'projects.title',
      'projects.batch_id',
      'jurisdictions.name as jurisdiction_name',
      'departments.name as department_name',
      'projects.allocation_yuan',
      'projects.disbursed_yuan',
      'projects.funds_frozen',
      eb
        .selectFrom('fund_movements as r')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<string>('r.amount_yuan'), sub.lit(0)).as('requested'))
        .whereRef('r.project_id', '=', 'projects.id')
        .where('r.kind', '=', 'disbursementRequested')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('fund_movements as p').select('p.id').whereRef('p.request_id', '=', 'r.id'))),
        )
        .as('requested_open_yuan'),
      eb
        .selectFrom('fund_movements as f')
        .select((sub) => sub.fn.countAll<string>().as('flags'))
        .whereRef('f.project_id', '=', 'projects.id')
        .where('f.kind', '=', 'anomalyFlagged')
        .as('anomalies_flagged'),
    ])
    .where((eb) => eb(eb.fn.coalesce('projects.fund_pool_batch_id', 'projects.batch_id'), '=', batchId))
    .orderBy('projects.batch_id')
    .orderBy('projects.title')
    .execute();
}

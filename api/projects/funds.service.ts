import type { Kysely, Selectable, Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { Database, FundMovementTable, Project } from '../../db/schema';
import { allocationProblem, disbursementProblem, formatYuan } from '../../domain/fundPool';
import type { SessionUser } from '../auth/tokens';
import { keyedId } from '../batchRecords';
import { conflict, notFound, unprocessable } from '../errors';

/**
 * 资金池 (docs/domain.md, "Fund pool" [S1], [S3]). Plain records, no workflow: each change is one transaction
 * that locks what it reads (the pool row, then the project row, always in that order), so two requests
 * at once are served one after the other and can never together overdraw the pool or an allocation.
 */

type FundMovement = Selectable<FundMovementTable>;
type MovementKind = FundMovement['kind'];

export interface MovementRequest {
  key: string;
  note: string;
  amountYuan?: number;
}

export interface MovementOutcome {
  movement: FundMovement;
  /** false when the key had been used already: the earlier outcome, nothing changed. */
  created: boolean;
}

const auditActions: Record<MovementKind, string> = {
  allocation: 'funds.allocated',
  disbursement: 'funds.disbursed',
  anomalyFlagged: 'funds.anomalyFlagged',
  anomalyCleared: 'funds.anomalyCleared',
};

/** The pool with its allocations and disbursements summed over the batch's projects. */
export async function poolStanding(db: Kysely<Database>, batchId: string) {
  const pool = await db.selectFrom('fund_pools').selectAll().where('batch_id', '=', batchId).executeTakeFirst();
  const sums = await sumsOf(db, batchId);
  const total = pool?.total_yuan ?? null;
  return {
    batch_id: batchId,
    total_yuan: total,
    allocated_yuan: sums.allocated,
    disbursed_yuan: sums.disbursed,
    unallocated_yuan: total === null ? null : total - sums.allocated,
    updated_at: pool?.updated_at ?? null,
  };
}

async function sumsOf(db: Kysely<Database>, batchId: string, exceptProjectId?: string) {
  let qb = db
    .selectFrom('projects')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('allocation_yuan'), eb.lit(0)).as('allocated'),
      eb.fn.coalesce(eb.fn.sum<string>('disbursed_yuan'), eb.lit(0)).as('disbursed'),
    ])
    .where('batch_id', '=', batchId);
  if (exceptProjectId) qb = qb.where('id', '!=', exceptProjectId);
  const row = await qb.executeTakeFirstOrThrow();
  return { allocated: Number(row.allocated), disbursed: Number(row.disbursed) };
}

async function lockPool(trx: Transaction<Database>, batchId: string) {
  return trx.selectFrom('fund_pools').selectAll().where('batch_id', '=', batchId).forUpdate().executeTakeFirst();
}

async function lockProject(trx: Transaction<Database>, projectId: string): Promise<Project> {
  const project = await trx
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', projectId)
    .forUpdate()
    .executeTakeFirst();
  if (!project) throw notFound('project', projectId);
  return project;
}

/** Sets the pool's total; never below what its projects already hold. Setting the same total again changes nothing. */
export async function setPoolTotal(
  trx: Transaction<Database>,
  user: SessionUser,
  batchId: string,
  totalYuan: number,
): Promise<void> {
  const inserted = await trx
    .insertInto('fund_pools')
    .values({ batch_id: batchId, total_yuan: totalYuan })
    .onConflict((oc) => oc.column('batch_id').doNothing())
    .executeTakeFirst();
  const created = inserted.numInsertedOrUpdatedRows === 1n;
  // Locked before the sum is read, so an allocation under way finishes first and is counted.
  const pool = (await lockPool(trx, batchId))!;
  const { allocated } = await sumsOf(trx, batchId);
  if (totalYuan < allocated) {
    throw unprocessable(
      `the pool's projects already hold allocations of ${formatYuan(allocated)}; a total of ${formatYuan(totalYuan)} cannot cover them`,
    );
  }
  if (!created) {
    if (pool.total_yuan === totalYuan) return;
    await trx
      .updateTable('fund_pools')
      .set({ total_yuan: totalYuan, updated_at: new Date() })
      .where('batch_id', '=', batchId)
      .execute();
  }
  await insertAuditEvent(trx, {
    dedupeKey: null,
    actorUserId: user.userId,
    actorLabel: user.displayName,
    action: 'fundPool.set',
    workflowId: batchId,
    subject: batchId,
    detail: { totalYuan, previousYuan: created ? null : pool.total_yuan, allocatedYuan: allocated },
  });
}

/**
 * The earlier movement with this key: a retry gets it back and changes nothing. The same key sent
 * with something else is a 409, never silently the earlier outcome of a different request.
 */
async function earlierMovement(trx: Transaction<Database>, id: string, kind: MovementKind, request: MovementRequest) {
  const earlier = await trx.selectFrom('fund_movements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!earlier) return undefined;
  const same =
    earlier.kind === kind && earlier.note === request.note && earlier.amount_yuan === (request.amountYuan ?? 0);
  if (!same) {
    throw conflict(
      `the key "${request.key}" was already used for another request on this project's funds; send a new key`,
    );
  }
  return earlier;
}

async function recordMovement(
  trx: Transaction<Database>,
  user: SessionUser,
  project: Project,
  id: string,
  kind: MovementKind,
  request: MovementRequest,
  detail: Record<string, unknown>,
) {
  const movement = await trx
    .insertInto('fund_movements')
    .values({
      id,
      project_id: project.id,
      kind,
      amount_yuan: request.amountYuan ?? 0,
      note: request.note,
      by_user_id: user.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertAuditEvent(trx, {
    dedupeKey: id,
    actorUserId: user.userId,
    actorLabel: user.displayName,
    action: auditActions[kind],
    workflowId: project.id,
    subject: id,
    detail: { note: request.note, ...detail },
  });
  return movement;
}

/** Sets the project's allocation (a total, not an increment) within what the pool has left. */
export async function allocate(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  batchId: string,
  request: MovementRequest & { amountYuan: number },
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const pool = await lockPool(trx, batchId);
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, 'allocation', request);
  if (earlier) return { movement: earlier, created: false };
  if (!pool) throw unprocessable('noFundPool');
  const { allocated: allocatedElsewhere } = await sumsOf(trx, batchId, projectId);
  const problem = allocationProblem({ poolTotal: pool.total_yuan, allocatedElsewhere, allocation: request.amountYuan });
  if (problem) throw unprocessable('fundsProblem', { reason: problem });
  if (request.amountYuan < project.disbursed_yuan) {
    throw unprocessable(
      `${formatYuan(project.disbursed_yuan)} has already been disbursed; the allocation cannot be cut below it to ${formatYuan(request.amountYuan)}`,
    );
  }
  await trx.updateTable('projects').set({ allocation_yuan: request.amountYuan }).where('id', '=', projectId).execute();
  const movement = await recordMovement(trx, user, project, id, 'allocation', request, {
    allocationYuan: request.amountYuan,
    previousYuan: project.allocation_yuan,
  });
  return { movement, created: true };
}

/** Pays out of the allocation; an anomaly freezes payment (409), more than is left is refused (422). */
export async function disburse(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  request: MovementRequest & { amountYuan: number },
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, 'disbursement', request);
  if (earlier) return { movement: earlier, created: false };
  const problem = disbursementProblem({
    allocation: project.allocation_yuan,
    disbursed: project.disbursed_yuan,
    amount: request.amountYuan,
    frozen: project.funds_frozen,
  });
  if (problem)
    throw project.funds_frozen
      ? conflict('fundsProblem', { reason: problem })
      : unprocessable('fundsProblem', { reason: problem });
  const disbursed = project.disbursed_yuan + request.amountYuan;
  await trx.updateTable('projects').set({ disbursed_yuan: disbursed }).where('id', '=', projectId).execute();
  const movement = await recordMovement(trx, user, project, id, 'disbursement', request, {
    amountYuan: request.amountYuan,
    disbursedYuan: disbursed,
  });
  return { movement, created: true };
}

/** An anomaly stops disbursement until a coordinator clears it (docs/domain.md, "Fund pool" [S3]); each flag is kept with its note. */
export async function flagAnomaly(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  request: MovementRequest,
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, 'anomalyFlagged', request);
  if (earlier) return { movement: earlier, created: false };
  await trx.updateTable('projects').set({ funds_frozen: true }).where('id', '=', projectId).execute();
  const movement = await recordMovement(trx, user, project, id, 'anomalyFlagged', request, {
    wasFrozen: project.funds_frozen,
  });
  return { movement, created: true };
}

export async function clearAnomaly(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  request: MovementRequest,
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, 'anomalyCleared', request);
  if (earlier) return { movement: earlier, created: false };
  if (!project.funds_frozen) throw conflict('notFrozen');
  await trx.updateTable('projects').set({ funds_frozen: false }).where('id', '=', projectId).execute();
  const movement = await recordMovement(trx, user, project, id, 'anomalyCleared', request, {});
  return { movement, created: true };
}

export async function movementsOf(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('fund_movements')
    .innerJoin('users', 'users.id', 'fund_movements.by_user_id')
    .selectAll('fund_movements')
    .select('users.display_name as by_name')
    .where('fund_movements.project_id', '=', projectId)
    .orderBy('fund_movements.at')
    .orderBy('fund_movements.id')
    .execute();
}

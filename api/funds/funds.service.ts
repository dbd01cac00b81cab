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
 * Who may do what is the routes' concern (funds.routes.ts); these functions keep the money's rules.
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
  disbursementRequested: 'funds.disbursementRequested',
  disbursement: 'funds.disbursed',
  anomalyFlagged: 'funds.anomalyFlagged',
  anomalyCleared: 'funds.anomalyCleared',
  anomalyKept: 'funds.anomalyKept',
};

/** The batch whose pool funds a project: its own, unless a county pool funds it (docs/domain.md, "Levels"). */
export const poolBatchOf = (project: Pick<Project, 'batch_id' | 'fund_pool_batch_id'>): string =>
  project.fund_pool_batch_id ?? project.batch_id;

/** The pool with its allocations and disbursements summed over the projects it funds, a township's among them. */
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
    .where((eb) => eb(eb.fn.coalesce('fund_pool_batch_id', 'batch_id'), '=', batchId));
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
  requestId: string | null = null,
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
      request_id: requestId,
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

/**
 * Sets the project's allocation (a total, not an increment) within what the pool has left. The pool is the
 * project's own batch's or, for a township project, its county's; a project draws on one pool at a time.
 */
export async function allocate(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  poolBatchId: string,
  request: MovementRequest & { amountYuan: number },
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const pool = await lockPool(trx, poolBatchId);
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, 'allocation', request);
  if (earlier) return { movement: earlier, created: false };
  if (!pool) throw unprocessable('noFundPool');
  const current = poolBatchOf(project);
  if (current !== poolBatchId && (project.allocation_yuan > 0 || project.disbursed_yuan > 0)) {
    throw conflict(
      `the project is funded from the pool of ${current}; set its allocation there to ¥0 before funding it from another pool`,
    );
  }
  const { allocated: allocatedElsewhere } = await sumsOf(trx, poolBatchId, projectId);
  const problem = allocationProblem({ poolTotal: pool.total_yuan, allocatedElsewhere, allocation: request.amountYuan });
  if (problem) throw unprocessable('fundsProblem', { reason: problem });
  if (request.amountYuan < project.disbursed_yuan) {
    throw unprocessable(
      `${formatYuan(project.disbursed_yuan)} has already been disbursed; the allocation cannot be cut below it to ${formatYuan(request.amountYuan)}`,
    );
  }
  await trx
    .updateTable('projects')
    .set({
      allocation_yuan: request.amountYuan,
      fund_pool_batch_id: poolBatchId === project.batch_id ? null : poolBatchId,
    })
    .where('id', '=', projectId)
    .execute();
  const movement = await recordMovement(trx, user, project, id, 'allocation', request, {
    allocationYuan: request.amountYuan,
    previousYuan: project.allocation_yuan,
    poolBatchId,
  });
  return { movement, created: true };
}

/** The responsible department asks for a payment out of the allocation; frozen is a 409, too much a 422. */
export async function requestDisbursement(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  request: MovementRequest & { amountYuan: number },
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, 'disbursementRequested', request);
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
  const movement = await recordMovement(trx, user, project, id, 'disbursementRequested', request, {
    amountYuan: request.amountYuan,
  });
  return { movement, created: true };
}

/** The department's requests not yet paid, oldest first. */
export async function openRequestsOf(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('fund_movements as r')
    .selectAll('r')
    .where('r.project_id', '=', projectId)
    .where('r.kind', '=', 'disbursementRequested')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('fund_movements as p').select('p.id').whereRef('p.request_id', '=', 'r.id'))),
    )
    .orderBy('r.at')
    .orderBy('r.id')
    .execute();
}

/** Finance pays one request, for what was asked; an anomaly freezes payment (409), more than is left is a 422. */
export async function disburse(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  request: { key: string; note: string; requestId: string },
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const project = await lockProject(trx, projectId);
  const asked = await trx
    .selectFrom('fund_movements')
    .selectAll()
    .where('id', '=', request.requestId)
    .where('project_id', '=', projectId)
    .where('kind', '=', 'disbursementRequested')
    .executeTakeFirst();
  if (!asked) throw notFound(`disbursement request "${request.requestId}" of this project`);
  const payment = { key: request.key, note: request.note, amountYuan: asked.amount_yuan };
  const earlier = await earlierMovement(trx, id, 'disbursement', payment);
  if (earlier) {
    if (earlier.request_id !== asked.id) {
      throw conflict('fundsKeyUsed', { key: request.key });
    }
    return { movement: earlier, created: false };
  }
  const paid = await trx
    .selectFrom('fund_movements')
    .select('id')
    .where('request_id', '=', asked.id)
    .executeTakeFirst();
  if (paid) throw conflict('fundsRequestPaid', { request: asked.id, payment: paid.id });
  const problem = disbursementProblem({
    allocation: project.allocation_yuan,
    disbursed: project.disbursed_yuan,
    amount: asked.amount_yuan,
    frozen: project.funds_frozen,
  });
  if (problem)
    throw project.funds_frozen
      ? conflict('fundsProblem', { reason: problem })
      : unprocessable('fundsProblem', { reason: problem });
  const disbursed = project.disbursed_yuan + asked.amount_yuan;
  await trx.updateTable('projects').set({ disbursed_yuan: disbursed }).where('id', '=', projectId).execute();
  const movement = await recordMovement(
    trx,
    user,
    project,
    id,
    'disbursement',
    payment,
    { amountYuan: asked.amount_yuan, disbursedYuan: disbursed, requestId: asked.id },
    asked.id,
  );
  return { movement, created: true };
}

/**
 * An anomaly stops disbursement until the audit office's finding clears it (docs/domain.md, "Fund pool" [S3]);
 * each flag is kept with its note, and each opens an audit task (funds.routes.ts).
 */
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

/** The audit office's finding: `clear` lifts the freeze, `keep` records why it stays. Nothing frozen is a 409. */
export async function recordAuditFinding(
  trx: Transaction<Database>,
  user: SessionUser,
  projectId: string,
  request: MovementRequest & { finding: 'clear' | 'keep' },
): Promise<MovementOutcome> {
  const id = keyedId('fund', projectId, request.key);
  const kind = request.finding === 'clear' ? 'anomalyCleared' : 'anomalyKept';
  const project = await lockProject(trx, projectId);
  const earlier = await earlierMovement(trx, id, kind, request);
  if (earlier) return { movement: earlier, created: false };
  if (!project.funds_frozen) throw conflict('notFrozenForAudit');
  if (kind === 'anomalyCleared') {
    await trx.updateTable('projects').set({ funds_frozen: false }).where('id', '=', projectId).execute();
  }
  const movement = await recordMovement(trx, user, project, id, kind, request, { finding: request.finding });
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

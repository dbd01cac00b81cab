import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Role } from '../../domain/assignee';
import { fundStanding } from '../../domain/fundPool';
import { startHumanTask } from '../tasks/startTask';
import { completeTaskUpdate, type HumanTaskInput } from '../../workflows/humanTask.messages';
import type { AppDeps } from '../app';
import { actorOf } from '../auth/auth.middleware';
import type { SessionUser } from '../auth/tokens';
import { forbidden } from '../errors';
import { route } from '../http/route';
import { fundKeyNotes } from '../openapi';
import { fundsOf } from '../projects/projects.service';
import {
  allocateSchema,
  anomalySchema,
  auditFindingSchema,
  disburseSchema,
  fundPoolSchema,
  requestDisbursementSchema,
} from '../../domain/contract/projects';
import {
  allocate,
  disburse,
  flagAnomaly,
  type MovementOutcome,
  movementsOf,
  openRequestsOf,
  poolBatchOf,
  poolStanding,
  recordAuditFinding,
  requestDisbursement,
  setPoolTotal,
} from './funds.service';
import {
  auditTaskIdOf,
  findFundedProject,
  findWatchedBatch,
  type FundedProject,
  isSupervisionMember,
  jurisdictionOfBatch,
  openAuditTaskIds,
  poolProjects,
} from './funds.queries';

/**
 * 资金池: the money is the government's (docs/domain.md, "Fund pool" and "Levels"). Finance sets the pool and
 * allocates it; the responsible department requests a payment and finance pays it; a supervision-group member
 * or the office flags an anomaly, which freezes payment and opens an audit task for the audit office, whose
 * finding clears or keeps the freeze. The congress office watches and reads the pool's report.
 */

/** The audit office has this long to give its finding; the sources give no number. */
const AUDIT_DUE_WORKING_DAYS = 10;

/** Finance and audit act for the jurisdiction whose pool funds the project: a township's own, or its county's. */
async function assertPoolOffice(db: Kysely<Database>, user: SessionUser, project: FundedProject, office: string) {
  const poolJurisdiction = await jurisdictionOfBatch(db, poolBatchOf(project));
  if (poolJurisdiction !== user.jurisdictionId) {
    throw forbidden(
      `only the ${office} of the jurisdiction whose pool funds this project (${poolJurisdiction}) may do this`,
    );
  }
  return poolJurisdiction;
}

/** A change to a project's funds: one movement in one locking transaction, answered with the project's fund standing. */
const fundMovement = <S extends z.ZodType>(spec: {
  id: string;
  verb: string;
  access: readonly Role[];
  summary: string;
  notes: string;
  body: S;
  refusals?: (403 | 404 | 409 | 422)[];
  /** Who of `access` may act on this project: throws a 403 with the reason. */
  check: (db: Kysely<Database>, user: SessionUser, project: FundedProject, body: z.output<S>) => Promise<unknown>;
  run: (
    trx: Transaction<Database>,
    user: SessionUser,
    project: FundedProject,
    body: z.output<S>,
  ) => Promise<MovementOutcome>;
  /** After the transaction: what the movement sets going (an audit task opened or closed). */
  after?: (
    deps: AppDeps,
    user: SessionUser,
    project: FundedProject,
    outcome: MovementOutcome,
    body: z.output<S>,
  ) => Promise<void>;
}) =>
  route({
    id: spec.id,
    method: 'post',
    path: `/projects/:id/funds/${spec.verb}`,
    tag: 'funds',
    summary: spec.summary,
    access: spec.access,
    notes: `${spec.notes} ${fundKeyNotes}`,
    body: spec.body,
    ok: {
      200: 'A retried request: `{ movement, funds }` as first recorded, funds as they stand now.',
      201: 'The movement and the project’s funds after it: `{ movement, funds }`.',
    },
    refusals: spec.refusals ?? [403, 404, 409, 422],
    handler: async ({ res, deps, user, params, body }) => {
      const { db } = deps;
      const project = await findFundedProject(db, user, params.id);
      await spec.check(db, user, project, body);
      const outcome = await db.transaction().execute((trx) => spec.run(trx, user, project, body));
      await spec.after?.(deps, user, project, outcome, body);
      const now = await findFundedProject(db, user, project.id);
      res.status(outcome.created ? 201 : 200).json({ movement: outcome.movement, funds: fundsOf(now) });
    },
  });

export const fundRoutes = [
  route({
    id: 'getProjectFunds',
    method: 'get',
    path: '/projects/:id/funds',
    tag: 'funds',
    summary: 'Read a project’s allocation, disbursements, open requests and every fund movement',
    access: 'signedIn',
    notes:
      'The county office, finance and audit read a township’s projects too. `pool_batch_id` names the pool that funds the project.',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const project = await findFundedProject(db, user, params.id);
      res.json({
        ...fundsOf(project),
        pool_batch_id: poolBatchOf(project),
        open_requests: await openRequestsOf(db, project.id),
        movements: await movementsOf(db, project.id),
      });
    },
  }),

  fundMovement({
    id: 'allocateFunds',
    verb: 'allocate',
    access: ['financeOfficer'],
    summary: 'Set the project’s allocation from a fund pool (finance)',
    notes:
      '`amountYuan` is the allocation as it should now stand, not an increment; more than the pool has left, or less than already disbursed, is a 422. `poolBatchId` names the pool: the project’s own batch by default; a county’s finance may fund a township’s project from the county’s pool. Finance allocates only from its own jurisdiction’s pool (403).',
    body: allocateSchema,
    check: async (db, user, project, body) => {
      const poolBatchId = body.poolBatchId ?? poolBatchOf(project);
      // A pool of another jurisdiction is not the caller's to spend, whatever they can see.
      const pool = await findWatchedBatch(db, user, poolBatchId);
      if (pool.jurisdiction_id !== user.jurisdictionId) {
        throw forbidden('financeOnlyAllocates');
      }
    },
    run: (trx, user, project, { poolBatchId, ...body }) =>
      allocate(trx, user, project.id, poolBatchId ?? poolBatchOf(project), body),
  }),

  fundMovement({
    id: 'requestDisbursement',
    verb: 'request-disbursement',
    access: ['official'],
    summary: 'Request a payment out of the project’s allocation (the responsible department)',
    notes:
      'An official of the project’s own department (403 otherwise). More than the allocation leaves is a 422; while an anomaly is flagged, a 409. Finance pays the request.',
    body: requestDisbursementSchema,
    check: async (_db, user, project) => {
      if (user.departmentId !== project.department_id || user.jurisdictionId !== project.jurisdiction_id) {
        throw forbidden('departmentOnlyRequestsPayment', { department: project.department_name });
      }
    },
    run: (trx, user, project, body) => requestDisbursement(trx, user, project.id, body),
  }),

  fundMovement({
    id: 'disburseFunds',
    verb: 'disburse',
    access: ['financeOfficer'],
    summary: 'Pay a department’s request out of the project’s allocation (finance)',
    notes:
      'Finance of the jurisdiction whose pool funds the project (403 otherwise) pays one open request for what it asked. An unknown request is a 404, one already paid a 409; more than the allocation leaves is a 422; while an anomaly is flagged, a 409.',
    body: disburseSchema,
    check: (db, user, project) => assertPoolOffice(db, user, project, 'finance office'),
    run: (trx, user, project, body) => disburse(trx, user, project.id, body),
  }),

  fundMovement({
    id: 'flagFundAnomaly',
    verb: 'flag-anomaly',
    access: ['coordinator', 'deputy', 'residentRepresentative'],
    summary: 'Flag an anomaly: payment freezes and the audit office gets a task',
    notes:
      'A member of the project’s supervision group, or the office (403 otherwise). Each flag is kept with its note and opens an audit task (`fundAudit`) for the audit office of the jurisdiction whose pool funds the project.',
    body: anomalySchema,
    check: async (db, user, project) => {
      if (user.roles.includes('coordinator')) return;
      if (
        user.jurisdictionId !== project.jurisdiction_id ||
        !(await isSupervisionMember(db, project.id, user.userId))
      ) {
        throw forbidden('flagAnomalyForbidden');
      }
    },
    run: (trx, user, project, body) => flagAnomaly(trx, user, project.id, body),
    // Started after the commit, and again on a retry: the task's id is the flag's, so it is opened once.
    after: async ({ db, temporal, taskQueue }, user, project, { movement }) => {
      const taskId = auditTaskIdOf(movement.id);
      // The audit office of the jurisdiction whose money it is: a township's own, or its county's.
      const jurisdictionId = await jurisdictionOfBatch(db, poolBatchOf(project));
      const input: HumanTaskInput = {
        taskId,
        // Nobody's workflow waits on it: the finding is recorded on the funds, which closes the task.
        ownerWorkflowId: null,
        jurisdictionId,
        kind: 'fundAudit',
        title: `资金异常审计：${project.title}`,
        assignee: { kind: 'role', role: 'auditor', jurisdictionId },
        due: { kind: 'workingDays', days: AUDIT_DUE_WORKING_DAYS },
        payload: { projectId: project.id, flagId: movement.id, note: movement.note, flaggedBy: user.displayName },
      };
      await startHumanTask({ db, temporal, taskQueue }, input);
    },
  }),

  fundMovement({
    id: 'recordFundAuditFinding',
    verb: 'audit-finding',
    access: ['auditor'],
    summary: 'Record the audit office’s finding on a flagged anomaly: clear the freeze or keep it',
    notes:
      'The audit office of the jurisdiction whose pool funds the project (403 otherwise). `clear` lets payment resume; `keep` records why it stays frozen. Nothing frozen is a 409. The finding closes the open audit tasks of the project’s flags.',
    body: auditFindingSchema,
    check: (db, user, project) => assertPoolOffice(db, user, project, 'audit office'),
    run: (trx, user, project, body) => recordAuditFinding(trx, user, project.id, body),
    after: async ({ db, temporal }, user, project, { movement }, body) => {
      for (const taskId of await openAuditTaskIds(db, project.id)) {
        await temporal.workflow.getHandle(taskId).executeUpdate(completeTaskUpdate, {
          args: [{ actor: actorOf(user), result: { finding: body.finding, note: body.note } }],
          updateId: `audit-finding:${movement.id}`,
        });
      }
    },
  }),

  route({
    id: 'getFundPool',
    method: 'get',
    path: '/batches/:batchId/fund-pool',
    tag: 'funds',
    summary: 'Read the batch’s fund pool: its total, allocated and disbursed',
    access: 'signedIn',
    notes: 'The sums include township projects the pool funds.',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const batch = await findWatchedBatch(db, user, params.batchId);
      res.json(await poolStanding(db, batch.id));
    },
  }),
  route({
    id: 'setFundPool',
    method: 'put',
    path: '/batches/:batchId/fund-pool',
    tag: 'funds',
    summary: 'Set the total of the batch’s fund pool (finance)',
    access: ['financeOfficer'],
    notes:
      'Finance of the batch’s own jurisdiction. A total below what the projects already hold is a 422. Setting the same total again records nothing.',
    body: fundPoolSchema,
    ok: { 200: 'The pool as it now stands.' },
    refusals: [404, 422],
    handler: async ({ res, deps: { db }, user, params, body: { totalYuan } }) => {
      const batch = await findWatchedBatch(db, user, params.batchId);
      if (batch.jurisdiction_id !== user.jurisdictionId) {
        throw forbidden('financeOnlySetsPool');
      }
      await db.transaction().execute((trx) => setPoolTotal(trx, user, batch.id, totalYuan));
      res.json(await poolStanding(db, batch.id));
    },
  }),
  route({
    id: 'getFundPoolReport',
    method: 'get',
    path: '/batches/:batchId/fund-pool/report',
    tag: 'funds',
    summary: 'Read the pool’s report: every project it funds with its allocation, payments, open requests and freezes',
    access: ['coordinator', 'committeeMember', 'financeOfficer', 'auditor'],
    notes: 'What the congress office hears on the pool; read-only. The county’s offices read a township’s pool too.',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const batch = await findWatchedBatch(db, user, params.batchId);
      const rows = await poolProjects(db, batch.id);
      res.json({
        pool: await poolStanding(db, batch.id),
        projects: rows.map((r) => ({
          ...r,
          requested_open_yuan: Number(r.requested_open_yuan ?? 0),
          anomalies_flagged: Number(r.anomalies_flagged ?? 0),
          ...fundStanding({ allocation: r.allocation_yuan, disbursed: r.disbursed_yuan }),
        })),
      });
    },
  }),
];

import { insertAuditEvent } from '../../db/auditEvents';
import type { Jurisdiction } from '../../db/schema';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { projectPolicyOf } from '../../domain/projectPolicy';
import { notFound } from '../errors';
import { route } from '../http/route';
import { editableJurisdictions, lockEditable, storePolicy } from './policies.queries';
import { type JurisdictionPolicy, type PolicyBody, policyBodySchema } from '../../domain/contract/policies';
import type { Sent } from '../../domain/contract/sentRows';

const appliesNote =
  'A batch loads its jurisdiction’s policy when it opens and keeps it: a change applies to batches opened after it.';

/** A jurisdiction's parameters as a batch opened now would load them, with the defaults filled in. */
function policyView(j: Pick<Jurisdiction, 'id' | 'name' | 'level' | 'parent_id' | 'policy'>) {
  return {
    id: j.id,
    name: j.name,
    level: j.level,
    parent_id: j.parent_id,
    batch: batchPolicyOf(j.policy),
    project: projectPolicyOf(j.policy),
  } satisfies Sent<JurisdictionPolicy>;
}

/** The stored form: the batch parameters at the top, the project ones under `project` (domain/projectPolicy.ts). */
const storedForm = (body: PolicyBody): Record<string, unknown> => ({ ...body.batch, project: body.project });

/** Policy parameters per jurisdiction (docs/domain.md, "Policy parameters"), set by the office in the console. */
export const policyRoutes = [
  route({
    id: 'listPolicies',
    method: 'get',
    path: '/policies',
    tag: 'policies',
    summary: 'Read the policy of my jurisdiction and of its townships',
    access: ['coordinator'],
    notes: appliesNote,
    handler: async ({ res, deps: { db }, user }) => {
      res.json((await editableJurisdictions(db, user.jurisdictionId)).map(policyView));
    },
  }),

  route({
    id: 'getPolicy',
    method: 'get',
    path: '/policies/:jurisdictionId',
    tag: 'policies',
    summary: 'Read one jurisdiction’s policy, every parameter with its default filled in',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const found = (await editableJurisdictions(db, user.jurisdictionId)).find((j) => j.id === params.jurisdictionId);
      if (!found) throw notFound('jurisdiction', params.jurisdictionId);
      res.json(policyView(found));
    },
  }),

  route({
    id: 'setPolicy',
    method: 'put',
    path: '/policies/:jurisdictionId',
    tag: 'policies',
    summary: 'Set every policy parameter of my jurisdiction or one of its townships',
    access: ['coordinator'],
    notes: `${appliesNote} A value beyond a floor (publicity 7 working days, result publicity 5, competition 20%, rectification within 3 months, post-evaluation after 12 months in use) is a 400 naming the field.`,
    body: policyBodySchema,
    ok: { 200: 'The policy as now stored, with its defaults.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const stored = await db.transaction().execute(async (trx) => {
        const found = await lockEditable(trx, user.jurisdictionId, params.jurisdictionId);
        if (!found) throw notFound('jurisdiction', params.jurisdictionId);
        const before = policyView(found);
        const policy = storedForm(body);
        await storePolicy(trx, found.id, policy);
        const after = policyView({ ...found, policy });
        await insertAuditEvent(trx, {
          dedupeKey: null,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'policy.changed',
          workflowId: null,
          subject: `policy:${found.id}`,
          detail: {
            jurisdictionId: found.id,
            before: { batch: before.batch, project: before.project },
            after: { batch: after.batch, project: after.project },
          },
        });
        return after;
      });
      res.json(stored);
    },
  }),
];

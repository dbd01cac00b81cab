import { z } from 'zod';
import { type BatchPolicy, batchPolicySchema } from '../batchPolicy';
import type { JurisdictionLevel } from '../batchProcedure';
import { type ProjectPolicy, projectPolicySchema } from '../projectPolicy';

/**
 * Every parameter of a jurisdiction (docs/domain.md, "Policy parameters"). The floors (publicity ≥ 7 working
 * days, result publicity ≥ 5, competition ≥ 20%) are in the domain schemas themselves, so this body, the
 * stored row and what a workflow loads are checked by the same rule.
 */
export const policyBodySchema = z.object({
  batch: batchPolicySchema,
  project: projectPolicySchema,
});
export type PolicyBody = z.infer<typeof policyBodySchema>;

/** A jurisdiction's policy as GET /api/policies returns it (api/policies/policies.routes.ts). */
export interface JurisdictionPolicy {
  id: string;
  name: string;
  level: JurisdictionLevel;
  parent_id: string | null;
  batch: BatchPolicy;
  project: ProjectPolicy;
}

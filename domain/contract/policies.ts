import { z } from 'zod';
import { batchPolicySchema } from '../batchPolicy';
import { projectPolicySchema } from '../projectPolicy';

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

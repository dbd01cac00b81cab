import { describe, expect, it } from 'vitest';
import { errorsUnderFields, policySources } from '../../admin-ui/src/policy/policyFields';
import { batchPolicySchema } from '../../domain/batchPolicy';
import { projectPolicySchema } from '../../domain/projectPolicy';

/** Every leaf path of a parsed policy: what the screen must offer a field for. */
function leaves(value: unknown, prefix: string): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, `${prefix}.${key}`));
}

describe('the policy screen’s fields', () => {
  it('offers a field for every policy parameter, and no other', () => {
    const expected = [
      ...leaves(batchPolicySchema.parse({}), 'batch'),
      ...leaves(projectPolicySchema.parse({}), 'project'),
    ];
    expect([...policySources].sort()).toEqual(expected.sort());
  });

  it('puts a refusal of a whole group under its first field, and a field’s own under it', () => {
    expect(
      errorsUnderFields({
        'batch.screeningWeights': 'the screening weights must add up to 100',
        'batch.candidatePublicityWorkingDays': 'candidate publicity lasts at least 7 working days',
        'batch.unknown': 'ignored',
      }),
    ).toEqual({
      'batch.screeningWeights.publicSupport': 'the screening weights must add up to 100',
      'batch.candidatePublicityWorkingDays': 'candidate publicity lasts at least 7 working days',
    });
  });
});

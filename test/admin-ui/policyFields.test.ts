import { describe, expect, it } from 'vitest';
import { errorsUnderFields, policySources, policyValidator } from '../../admin-ui/src/policy/policyFields';
import { batchPolicySchema } from '../../domain/batchPolicy';
import { policyBodySchema } from '../../domain/contract/policies';
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

  it('refuses a value below a floor before it is sent, with the floor’s number', () => {
    const values = { batch: batchPolicySchema.parse({}), project: projectPolicySchema.parse({}) };
    const check = (source: string, value: number) => {
      const [group, ...rest] = source.split('.');
      const changed = structuredClone(values) as Record<string, Record<string, unknown>>;
      let node = changed[group!]!;
      for (const key of rest.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[rest.at(-1)!] = value;
      return policyValidator(policyBodySchema, source)(value, changed, {});
    };
    expect(check('batch.candidatePublicityWorkingDays', 6)).toEqual({
      message: 'ra.validation.minValue',
      args: { min: 7 },
    });
    expect(check('batch.resultPublicityWorkingDays', 4)).toEqual({
      message: 'ra.validation.minValue',
      args: { min: 5 },
    });
    expect(check('batch.election.competitionPercent', 19)).toEqual({
      message: 'ra.validation.minValue',
      args: { min: 20 },
    });
    expect(check('project.rectificationMonths', 4)).toEqual({ message: 'ra.validation.maxValue', args: { max: 3 } });
    expect(check('project.postEvaluationAfterMonths', 11)).toEqual({
      message: 'ra.validation.minValue',
      args: { min: 12 },
    });
    expect(check('batch.candidatePublicityWorkingDays', 7)).toBeUndefined();
  });
});

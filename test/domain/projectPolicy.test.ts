import { describe, expect, it } from 'vitest';
import { projectPolicyOf, projectPolicySchema } from '../../domain/projectPolicy';

const defaults = {
  supervisionGroup: { min: 3, max: 5 },
  progressReportEveryDays: 7,
  progressReportDueWorkingDays: 2,
  supervisionEveryDays: 7,
  evaluationEveryMonths: 3,
  findingResponseWorkingDays: 10,
  explanationDueDays: 30,
  rectificationMonths: 3,
  reRatingDueDays: 30,
  postEvaluationAfterMonths: 12,
  lookBackSuggestionDueWorkingDays: 20,
  warning: { blueLagPoints: 5, yellowLagPoints: 10, redLagPoints: 20, nearDeadlineDays: 30 },
};

describe('a jurisdiction’s project policy', () => {
  it('has the defaults in docs/domain.md, "Policy parameters" when nothing is stored', () => {
    expect(projectPolicyOf(undefined)).toEqual(defaults);
    expect(projectPolicyOf(null)).toEqual(defaults);
    expect(projectPolicyOf({})).toEqual(defaults);
    expect(projectPolicyOf({ project: {} })).toEqual(defaults);
  });

  it('reads only the project key of the stored policy, beside the batch parameters', () => {
    const stored = {
      candidatePublicityWorkingDays: 9,
      project: { rectificationMonths: 2, supervisionGroup: { max: 7 } },
    };
    expect(projectPolicyOf(stored)).toEqual({
      ...defaults,
      rectificationMonths: 2,
      supervisionGroup: { min: 3, max: 7 },
    });
  });

  it('fills the warning thresholds a jurisdiction leaves out', () => {
    expect(projectPolicyOf({ project: { warning: { redLagPoints: 30 } } }).warning).toEqual({
      ...defaults.warning,
      redLagPoints: 30,
    });
  });

  it('lets a supervision group have a fixed size but not a minimum above its maximum', () => {
    expect(projectPolicyOf({ project: { supervisionGroup: { min: 4, max: 4 } } }).supervisionGroup).toEqual({
      min: 4,
      max: 4,
    });
    const result = projectPolicySchema.safeParse({ supervisionGroup: { min: 5, max: 4 } });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'the supervision group minimum must not exceed its maximum',
    ]);
  });

  it('wants the warning thresholds to rise strictly from blue to yellow to red', () => {
    expect(
      projectPolicyOf({ project: { warning: { blueLagPoints: 9, yellowLagPoints: 10, redLagPoints: 11 } } }).warning
        .yellowLagPoints,
    ).toBe(10);
    for (const warning of [
      { blueLagPoints: 10, yellowLagPoints: 10 },
      { yellowLagPoints: 20, redLagPoints: 20 },
    ]) {
      const result = projectPolicySchema.safeParse({ warning });
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        'the warning thresholds must rise from blue to yellow to red',
      ]);
    }
  });

  it('refuses periods that are not whole positive numbers', () => {
    expect(() => projectPolicyOf({ project: { findingResponseWorkingDays: 0 } })).toThrow();
    expect(() => projectPolicyOf({ project: { progressReportEveryDays: 3.5 } })).toThrow();
  });

  it('refuses a rectification period longer than 3 months, and post-evaluation sooner than 12 months in use', () => {
    const issues = (project: unknown) =>
      projectPolicySchema.safeParse(project).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ rectificationMonths: 4 })).toEqual([
      ['rectificationMonths', 'rectification is reported within 3 months at most'],
    ]);
    expect(issues({ postEvaluationAfterMonths: 11 })).toEqual([
      ['postEvaluationAfterMonths', 'post-evaluation comes after at least 12 months in use'],
    ]);
    expect(issues({ rectificationMonths: 3, postEvaluationAfterMonths: 12 })).toEqual([]);
    expect(projectPolicyOf({ project: { rectificationMonths: 1, postEvaluationAfterMonths: 24 } })).toMatchObject({
      rectificationMonths: 1,
      postEvaluationAfterMonths: 24,
    });
    expect(() => projectPolicyOf({ project: { rectificationMonths: 6 } })).toThrow(/3 months at most/);
  });
});

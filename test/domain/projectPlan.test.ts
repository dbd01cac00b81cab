import { describe, expect, it } from 'vitest';
import { defaultStagePlan } from '../../domain/projectPlan';
import { stagePlanSchema } from '../../domain/progressWarning';

describe('default stage plan', () => {
  it('spends 15% of the days preparing, 70% building and 15% on acceptance, ending on the deadline', () => {
    // 2028-02-02 … 2028-11-30 is 304 days: 45 preparing, 214 building, 45 for acceptance.
    const plan = defaultStagePlan('2028-02-02', '2028-11-30');
    expect(plan).toEqual([
      { stage: 'preparation', plannedStart: '2028-02-02', plannedEnd: '2028-03-17' },
      { stage: 'construction', plannedStart: '2028-03-18', plannedEnd: '2028-10-16' },
      { stage: 'acceptance', plannedStart: '2028-10-17', plannedEnd: '2028-11-30' },
    ]);
    expect(stagePlanSchema.safeParse(plan).success).toBe(true);
  });

  it('still gives every stage a day when the deadline is too close or already past', () => {
    const plan = defaultStagePlan('2028-02-02', '2028-01-15');
    expect(plan.map((s) => [s.plannedStart, s.plannedEnd])).toEqual([
      ['2028-02-02', '2028-02-02'],
      ['2028-02-03', '2028-02-03'],
      ['2028-02-04', '2028-02-04'],
    ]);
    expect(stagePlanSchema.safeParse(plan).success).toBe(true);
  });
});

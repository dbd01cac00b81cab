import { describe, expect, it } from 'vitest';
import {
  plannedPercent,
  progressReportProblem,
  progressWarning,
  stagePlanSchema,
  warningRaised,
  type StagePlan,
  type WarningThresholds,
} from '../../domain/progressWarning';

// 10 days of preparation (2 points a day), 70 of construction and 10 of acceptance (1 point a day each).
const plan: StagePlan = [
  { stage: 'preparation', plannedStart: '2025-03-01', plannedEnd: '2025-03-10' },
  { stage: 'construction', plannedStart: '2025-03-11', plannedEnd: '2025-05-19' },
  { stage: 'acceptance', plannedStart: '2025-05-20', plannedEnd: '2025-05-29' },
];
const thresholds: WarningThresholds = { blueLagPoints: 5, yellowLagPoints: 10, redLagPoints: 20, nearDeadlineDays: 30 };

const messages = (value: unknown) => {
  const result = stagePlanSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('the stage plan', () => {
  it('accepts the three stages back to back, including a one-day stage', () => {
    expect(messages(plan)).toEqual([]);
    expect(
      messages([plan[0], plan[1], { stage: 'acceptance', plannedStart: '2025-05-20', plannedEnd: '2025-05-20' }]),
    ).toEqual([]);
  });

  it('wants preparation, construction and acceptance once each and in that order', () => {
    const expected = 'plan the stages preparation, construction and acceptance, once each and in that order';
    expect(messages([plan[1], plan[0], plan[2]])).toEqual([expected]);
    expect(messages([plan[0], plan[1]])).toEqual([expected]);
    expect(messages([...plan, plan[2]])).toEqual([expected]);
  });

  it('refuses a stage that ends before it starts', () => {
    const backwards = [
      { stage: 'preparation', plannedStart: '2025-03-10', plannedEnd: '2025-03-09' },
      plan[1],
      plan[2],
    ];
    expect(messages(backwards)).toContain('preparation ends (2025-03-09) before it starts (2025-03-10)');
  });

  it('refuses a gap or an overlap between stages', () => {
    const gap = [plan[0], { ...plan[1], plannedStart: '2025-03-12' }, plan[2]];
    const overlap = [plan[0], plan[1], { ...plan[2], plannedStart: '2025-05-19' }];
    expect(messages(gap)).toEqual([
      'construction must start the day after preparation ends (2025-03-11), not 2025-03-12',
    ]);
    expect(messages(overlap)).toEqual([
      'acceptance must start the day after construction ends (2025-05-20), not 2025-05-19',
    ]);
  });

  it('refuses days that do not exist or are not written YYYY-MM-DD', () => {
    expect(messages([{ ...plan[0], plannedEnd: '2025-02-30' }, plan[1], plan[2]])).toContain(
      'use a real day written YYYY-MM-DD',
    );
    expect(messages([{ ...plan[0], plannedStart: '2025/03/01' }, plan[1], plan[2]])).toContain(
      'use a real day written YYYY-MM-DD',
    );
  });
});

describe('the planned percentage', () => {
  it('is 0 up to and including the first day of preparation', () => {
    expect(plannedPercent(plan, '2024-12-31')).toBe(0);
    expect(plannedPercent(plan, '2025-02-28')).toBe(0);
    expect(plannedPercent(plan, '2025-03-01')).toBe(0);
  });

  it('covers 0–20% over preparation, 20–90% over construction and 90–100% over acceptance, by day', () => {
    expect(plannedPercent(plan, '2025-03-02')).toBe(2);
    expect(plannedPercent(plan, '2025-03-10')).toBe(18);
    expect(plannedPercent(plan, '2025-03-11')).toBe(20);
    expect(plannedPercent(plan, '2025-03-12')).toBe(21);
    expect(plannedPercent(plan, '2025-05-19')).toBe(89);
    expect(plannedPercent(plan, '2025-05-20')).toBe(90);
    expect(plannedPercent(plan, '2025-05-29')).toBe(99);
  });

  it('reaches 100 only on the day after acceptance ends', () => {
    expect(plannedPercent(plan, '2025-05-30')).toBe(100);
    expect(plannedPercent(plan, '2026-01-01')).toBe(100);
  });

  it('rounds down within a stage', () => {
    const short: StagePlan = [
      { stage: 'preparation', plannedStart: '2025-03-01', plannedEnd: '2025-03-03' },
      { stage: 'construction', plannedStart: '2025-03-04', plannedEnd: '2025-03-06' },
      { stage: 'acceptance', plannedStart: '2025-03-07', plannedEnd: '2025-03-07' },
    ];
    expect(
      ['2025-03-02', '2025-03-03', '2025-03-05', '2025-03-06', '2025-03-07'].map((d) => plannedPercent(short, d)),
    ).toEqual([6, 13, 43, 66, 90]);
  });
});

describe('progress warnings by schedule lag (docs/domain.md, "Progress warnings" [S0])', () => {
  // On 2025-04-10 construction is 30 days in: 50% planned, and the deadline is far off.
  const warnOn = (reportedPercent: number, today = '2025-04-10', deadline = '2025-12-31') =>
    progressWarning({ plan, today, reportedPercent, deadline, policy: thresholds });

  it('raises nothing below the blue threshold', () => {
    expect(warnOn(50)).toEqual({
      level: 'none',
      plannedPercent: 50,
      lagPoints: 0,
      reason: '计划进度50%，实际50%，进度正常',
    });
    expect(warnOn(46)).toMatchObject({ level: 'none', lagPoints: 4 });
  });

  it('counts being ahead of schedule as no lag', () => {
    expect(warnOn(70)).toEqual({
      level: 'none',
      plannedPercent: 50,
      lagPoints: 0,
      reason: '计划进度50%，实际70%，进度正常',
    });
  });

  it('is blue from the blue threshold up to just below yellow', () => {
    expect(warnOn(45)).toMatchObject({ level: 'blue', lagPoints: 5 });
    expect(warnOn(41)).toMatchObject({ level: 'blue', lagPoints: 9 });
  });

  it('is yellow from the yellow threshold up to just below red', () => {
    expect(warnOn(40)).toMatchObject({ level: 'yellow', lagPoints: 10 });
    expect(warnOn(31)).toMatchObject({ level: 'yellow', lagPoints: 19 });
  });

  it('is red from the red threshold, and says how far behind', () => {
    expect(warnOn(30)).toEqual({
      level: 'red',
      plannedPercent: 50,
      lagPoints: 20,
      reason: '计划进度50%，实际30%，滞后20个百分点',
    });
  });

  it('is red from the day after the deadline unless the project is complete', () => {
    expect(warnOn(99, '2025-07-01', '2025-06-30')).toMatchObject({
      level: 'red',
      reason: '完成时限2025-06-30已过，进度99%',
    });
    expect(warnOn(99, '2025-06-30', '2025-06-30')).toMatchObject({ level: 'none', plannedPercent: 100, lagPoints: 1 });
  });

  it('raises nothing once the project reports complete, even past the deadline', () => {
    expect(warnOn(100, '2026-03-01', '2025-06-30')).toEqual({
      level: 'none',
      plannedPercent: 100,
      lagPoints: 0,
      reason: '已报告完成',
    });
  });
});

describe('progress warnings near the deadline', () => {
  // Deadline 2025-05-29: on 2025-04-29 it is exactly 30 days away and 69% is planned.
  const warnOn = (today: string, reportedPercent: number) =>
    progressWarning({ plan, today, reportedPercent, deadline: '2025-05-29', policy: thresholds });

  it('is at least yellow within the near-deadline days when below 90%', () => {
    expect(warnOn('2025-04-29', 69)).toEqual({
      level: 'yellow',
      plannedPercent: 69,
      lagPoints: 0,
      reason: '计划进度69%，实际69%，进度正常，距完成时限2025-05-29仅剩30天',
    });
    expect(warnOn('2025-04-29', 63)).toMatchObject({ level: 'yellow', lagPoints: 6 });
    expect(warnOn('2025-04-29', 89)).toMatchObject({ level: 'yellow' });
  });

  it('does not warn a day earlier, nor a project at 90% or more', () => {
    expect(warnOn('2025-04-28', 68)).toMatchObject({ level: 'none', plannedPercent: 68 });
    expect(warnOn('2025-04-29', 90)).toMatchObject({ level: 'none' });
  });

  it('still turns red when the lag reaches the red threshold', () => {
    expect(warnOn('2025-04-29', 49)).toMatchObject({ level: 'red', lagPoints: 20 });
  });
});

describe('which warning changes are news', () => {
  it('tells of any change of level, a recovery as much as a worsening', () => {
    expect(warningRaised('none', 'blue')).toBe(true);
    expect(warningRaised('yellow', 'red')).toBe(true);
    expect(warningRaised('red', 'yellow')).toBe(true);
    expect(warningRaised('blue', 'none')).toBe(true);
  });

  it('stays quiet when the level holds', () => {
    expect(warningRaised('none', 'none')).toBe(false);
    expect(warningRaised('red', 'red')).toBe(false);
  });
});

describe('a progress report', () => {
  it('takes a whole percentage from 0 to 100', () => {
    expect(progressReportProblem({ previousPercent: null, percent: 0 })).toBeUndefined();
    expect(progressReportProblem({ previousPercent: 40, percent: 100 })).toBeUndefined();
    for (const percent of [-1, 101, 50.5, Number.NaN]) {
      expect(progressReportProblem({ previousPercent: null, percent })).toBe('progress must be between 0 and 100');
    }
  });

  it('may stand still without a reason', () => {
    expect(progressReportProblem({ previousPercent: 60, percent: 60 })).toBeUndefined();
  });

  it('needs a reason to go backwards', () => {
    expect(progressReportProblem({ previousPercent: 60, percent: 50 })).toBe('progress went from 60% to 50%: say why');
    expect(progressReportProblem({ previousPercent: 60, percent: 50, reason: '   ' })).toBe(
      'progress went from 60% to 50%: say why',
    );
    expect(
      progressReportProblem({ previousPercent: 60, percent: 50, reason: 'a retaining wall failed inspection' }),
    ).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  evaluatesAtYearEnd,
  groupEvaluationGrades,
  groupWorkYear,
  inspectionItemDue,
  inspectsAtMidYear,
  nextInspectionAt,
  nextYearEndEvaluationAt,
} from '../../domain/groupInspection';
import { projectPolicyOf } from '../../domain/projectPolicy';
import { checkTaskResult } from '../../domain/taskKinds';

const policy = projectPolicyOf({});
const at = (iso: string) => Date.parse(iso);

describe('when the supervision group inspects and evaluates (docs/domain.md, "Supervision")', () => {
  it('inspects on the next 1 July in China, the day the half-year report opens', () => {
    expect(nextInspectionAt(at('2027-03-15T09:00:00+08:00'))).toBe('2027-06-30T16:00:00.000Z');
    // From the instant itself, the next is a year on; a project started in autumn waits for next summer.
    expect(nextInspectionAt(at('2027-07-01T00:00:00+08:00'))).toBe('2028-06-30T16:00:00.000Z');
    expect(nextInspectionAt(at('2027-09-01T09:00:00+08:00'))).toBe('2028-06-30T16:00:00.000Z');
    // Late on 30 June in UTC is already 1 July in China.
    expect(nextInspectionAt(at('2027-06-30T15:59:59Z'))).toBe('2027-06-30T16:00:00.000Z');
    expect(nextInspectionAt(at('2027-06-30T16:00:01Z'))).toBe('2028-06-30T16:00:00.000Z');
  });

  it('evaluates on the next 1 December in China, the day the year-end report opens', () => {
    expect(nextYearEndEvaluationAt(at('2027-03-15T09:00:00+08:00'))).toBe('2027-11-30T16:00:00.000Z');
    expect(nextYearEndEvaluationAt(at('2027-12-01T00:00:00+08:00'))).toBe('2028-11-30T16:00:00.000Z');
    expect(nextYearEndEvaluationAt(at('2027-12-31T23:00:00+08:00'))).toBe('2028-11-30T16:00:00.000Z');
    expect(groupWorkYear('2027-11-30T16:00:00.000Z')).toBe(2027);
    expect(groupWorkYear('2027-06-30T16:00:00.000Z')).toBe(2027);
  });

  it('inspects only a project still being built', () => {
    expect(inspectsAtMidYear('implementation')).toBe(true);
    expect(inspectsAtMidYear('accepted')).toBe(false);
    expect(inspectsAtMidYear('inUse')).toBe(false);
    expect(inspectsAtMidYear('closed')).toBe(false);
  });

  it('evaluates every year a project is built, and the year it was accepted, but not a later year', () => {
    expect(evaluatesAtYearEnd('implementation', null, 2028)).toBe(true);
    expect(evaluatesAtYearEnd('accepted', '2027-10-12T02:00:00Z', 2027)).toBe(true);
    expect(evaluatesAtYearEnd('inUse', '2027-10-12T02:00:00Z', 2027)).toBe(true);
    expect(evaluatesAtYearEnd('inUse', '2027-10-12T02:00:00Z', 2028)).toBe(false);
    // Accepted late on 31 December UTC is 1 January in China: that year, not the one before.
    expect(evaluatesAtYearEnd('inUse', '2027-12-31T17:00:00Z', 2027)).toBe(false);
    expect(evaluatesAtYearEnd('closed', '2027-10-12T02:00:00Z', 2027)).toBe(false);
  });
});

describe('an inspection item’s deadline', () => {
  it('is the end of the day the group named, or its working days, or the policy’s finding deadline', () => {
    expect(inspectionItemDue({ dueOn: '2027-07-20' }, policy)).toEqual({
      kind: 'at',
      at: '2027-07-20T15:59:59.000Z',
    });
    expect(inspectionItemDue({ dueWorkingDays: 5 }, policy)).toEqual({ kind: 'workingDays', days: 5 });
    expect(inspectionItemDue({}, policy)).toEqual({ kind: 'workingDays', days: policy.findingResponseWorkingDays });
  });
});

describe('the inspection list and the evaluation as a person hands them in', () => {
  const payload = { openedOn: '2027-07-01' };

  it('takes items with a due day after the opening, working days, or neither', () => {
    const check = checkTaskResult(
      'concentratedInspection',
      {
        summary: ' 发现两处问题 ',
        items: [
          { text: '围挡破损', dueOn: '2027-07-02' },
          { text: '排水未按图施工', dueWorkingDays: 5 },
          { text: '资料不全' },
        ],
      },
      payload,
    );
    expect(check).toEqual({
      ok: true,
      result: {
        summary: '发现两处问题',
        items: [
          { text: '围挡破损', dueOn: '2027-07-02', photoIds: [] },
          { text: '排水未按图施工', dueWorkingDays: 5, photoIds: [] },
          { text: '资料不全', photoIds: [] },
        ],
      },
    });
    expect(checkTaskResult('concentratedInspection', { summary: '未发现问题' }, payload)).toEqual({
      ok: true,
      result: { summary: '未发现问题', items: [] },
    });
  });

  it('refuses an item due on or before the opening day, with both kinds of deadline, or without text', () => {
    const refused = (items: object[]) => {
      const check = checkTaskResult('concentratedInspection', { summary: '发现问题', items }, payload);
      return check.ok ? 'accepted' : check.message;
    };
    expect(refused([{ text: '围挡破损', dueOn: '2027-07-01' }])).toMatch(
      /items\.0\.dueOn: the answer must be due after 2027-07-01/,
    );
    expect(refused([{ text: '围挡破损', dueOn: '2027-07-09', dueWorkingDays: 3 }])).toMatch(
      /items\.0\.dueWorkingDays: give either a due day or working days, not both/,
    );
    expect(refused([{ text: ' ' }])).toMatch(/items\.0\.text: write the finding/);
    expect(refused([{ text: '围挡破损', dueWorkingDays: 0 }])).toMatch(/items\.0\.dueWorkingDays/);
    expect(refused([{ text: '围挡破损', dueOn: '7月9日' }])).toMatch(/YYYY-MM-DD/);
  });

  it('grades the year 好 / 较好 / 一般 / 差 only, with words', () => {
    expect(groupEvaluationGrades).toEqual(['good', 'fairlyGood', 'average', 'poor']);
    expect(checkTaskResult('groupYearEndEvaluation', { grade: 'average', text: '进度偏慢' }).ok).toBe(true);
    const bad = checkTaskResult('groupYearEndEvaluation', { grade: 'excellent', text: '' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/grade: .*text: write the evaluation/);
  });
});

import { describe, expect, it } from 'vitest';
import { projectPolicyOf } from '../../domain/projectPolicy';
import { taskResultSchemas } from '../../domain/taskKinds';
import {
  consequencesOf,
  consequencesSettled,
  endOfChinaDay,
  oversightHeld,
  oversightMeasureName,
  postEvaluationDone,
  rectificationDueAt,
  reRatingEscalationAt,
  reRatingPeriod,
  supervisionGroupRefusal,
  taskDue,
} from '../../domain/projectRules';

const policy = projectPolicyOf({});
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `d${i + 1}` }));

describe('the supervision group’s limits', () => {
  it('takes members up to the maximum, and nobody twice', () => {
    expect(supervisionGroupRefusal(members(4), 'd9', policy.supervisionGroup)).toBeNull();
    expect(supervisionGroupRefusal(members(5), 'd9', policy.supervisionGroup)).toEqual({
      code: 'groupFull',
      params: { count: 5, max: 5 },
    });
    expect(supervisionGroupRefusal(members(2), 'd2', policy.supervisionGroup)).toEqual({
      code: 'alreadyInGroup',
      params: {},
    });
  });
});

describe('which consequences follow which outcome', () => {
  it('asks nothing of a 满意 project', () => {
    expect(consequencesOf('satisfied')).toEqual({ explainers: [], rectify: false });
  });

  it('has the unit’s principal head explain a 基本满意 and the responsible vice head a 不满意, which is also rectified', () => {
    expect(consequencesOf('basicallySatisfied')).toEqual({ explainers: ['unitHead'], rectify: false });
    expect(consequencesOf('unsatisfied')).toEqual({ explainers: ['viceHead'], rectify: true });
  });

  it('keeps both explaining for projects rated before the explanations were respective', () => {
    expect(consequencesOf('basicallySatisfied', false).explainers).toEqual(['unitHead', 'viceHead']);
    expect(consequencesOf('unsatisfied', false)).toEqual({ explainers: ['unitHead', 'viceHead'], rectify: true });
  });

  it('counts them settled only once rated and run through', () => {
    expect(consequencesSettled(false, 'none')).toBe(false);
    expect(consequencesSettled(true, 'none')).toBe(true);
    expect(consequencesSettled(true, 'rectifying')).toBe(false);
    expect(consequencesSettled(true, 'settled')).toBe(true);
  });
});

describe('due periods', () => {
  it('gives the office’s own steps 3, 10 and 20 working days and the rest the policy’s numbers', () => {
    expect(taskDue('supervisionCheck', policy)).toEqual({ kind: 'workingDays', days: 3 });
    expect(taskDue('quarterlyEvaluation', policy)).toEqual({ kind: 'workingDays', days: 10 });
    expect(taskDue('oversightMeasure', policy)).toEqual({ kind: 'workingDays', days: 10 });
    expect(taskDue('performanceEvaluation', policy)).toEqual({ kind: 'workingDays', days: 20 });
    expect(taskDue('lookBack', policy)).toEqual({ kind: 'workingDays', days: 20 });
    const custom = projectPolicyOf({
      project: { progressReportDueWorkingDays: 4, findingResponseWorkingDays: 7, explanationDueDays: 15 },
    });
    expect(taskDue('progressReport', custom)).toEqual({ kind: 'workingDays', days: 4 });
    expect(taskDue('findingResponse', custom)).toEqual({ kind: 'workingDays', days: 7 });
    expect(taskDue('explanation', custom)).toEqual({ kind: 'calendar', days: 15 });
    expect(reRatingPeriod(projectPolicyOf({ project: { reRatingDueDays: 45 } }))).toEqual({
      months: 0,
      days: 45,
      hours: 0,
    });
  });

  it('counts the rectification’s 3 months from the congress’s closing day, to the end of that day in China', () => {
    // Rated on 10 January, the congress closed on the 12th: due by the end of 12 April, China time.
    expect(rectificationDueAt('2028-01-12', '2028-01-10T02:00:00.000Z', 3)).toBe('2028-04-12T15:59:59.000Z');
    // A short month: 3 months from 30 November end on the last day of February.
    expect(rectificationDueAt('2028-11-30', '2028-11-30T02:00:00.000Z', 3)).toBe('2029-02-28T15:59:59.000Z');
  });

  it('falls back to the rating’s instant when no closing day was recorded', () => {
    expect(rectificationDueAt(null, '2028-01-10T02:00:00.000Z', 3)).toBe('2028-04-10T02:00:00.000Z');
  });
});

describe('a lapsed re-rating', () => {
  it('escalates at its deadline, then once more each re-rating period after', () => {
    const p = projectPolicyOf({ project: { reRatingDueDays: 30 } });
    expect(reRatingEscalationAt('2028-05-01T04:00:00.000Z', 0, p)).toBe('2028-05-01T04:00:00.000Z');
    expect(reRatingEscalationAt('2028-05-01T04:00:00.000Z', 1, p)).toBe('2028-05-31T04:00:00.000Z');
    expect(reRatingEscalationAt('2028-05-01T04:00:00.000Z', 2, p)).toBe('2028-06-30T04:00:00.000Z');
  });
});

describe('the post-evaluation', () => {
  it('is done once evaluated, looked back at and every suggestion rectified', () => {
    const post = { evaluated: true, lookedBack: true, suggestionsOpen: 0 };
    expect(postEvaluationDone(null)).toBe(false);
    expect(postEvaluationDone(post)).toBe(true);
    expect(postEvaluationDone({ ...post, suggestionsOpen: 1 })).toBe(false);
    expect(postEvaluationDone({ ...post, lookedBack: false })).toBe(false);
  });
});

describe('after a second 不满意, the standing committee’s decision', () => {
  const decide = (result: object) => taskResultSchemas.oversightMeasure.safeParse(result);

  it('may be any of 专题询问, 质询, 特定问题调查, another named measure, or none, always with a reason', () => {
    for (const measure of ['specialInquiry', 'formalQuestioning', 'specialInvestigation', 'none'])
      expect(decide({ measure, note: '理由' }).success).toBe(true);
    expect(decide({ measure: 'otherMeasure', otherMeasure: '执法检查', note: '理由' }).success).toBe(true);
    expect(decide({ measure: 'otherMeasure', note: '理由' }).error?.issues[0]?.message).toBe('name the other measure');
    expect(decide({ measure: 'none', note: ' ' }).success).toBe(false);
  });

  it('is named to people in the committee’s words', () => {
    expect(oversightMeasureName('specialInquiry', '')).toBe('专题询问');
    expect(oversightMeasureName('formalQuestioning', '')).toBe('质询');
    expect(oversightMeasureName('specialInvestigation', '')).toBe('特定问题调查');
    expect(oversightMeasureName('otherMeasure', '执法检查')).toBe('执法检查');
    expect(oversightMeasureName('none', '')).toBe('不采取监督措施');
  });

  it('ends the consequences when it takes no measure, and holds a chosen one first', () => {
    expect(oversightHeld('none')).toBe(false);
    expect(oversightHeld('specialInvestigation')).toBe(true);
    expect(oversightHeld('otherMeasure')).toBe(true);
    expect(taskDue('oversightMeeting', policy)).toEqual({ kind: 'calendar', months: 2 });
  });

  it('has the meeting’s conclusions due after the meeting, by the end of the day in China', () => {
    const meeting = (heldOn: string, conclusionsDueOn: string) =>
      taskResultSchemas.oversightMeeting.safeParse({ heldOn, opinion: '意见', conclusions: ['一'], conclusionsDueOn });
    expect(meeting('2029-03-01', '2029-04-01').success).toBe(true);
    expect(meeting('2029-03-01', '2029-03-01').error?.issues[0]?.message).toBe(
      'the conclusions are due after the meeting',
    );
    expect(endOfChinaDay('2029-04-01')).toBe('2029-04-01T15:59:59.000Z');
  });
});

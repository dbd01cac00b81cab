import { describe, expect, it } from 'vitest';
import { acceptanceRecordProblem, governmentSideOf } from '../../domain/governmentActs';
import { projectPolicyOf } from '../../domain/projectPolicy';
import { acceptanceRecordDue, consequenceNames, taskDue } from '../../domain/projectRules';
import { checkTaskResult } from '../../domain/taskKinds';

const project = { jurisdictionId: 'county', responsibleLeaderUserId: 'leader', departmentId: 'dept-roads' };

describe('government acts belong to the government (docs/domain.md, "Levels")', () => {
  it('has the responsible leader accept the completion and appraise quarterly, and finance evaluate performance', () => {
    expect(governmentSideOf('completionAcceptance', project)).toEqual({ kind: 'user', userId: 'leader' });
    expect(governmentSideOf('quarterlyEvaluation', project)).toEqual({ kind: 'user', userId: 'leader' });
    expect(governmentSideOf('performanceEvaluation', project)).toEqual({
      kind: 'role',
      role: 'financeOfficer',
      jurisdictionId: 'county',
    });
  });

  it('never gives a government act to the congress office', () => {
    const acts = ['completionAcceptance', 'quarterlyEvaluation', 'performanceEvaluation'] as const;
    for (const act of acts) {
      for (const leader of ['leader', null]) {
        const side = governmentSideOf(act, { ...project, responsibleLeaderUserId: leader });
        expect(side).not.toMatchObject({ kind: 'role', role: 'coordinator' });
      }
    }
  });

  it('falls to the department where no leader was named', () => {
    expect(governmentSideOf('completionAcceptance', { ...project, responsibleLeaderUserId: null })).toEqual({
      kind: 'department',
      departmentId: 'dept-roads',
    });
  });
});

describe('the completion acceptance’s record', () => {
  it('names the day a passed project goes into use, on or after the acceptance', () => {
    expect(acceptanceRecordProblem({ outcome: 'passed', acceptedOn: '2027-05-10', inUseOn: '2027-05-10' })).toBe(
      undefined,
    );
    expect(acceptanceRecordProblem({ outcome: 'passed', acceptedOn: '2027-05-10', inUseOn: null })).toMatch(
      /goes into use/,
    );
    expect(acceptanceRecordProblem({ outcome: 'passed', acceptedOn: '2027-05-10', inUseOn: '2027-05-09' })).toMatch(
      /before its acceptance/,
    );
  });

  it('names no day for a failed one', () => {
    expect(acceptanceRecordProblem({ outcome: 'failed', acceptedOn: '2027-05-10', inUseOn: '' })).toBe(undefined);
    expect(acceptanceRecordProblem({ outcome: 'failed', acceptedOn: '2027-05-10', inUseOn: '2027-06-01' })).toMatch(
      /does not go into use/,
    );
  });

  it('is checked by the task’s result schema, and cannot be dated before the day arranged', () => {
    const record = { outcome: 'passed', acceptedOn: '2027-05-10', opinion: '符合验收标准', inUseOn: '2027-05-20' };
    expect(checkTaskResult('completionAcceptance', record, { heldOn: '2027-05-10' })).toMatchObject({ ok: true });
    const early = checkTaskResult(
      'completionAcceptance',
      { ...record, acceptedOn: '2027-05-09' },
      { heldOn: '2027-05-10' },
    );
    expect(early).toMatchObject({ ok: false, message: expect.stringMatching(/arranged for 2027-05-10/) });
    const noDay = checkTaskResult('completionAcceptance', { ...record, inUseOn: '' });
    expect(noDay).toMatchObject({ ok: false, message: expect.stringMatching(/inUseOn: give the day/) });
    const failed = checkTaskResult('completionAcceptance', { ...record, outcome: 'failed', inUseOn: null });
    expect(failed).toMatchObject({ ok: true });
  });

  it('arranges the acceptance no earlier than the day it was asked for', () => {
    const arrangement = { heldOn: '2027-05-01', place: '项目现场' };
    expect(checkTaskResult('acceptanceArrangement', arrangement, { askedOn: '2027-05-02' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/before it was asked for \(2027-05-02\)/),
    });
    expect(checkTaskResult('acceptanceArrangement', arrangement, { askedOn: '2027-05-01' })).toMatchObject({
      ok: true,
    });
  });

  it('is due a week after the day arranged, to the end of that day in China; arranging it, in 10 working days', () => {
    expect(acceptanceRecordDue('2027-05-10')).toEqual({ kind: 'at', at: '2027-05-17T15:59:59.000Z' });
    expect(taskDue('acceptanceArrangement', projectPolicyOf({}))).toEqual({ kind: 'workingDays', days: 10 });
  });
});

describe('who hears, re-rates and decides at each level (docs/domain.md, "Levels")', () => {
  it('is the standing committee in a county, the presidium in a township, the 议政代表会议 in a street', () => {
    expect(consequenceNames('county')).toEqual({ body: '常委会', members: '常委会组成人员', viceHead: '分管副县长' });
    expect(consequenceNames('township')).toMatchObject({ body: '乡镇人大主席团', members: '主席团成员' });
    expect(consequenceNames('street')).toMatchObject({ body: '议政代表会议', members: '议政代表' });
    for (const level of ['township', 'street'] as const)
      expect(Object.values(consequenceNames(level)).join()).not.toMatch(/常委会|副县长/);
  });
});

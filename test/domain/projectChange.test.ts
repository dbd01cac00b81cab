import { describe, expect, it } from 'vitest';
import type { ProjectChangeBody } from '../../domain/contract/projectChange';
import { stagePlanSchema } from '../../domain/progressWarning';
import {
  carriedLabel,
  carriedOver,
  decidingBody,
  projectChangeRefusal,
  projectChangeSummary,
  replannedStages,
} from '../../domain/projectChange';
import { defaultStagePlan } from '../../domain/projectPlan';

const building = { phase: 'implementation' as const, deadline: '2027-06-30', today: '2027-03-01' };
const decision = (d: Partial<ProjectChangeBody>): ProjectChangeBody => ({
  kind: 'changeDeadline',
  reason: '征地拆迁未完成，工期顺延',
  meetingOn: '2027-02-27',
  newDeadline: '2027-10-31',
  ...d,
});

describe('a committee’s decision on a project', () => {
  it('is taken by the standing committee, a township’s presidium or a street’s council of deputies', () => {
    expect(decidingBody('county')).toBe('人大常委会');
    expect(decidingBody('township')).toBe('乡镇人大主席团');
    expect(decidingBody('street')).toBe('议政代表会议');
  });

  it('accepts a later deadline, a new scope or the end of a project still being built', () => {
    expect(projectChangeRefusal(decision({}), building)).toBeNull();
    expect(
      projectChangeRefusal(decision({ kind: 'changeScope', scope: '改造管网 3 公里（原 5 公里）' }), building),
    ).toBeNull();
    expect(projectChangeRefusal(decision({ kind: 'terminate' }), building)).toBeNull();
  });

  it('needs a reason and the day the committee met, not a day to come', () => {
    expect(projectChangeRefusal(decision({ reason: '  ' }), building)?.code).toBe('changeReasonMissing');
    expect(projectChangeRefusal(decision({ meetingOn: '2027-03-02' }), building)).toEqual({
      code: 'meetingDayInvalid',
      params: { day: '2027-03-02' },
    });
  });

  it('refuses a deadline in the past, the same deadline, or none', () => {
    expect(projectChangeRefusal(decision({ newDeadline: '2027-02-28' }), building)?.code).toBe('newDeadlineInPast');
    expect(projectChangeRefusal(decision({ newDeadline: '2027-06-30' }), building)?.code).toBe('deadlineUnchanged');
    expect(projectChangeRefusal(decision({ newDeadline: undefined }), building)?.code).toBe('newDeadlineMissing');
    expect(projectChangeRefusal(decision({ kind: 'changeScope', scope: '' }), building)?.code).toBe('newScopeMissing');
  });

  it('changes nothing on a closed or terminated project, and no deadline or scope once it is accepted', () => {
    const closed = { ...building, phase: 'closed' as const };
    expect(projectChangeRefusal(decision({ kind: 'terminate' }), closed)?.code).toBe('projectChangeClosed');
    const accepted = { ...building, phase: 'accepted' as const };
    expect(projectChangeRefusal(decision({}), accepted)?.code).toBe('changeAfterAcceptance');
    expect(projectChangeRefusal(decision({ kind: 'terminate' }), accepted)).toBeNull();
  });

  it('stretches the stage plan to the new deadline, each stage keeping its share and the plan staying valid', () => {
    const plan = defaultStagePlan('2027-01-01', '2027-06-30');
    const stretched = replannedStages(plan, '2027-03-01', '2027-12-31');
    expect(stagePlanSchema.safeParse(stretched).success).toBe(true);
    expect(stretched[0]!.plannedStart).toBe('2027-01-01');
    expect(stretched[2]!.plannedEnd).toBe('2027-12-31');
    // Twice the time: construction now starts about twice as late.
    expect(stretched[1]!.plannedStart > plan[1]!.plannedStart).toBe(true);
    const shrunk = replannedStages(plan, '2027-03-01', '2027-03-03');
    expect(stagePlanSchema.safeParse(shrunk).success).toBe(true);
    expect(shrunk[2]!.plannedEnd).toBe('2027-03-03');
    expect(stagePlanSchema.safeParse(replannedStages(null, '2027-03-01', '2027-09-01')).success).toBe(true);
  });

  it('says what was decided, by whom and why', () => {
    expect(projectChangeSummary(decision({ kind: 'terminate', reason: '规划调整，选址取消' }), '人大常委会')).toBe(
      '人大常委会 2027-02-27 会议决定：项目终止（不再继续实施）。理由：规划调整，选址取消',
    );
  });
});

describe('projects that outlive the rating', () => {
  it('carries an earlier year’s project into this year’s reports while it is unfinished', () => {
    expect(carriedOver({ batchYear: 2026, phase: 'implementation' }, 2027)).toBe(true);
    expect(carriedOver({ batchYear: 2027, phase: 'implementation' }, 2027)).toBe(false);
    expect(carriedOver({ batchYear: 2026, phase: 'accepted' }, 2027)).toBe(false);
    expect(carriedOver({ batchYear: 2026, phase: 'closed' }, 2027)).toBe(false);
    expect(carriedLabel(2026)).toBe('结转自2026年');
  });
});

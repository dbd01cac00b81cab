import { describe, expect, it } from 'vitest';
import { batchPolicyOf } from '../../domain/batchPolicy';
import {
  approvalStepsFor,
  bodiesOf,
  nextMonth,
  ratingDistribution,
  ratingOpeningProblem,
  ratingOpensAt,
  ratingReportText,
  reportOpensOn,
  voteOpeningProblems,
  voteOpeningRefusals,
} from '../../domain/batchProcedure';

const policy = batchPolicyOf({});
const vote = {
  seats: 2,
  deputiesEntitled: 9,
  deputiesPresent: 6,
  scrutineers: ['王', '李', '张'],
  tellers: ['赵', '钱'],
};

describe('when a batch is rated and reported (docs/domain.md, "Rating", "Reports")', () => {
  it('opens the rating at midnight of 1 January of the next year, China time, and refuses it before', () => {
    expect(new Date(ratingOpensAt(2028)).toISOString()).toBe('2028-12-31T16:00:00.000Z');
    expect(ratingOpeningProblem(2028, Date.parse('2028-12-31T15:59:59Z'))).toBe(
      'projects of 2028 are rated at the 2029 congress, from 2028-12-31',
    );
    expect(ratingOpeningProblem(2028, Date.parse('2028-12-31T16:00:00Z'))).toBeUndefined();
  });

  it('opens the half-year report on 1 July and the year-end report on 1 December', () => {
    expect(reportOpensOn('halfYear', 2028)).toBe('2028-07-01');
    expect(reportOpensOn('yearEnd', 2028)).toBe('2028-12-01');
  });

  it('counts months across the new year', () => {
    expect(nextMonth('2028-09')).toBe('2028-10');
    expect(nextMonth('2028-12')).toBe('2029-01');
  });
});

describe('what a vote needs to open (docs/domain.md, "Vote")', () => {
  it('opens with a quorum, the named scrutineers and tellers, and 20% more candidates than seats', () => {
    expect(voteOpeningProblems(vote, policy, 3, null)).toEqual([]);
  });

  it('names every problem at once', () => {
    const problems = voteOpeningProblems(
      { ...vote, seats: 3, deputiesPresent: 5, scrutineers: ['王', ' '], tellers: ['赵'] },
      policy,
      3,
      null,
    );
    expect(problems).toEqual([
      'no quorum: 5 of 9 deputies are present; at least 6 (two thirds) must be',
      'name exactly 3 scrutineers (监票人)',
      'name exactly 2 tellers (计票人)',
      '3 seats need at least 4 candidates (20% more); there are 3',
    ]);
  });

  it('gives each problem by its refusal code, so the office reads it in its own language', () => {
    expect(voteOpeningRefusals({ ...vote, seats: 3, deputiesPresent: 10, tellers: ['赵'] }, policy, 3, null)).toEqual([
      { code: 'presentOverEntitled', params: { present: 10, entitled: 9 } },
      { code: 'tellerCount', params: { count: 2 } },
      { code: 'tooFewCandidates', params: { seats: 3, needed: 4, percent: 20, candidates: 3 } },
    ]);
    expect(voteOpeningRefusals(vote, policy, 3, { seats: 1 })).toEqual([{ code: 'runOffSeats', params: { seats: 1 } }]);
  });

  it('fills exactly the tied seats in a run-off, without the competition margin', () => {
    expect(voteOpeningProblems({ ...vote, seats: 1 }, policy, 3, { seats: 1 })).toEqual([]);
    expect(voteOpeningProblems(vote, policy, 3, { seats: 1 })).toEqual(['the run-off fills 1 seat(s)']);
  });
});

describe('who does what at each level (docs/domain.md, "Levels")', () => {
  const steps = (level: 'county' | 'township' | 'street', partyCommitteeReviewsTownshipList = false) =>
    approvalStepsFor(level, { partyCommitteeReviewsTownshipList }).map((s) => `${s.step} ${s.label}`);

  it('keeps the county’s four steps, whatever the township option says', () => {
    const county = [
      'executiveMeeting 政府常务会议研究',
      'standingCommitteeOpinion 人大常委会征求意见',
      'partyCommitteeApproval 党委常委会审定',
      'billToCongress 政府议案提请人代会',
    ];
    expect(steps('county')).toEqual(county);
    expect(steps('county', true)).toEqual(county);
  });

  it('has a township’s presidium stand for the standing committee, with no party-committee step unless its policy adds one', () => {
    expect(steps('township')).toEqual([
      'executiveMeeting 乡镇人民政府研究',
      'presidiumOpinion 乡镇人大主席团征求意见',
      'billToCongress 提请乡镇人代会票决',
    ]);
    expect(steps('township', true)).toContain('partyCommitteeApproval 乡镇党委审定');
  });

  it('has a street’s working committee give the opinion and its deputies’ council vote', () => {
    expect(steps('street')).toEqual([
      'executiveMeeting 街道办事处研究',
      'workingCommitteeOpinion 人大街道工委征求意见',
      'billToCongress 提请议政代表会议票决',
    ]);
    expect(bodiesOf('street').sessionPresidium).toBe('议政代表会议主席团');
    expect(bodiesOf('township').standingBody).toBe('乡镇人大主席团');
  });
});

describe('where confirmed rating results go (docs/domain.md, "Consequences" [S4])', () => {
  it('goes to every deputy, the party committee, the government and the organisation department of the level', () => {
    expect(ratingDistribution('township')).toEqual([
      { to: '全体代表', how: '通报' },
      { to: '乡镇党委', how: '报告' },
      { to: '乡镇人民政府', how: '反馈' },
      { to: '党委组织部门', how: '抄送' },
    ]);
  });

  it('writes one report naming the confirming presidium, each project’s outcome and its recipients', () => {
    const { title, body } = ratingReportText({
      batchTitle: '清河镇2029年民生实事项目',
      level: 'township',
      confirmedOn: '2030-01-10',
      note: '同意',
      projects: [
        { title: '村道硬化', outcome: 'satisfied', counts: { satisfied: 30, basicallySatisfied: 5, unsatisfied: 1 } },
        { title: '饮水改造', outcome: 'unsatisfied', counts: null },
      ],
    });
    expect(title).toBe('关于清河镇2029年民生实事项目满意度测评结果的报告');
    expect(body.split('\n')).toEqual(
      expect.arrayContaining([
        '清河镇2029年民生实事项目共2个项目，经乡镇人代会全体代表无记名分项目测评，测评结果已于2030-01-10经大会主席团确认：满意1个，基本满意0个，不满意1个。',
        '1. 村道硬化：满意（满意30票，基本满意5票，不满意1票）',
        '2. 饮水改造：不满意',
        '大会主席团意见：同意',
        '通报：全体代表；报告：乡镇党委；反馈：乡镇人民政府；抄送：党委组织部门',
      ]),
    );
  });
});

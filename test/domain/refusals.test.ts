import { describe, expect, it } from 'vitest';
import {
  type Refusal,
  refusalMessage,
  refusalOfDetails,
  refusalPhrases,
  refusalParamsIn,
} from '../../domain/contract/refusals';

const placeholders = (phrase: string) => [...phrase.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const han = /\p{Script=Han}/u;

describe('the refusal catalogue', () => {
  it('writes every Chinese phrase in Chinese, with no placeholder the English one lacks', () => {
    for (const [code, phrase] of Object.entries(refusalPhrases)) {
      if (code === 'refused') continue;
      expect(han.test(phrase.zh), code).toBe(true);
      for (const name of placeholders(phrase.zh)) expect(placeholders(phrase.en), code).toContain(name);
    }
  });

  it('fills a phrase with params, naming phases, roles and actions in the reader’s language', () => {
    const refusal = {
      code: 'batchWrongPhase' as const,
      params: { action: 'scoreSuggestion', allowed: ['screening'], title: '测试县2026年', phase: 'collection' },
    };
    expect(refusalMessage(refusal, 'en')).toBe(
      'scoring a suggestion is only possible during screening (筛选论证); "测试县2026年" is in collection (征集)',
    );
    expect(refusalMessage(refusal, 'zh')).toBe('评分只能在筛选论证阶段进行；“测试县2026年”目前处于征集阶段');
    expect(refusalParamsIn({ roles: ['coordinator', 'reviewer'] }, 'zh')).toEqual({
      roles: '人大常委会办公室或评审组',
    });
  });

  it('names who runs the batch at its level, in the reader’s language', () => {
    const township = { code: 'deedForbidden' as const, params: { office: 'township', deed: 'closeCollection' } };
    expect(refusalMessage(township, 'zh')).toBe('只有乡镇人大主席团可以结束征集');
    expect(refusalMessage(township, 'en')).toBe(
      'only the office of the township presidium (乡镇人大主席团) may close collection',
    );
    const county = { code: 'deedForbidden' as const, params: { office: 'county', deed: 'openVote' } };
    expect(refusalMessage(county, 'en')).toBe('only the standing committee office may open a vote');
    expect(refusalMessage(county, 'zh')).toBe('只有人大常委会办公室可以开始票决');
  });

  it('names each of several reasons in the reader’s language', () => {
    const problems: Refusal[] = [
      { code: 'noQuorum', params: { present: 5, entitled: 9, needed: 6 } },
      { code: 'runOffSeats', params: { seats: 1 } },
    ];
    const refusal: Refusal = { code: 'voteCannotOpen', params: { problems } };
    expect(refusalMessage(refusal, 'en')).toBe(
      'the vote cannot open: no quorum: 5 of 9 deputies are present; at least 6 (two thirds) must be; the run-off fills 1 seat(s)',
    );
    expect(refusalMessage(refusal, 'zh')).toBe(
      '票决不能开始：不足法定人数：应到代表 9 人，实到 5 人，至少须有 6 人（三分之二）出席；同票决胜只产生 1 个名额',
    );
    // A list of plain values is still joined as alternatives.
    expect(refusalParamsIn({ roles: ['coordinator', 'reviewer'] }, 'en')).toEqual({ roles: 'coordinator or reviewer' });
  });

  it('reads a workflow failure’s attached code, and ignores details that are not a known refusal', () => {
    expect(refusalOfDetails([{ code: 'projectNotComplete', params: { percent: 0 } }])).toEqual({
      code: 'projectNotComplete',
      params: { percent: 0 },
    });
    expect(refusalOfDetails([{ code: 'no-such-code' }])).toBeUndefined();
    expect(refusalOfDetails(undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { refusalMessage, refusalOfDetails, refusalPhrases, refusalParamsIn } from '../../domain/contract/refusals';

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

  it('reads a workflow failure’s attached code, and ignores details that are not a known refusal', () => {
    expect(refusalOfDetails([{ code: 'projectNotComplete', params: { percent: 0 } }])).toEqual({
      code: 'projectNotComplete',
      params: { percent: 0 },
    });
    expect(refusalOfDetails([{ code: 'no-such-code' }])).toBeUndefined();
    expect(refusalOfDetails(undefined)).toBeUndefined();
  });
});

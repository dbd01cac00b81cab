import { describe, expect, it } from 'vitest';
import {
  escalationLabel,
  issuingBody,
  labelOf,
  suggestionCategoryLabels,
  taskKindLabels,
  warningLevelLabels,
} from '../../../domain/contract/labels.zh';
import { suggestionCategories, taskKinds, warningLevels } from '../../../domain/contract/vocabulary';

describe('the Chinese words for the shared codes', () => {
  it('has a word for every code of a vocabulary, and no two codes share one', () => {
    for (const [codes, labels] of [
      [suggestionCategories, suggestionCategoryLabels],
      [taskKinds, taskKindLabels],
      [warningLevels, warningLevelLabels],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      expect(new Set(Object.values(labels)).size).toBe(codes.length);
    }
  });

  it('names a code in words, keeps a code it does not know yet, and writes nothing for no value', () => {
    expect(labelOf(warningLevelLabels, 'red')).toBe('红色预警');
    expect(labelOf(warningLevelLabels, 'purple')).toBe('purple');
    expect(labelOf(warningLevelLabels, 'toString')).toBe('toString');
    expect(labelOf(warningLevelLabels, null)).toBe('');
  });

  it('names every escalation level past the responsible leader as the office’s', () => {
    expect([0, 1, 2, 5].map(escalationLabel)).toEqual([
      '未升级',
      '已升级至包抓领导',
      '已升级至常委会办公室',
      '已升级至常委会办公室',
    ]);
  });
});

describe('the body a report goes out in the name of', () => {
  it('is a county’s standing committee, a township’s presidium and a street’s working committee of its district', () => {
    expect(issuingBody({ name: '示范县', level: 'county' })).toBe('示范县人民代表大会常务委员会');
    expect(issuingBody({ name: '城关镇', level: 'township' })).toBe('城关镇人民代表大会主席团');
    expect(issuingBody({ name: '东城街道', level: 'street', parentName: '示范区' })).toBe(
      '示范区人民代表大会常务委员会东城街道工作委员会',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { bulletinBlocks } from '../../../api/reports/bulletinReport';

describe('reading a stored bulletin for print', () => {
  it('keeps its heading, paragraphs and table rows, and drops the table’s separator line', () => {
    const body = [
      '# 示范县2026年民生实事项目 2026-06 月通报',
      '',
      '共 2 个项目：红色预警 1 个。',
      '',
      '| 项目 | 进度 |',
      '|---|---|',
      '| 县道改造 | 35% |',
      '| 学校改造 |  |',
      '',
    ].join('\n');
    expect(bulletinBlocks(body)).toEqual([
      { kind: 'title', text: '示范县2026年民生实事项目 2026-06 月通报' },
      { kind: 'paragraph', text: '共 2 个项目：红色预警 1 个。' },
      {
        kind: 'table',
        header: ['项目', '进度'],
        rows: [
          ['县道改造', '35%'],
          ['学校改造', ''],
        ],
      },
    ]);
  });
});

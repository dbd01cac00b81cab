import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRosterFile, RosterFileError } from '../../api/users/rosterFile';
import { planRoster, type RosterContext } from '../../api/users/rosterImport';

// The importer without a database: reading what Excel in China saves, and checking rows by line.
const header = '姓名,选区,手机,邮箱,常委会组成人员';
const rows = ['刘芳,城关镇第一选区,13800000001,liufang@example.cn,是', '王强,清河镇,138-0000-0002,,否'];
const csv = [header, ...rows].join('\r\n');

const context = (overrides: Partial<RosterContext> = {}): RosterContext => ({
  jurisdictionId: 'c',
  districtPrefixes: ['城关镇', '清河镇'],
  existing: [],
  takenUsernames: new Set(),
  ...overrides,
});

async function plan(bytes: Buffer, ctx = context()) {
  return planRoster(await readRosterFile(bytes), ctx);
}

async function xlsx(data: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名册');
  for (const row of data) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading a roster file', () => {
  it('reads a GBK-encoded CSV as Excel on a Chinese Windows saves it', async () => {
    const result = await plan(iconv.encode(csv, 'gbk'));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.district, r.phone, r.committee])).toEqual([
      ['刘芳', '城关镇第一选区', '13800000001', true],
      ['王强', '清河镇', '13800000002', false],
    ]);
  });

  it('reads UTF-8 with and without a byte order mark, and UTF-16 "Unicode text" with tabs', async () => {
    const plain = await plan(Buffer.from(csv, 'utf8'));
    const bom = await plan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    const utf16 = await plan(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv.replaceAll(',', '\t'), 'utf-16le')]),
    );
    for (const result of [plain, bom, utf16]) {
      expect(result.problems).toEqual([]);
      expect(result.rows.map((r) => r.name)).toEqual(['刘芳', '王强']);
    }
  });

  it('refuses bytes that are neither UTF-8 nor GBK, and a broken workbook, with a message', async () => {
    await expect(readRosterFile(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x00, 0x81]))).rejects.toBeInstanceOf(
      RosterFileError,
    );
    await expect(readRosterFile(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow(/xlsx/);
    await expect(readRosterFile(Buffer.alloc(0))).rejects.toThrow(/empty/);
  });

  it('reads an XLSX whose phone numbers are stored as numbers', async () => {
    const result = await plan(await xlsx([header.split(','), ['刘芳', '城关镇', 13800000001, '', '否']]));
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ line: 2, name: '刘芳', phone: '13800000001', committee: false });
  });

  it('names a missing required column on line 1', async () => {
    const result = await plan(Buffer.from('姓名,手机\n刘芳,13800000001'));
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, field: 'district' })]);
    expect(result.rows).toEqual([]);
  });
});

describe('checking the rows', () => {
  it('lists every row’s problems by its line number in the file, blank lines counted', async () => {
    const text = [
      header,
      '刘芳,城关镇,13800000001,,是',
      '',
      '刘芳,城关镇,13800000001,,是',
      '张丽,东城区,13800000003,,否',
      '赵军,清河镇,12345,not-an-email,也许',
      ',清河镇,13800000005,,否',
      '孙红,清河镇,13800000001,,否',
    ].join('\n');
    const result = await plan(Buffer.from(text));
    expect(result.problems).toEqual([
      { line: 4, field: 'name', message: 'repeats line 2 (same name and phone)' },
      expect.objectContaining({
        line: 5,
        field: 'district',
        message: expect.stringContaining('unknown electoral district "东城区"'),
      }),
      expect.objectContaining({ line: 6, field: 'phone' }),
      expect.objectContaining({ line: 6, field: 'email' }),
      expect.objectContaining({ line: 6, field: 'committee' }),
      expect.objectContaining({ line: 7, field: 'name', message: 'the name is empty' }),
      expect.objectContaining({ line: 8, field: 'phone', message: expect.stringContaining('line 2') }),
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it('matches people already recorded by name and phone: unchanged, updated, or a taken username', async () => {
    const result = await plan(
      Buffer.from([header, ...rows, '张丽,清河镇,13800000003,,否'].join('\n')),
      context({
        existing: [
          {
            id: 'u1',
            username: '13800000001',
            display_name: '刘芳',
            phone: '13800000001',
            email: 'liufang@example.cn',
            electoral_district: '城关镇第一选区',
            roles: ['deputy', 'committeeMember'],
          },
          {
            id: 'u2',
            username: '13800000002',
            display_name: '王强',
            phone: '13800000002',
            email: null,
            electoral_district: '城关镇',
            roles: ['deputy'],
          },
        ],
        takenUsernames: new Set(['13800000001', '13800000002', '13800000003']),
      }),
    );
    expect(result.rows.map((r) => [r.name, r.action])).toEqual([
      ['刘芳', 'unchanged'],
      ['王强', 'update'],
    ]);
    expect(result.problems).toEqual([expect.objectContaining({ line: 4, field: 'username' })]);
  });

  it('plans a 2,000-row XLSX in well under the request timeout', async () => {
    const data: (string | number)[][] = [header.split(',')];
    for (let i = 0; i < 2_000; i++)
      data.push([`代表${i}`, i % 2 ? '城关镇' : '清河镇', 13900000000 + i, `d${i}@example.cn`, i < 30 ? '是' : '否']);
    const started = performance.now();
    const result = await plan(await xlsx(data));
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatchObject({ create: 2_000, update: 0, unchanged: 0 });
    expect(result.rows.filter((r) => r.committee)).toHaveLength(30);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

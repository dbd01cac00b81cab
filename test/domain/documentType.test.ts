import { describe, expect, it } from 'vitest';
import { cleanFileName, documentMatches } from '../../domain/documentType';

const zip = (...names: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(['[Content_Types].xml', ...names].join('\0'))]);
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const exe = Buffer.from('MZ\x90\x00\x03\x00', 'latin1');

describe('documentMatches', () => {
  it('tells each declared type by its bytes', () => {
    expect(documentMatches(Buffer.from('%PDF-1.7\n'), 'application/pdf')).toBe(true);
    expect(documentMatches(exe, 'application/pdf')).toBe(false);
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(documentMatches(zip('word/document.xml'), docx)).toBe(true);
    expect(documentMatches(zip('xl/workbook.xml'), docx)).toBe(false);
    expect(documentMatches(zip('xl/workbook.xml'), xlsx)).toBe(true);
    // A zip that is no Office package (an archive of anything) is neither.
    expect(documentMatches(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x41]), xlsx)).toBe(false);
    expect(documentMatches(ole, 'application/msword')).toBe(true);
    expect(documentMatches(ole, 'application/vnd.ms-excel')).toBe(true);
    expect(documentMatches(exe, 'application/msword')).toBe(false);
  });

  it('takes text in any ASCII-compatible encoding but not binary bytes', () => {
    expect(documentMatches(Buffer.from('整改情况\r\n\t完成'), 'text/plain')).toBe(true);
    expect(documentMatches(Buffer.from([0xd5, 0xfb, 0xb8, 0xc4]), 'text/plain')).toBe(true); // 整改 in GBK
    expect(documentMatches(exe, 'text/plain')).toBe(false);
    expect(documentMatches(Buffer.alloc(0), 'text/plain')).toBe(false);
  });
});

describe('cleanFileName', () => {
  it('keeps the name, drops any path and control characters, and falls back when nothing is left', () => {
    expect(cleanFileName('C:\\文件\\整改方案.pdf', 'document')).toBe('整改方案.pdf');
    expect(cleanFileName('../../etc/pa"ss\u0000wd', 'document')).toBe('passwd');
    expect(cleanFileName(undefined, 'document')).toBe('document');
    expect(cleanFileName('  ', 'document')).toBe('document');
  });
});

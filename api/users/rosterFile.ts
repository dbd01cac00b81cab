import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/** One data row of the roster: its line number in the file (the header is line 1) and its cells by header. */
export interface RosterRecord {
  line: number;
  cells: string[];
}

export interface RosterSheet {
  header: string[];
  records: RosterRecord[];
}

export class RosterFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The text of a CSV as Excel in China saves it: UTF-8 (with or without a BOM), UTF-16 with a BOM
 * ("Unicode text"), or GBK/GB18030 ("CSV" in a Chinese Windows). UTF-8 is tried strictly first: GBK
 * bytes are almost never valid UTF-8, while UTF-8 bytes often decode as GBK gibberish.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = iconv.decode(bytes, 'gb18030');
    // Bytes that are neither: GB18030 maps the undecodable to U+FFFD.
    if (text.includes('\uFFFD'))
      throw new RosterFileError('the file is neither UTF-8 nor GBK text: save it from Excel as CSV or as .xlsx');
    return text;
  }
}

function parseCsv(bytes: Buffer): string[][] {
  const text = decodeCsv(bytes);
  if (text.includes('\u0000'))
    throw new RosterFileError('the file is not a text CSV: save it from Excel as CSV or as .xlsx');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new RosterFileError(`line ${(fatal.row ?? 0) + 1}: ${fatal.message.toLowerCase()}`);
  return parsed.data.map((row) => row.map((cell) => String(cell ?? '')));
}

/** A cell as text: numbers (a phone stored as a number), hyperlinks (an e-mail), rich text, formulas' results. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new RosterFileError('the file is not a readable .xlsx workbook: open it in Excel and save it again');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterFileError('the workbook has no sheet');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads a CSV or an XLSX (told apart by the bytes, not the name); blank lines are skipped but keep their numbers. */
export async function readRosterFile(bytes: Buffer): Promise<RosterSheet> {
  if (bytes.length === 0) throw new RosterFileError('the file is empty');
  const rows = bytes.subarray(0, 4).equals(ZIP_MAGIC) ? await parseXlsx(bytes) : parseCsv(bytes);
  const [header, ...data] = rows;
  if (!header || header.every((h) => h.trim() === '')) throw new RosterFileError('the file has no header row');
  const records = data
    .map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { header: header.map((h) => h.trim().replace(/^\uFEFF/, '')), records };
}

import { labelOf, yesNoLabels } from '../../domain/contract/labels.zh';
import { chinaDateTime } from '../../domain/workingDays';

/**
 * What one exported cell holds, before it is written as CSV text or as an XLSX cell: text, a number, or an
 * instant (written in Beijing time, docs/domain.md, "Time": the office reads times as its own clock shows them).
 */
export type Cell = string | number | { instant: Date } | null;

/** One column: its Chinese header and how a row's value becomes a cell; `numFmt` is the XLSX number format. */
export interface Column<O> {
  header: string;
  cell: (row: O, names: Names) => Cell;
  numFmt?: string;
  width?: number;
}

/** Names of the jurisdiction's batches, projects, departments and people, so an export shows names, not ids. */
export interface Names {
  batch: ReadonlyMap<string, string>;
  project: ReadonlyMap<string, string>;
  department: ReadonlyMap<string, string>;
  user: ReadonlyMap<string, string>;
}

const asInstant = (value: unknown): Cell => {
  if (value === null || value === undefined || value === '') return null;
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? String(value) : { instant: at };
};

const asText = (value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String).join('；');
  return String(value);
};

type Key<O> = keyof O & string;

/** The column kinds an export uses, bound to its row type so a misspelt field fails the typecheck. */
export const columnKit = <O>() => ({
  text: (key: Key<O>, header: string, width = 16): Column<O> => ({ header, width, cell: (row) => asText(row[key]) }),
  number: (key: Key<O>, header: string, numFmt = '0'): Column<O> => ({
    header,
    numFmt,
    width: 12,
    cell: (row) => {
      const value = row[key];
      return value === null || value === undefined ? null : Number(value);
    },
  }),
  yuan: (key: Key<O>, header: string): Column<O> => ({
    header,
    numFmt: '#,##0',
    width: 14,
    cell: (row) => (row[key] === null || row[key] === undefined ? null : Number(row[key])),
  }),
  /** A coded value in the office's words; a code with no word yet is kept rather than dropped. */
  label: (key: Key<O>, header: string, labels: Readonly<Record<string, string>>): Column<O> => ({
    header,
    width: 14,
    cell: (row) => labelOf(labels, row[key] === null || row[key] === undefined ? null : String(row[key])) || null,
  }),
  yesNo: (key: Key<O>, header: string): Column<O> => ({
    header,
    width: 8,
    cell: (row) => (row[key] === null || row[key] === undefined ? null : yesNoLabels[row[key] ? 'true' : 'false']),
  }),
  instant: (key: Key<O>, header: string): Column<O> => ({
    header,
    numFmt: 'yyyy-mm-dd hh:mm',
    width: 18,
    cell: (row) => asInstant(row[key]),
  }),
  /** An id shown by the name the office knows it by (a batch's title, a department's name). */
  named: (key: Key<O>, header: string, of: keyof Names): Column<O> => ({
    header,
    width: 20,
    cell: (row, names) => {
      const id = row[key];
      if (id === null || id === undefined || id === '') return null;
      return names[of].get(String(id)) ?? String(id);
    },
  }),
  custom: (header: string, cell: (row: O, names: Names) => Cell, width = 16): Column<O> => ({ header, width, cell }),
});

/** A cell as CSV text: an instant as 'YYYY-MM-DD HH:mm' in Beijing time. */
export function cellText(cell: Cell): string | number | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return chinaDateTime(cell.instant);
}

// UTC+8 all year (no daylight saving time since 1991).
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A cell as exceljs takes it. Excel dates carry no time zone: a spreadsheet shows the stored wall clock, so
 * an instant is stored as Beijing's wall clock, which exceljs writes from the Date's UTC fields.
 */
export function cellValue(cell: Cell): string | number | Date | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return new Date(cell.instant.getTime() + BEIJING_OFFSET_MS);
}

/** A UTF-8 byte order mark: Excel, which most offices open CSV files with, reads Chinese text right only with it. */
export const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would take for a formula (=, +, -, @, tab, CR at
 * the start) is prefixed with an apostrophe: suggestions and comments come from the public.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value))
    text = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('; ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else if (typeof value === 'string') text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly unknown[]) => `${fields.map(csvField).join(',')}\r\n`;

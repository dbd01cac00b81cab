import type { DocumentType } from './contract/documents';

const startsWith = (bytes: Buffer, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: .docx and .xlsx are zip packages
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // the compound file of .doc and .xls

/**
 * Whether the bytes are the document type declared: a declared type alone would let an executable in as a PDF.
 * An OOXML package names its parts in clear (`word/…`, `xl/…`); a .doc and an .xls share one container, which is
 * as far as a signature can tell them apart. Plain text has no signature: it is text when it has no control bytes
 * (so UTF-8 and GB 18030 both pass, a binary does not).
 */
export function documentMatches(bytes: Buffer, declared: DocumentType): boolean {
  switch (declared) {
    case 'application/pdf':
      return startsWith(bytes, PDF);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return startsWith(bytes, ZIP) && bytes.includes('[Content_Types].xml', 0, 'latin1') && bytes.includes('word/');
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return startsWith(bytes, ZIP) && bytes.includes('[Content_Types].xml', 0, 'latin1') && bytes.includes('xl/');
    case 'application/msword':
    case 'application/vnd.ms-excel':
      return startsWith(bytes, OLE);
    case 'text/plain':
      return bytes.length > 0 && !bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f);
  }
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(raw: string | undefined, fallback: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // Control characters are exactly what is removed.
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f"]/g;
  const clean = base.replace(controls, '').trim().slice(0, 200);
  return clean || fallback;
}

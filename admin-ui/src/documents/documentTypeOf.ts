import { DOCUMENT_LIMIT_BYTES, documentTypes, type DocumentType } from '@domain/contract/documents';

export const documentMaxBytes = DOCUMENT_LIMIT_BYTES;

const byExtension: Record<string, DocumentType> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
};

/** What the file input accepts: the extensions too, since some systems give a .doc no media type. */
export const documentAccept = [...documentTypes, ...Object.keys(byExtension).map((ext) => `.${ext}`)].join(',');

/** The type to declare for a chosen file: the browser's when it is one the API takes, else by the extension. */
export function documentTypeOf(file: { name: string; type: string }): DocumentType | undefined {
  const declared = documentTypes.find((t) => t === file.type);
  if (declared) return declared;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return byExtension[ext];
}

import { z } from 'zod';

/**
 * What a reply may attach besides photos: PDF, Word, Excel and plain text, the files an office exchanges. Each is
 * checked by its bytes on upload (domain/documentType.ts), never by the declared type alone.
 */
export const documentTypes = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const;
export type DocumentType = (typeof documentTypes)[number];
export const DOCUMENT_LIMIT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 10;

/** The documents a reply cites, uploaded first (POST /documents). */
export const documentIdsSchema = z
  .array(z.string().min(1).max(100))
  .max(MAX_DOCUMENTS, `at most ${MAX_DOCUMENTS} documents`)
  .default([]);

import { DOCUMENT_LIMIT_BYTES, documentTypes } from '../../domain/contract/documents';
import { cleanFileName, documentMatches } from '../../domain/documentType';
import { HttpError, notFound } from '../errors';
import { route } from '../http/route';
import { describeDocuments, findVisibleDocument, storeDocument } from './documents.queries';

/** `attachment` with an ASCII fallback and the real (often Chinese) name per RFC 6266 / RFC 5987. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const documentRoutes = [
  // Documents a reply carries besides photos (docs/domain.md, "Supervision": the department answers with evidence).
  route({
    id: 'uploadDocument',
    method: 'post',
    path: '/documents',
    tag: 'documents',
    summary: 'Upload a document to attach to a reply (PDF, Word, Excel or plain text, at most 10 MB)',
    access: 'signedIn',
    notes:
      'The body is the file itself, its type in Content-Type and its name in the `name` query parameter. Bytes that are not the declared type (an executable renamed .pdf) are a 415; the same file uploaded again by the same person gets the same id.',
    upload: { types: documentTypes, limit: DOCUMENT_LIMIT_BYTES },
    ok: { 201: 'The document: `{ id, fileName, contentType, size }`.' },
    refusals: [400, 413, 415],
    handler: async ({ req, res, deps: { db }, user }) => {
      const declared = documentTypes.find((t) => req.is(t));
      if (!declared) throw new HttpError(415, 'upload the document as a PDF, Word, Excel or plain text file');
      const bytes: unknown = req.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpError(400, 'the upload is empty');
      if (!documentMatches(bytes, declared)) {
        throw new HttpError(415, `the upload is not the ${declared} file its Content-Type says`);
      }
      const name = typeof req.query.name === 'string' ? req.query.name : undefined;
      const stored = await storeDocument(db, user, {
        fileName: cleanFileName(name, 'document'),
        contentType: declared,
        bytes,
      });
      res.status(201).json(stored);
    },
  }),
  route({
    id: 'getDocument',
    method: 'get',
    path: '/documents/:id',
    tag: 'documents',
    summary: 'Download a document uploaded in my jurisdiction',
    access: 'signedIn',
    produces: 'application/octet-stream',
    ok: { 200: 'The file, as an attachment under its uploaded name.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const document = await findVisibleDocument(db, user, params.id);
      res.set({
        'Content-Type': document.content_type,
        'Content-Disposition': contentDisposition(document.file_name),
        // A document never changes under its id (it is derived from the bytes).
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
      res.send(document.bytes);
    },
  }),
  route({
    id: 'describeDocument',
    method: 'get',
    path: '/documents/:id/info',
    tag: 'documents',
    summary: 'Read a document’s name, type and size, for its download link',
    access: 'signedIn',
    ok: { 200: '`{ id, fileName, contentType, size }`.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const [document] = await describeDocuments(db, user.jurisdictionId, [params.id]);
      if (!document) throw notFound(`document "${params.id}"`);
      res.json({
        id: document.id,
        fileName: document.file_name,
        contentType: document.content_type,
        size: document.size,
      });
    },
  }),
];

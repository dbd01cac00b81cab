import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DocumentType } from '../../domain/contract/documents';
import type { SessionUser } from '../auth/tokens';
import { keyedId } from '../batchRecords';
import { notFound, unprocessable } from '../errors';

/**
 * Stores a document under an id derived from its uploader and its bytes, so a retried upload stores nothing new
 * and answers with the same id.
 */
export async function storeDocument(
  db: Kysely<Database>,
  user: SessionUser,
  file: { fileName: string; contentType: DocumentType; bytes: Buffer },
): Promise<{ id: string; fileName: string; contentType: string; size: number }> {
  const id = keyedId('document', user.userId, createHash('sha256').update(file.bytes).digest('hex'));
  await db
    .insertInto('documents')
    .values({
      id,
      jurisdiction_id: user.jurisdictionId,
      file_name: file.fileName,
      content_type: file.contentType,
      size: file.bytes.length,
      bytes: file.bytes,
      uploaded_by: user.userId,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const stored = await db
    .selectFrom('documents')
    .select(['id', 'file_name', 'content_type', 'size'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: stored.id, fileName: stored.file_name, contentType: stored.content_type, size: stored.size };
}

/** A document of another jurisdiction does not exist for the caller. */
export async function findVisibleDocument(db: Kysely<Database>, user: SessionUser, id: string) {
  const document = await db
    .selectFrom('documents')
    .select(['id', 'file_name', 'content_type', 'size', 'bytes'])
    .where('id', '=', id)
    .where('jurisdiction_id', '=', user.jurisdictionId)
    .executeTakeFirst();
  if (!document) throw notFound(`document "${id}"`);
  return document;
}

/** Documents a reply cites must have been uploaded in the jurisdiction; the workflow cannot check the database. */
export async function assertDocuments(
  db: Kysely<Database>,
  jurisdictionId: string,
  documentIds: readonly string[],
): Promise<void> {
  if (!documentIds.length) return;
  const found = await db
    .selectFrom('documents')
    .select('id')
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('id', 'in', [...documentIds])
    .execute();
  const missing = documentIds.filter((id) => !found.some((d) => d.id === id));
  if (missing.length) {
    throw unprocessable('noSuchDocuments', { ids: missing.map((id) => `"${id}"`).join(', ') });
  }
}

/** The names and sizes of the documents a reply cites, for its download links. */
export async function describeDocuments(db: Kysely<Database>, jurisdictionId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('documents')
    .select(['id', 'file_name', 'content_type', 'size'])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('id', 'in', [...ids])
    .execute();
}

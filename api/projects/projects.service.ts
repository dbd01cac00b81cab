import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { fundStanding } from '../../domain/fundPool';
import type { SessionUser } from '../auth/tokens';
import { keyedId } from '../batchRecords';
import { readsChildren, watchedJurisdictionIds } from '../jurisdictions/jurisdictions.queries';
import { conflict, fieldError, notFound } from '../errors';
import { containing, fetchPage, type ListQuery, listingOf, pageOf } from '../listQuery';
import type {
  bulletinFilterSchema,
  Finding,
  findingFilterSchema,
  PhotoType,
  projectFilterSchema,
} from '../../domain/contract/projects';
import type { Sent, SentPage } from '../../domain/contract/sentRows';

type ProjectFilter = z.infer<typeof projectFilterSchema>;
type FindingFilter = z.infer<typeof findingFilterSchema>;
type BulletinFilter = z.infer<typeof bulletinFilterSchema>;

/** A project is of the jurisdiction its batch belongs to; anyone else's is a 404, as if it did not exist. */
function visibleProjects(db: Kysely<Database>, jurisdictionId: string, withTownships = false) {
  return db
    .selectFrom('projects')
    .innerJoin('batches', 'batches.id', 'projects.batch_id')
    .innerJoin('departments', 'departments.id', 'projects.department_id')
    .leftJoin('users as leader', 'leader.id', 'projects.responsible_leader_user_id')
    .where(
      'batches.jurisdiction_id',
      'in',
      withTownships ? watchedJurisdictionIds(db, jurisdictionId) : [jurisdictionId],
    );
}

type ProjectsQuery = ReturnType<typeof visibleProjects>;

const projectColumns = (qb: ProjectsQuery) =>
  qb
    .selectAll('projects')
    .select(['departments.name as department_name', 'leader.display_name as responsible_leader_name']);

const warningSeverity = sql<number>`case projects.warning when 'red' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end`;

/** The projects list's rows in its order: the list route pages it, the CSV export reads it all. */
export function projectListing(db: Kysely<Database>, user: SessionUser, list: ListQuery<ProjectFilter>) {
  let qb = visibleProjects(db, user.jurisdictionId, readsChildren(user));
  const f = list.filter;
  if (f.batch_id) qb = qb.where('projects.batch_id', '=', f.batch_id);
  if (f.warning) qb = qb.where('projects.warning', '=', f.warning);
  if (f.phase) qb = qb.where('projects.phase', '=', f.phase);
  if (f.department_id) qb = qb.where('projects.department_id', '=', f.department_id);
  if (f.responsible_leader_user_id)
    qb = qb.where('projects.responsible_leader_user_id', '=', f.responsible_leader_user_id);
  if (f.q) qb = qb.where('projects.title', 'ilike', containing(f.q));
  if (f.id !== undefined) qb = qb.where('projects.id', 'in', [f.id].flat());
  const sortKey = list.sortField === 'warning' ? warningSeverity : sql.ref(`projects.${list.sortField}`);
  return listingOf(qb, (q) => projectColumns(q).orderBy(sortKey, list.sortOrder).orderBy('projects.id'));
}

export async function listProjects(db: Kysely<Database>, user: SessionUser, list: ListQuery<ProjectFilter>) {
  return pageOf(projectListing(db, user, list), list);
}

export async function findVisibleProject(db: Kysely<Database>, user: SessionUser, id: string) {
  const project = await projectColumns(visibleProjects(db, user.jurisdictionId))
    .where('projects.id', '=', id)
    .executeTakeFirst();
  if (!project) throw notFound('project', id);
  return project;
}

/** For reading only: the county office reads its townships' projects too (docs/domain.md, "Levels"). */
export async function findWatchedProject(db: Kysely<Database>, user: SessionUser, id: string) {
  const project = await projectColumns(visibleProjects(db, user.jurisdictionId, readsChildren(user)))
    .select('batches.jurisdiction_id')
    .where('projects.id', '=', id)
    .executeTakeFirst();
  if (!project) throw notFound('project', id);
  return project;
}

export type VisibleProject = Awaited<ReturnType<typeof findVisibleProject>>;

/** Where the project's allocation stands, from its mirrored columns. */
export const fundsOf = (p: { allocation_yuan: number; disbursed_yuan: number; funds_frozen: boolean }) => ({
  allocationYuan: p.allocation_yuan,
  disbursedYuan: p.disbursed_yuan,
  frozen: p.funds_frozen,
  ...fundStanding({ allocation: p.allocation_yuan, disbursed: p.disbursed_yuan }),
});

export async function supervisionGroupOf(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('supervision_members')
    .innerJoin('users', 'users.id', 'supervision_members.user_id')
    .select(['supervision_members.user_id', 'users.display_name', 'supervision_members.joined_at'])
    .where('supervision_members.project_id', '=', projectId)
    .orderBy('supervision_members.joined_at')
    .orderBy('supervision_members.user_id')
    .execute();
}

function visibleFindings(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('findings')
    .innerJoin('projects', 'projects.id', 'findings.project_id')
    .innerJoin('batches', 'batches.id', 'projects.batch_id')
    .innerJoin('users as filer', 'filer.id', 'findings.filed_by')
    .where('batches.jurisdiction_id', '=', jurisdictionId);
}

const findingColumns = (qb: ReturnType<typeof visibleFindings>) =>
  qb
    .selectAll('findings')
    .select(['projects.title as project_title', 'projects.department_id', 'filer.display_name as filed_by_name'])
    // The photos the department sent with its latest answer: the group checks the answer against them.
    .select(
      sql<string[]>`coalesce((
        select t.result -> 'photoIds' from tasks t
        where t.owner_workflow_id = findings.project_id and t.kind = 'findingResponse' and t.status = 'done'
          and t.payload ->> 'findingId' = findings.id
        order by t.completed_at desc limit 1
      ), '[]'::jsonb)`.as('response_photo_ids'),
    )
    // And the documents sent with it, as download links.
    .select(
      sql<string[]>`coalesce((
        select t.result -> 'documentIds' from tasks t
        where t.owner_workflow_id = findings.project_id and t.kind = 'findingResponse' and t.status = 'done'
          and t.payload ->> 'findingId' = findings.id
        order by t.completed_at desc limit 1
      ), '[]'::jsonb)`.as('response_document_ids'),
    );

/** The findings list's rows in its order: the list route pages it, the CSV export reads it all. */
export function findingListing(db: Kysely<Database>, user: SessionUser, list: ListQuery<FindingFilter>) {
  let qb = visibleFindings(db, user.jurisdictionId);
  const f = list.filter;
  if (f.project_id) qb = qb.where('findings.project_id', '=', f.project_id);
  if (f.status) qb = qb.where('findings.status', '=', f.status);
  if (f.id !== undefined) qb = qb.where('findings.id', 'in', [f.id].flat());
  return listingOf(qb, (q) =>
    findingColumns(q)
      .orderBy(`findings.${list.sortField}` as 'findings.filed_at', list.sortOrder)
      .orderBy('findings.id'),
  );
}

export async function listFindings(db: Kysely<Database>, user: SessionUser, list: ListQuery<FindingFilter>) {
  return (await pageOf(findingListing(db, user, list), list)) satisfies SentPage<Finding>;
}

export async function findVisibleFinding(db: Kysely<Database>, user: SessionUser, id: string) {
  const finding = await findingColumns(visibleFindings(db, user.jurisdictionId))
    .where('findings.id', '=', id)
    .executeTakeFirst();
  if (!finding) throw notFound('finding', id);
  return finding satisfies Sent<Finding>;
}

/** A finding's id comes from the form's key, so a resubmitted form names the finding it already filed. */
export const findingIdOf = (projectId: string, key: string) => keyedId('finding', projectId, key);

export function assertFindingResubmission(
  existing: { text: string; photo_ids: string[] },
  body: { text: string; photoIds: string[] },
): void {
  const same = existing.text === body.text && existing.photo_ids.join() === body.photoIds.join();
  if (!same) throw conflict('formKeyReused', { subject: 'finding' });
}

/** Photos a finding cites must have been uploaded in the jurisdiction; the workflow cannot check the database. */
export async function assertPhotos(db: Kysely<Database>, jurisdictionId: string, photoIds: string[]): Promise<void> {
  if (!photoIds.length) return;
  const found = await visiblePhotos(db, jurisdictionId)
    .select('photos.id')
    .where('photos.id', 'in', photoIds)
    .execute();
  const missing = photoIds.filter((id) => !found.some((p) => p.id === id));
  if (missing.length)
    throw fieldError(422, 'photoIds', 'noSuchPhotos', { ids: missing.map((id) => `"${id}"`).join(', ') });
}

function visiblePhotos(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('photos')
    .innerJoin('users', 'users.id', 'photos.uploaded_by')
    .where('users.jurisdiction_id', '=', jurisdictionId);
}

/** What the bytes are, from their signature: a declared type alone would let any file through as a photo. */
export function imageTypeOf(bytes: Buffer): PhotoType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return undefined;
}

/**
 * Stores a photo under an id derived from its uploader and its bytes, so a retried upload stores
 * nothing new and answers with the same id.
 */
export async function storePhoto(
  db: Kysely<Database>,
  user: SessionUser,
  contentType: PhotoType,
  bytes: Buffer,
): Promise<string> {
  const id = keyedId('photo', user.userId, createHash('sha256').update(bytes).digest('hex'));
  await db
    .insertInto('photos')
    .values({ id, content_type: contentType, bytes, uploaded_by: user.userId })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

export async function findVisiblePhoto(db: Kysely<Database>, user: SessionUser, id: string) {
  const photo = await visiblePhotos(db, user.jurisdictionId)
    .select(['photos.id', 'photos.content_type', 'photos.bytes'])
    .where('photos.id', '=', id)
    .executeTakeFirst();
  if (!photo) throw notFound('photo', id);
  return photo;
}

function visibleBulletins(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('bulletins')
    .innerJoin('batches', 'batches.id', 'bulletins.batch_id')
    .where('batches.jurisdiction_id', '=', jurisdictionId);
}

export async function listBulletins(db: Kysely<Database>, user: SessionUser, list: ListQuery<BulletinFilter>) {
  let qb = visibleBulletins(db, user.jurisdictionId);
  const f = list.filter;
  if (f.batch_id) qb = qb.where('bulletins.batch_id', '=', f.batch_id);
  if (f.month) qb = qb.where('bulletins.month', '=', f.month);
  if (f.id !== undefined) qb = qb.where('bulletins.id', 'in', [f.id].flat());
  // The list leaves out the document itself; it is read one at a time.
  return fetchPage(
    qb,
    (q) =>
      q
        .select([
          'bulletins.id',
          'bulletins.batch_id',
          'bulletins.month',
          'bulletins.created_at',
          'batches.title as batch_title',
        ])
        .orderBy(`bulletins.${list.sortField}` as 'bulletins.month', list.sortOrder)
        .orderBy('bulletins.id'),
    list,
  );
}

export async function findVisibleBulletin(db: Kysely<Database>, user: SessionUser, id: string) {
  const bulletin = await visibleBulletins(db, user.jurisdictionId)
    .selectAll('bulletins')
    .select('batches.title as batch_title')
    .where('bulletins.id', '=', id)
    .executeTakeFirst();
  if (!bulletin) throw notFound('bulletin', id);
  return bulletin;
}

export const bulletinFileName = (b: { batch_id: string; month: string }) => `bulletin-${b.batch_id}-${b.month}.md`;

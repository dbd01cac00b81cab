import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export function findFindingById(db: Kysely<Database>, id: string) {
  return db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The finding's project, to check a review names a finding of the project it is sent to. */
export function findingProject(db: Kysely<Database>, id: string) {
  return db.selectFrom('findings').select(['id', 'project_id']).where('id', '=', id).executeTakeFirst();
}

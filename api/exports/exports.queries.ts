import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { watchedJurisdictionIds } from '../jurisdictions/jurisdictions.queries';
import type { Names } from './columns';

/**
 * The names an export shows instead of ids, read once per file (a jurisdiction has a handful of batches
 * and departments and at most a few thousand people and projects).
 */
export async function readNames(db: Kysely<Database>, jurisdictionId: string): Promise<Names> {
  // Its own and, for a county, its townships' (a county office's exports list those rows too).
  const within = watchedJurisdictionIds(db, jurisdictionId);
  const [batches, projects, departments, users] = await Promise.all([
    db.selectFrom('batches').select(['id', 'title as name']).where('jurisdiction_id', 'in', within).execute(),
    db
      .selectFrom('projects')
      .innerJoin('batches', 'batches.id', 'projects.batch_id')
      .select(['projects.id', 'projects.title as name'])
      .where('batches.jurisdiction_id', 'in', within)
      .execute(),
    db.selectFrom('departments').select(['id', 'name']).where('jurisdiction_id', 'in', within).execute(),
    db.selectFrom('users').select(['id', 'display_name as name']).where('jurisdiction_id', 'in', within).execute(),
  ]);
  const map = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { batch: map(batches), project: map(projects), department: map(departments), user: map(users) };
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** The jurisdiction a scope writes to: null for the national schedule. */
export type OverrideOwner = string | null;

const ownedBy = (owner: OverrideOwner) =>
  owner === null
    ? sql<boolean>`calendar_overrides.jurisdiction_id is null`
    : sql<boolean>`calendar_overrides.jurisdiction_id = ${owner}`;

export function findOverride(db: Kysely<Database>, owner: OverrideOwner, day: string) {
  return db
    .selectFrom('calendar_overrides')
    .select(['jurisdiction_id', 'day', 'working', 'reason'])
    .where(ownedBy(owner))
    .where('day', '=', day)
    .executeTakeFirst();
}

/** Sets one day of a schedule; the unique index (coalesce(jurisdiction_id, ''), day) makes it one row. */
export async function upsertOverride(
  trx: Transaction<Database>,
  owner: OverrideOwner,
  day: string,
  working: boolean,
  reason: string,
): Promise<void> {
  await trx
    .insertInto('calendar_overrides')
    .values({ jurisdiction_id: owner, day, working, reason })
    .onConflict((oc) => oc.expression(sql`coalesce(jurisdiction_id, ''), day`).doUpdateSet({ working, reason }))
    .execute();
}

export async function deleteOverride(trx: Transaction<Database>, owner: OverrideOwner, day: string): Promise<void> {
  await trx.deleteFrom('calendar_overrides').where(ownedBy(owner)).where('day', '=', day).execute();
}

export function jurisdictionOf(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The jurisdictions a change of `owner`'s schedule reaches: every one for the nation, else it and its townships. */
export async function jurisdictionsReached(db: Kysely<Database>, owner: OverrideOwner): Promise<string[]> {
  let qb = db.selectFrom('jurisdictions').select('id');
  if (owner !== null) qb = qb.where((eb) => eb.or([eb('id', '=', owner), eb('parent_id', '=', owner)]));
  return (await qb.execute()).map((r) => r.id);
}

/** Open tasks whose deadline lies after `after`, opened before `before`: the ones a changed day could move. */
export function openTasksAround(db: Kysely<Database>, jurisdictionIds: string[], before: Date, after: Date) {
  return db
    .selectFrom('tasks')
    .select(['id', 'jurisdiction_id', 'title', 'created_at', 'due_at'])
    .where('status', '=', 'open')
    .where('jurisdiction_id', 'in', jurisdictionIds)
    .where('created_at', '<', before)
    .where('due_at', '>', after)
    .execute();
}

/** Batches whose publicity is running across the same window. */
export function publicityAround(db: Kysely<Database>, jurisdictionIds: string[], before: Date, after: Date) {
  return db
    .selectFrom('batches')
    .select(['id', 'jurisdiction_id', 'title', 'phase', 'phase_changed_at', 'next_deadline_at', 'next_deadline_label'])
    .where('phase', 'in', ['candidatePublicity', 'resultPublicity'])
    .where('jurisdiction_id', 'in', jurisdictionIds)
    .where('phase_changed_at', '<', before)
    .where('next_deadline_at', '>', after)
    .execute();
}

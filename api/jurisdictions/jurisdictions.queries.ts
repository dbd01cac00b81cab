import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';

/**
 * The jurisdictions an office watches: its own and, for a county, its townships and streets
 * (docs/domain.md, "Levels": the county office watches its townships' batches). Reading only: every
 * decision and every record is still made in the jurisdiction that owns it.
 */
export function watchedJurisdictionIds(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('jurisdictions')
    .select('jurisdictions.id')
    .where((w) =>
      w.or([w('jurisdictions.id', '=', jurisdictionId), w('jurisdictions.parent_id', '=', jurisdictionId)]),
    );
}

/** The county office watches its townships; everyone else sees their own jurisdiction only. */
export function readsChildren(user: SessionUser): boolean {
  return user.roles.includes('coordinator');
}

const jurisdictionColumns = ['id', 'name', 'level', 'parent_id'] as const;

export function listWatched(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('jurisdictions')
    .select(jurisdictionColumns)
    .select((eb) =>
      eb
        .selectFrom('users')
        .select((c) => c.fn.countAll<string>().as('n'))
        .whereRef('users.jurisdiction_id', '=', 'jurisdictions.id')
        .where('users.active', '=', true)
        .where((eb) => eb(eb.val('coordinator'), '=', eb.fn.any('users.roles')))
        .as('active_coordinators'),
    )
    .where((w) => w.or([w('id', '=', jurisdictionId), w('parent_id', '=', jurisdictionId)]));
}

/** A jurisdiction this office may manage (its own or a child); undefined otherwise. */
export function findWatched(db: Kysely<Database>, jurisdictionId: string, id: string) {
  return db
    .selectFrom('jurisdictions')
    .select(jurisdictionColumns)
    .where('id', '=', id)
    .where((w) => w.or([w('id', '=', jurisdictionId), w('parent_id', '=', jurisdictionId)]))
    .executeTakeFirst();
}

/** Serialises changes to a jurisdiction's people, so two offices cannot each disable "the other last" coordinator. */
export function lockJurisdiction(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('jurisdictions')
    .select(jurisdictionColumns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A rename only: the id stays, so batches, people and workflow ids keep pointing at it. */
export function renameJurisdiction(db: Kysely<Database>, id: string, name: string) {
  return db.updateTable('jurisdictions').set({ name }).where('id', '=', id).execute();
}

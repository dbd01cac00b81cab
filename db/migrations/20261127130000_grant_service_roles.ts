import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The API and the worker connect as roles of their own with only the rights their code uses; migrations
// run as the schema's owner (docs/deployment.md, "Database roles"). The roles are made outside migrations
// (docker/postgres-init, scripts/start.ts) because they log in with passwords the operator holds; where
// they do not exist (the tests' throwaway databases) there is nothing to grant.
//
// A table added later gets no rights here: its migration grants them (the test of this migration fails
// until every table is granted to the API or the worker).

export const apiRole = 'livelihood_api';
export const workerRole = 'livelihood_worker';

type Grants = { select: string[]; insert: string[]; update: string[]; delete: string[]; lockOnly: string[] };

/**
 * What api/ reads and writes. Ballots and rating sheets: insert only, never read back, so a
 * compromised API cannot read how anyone voted. `lockOnly` tables are read under FOR SHARE / FOR UPDATE,
 * which PostgreSQL allows only with UPDATE on some column: the API gets it on one column it never writes.
 */
const apiGrants: Grants = {
  select: [
    'jurisdictions',
    'departments',
    'users',
    'batches',
    'suggestions',
    'suggestion_proposers',
    'suggestion_scores',
    'candidates',
    'candidate_amendments',
    'publicity_comments',
    'vote_sessions',
    'ballot_receipts',
    'projects',
    'fund_pools',
    'fund_movements',
    'photos',
    'supervision_members',
    'findings',
    'bulletins',
    'rating_sessions',
    'rating_receipts',
    'tasks',
    'notices',
    'audit_events',
    'auth_sessions',
    'login_failures',
    'vote_attendance',
    'vote_close_checks',
    'vote_teller_totals',
    // The scrutineers open the sealed box in the API (never the worker), so its shares reach no history.
    'sealed_ballots',
    'sealed_rating_sheets',
  ],
  insert: [
    'sealed_ballots',
    'sealed_rating_sheets',
    'auth_sessions',
    'login_failures',
    'vote_attendance',
    'vote_teller_totals',
    'suggestions',
    'suggestion_proposers',
    'suggestion_scores',
    'candidates',
    'candidate_amendments',
    'publicity_comments',
    'ballot_receipts',
    'ballots',
    'fund_pools',
    'fund_movements',
    'photos',
    'rating_receipts',
    'ratings',
    // activities/audit.ts's recordAuditEvent, which the API's record writes call too.
    'audit_events',
  ],
  update: [
    'suggestions',
    'suggestion_proposers',
    // A reviewer's second scoring replaces the first (insert … on conflict do update).
    'suggestion_scores',
    'candidates',
    'publicity_comments',
    'projects',
    'fund_pools',
    'notices',
    // Signing out and revocation end a session.
    'auth_sessions',
    // The tellers' totals are replaceable until a second person confirms them.
    'vote_teller_totals',
  ],
  // Sessions that ended long ago are cleared when their user signs in again; attendance is replaced whole.
  delete: ['auth_sessions', 'vote_attendance', 'sealed_ballots', 'sealed_rating_sheets'],
  lockOnly: ['batches', 'vote_sessions', 'rating_sessions'],
};

/** What activities/ read and write: every table readable, writes where an activity writes. */
const workerGrants: Grants = {
  select: ['*'],
  insert: [
    'batches',
    'projects',
    'vote_sessions',
    'ballots',
    'rating_sessions',
    'ratings',
    'supervision_members',
    'findings',
    'bulletins',
    'tasks',
    'notices',
    'notice_deliveries',
    'audit_events',
    'vote_close_checks',
  ],
  update: [
    'batches',
    'candidates',
    'projects',
    'vote_sessions',
    'rating_sessions',
    'findings',
    'bulletins',
    'tasks',
    'notice_deliveries',
  ],
  // At close the sealed order of ballots and sheets is destroyed: deleted and written again shuffled.
  delete: ['ballots', 'ratings'],
  lockOnly: [],
};

// A session's one column the API writes is when its sealed box was opened (docs/secrecy.md); the same grant
// lets it lock the row.
const lockColumn: Record<string, string> = {
  batches: 'created_at',
  vote_sessions: 'box_opened_at',
  rating_sessions: 'box_opened_at',
};

async function roleExists<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${role})`.execute(db);
  return rows[0]?.exists === true;
}

async function grant<DB>(db: Kysely<DB>, role: string, grants: Grants): Promise<void> {
  const r = sql.id(role);
  await sql`grant usage on schema public to ${r}`.execute(db);
  // serial ids: inserting draws from the table's sequence.
  await sql`grant usage, select on all sequences in schema public to ${r}`.execute(db);
  const on = async (privilege: string, tables: string[]) => {
    if (tables.includes('*')) {
      await sql`grant ${sql.raw(privilege)} on all tables in schema public to ${r}`.execute(db);
      return;
    }
    for (const table of tables) await sql`grant ${sql.raw(privilege)} on ${sql.table(table)} to ${r}`.execute(db);
  };
  await on('select', grants.select);
  await on('insert', grants.insert);
  await on('update', grants.update);
  await on('delete', grants.delete);
  for (const table of grants.lockOnly) {
    await sql`grant update (${sql.ref(lockColumn[table]!)}) on ${sql.table(table)} to ${r}`.execute(db);
  }
  // The migrations' own bookkeeping is the owner's alone.
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${r}`.execute(db);
}

export async function up<DB>(db: Kysely<DB>): Promise<void> {
  if (await roleExists(db, apiRole)) await grant(db, apiRole, apiGrants);
  if (await roleExists(db, workerRole)) await grant(db, workerRole, workerGrants);
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  for (const role of [apiRole, workerRole]) {
    if (!(await roleExists(db, role))) continue;
    const r = sql.id(role);
    await sql`revoke all on all tables in schema public from ${r}`.execute(db);
    await sql`revoke all on all sequences in schema public from ${r}`.execute(db);
    await sql`revoke usage on schema public from ${r}`.execute(db);
  }
}

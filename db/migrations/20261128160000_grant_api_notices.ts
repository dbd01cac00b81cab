import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The office is told in the console when a resident submits a suggestion and when a supervision group files
// a finding: the API writes those in-app notices itself, as part of the request that records the fact.
// Granted where the role exists, as in 20261127130000_grant_service_roles.

const apiRole = 'livelihood_api';

async function roleExists<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${role})`.execute(db);
  return rows[0]?.exists === true;
}

export async function up<DB>(db: Kysely<DB>): Promise<void> {
  if (!(await roleExists(db, apiRole))) return;
  await sql`grant insert on ${sql.table('notices')} to ${sql.id(apiRole)}`.execute(db);
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  if (!(await roleExists(db, apiRole))) return;
  await sql`revoke insert on ${sql.table('notices')} from ${sql.id(apiRole)}`.execute(db);
}

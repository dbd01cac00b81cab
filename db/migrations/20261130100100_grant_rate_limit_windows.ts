import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// Only the API counts requests per address (20261130100000_create_rate_limit_windows): it adds to a window,
// takes a hit back after a successful sign-in, and deletes windows that have ended. The worker never sees the
// table. Granted where the role exists, as in 20261127130000_grant_service_roles.

const apiRole = 'livelihood_api';

async function roleExists<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${role})`.execute(db);
  return rows[0]?.exists === true;
}

export async function up<DB>(db: Kysely<DB>): Promise<void> {
  if (await roleExists(db, apiRole))
    await sql`grant select, insert, update, delete on rate_limit_windows to ${sql.id(apiRole)}`.execute(db);
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  if (await roleExists(db, apiRole)) await sql`revoke all on rate_limit_windows from ${sql.id(apiRole)}`.execute(db);
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The API stores and serves the documents replies cite (20261128180000_create_documents); the worker never
// reads them. Granted where the role exists, as in 20261127130000_grant_service_roles.

const apiRole = 'livelihood_api';

async function roleExists<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${role})`.execute(db);
  return rows[0]?.exists === true;
}

export async function up<DB>(db: Kysely<DB>): Promise<void> {
  if (!(await roleExists(db, apiRole))) return;
  await sql`grant select, insert on ${sql.table('documents')} to ${sql.id(apiRole)}`.execute(db);
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  if (!(await roleExists(db, apiRole))) return;
  await sql`revoke select, insert on ${sql.table('documents')} from ${sql.id(apiRole)}`.execute(db);
}

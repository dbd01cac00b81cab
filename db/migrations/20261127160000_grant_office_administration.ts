import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The office now keeps its own people, departments, townships, calendar and policy in the console, so the
// API writes those tables (20261127130000_grant_service_roles gave it reads only). Granted where the
// roles exist, as there.

const apiRole = 'livelihood_api';

const apiWrites: Record<string, string[]> = {
  users: ['insert', 'update'],
  departments: ['insert', 'update'],
  jurisdictions: ['insert', 'update'],
  calendar_overrides: ['select', 'insert', 'update', 'delete'],
};

async function roleExists<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${role})`.execute(db);
  return rows[0]?.exists === true;
}

export async function up<DB>(db: Kysely<DB>): Promise<void> {
  if (!(await roleExists(db, apiRole))) return;
  for (const [table, privileges] of Object.entries(apiWrites)) {
    await sql`grant ${sql.raw(privileges.join(', '))} on ${sql.table(table)} to ${sql.id(apiRole)}`.execute(db);
  }
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  if (!(await roleExists(db, apiRole))) return;
  for (const [table, privileges] of Object.entries(apiWrites)) {
    const revoked = privileges.filter((p) => p !== 'select');
    if (revoked.length)
      await sql`revoke ${sql.raw(revoked.join(', '))} on ${sql.table(table)} from ${sql.id(apiRole)}`.execute(db);
  }
}

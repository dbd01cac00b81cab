import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The worker records a committee's decisions on a project (20261129110000_create_project_changes); the API reads
// them for the project page and the public site. Granted where the roles exist, as in 20261127130000_grant_service_roles.

const apiRole = 'livelihood_api';
const workerRole = 'livelihood_worker';

async function roleExists<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${role})`.execute(db);
  return rows[0]?.exists === true;
}

export async function up<DB>(db: Kysely<DB>): Promise<void> {
  if (await roleExists(db, apiRole)) await sql`grant select on project_changes to ${sql.id(apiRole)}`.execute(db);
  if (await roleExists(db, workerRole))
    await sql`grant select, insert on project_changes to ${sql.id(workerRole)}`.execute(db);
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  for (const role of [apiRole, workerRole]) {
    if (await roleExists(db, role)) await sql`revoke all on project_changes from ${sql.id(role)}`.execute(db);
  }
}

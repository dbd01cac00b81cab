import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// The day the congress that rated the projects closed, as the office records it when it closes the rating:
// a 不满意 project's 3-month rectification runs from that day, not from the rating's count. The API writes
// it (the worker reads it), so the API's role may update that one column, where the role exists.

const apiRole = 'livelihood_api';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_sessions').addColumn('congress_closed_on', 'date').execute();
  await grantCongressClosingDay(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_sessions').dropColumn('congress_closed_on').execute();
}

/** Also run by the tests, whose databases are migrated before the roles exist. */
export async function grantCongressClosingDay(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{
    exists: boolean;
  }>`select exists (select 1 from pg_roles where rolname = ${apiRole})`.execute(db);
  if (rows[0]?.exists !== true) return;
  await sql`grant update (congress_closed_on) on rating_sessions to ${sql.id(apiRole)}`.execute(db);
}

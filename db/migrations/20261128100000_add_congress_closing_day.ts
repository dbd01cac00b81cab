import type { Kysely } from 'kysely';

// Frozen in time: no application imports.
// The day the congress that rated the projects closed, as the office records it when it closes the rating:
// a 不满意 project's 3-month rectification runs from that day, not from the rating's count.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_sessions').addColumn('congress_closed_on', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_sessions').dropColumn('congress_closed_on').execute();
}

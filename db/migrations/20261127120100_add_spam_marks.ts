import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// The office marks junk from the anonymous public forms as spam: a spam suggestion is reviewed (screening
// can end) but its proposer is told nothing; a spam comment is kept, marked, and left out of the work.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table suggestions drop constraint suggestions_outcome_check`.execute(db);
  await sql`alter table suggestions add constraint suggestions_outcome_check
    check (outcome in ('candidate', 'reserve', 'pendingResearch', 'rejected', 'spam'))`.execute(db);
  await db.schema
    .alterTable('publicity_comments')
    .addColumn('spam', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publicity_comments').dropColumn('spam').execute();
  await sql`update suggestions set outcome = 'rejected' where outcome = 'spam'`.execute(db);
  await sql`alter table suggestions drop constraint suggestions_outcome_check`.execute(db);
  await sql`alter table suggestions add constraint suggestions_outcome_check
    check (outcome in ('candidate', 'reserve', 'pendingResearch', 'rejected'))`.execute(db);
}

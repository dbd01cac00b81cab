import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// A vote that cannot be rigged (docs/domain.md, "Vote"): who is present at the sitting, when casting stopped
// and with which counts the session was closed, and the tellers' totals of a paper or voting-device vote,
// entered by one person and confirmed by another.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vote_attendance')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('deputy_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('vote_attendance_pk', ['batch_id', 'deputy_user_id'])
    .execute();

  await db.schema
    .createTable('vote_close_checks')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('vote_sessions.id'))
    .addColumn('deputies_present', 'integer', (c) => c.notNull())
    .addColumn('ballots_cast', 'integer', (c) => c.notNull())
    .addColumn('confirmed_incomplete', 'boolean', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vote_teller_totals')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('vote_sessions.id'))
    .addColumn('totals', 'jsonb', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz')
    .addCheckConstraint('vote_teller_totals_two_people', sql`confirmed_by is null or confirmed_by <> entered_by`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vote_teller_totals').execute();
  await db.schema.dropTable('vote_close_checks').execute();
  await db.schema.dropTable('vote_attendance').execute();
}

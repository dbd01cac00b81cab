import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// Rating results go where the sources send them (docs/domain.md, "Consequences"): confirmed by the session's
// presidium, announced to every deputy, reported to the party committee, fed back to the government and copied
// to the organisation department. One report document per rating session records that, with its distribution.
// And the government's year-end completion report is attached to the rating session, so deputies read it
// before they rate.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().unique().references('rating_sessions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // [{ to, how }]: 通报 to all deputies, 报告 to the party committee, 反馈 to the government, 抄送 the organisation department.
    .addColumn('distribution', 'jsonb', (c) => c.notNull())
    .addColumn('confirmed_on', 'date', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('rating_reports_batch_idx').on('rating_reports').column('batch_id').execute();
  await db.schema.alterTable('rating_sessions').addColumn('briefing', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_sessions').dropColumn('briefing').execute();
  await db.schema.dropTable('rating_reports').execute();
}

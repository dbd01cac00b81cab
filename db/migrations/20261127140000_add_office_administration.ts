import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// An office sets itself up (issue 13): streets (街道) beside townships, accounts that are disabled rather
// than deleted and carry a one-time password until its first change, the deputy's electoral district,
// and audit events of records that belong to no workflow, kept with their jurisdiction.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table jurisdictions drop constraint if exists jurisdictions_level_check`.execute(db);
  await sql`alter table jurisdictions add constraint jurisdictions_level_check check (level in ('county', 'township', 'street'))`.execute(
    db,
  );
  await db.schema.createIndex('jurisdictions_parent_idx').on('jurisdictions').column('parent_id').execute();

  await db.schema
    .alterTable('users')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('electoral_district', 'text')
    .addColumn('leader', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('users_jurisdiction_name_idx')
    .on('users')
    .columns(['jurisdiction_id', 'display_name', 'id'])
    .execute();

  await db.schema.alterTable('audit_events').addColumn('jurisdiction_id', 'text').execute();
  await db.schema
    .createIndex('audit_events_jurisdiction_idx')
    .on('audit_events')
    .columns(['jurisdiction_id', 'at'])
    .where(sql.ref('jurisdiction_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_events_jurisdiction_idx').execute();
  await db.schema.alterTable('audit_events').dropColumn('jurisdiction_id').execute();
  await db.schema.dropIndex('users_jurisdiction_name_idx').execute();
  await db.schema
    .alterTable('users')
    .dropColumn('active')
    .dropColumn('must_change_password')
    .dropColumn('password_changed_at')
    .dropColumn('electoral_district')
    .dropColumn('leader')
    .dropColumn('updated_at')
    .execute();
  await db.schema.dropIndex('jurisdictions_parent_idx').execute();
  await sql`alter table jurisdictions drop constraint jurisdictions_level_check`.execute(db);
  await sql`alter table jurisdictions add constraint jurisdictions_level_check check (level in ('county', 'township'))`.execute(
    db,
  );
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
export async function up(db: Kysely<any>): Promise<void> {
  // The workflow owns what happens next; these columns mirror where the project stands for lists and the API.
  await db.schema
    .alterTable('projects')
    .addColumn('stage_plan', 'jsonb')
    .addColumn('progress_percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('preparation'))
    .addColumn('last_reported_at', 'timestamptz')
    .addColumn('warning', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`warning in ('none', 'blue', 'yellow', 'red')`),
    )
    .addColumn('warning_reason', 'text')
    .addColumn('warning_changed_at', 'timestamptz')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('in_use_on', 'date')
    .addColumn('consequence', 'text')
    .addColumn('allocation_yuan', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`allocation_yuan >= 0`),
    )
    .addColumn('disbursed_yuan', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`disbursed_yuan >= 0 and disbursed_yuan <= allocation_yuan`),
    )
    .addColumn('funds_frozen', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('projects_warning_idx').on('projects').columns(['warning', 'batch_id']).execute();

  await db.schema
    .createTable('fund_pools')
    .addColumn('batch_id', 'text', (c) => c.primaryKey().references('batches.id'))
    .addColumn('total_yuan', 'integer', (c) => c.notNull().check(sql`total_yuan >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('fund_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('allocation', 'disbursement', 'anomalyFlagged', 'anomalyCleared')`),
    )
    .addColumn('amount_yuan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('fund_movements_project_idx')
    .on('fund_movements')
    .columns(['project_id', 'at'])
    .execute();

  // Uploaded photos (progress reports, findings); referenced by id from task results and findings.
  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('supervision_members')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_members_pk', ['project_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('filed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('photo_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('awaitingResponse', 'responded', 'accepted')`))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('response', 'text')
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('findings_project_idx').on('findings').columns(['project_id', 'status']).execute();

  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('bulletins_batch_month_uq', ['batch_id', 'month'])
    .execute();

  // A re-rating by standing committee members is a rating session of one project.
  await db.schema
    .alterTable('rating_sessions')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('congress')
        .check(sql`kind in ('congress', 'committee')`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_sessions').dropColumn('kind').execute();
  for (const table of ['bulletins', 'findings', 'supervision_members', 'photos', 'fund_movements', 'fund_pools']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('projects_warning_idx').execute();
  await db.schema
    .alterTable('projects')
    .dropColumn('stage_plan')
    .dropColumn('progress_percent')
    .dropColumn('stage')
    .dropColumn('last_reported_at')
    .dropColumn('warning')
    .dropColumn('warning_reason')
    .dropColumn('warning_changed_at')
    .dropColumn('accepted_at')
    .dropColumn('in_use_on')
    .dropColumn('consequence')
    .dropColumn('allocation_yuan')
    .dropColumn('disbursed_yuan')
    .dropColumn('funds_frozen')
    .execute();
}

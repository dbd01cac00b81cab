import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// A committee's decisions on a voted project — a new deadline, a new scope, or the end of the project — each with
// its reason and meeting day, recorded by the project's workflow and published on the public site.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('project_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('changeDeadline', 'changeScope', 'terminate')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('meeting_on', 'date', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('previous_deadline', 'date')
    .addColumn('new_deadline', 'date')
    .addColumn('scope', 'text')
    .addColumn('acceptance_standard', 'text')
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('recorded_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_changes_project_idx')
    .on('project_changes')
    .columns(['project_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('project_changes').execute();
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('batches')
    .addColumn('collection_closes_at', 'timestamptz')
    .addColumn('phase_changed_at', 'timestamptz')
    .addColumn('next_deadline_at', 'timestamptz')
    .addColumn('next_deadline_label', 'text')
    .addColumn('result', 'jsonb')
    .execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'text', (c) => c.references('suggestions.id'))
    .addColumn('promoted_from_id', 'text', (c) => c.references('suggestions.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome in ('candidate', 'reserve', 'pendingResearch', 'rejected')`),
    )
    .addColumn('outcome_reason', 'text')
    .addColumn('funding_source', 'text')
    .addColumn('policy_compliant', 'boolean')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('suggestions_batch_idx').on('suggestions').columns(['batch_id', 'created_at']).execute();
  await db.schema.createIndex('suggestions_outcome_idx').on('suggestions').columns(['outcome', 'batch_id']).execute();

  // A merged duplicate keeps every proposer: they move to the suggestion it was merged into.
  await db.schema
    .createTable('suggestion_proposers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestions.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('public', 'deputy', 'department')`))
    .addColumn('name', 'text')
    .addColumn('contact', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('suggestion_proposers_suggestion_idx')
    .on('suggestion_proposers')
    .column('suggestion_id')
    .execute();

  await db.schema
    .createTable('suggestion_scores')
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestions.id'))
    .addColumn('reviewer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('public_support', 'integer', (c) => c.notNull())
    .addColumn('funding_feasibility', 'integer', (c) => c.notNull())
    .addColumn('social_benefit', 'integer', (c) => c.notNull())
    .addColumn('implementation_difficulty', 'integer', (c) => c.notNull())
    .addColumn('weighted', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('suggestion_scores_pk', ['suggestion_id', 'reviewer_user_id'])
    .execute();

  // The responsibility list's first draft rides on the candidate; it becomes the project's when elected.
  await db.schema
    .createTable('candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('suggestion_id', 'text', (c) => c.notNull().unique().references('suggestions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('responsible_leader_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('implementing_unit', 'text', (c) => c.notNull())
    .addColumn('budget_yuan', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('acceptance_standard', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'withdrawn')`))
    .addColumn('elected', 'boolean')
    .addColumn('approvals', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('candidates_batch_idx').on('candidates').columns(['batch_id', 'status']).execute();

  await db.schema
    .createTable('candidate_amendments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('amended_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb', (c) => c.notNull())
    .addColumn('after', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('publicity_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('candidate_id', 'text', (c) => c.references('candidates.id'))
    .addColumn('author_name', 'text')
    .addColumn('contact', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('adopted', 'boolean')
    .addColumn('response', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('publicity_comments_batch_idx')
    .on('publicity_comments')
    .columns(['batch_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('vote_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('candidate_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('deputies_entitled', 'integer', (c) => c.notNull())
    .addColumn('deputies_present', 'integer', (c) => c.notNull())
    .addColumn('scrutineers', sql`text[]`, (c) => c.notNull())
    .addColumn('tellers', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('result', 'jsonb')
    .addUniqueConstraint('vote_sessions_batch_round_uq', ['batch_id', 'round'])
    .execute();

  // Secret ballot (docs/architecture.md, "Secret ballots"): who voted and what was voted live in two tables with nothing in common
  // but the session. Ballots carry no deputy, no timestamp and no sequence: a random id only.
  await db.schema
    .createTable('ballot_receipts')
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id'))
    .addColumn('deputy_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('receipt_code', 'text', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('ballot_receipts_pk', ['session_id', 'deputy_user_id'])
    .execute();
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id'))
    .addColumn('marks', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ballots_session_idx').on('ballots').column('session_id').execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().unique().references('candidates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('responsible_leader_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('implementing_unit', 'text', (c) => c.notNull())
    .addColumn('budget_yuan', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('acceptance_standard', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('rating_outcome', 'text')
    .addColumn('rating_counts', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('projects_batch_idx').on('projects').column('batch_id').execute();

  await db.schema
    .createTable('rating_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('project_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('result', 'jsonb')
    .execute();
  // Anonymous rating, as the ballot: a receipt per deputy, a rating sheet with no deputy.
  await db.schema
    .createTable('rating_receipts')
    .addColumn('session_id', 'text', (c) => c.notNull().references('rating_sessions.id'))
    .addColumn('deputy_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('receipt_code', 'text', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('rating_receipts_pk', ['session_id', 'deputy_user_id'])
    .execute();
  await db.schema
    .createTable('ratings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('rating_sessions.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('choice', 'text', (c) =>
      c.notNull().check(sql`choice in ('satisfied', 'basicallySatisfied', 'unsatisfied')`),
    )
    .execute();
  await db.schema.createIndex('ratings_session_idx').on('ratings').columns(['session_id', 'project_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'ratings',
    'rating_receipts',
    'rating_sessions',
    'projects',
    'ballots',
    'ballot_receipts',
    'vote_sessions',
    'publicity_comments',
    'candidate_amendments',
    'candidates',
    'suggestion_scores',
    'suggestion_proposers',
    'suggestions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('batches')
    .dropColumn('collection_closes_at')
    .dropColumn('phase_changed_at')
    .dropColumn('next_deadline_at')
    .dropColumn('next_deadline_label')
    .dropColumn('result')
    .execute();
}

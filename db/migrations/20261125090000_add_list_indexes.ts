import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// The console's lists stay fast at 100,000 rows (issue 5): each index serves a list's default order, a
// filter it offers, or the dashboard. Ties are broken by id, so the id closes each ordered index.
const indexes: { name: string; table: string; definition: string }[] = [
  // suggestions: newest first across the jurisdiction's batches (the list orders `desc nulls last`, and an
  // index serves an order only when it matches exactly); by title; the filters within a batch.
  { name: 'suggestions_created_idx', table: 'suggestions', definition: '(created_at desc nulls last, id)' },
  { name: 'suggestions_title_idx', table: 'suggestions', definition: '(title, id)' },
  { name: 'suggestions_batch_title_idx', table: 'suggestions', definition: '(batch_id, title, id)' },
  { name: 'suggestions_batch_category_idx', table: 'suggestions', definition: '(batch_id, category, created_at desc)' },
  { name: 'suggestions_batch_channel_idx', table: 'suggestions', definition: '(batch_id, channel, created_at desc)' },
  {
    name: 'suggestions_merged_into_idx',
    table: 'suggestions',
    definition: '(merged_into_id) where merged_into_id is not null',
  },
  // `q` searches titles for a fragment (ILIKE '%…%'): only a trigram index can serve it.
  { name: 'suggestions_title_trgm_idx', table: 'suggestions', definition: 'using gin (title gin_trgm_ops)' },
  // candidates
  { name: 'candidates_batch_title_idx', table: 'candidates', definition: '(batch_id, title, id)' },
  { name: 'candidates_department_idx', table: 'candidates', definition: '(department_id)' },
  // projects: the department's and the phase's projects; the dashboard's open projects by warning.
  { name: 'projects_department_idx', table: 'projects', definition: '(department_id, phase)' },
  { name: 'projects_phase_warning_idx', table: 'projects', definition: '(phase, warning)' },
  // tasks: a coordinator's list is the jurisdiction's, by due time (default), creation or status; overdue is open and past due.
  { name: 'tasks_jurisdiction_due_idx', table: 'tasks', definition: '(jurisdiction_id, due_at, id)' },
  { name: 'tasks_jurisdiction_status_due_idx', table: 'tasks', definition: '(jurisdiction_id, status, due_at, id)' },
  { name: 'tasks_jurisdiction_kind_due_idx', table: 'tasks', definition: '(jurisdiction_id, kind, due_at, id)' },
  { name: 'tasks_jurisdiction_created_idx', table: 'tasks', definition: '(jurisdiction_id, created_at, id)' },
  { name: 'tasks_title_trgm_idx', table: 'tasks', definition: 'using gin (title gin_trgm_ops)' },
  // findings: newest first (default), by status.
  { name: 'findings_filed_idx', table: 'findings', definition: '(filed_at desc, id)' },
  { name: 'findings_status_filed_idx', table: 'findings', definition: '(status, filed_at desc, id)' },
  // notices: the inbox's unread and its kinds, newest first (the recipient's full inbox has notices_recipient_idx).
  {
    name: 'notices_recipient_unread_idx',
    table: 'notices',
    definition: '(recipient_user_id, created_at desc, id desc) where read_at is null',
  },
  {
    name: 'notices_recipient_kind_idx',
    table: 'notices',
    definition: '(recipient_user_id, kind, created_at desc, id desc)',
  },
  { name: 'notices_task_idx', table: 'notices', definition: '(task_id) where task_id is not null' },
  // audit_events: the trail newest first, one action (the dashboard's escalations and warnings), one subject.
  { name: 'audit_events_at_idx', table: 'audit_events', definition: '(at desc, id desc)' },
  { name: 'audit_events_action_at_idx', table: 'audit_events', definition: '(action, at desc, id desc)' },
  { name: 'audit_events_subject_idx', table: 'audit_events', definition: '(subject, at desc)' },
];

export async function up(db: Kysely<any>): Promise<void> {
  // pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const { name, table, definition } of indexes) {
    await sql.raw(`create index if not exists ${name} on ${table} ${definition}`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { name } of [...indexes].reverse()) await sql.raw(`drop index if exists ${name}`).execute(db);
}

import { once } from 'node:events';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { candidateList } from '../../domain/contract/candidates';
import { candidateListing } from '../candidates/candidates.service';
import { route } from '../http/route';
import type { Listing, ListOptions, ListQuery } from '../listQuery';
import { noticeList, noticeListing } from '../notices/notices.service';
import { csvExportNotes } from '../openapi';
import { findingList, projectList } from '../../domain/contract/projects';
import { findingListing, projectListing } from '../projects/projects.service';
import { suggestionList } from '../../domain/contract/suggestions';
import { suggestionListing } from '../suggestions/suggestions.service';
import { taskList } from '../../domain/contract/tasks';
import { taskListing } from '../tasks/tasks.service';
import { BOM, csvLine } from './csv';

/** Rows read per query: the file streams out while the next slice is read, whatever the total. */
const CHUNK = 20_000;

/** The list's own options (so an unsorted export matches the list's first pages), its listing and its columns. */
interface ExportSpec<F extends z.ZodType, O> extends ListOptions<F> {
  resource: string;
  summary: string;
  listing: (db: Kysely<Database>, user: SessionUser, list: ListQuery<z.infer<F>>) => Listing<O>;
  /** The columns, in order; the header row names them as the list's JSON does. */
  columns: readonly (keyof O & string)[];
}

async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await once(res, 'drain');
}

/**
 * GET /api/exports/<resource>.csv: every row the list route would page through for the same filter and
 * sort, as the same person sees them. Read in one repeatable-read transaction, so rows that change while
 * the file is written are neither missed nor written twice.
 */
function csvExport<F extends z.ZodType, O>(spec: ExportSpec<F, O>) {
  const { resource, summary, listing: _listing, columns: _columns, ...options } = spec;
  return route({
    id: `export${resource[0]!.toUpperCase()}${resource.slice(1)}`,
    method: 'get',
    path: `/exports/${resource}.csv`,
    tag: 'exports',
    summary,
    access: 'signedIn',
    notes: csvExportNotes(resource),
    export: options,
    produces: 'text/csv',
    ok: { 200: `Every matching row, as an attachment named \`${resource}.csv\`.` },
    handler: async ({ res, deps: { db }, user, list }) => {
      await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const listing = spec.listing(trx, user, list);
          let rows = await listing.rows(0, CHUNK);
          res.attachment(`${spec.resource}.csv`);
          res.type('text/csv; charset=utf-8');
          await write(res, BOM + csvLine(spec.columns));
          for (let offset = 0; ;) {
            await write(res, rows.map((row) => csvLine(spec.columns.map((c) => row[c]))).join(''));
            if (rows.length < CHUNK) break;
            offset += CHUNK;
            rows = await listing.rows(offset, CHUNK);
          }
        });
      res.end();
    },
  });
}

/** CSV exports of the console's lists (issue 5: every matching row, not react-admin's first thousand). */
export const exportRoutes = [
  csvExport({
    resource: 'suggestions',
    summary: 'Export the suggestions list as CSV',
    ...suggestionList,
    listing: suggestionListing,
    columns: [
      'id',
      'batch_id',
      'title',
      'description',
      'category',
      'location',
      'channel',
      'proposer_count',
      'score',
      'outcome',
      'outcome_reason',
      'department_id',
      'funding_source',
      'policy_compliant',
      'merged_into_id',
      'promoted_from_id',
      'reviewed_at',
      'created_at',
    ],
  }),

  csvExport({
    resource: 'candidates',
    summary: 'Export the candidates list as CSV',
    ...candidateList,
    listing: candidateListing,
    columns: [
      'id',
      'batch_id',
      'suggestion_id',
      'title',
      'description',
      'department_name',
      'responsible_leader_name',
      'implementing_unit',
      'budget_yuan',
      'deadline',
      'acceptance_standard',
      'status',
      'elected',
      'approvals',
      'created_at',
      'updated_at',
    ],
  }),

  csvExport({
    resource: 'projects',
    summary: 'Export the projects list as CSV',
    ...projectList,
    listing: projectListing,
    columns: [
      'id',
      'batch_id',
      'title',
      'department_name',
      'responsible_leader_name',
      'implementing_unit',
      'budget_yuan',
      'deadline',
      'phase',
      'stage',
      'progress_percent',
      'last_reported_at',
      'warning',
      'warning_reason',
      'warning_changed_at',
      'allocation_yuan',
      'disbursed_yuan',
      'funds_frozen',
      'accepted_at',
      'in_use_on',
      'rating_outcome',
      'consequence',
      'created_at',
    ],
  }),

  csvExport({
    resource: 'tasks',
    summary: 'Export my tasks, or as a coordinator every task of my jurisdiction, as CSV',
    ...taskList,
    listing: taskListing,
    columns: [
      'id',
      'title',
      'kind',
      'status',
      'assignee_kind',
      'assignee_label',
      'due_at',
      'overdue',
      'escalation_level',
      'owner_workflow_id',
      'completed_by',
      'completed_at',
      'created_at',
    ],
  }),

  csvExport({
    resource: 'findings',
    summary: 'Export the findings list as CSV',
    ...findingList,
    listing: findingListing,
    columns: [
      'id',
      'project_id',
      'project_title',
      'filed_by_name',
      'filed_at',
      'status',
      'round',
      'text',
      'response',
      'photo_ids',
    ],
  }),

  csvExport({
    resource: 'notices',
    summary: 'Export my notices as CSV',
    ...noticeList,
    listing: (trx, user, list) => noticeListing(trx, user.userId, list),
    columns: ['id', 'kind', 'title', 'body', 'workflow_id', 'task_id', 'created_at', 'read_at'],
  }),
];

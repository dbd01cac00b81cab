import { z } from 'zod';
import type { Role } from '../domain/assignee';
import {
  boxSharesSchema,
  encodedBallotSchema,
  encodedRatingSheetSchema,
  openRatingSchema,
} from '../domain/ballotEncoding';
import { auditFilterSchema, auditSortable } from './audit/audit.routes';
import { loginSchema } from './auth/auth.schemas';
import { batchFilterSchema, batchSortable, createBatchSchema, openVoteSchema } from './batches/batches.schemas';
import { amendCandidateSchema, candidateFilterSchema, candidateSortable } from './candidates/candidates.schemas';
import {
  departmentFilterSchema,
  departmentSortable,
  userFilterSchema,
  userSortable,
} from './directory/directory.routes';
import { listParamSchemas } from './listQuery';
import { noticeFilterSchema, noticeSortable } from './notices/notices.service';
import {
  allocateSchema,
  anomalySchema,
  bulletinFilterSchema,
  bulletinSortable,
  disburseSchema,
  enterUseSchema,
  setStagePlanSchema,
  fileFindingSchema,
  findingFilterSchema,
  findingSortable,
  fundPoolSchema,
  photoTypes,
  projectFilterSchema,
  projectSortable,
  projectTimelineFilterSchema,
  reviewFindingSchema,
} from './projects/projects.schemas';
import {
  commentFilterSchema,
  commentSortable,
  publicCommentSchema,
  respondSchema,
} from './publicity/publicity.schemas';
import { ratingSessionSortable } from './ratings/ratings.routes';
import {
  enteredSuggestionSchema,
  mergeSchema,
  publicSuggestionSchema,
  reserveImportSchema,
  reviewSchema,
  scoreSchema,
  suggestionFilterSchema,
  suggestionSortable,
} from './suggestions/suggestions.schemas';
import { completeTaskSchema, createTaskSchema, taskFilterSchema, taskSortable } from './tasks/tasks.schemas';
import { sessionFilterSchema, sessionSortable } from './votes/votes.routes';

/**
 * The API's OpenAPI 3.1 document: one table entry per route that api/app.ts registers, with request
 * bodies and list parameters converted from the zod schemas the routes parse with. Responses carry
 * no body schema: the routes answer with database rows, which have no zod schema to convert.
 * `npm run openapi` writes api/openapi.json; test/api/openapi.test.ts keeps both in step with the routes.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call: anyone (no token), any signed-in person, or the holders of one of these roles. */
type Access = 'public' | 'signedIn' | readonly Role[];
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;
type SuccessStatus = 200 | 201 | 202;

interface ListSpec {
  /** The resource named in Content-Range, as sendPage writes it. */
  resource: string;
  sortable: readonly [string, ...string[]];
  filter: z.ZodType;
}

interface Operation {
  id: string;
  method: Method;
  /** OpenAPI form: `/batches/{id}/open-vote`. */
  path: string;
  tag: keyof typeof tags;
  summary: string;
  access: Access;
  /** What the summary leaves out: who else is refused, in which phase, what a retry does. */
  notes?: string;
  list?: ListSpec;
  /** A CSV of every row a list would page through: its sort and filter parameters, no range. */
  export?: Omit<ListSpec, 'resource'>;
  body?: z.ZodType;
  /** A raw upload in one of these media types instead of a JSON body. */
  upload?: readonly string[];
  /** The success response's media type when it is not JSON (a file). */
  produces?: string;
  /** Takes the optional Idempotency-Key header. */
  idempotencyKey?: boolean;
  /** Success statuses and what each returns; a plain 200 when absent. */
  ok?: Partial<Record<SuccessStatus, string>>;
  /** Refusals besides those access, body and list imply (401; 403 for a role list; 400 for input). */
  refusals?: ErrorStatus[];
}

const tags = {
  system: 'Health, client configuration and this document.',
  auth: 'Signing in and who is signed in.',
  tasks:
    'Tasks (待办、交办事项) waiting for a person, a role or a department, with deadlines, reminders and escalation.',
  notices: 'Each person’s inbox (站内通知).',
  'audit-events': 'The trail of accepted decisions and notices of the coordinator’s jurisdiction.',
  users: 'The people of the caller’s jurisdiction.',
  departments: 'The departments of the caller’s jurisdiction.',
  batches:
    'The year’s batch (年度民生实事项目) and the coordinator’s decisions that move its workflow from phase to phase.',
  suggestions:
    'Suggestions (征集建议): the public form, entry by signed-in people, merging duplicates, scoring and the joint review.',
  candidates: 'Candidate projects (候选项目) and their amendments during publicity.',
  publicity:
    'The published candidate list (候选项目公示): what anyone reads and comments on, and the office’s answers.',
  'vote-sessions': 'Vote sessions (差额票决) with secret ballots.',
  'rating-sessions': 'Satisfaction ratings (满意度测评), as anonymous as the ballot.',
  projects:
    'Voted projects (民生实事项目): their responsibility lists, progress warnings, supervision groups and the decisions that move each project’s workflow.',
  findings:
    'Supervision groups’ findings (监督发现的问题), each handed to the department with a deadline for its response.',
  funds:
    'The batch’s fund pool (资金池), each project’s allocation and disbursements, and anomalies that freeze payment.',
  photos: 'Site photos, uploaded once and cited by findings and progress reports.',
  bulletins: 'The monthly bulletins (月通报) the batch workflow writes.',
  dashboard: 'What the coordinator watches: open batches, warnings, overdue tasks and escalations.',
  exports: 'CSV files of every row a list matches, for the office’s spreadsheets.',
} as const;

const errorBodySchema = z.object({
  message: z.string().describe('What went wrong, for the person who made the request.'),
  errors: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'On a 400 for invalid input: the first message for each field path (`candidate.title`, `plan.0.plannedEnd`), so a form can show it under the field.',
    ),
});

const errorResponses: Record<ErrorStatus, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description: 'Invalid input: a body field, a query parameter or the JSON itself; nothing was changed.',
  },
  401: {
    name: 'Unauthorized',
    description:
      'Not signed in: the bearer token is missing, forged or expired (at login: a wrong username or password).',
  },
  403: { name: 'Forbidden', description: 'Signed in, but not in a role, or not the person, this may be done by.' },
  404: { name: 'NotFound', description: 'No such record, or one of another jurisdiction.' },
  409: { name: 'Conflict', description: 'The wrong phase, a duplicate, or already done; nothing was changed.' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the route allows; nothing was stored.' },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is not of a media type the route takes; nothing was stored.',
  },
  422: { name: 'UnprocessableContent', description: 'Refused by a rule of the procedure; the message says which.' },
};

const paramDescriptions: Record<string, string> = {
  id: 'The record’s id.',
  batchId: 'The batch’s id, `batch-<jurisdiction>-<year>`.',
  findingId: 'The finding’s id.',
};

const list = (resource: string, sortable: readonly [string, ...string[]], filter: z.ZodType): ListSpec => ({
  resource,
  sortable,
  filter,
});

/** `GET /exports/<resource>.csv`: the list's filter, visibility and order, every row. */
const csvExport = (
  resource: string,
  sortable: readonly [string, ...string[]],
  filter: z.ZodType,
  summary: string,
): Operation => ({
  id: `export${resource[0]!.toUpperCase()}${resource.slice(1)}`,
  method: 'get',
  path: `/exports/${resource}.csv`,
  tag: 'exports',
  summary,
  access: 'signedIn',
  notes: `The same rows, in the same order, as \`GET /${resource}\` with this \`filter\` and \`sort\` pages through, as the caller sees them. UTF-8 with a byte order mark, a header row of the list’s field names, CRLF line ends; text a spreadsheet would take for a formula is prefixed with an apostrophe.`,
  export: { sortable, filter },
  produces: 'text/csv',
  ok: { 200: `Every matching row, as an attachment named \`${resource}.csv\`.` },
});

const formRetry = (what: string) =>
  `The form’s \`key\` makes a retried submit return the first ${what}; the same key with different content is a 409.`;

const decisionNotes =
  'An update of the batch workflow: its validator refuses a decision out of phase (409), by someone not allowed (403) or against a rule (422), with the reason. The same `Idempotency-Key` makes a retried request the same decision, answered once.';

/** The coordinator's decisions on a batch, each `POST /batches/{id}/<verb>` (the `decide` helper in batches.routes.ts). */
const decision = (id: string, verb: string, summary: string, body?: z.ZodType): Operation => ({
  id,
  method: 'post',
  path: `/batches/{id}/${verb}`,
  tag: 'batches',
  summary,
  access: ['coordinator'],
  notes: decisionNotes,
  body,
  idempotencyKey: true,
  ok: { 200: 'The workflow’s state after the decision.' },
  refusals: [403, 404, 409, 422],
});

const projectDecisionNotes =
  'An update of the project’s workflow: its validator refuses a decision out of phase (409), by someone not allowed, e.g. not in the supervision group (403), or against a rule (422), with the reason; a project whose workflow has ended is a 409. The same `Idempotency-Key` makes a retried request the same decision, answered once.';

/** A decision on a voted project, `POST /projects/{id}/<verb>` (the `decide` helper in projects.routes.ts). */
const projectDecision = (
  id: string,
  verb: string,
  access: readonly Role[],
  summary: string,
  body?: z.ZodType,
): Operation => ({
  id,
  method: 'post',
  path: `/projects/{id}/${verb}`,
  tag: 'projects',
  summary,
  access,
  notes: projectDecisionNotes,
  body,
  idempotencyKey: true,
  ok: { 200: 'The workflow’s answer: the project’s state, or the finding’s.' },
  refusals: [403, 404, 409, 422],
});

const fundKeyNotes =
  'The form’s `key` makes a retried request return the earlier movement and change nothing (200); the same key with anything else is a 409.';

/** A change to a project's funds: one movement, answered with the project's fund standing. */
const fundMovement = (
  id: string,
  verb: string,
  access: readonly Role[],
  summary: string,
  notes: string,
  body: z.ZodType,
): Operation => ({
  id,
  method: 'post',
  path: `/projects/{id}/funds/${verb}`,
  tag: 'funds',
  summary,
  access,
  notes: `${notes} ${fundKeyNotes}`,
  body,
  ok: {
    200: 'A retried request: `{ movement, funds }` as first recorded, funds as they stand now.',
    201: 'The movement and the project’s funds after it: `{ movement, funds }`.',
  },
  refusals: [404, 409, 422],
});

export const operations: readonly Operation[] = [
  // System
  {
    id: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'system',
    summary: 'Check that the API is up',
    access: 'public',
  },
  {
    id: 'getConfig',
    method: 'get',
    path: '/config',
    tag: 'system',
    summary: 'Read the client configuration (the Temporal UI address)',
    access: 'public',
  },
  {
    id: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    tag: 'system',
    summary: 'Read this OpenAPI document',
    access: 'public',
  },

  // Auth
  {
    id: 'login',
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Sign in with a username and password and receive a bearer token',
    access: 'public',
    body: loginSchema,
    ok: { 200: 'The bearer token and the signed-in user.' },
    refusals: [401],
  },
  {
    id: 'getMe',
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'Read who I am signed in as',
    access: 'signedIn',
  },

  // Tasks
  {
    id: 'listTasks',
    method: 'get',
    path: '/tasks',
    tag: 'tasks',
    summary: 'List my tasks, or as a coordinator every task of my jurisdiction',
    access: 'signedIn',
    notes:
      'Others see the tasks assigned to them, to one of their roles or to their department; `filter.mine` narrows a coordinator’s list the same way.',
    list: list('tasks', taskSortable, taskFilterSchema),
  },
  {
    id: 'getTask',
    method: 'get',
    path: '/tasks/{id}',
    tag: 'tasks',
    summary: 'Read a task with its workflow’s live state',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'createTask',
    method: 'post',
    path: '/tasks',
    tag: 'tasks',
    summary: 'Assign an instruction (交办事项) to a person, a role or a department, with a deadline',
    access: ['coordinator'],
    notes:
      'The form’s `key` names the task’s workflow: a retried submit finds the running task instead of starting another.',
    body: createTaskSchema,
    ok: { 201: 'The task as recorded.', 202: 'Started, but the worker has not recorded it yet: `{ id, message }`.' },
    refusals: [422],
  },
  {
    id: 'completeTask',
    method: 'post',
    path: '/tasks/{id}/complete',
    tag: 'tasks',
    summary: 'Complete a task assigned to me with its result',
    access: 'signedIn',
    notes:
      'Only someone the task is assigned to (directly, by role or by department) may complete it. The same person sending the same result again gets the task back; anything else after completion is a 409.',
    body: completeTaskSchema,
    ok: { 200: 'The completed task.' },
    refusals: [403, 404, 409, 422],
  },

  // Notices
  {
    id: 'listNotices',
    method: 'get',
    path: '/notices',
    tag: 'notices',
    summary: 'List my notices',
    access: 'signedIn',
    list: list('notices', noticeSortable, noticeFilterSchema),
  },
  {
    id: 'getNotice',
    method: 'get',
    path: '/notices/{id}',
    tag: 'notices',
    summary: 'Read one of my notices',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'markNoticeRead',
    method: 'post',
    path: '/notices/{id}/read',
    tag: 'notices',
    summary: 'Mark one of my notices as read',
    access: 'signedIn',
    notes: 'Marking it again keeps the first reading time.',
    refusals: [404],
  },

  // The coordinator's dashboard and the CSV exports
  {
    id: 'getDashboard',
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    summary: 'Read the coordinator’s dashboard',
    access: ['coordinator'],
    notes:
      '`openBatches`: batches not closed, with phase and next deadline from the workflow’s live state (the batch row when the workflow does not answer); `warningCounts` of projects not closed; `attentionProjects` (red, then yellow, then blue; up to 10); open `overdueTasks` (oldest due first, up to 10, with the total); the 10 latest `recentEscalations`; `progressByProject` (planned against reported percent, up to 20 projects under implementation); `warningsByWeek`, the warnings raised in each of the last 12 weeks (Monday, China Standard Time).',
    ok: {
      200: '`{ now, openBatches, warningCounts, attentionProjects, overdueTasks, recentEscalations, progressByProject, warningsByWeek }`.',
    },
  },
  csvExport('suggestions', suggestionSortable, suggestionFilterSchema, 'Export the suggestions list as CSV'),
  csvExport('candidates', candidateSortable, candidateFilterSchema, 'Export the candidates list as CSV'),
  csvExport('projects', projectSortable, projectFilterSchema, 'Export the projects list as CSV'),
  csvExport(
    'tasks',
    taskSortable,
    taskFilterSchema,
    'Export my tasks, or as a coordinator every task of my jurisdiction, as CSV',
  ),
  csvExport('findings', findingSortable, findingFilterSchema, 'Export the findings list as CSV'),
  csvExport('notices', noticeSortable, noticeFilterSchema, 'Export my notices as CSV'),

  // Audit trail, users and departments
  {
    id: 'listAuditEvents',
    method: 'get',
    path: '/audit-events',
    tag: 'audit-events',
    summary: 'List the audit trail of my jurisdiction',
    access: ['coordinator'],
    list: list('audit-events', auditSortable, auditFilterSchema),
  },
  {
    id: 'getAuditEvent',
    method: 'get',
    path: '/audit-events/{id}',
    tag: 'audit-events',
    summary: 'Read one audit event',
    access: ['coordinator'],
    refusals: [404],
  },
  {
    id: 'listUsers',
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'List the people of my jurisdiction',
    access: ['coordinator'],
    list: list('users', userSortable, userFilterSchema),
  },
  {
    id: 'getUser',
    method: 'get',
    path: '/users/{id}',
    tag: 'users',
    summary: 'Read a person of my jurisdiction',
    access: ['coordinator'],
    refusals: [404],
  },
  {
    id: 'listDepartments',
    method: 'get',
    path: '/departments',
    tag: 'departments',
    summary: 'List the departments of my jurisdiction',
    access: 'signedIn',
    list: list('departments', departmentSortable, departmentFilterSchema),
  },
  {
    id: 'getDepartment',
    method: 'get',
    path: '/departments/{id}',
    tag: 'departments',
    summary: 'Read a department',
    access: 'signedIn',
    refusals: [404],
  },

  // The public side of a batch: no login (DOMAIN.md steps 1 and 3)
  {
    id: 'submitPublicSuggestion',
    method: 'post',
    path: '/public/batches/{batchId}/suggestions',
    tag: 'suggestions',
    summary: 'Submit a suggestion through the public form',
    access: 'public',
    notes: `Only during collection. ${formRetry('suggestion')}`,
    body: publicSuggestionSchema,
    ok: { 200: 'A retried submit: the first suggestion.', 201: 'The suggestion as recorded.' },
    refusals: [404, 409],
  },
  {
    id: 'listPublicBatches',
    method: 'get',
    path: '/public/batches',
    tag: 'publicity',
    summary: 'List the batches under way, newest year first',
    access: 'public',
    ok: {
      200: '`[{ id, jurisdictionName, title, year, phase, nextDeadline: { at, label } | null }]` of every batch not closed.',
    },
  },
  {
    id: 'getPublicBatch',
    method: 'get',
    path: '/public/batches/{batchId}',
    tag: 'publicity',
    summary: 'Read where a batch stands and its next date',
    access: 'public',
    refusals: [404],
  },
  {
    id: 'listPublicCandidates',
    method: 'get',
    path: '/public/batches/{batchId}/candidates',
    tag: 'publicity',
    summary: 'Read the published candidate list of a batch',
    access: 'public',
    notes: 'Public from candidate publicity on; before that a 409.',
    ok: { 200: 'The active candidates with their responsibility lists, and the vote’s result once known.' },
    refusals: [404, 409],
  },
  {
    id: 'readPublicResults',
    method: 'get',
    path: '/public/batches/{batchId}/results',
    tag: 'publicity',
    summary: 'Read the published vote result and full tally of a batch',
    access: 'public',
    notes:
      'Every closed round with its seats, deputies entitled and present, scrutineers, tellers and per-candidate tally; a 409 before the vote has closed.',
    ok: { 200: 'The elected list, candidate titles and every closed round.' },
    refusals: [404, 409],
  },
  {
    id: 'listPublicProjects',
    method: 'get',
    path: '/public/batches/{batchId}/projects',
    tag: 'publicity',
    summary: 'Read each voted project’s progress (向人民报告), the earliest deadline first',
    access: 'public',
    notes:
      'From implementation on; before that a 409. Public facts only: the responsible department, never a person. `progressPercent` and `lastReportedAt` are null until the first progress report.',
    ok: {
      200: '`[{ id, title, departmentName, implementingUnit, budgetYuan, deadline, phase, progressPercent, stage, warning, lastReportedAt, ratingOutcome }]`.',
    },
    refusals: [404, 409],
  },
  {
    id: 'submitPublicComment',
    method: 'post',
    path: '/public/batches/{batchId}/comments',
    tag: 'publicity',
    summary: 'Comment on the published candidate list or on one candidate',
    access: 'public',
    notes: `Only during candidate publicity. ${formRetry('comment')}`,
    body: publicCommentSchema,
    ok: { 200: 'A retried submit: the first comment.', 201: 'The comment as recorded.' },
    refusals: [404, 409, 422],
  },

  // Suggestions
  {
    id: 'enterSuggestion',
    method: 'post',
    path: '/batches/{batchId}/suggestions',
    tag: 'suggestions',
    summary: 'Enter a suggestion as a deputy, for my department, or for a member of the public',
    access: ['deputy', 'official', 'coordinator'],
    notes: `Only during collection. The channel follows from the role; a coordinator names how the suggestion was received (hotline12345, liaisonStation or doorToDoor) and the proposer’s contact. The screening group (reviewer) may not propose. ${formRetry('suggestion')}`,
    body: enteredSuggestionSchema,
    ok: { 200: 'A retried submit: the first suggestion.', 201: 'The suggestion as recorded, with its proposers.' },
    refusals: [404, 409, 422],
  },
  {
    id: 'importReserveSuggestions',
    method: 'post',
    path: '/batches/{batchId}/reserve-imports',
    tag: 'suggestions',
    summary: 'Import reserve-library suggestions of earlier years into this batch',
    access: ['coordinator'],
    notes: 'Only during collection. A retried import finds its copies and creates nothing.',
    body: reserveImportSchema,
    ok: { 200: 'Nothing new: `{ created: 0, suggestions }`.', 201: 'Imported: `{ created, suggestions }`.' },
    refusals: [404, 409, 422],
  },
  {
    id: 'listSuggestions',
    method: 'get',
    path: '/suggestions',
    tag: 'suggestions',
    summary: 'List the suggestions of my jurisdiction',
    access: 'signedIn',
    list: list('suggestions', suggestionSortable, suggestionFilterSchema),
  },
  {
    id: 'getSuggestion',
    method: 'get',
    path: '/suggestions/{id}',
    tag: 'suggestions',
    summary: 'Read a suggestion with its proposers, scores, merged duplicates and candidate',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'mergeSuggestion',
    method: 'post',
    path: '/suggestions/{id}/merge',
    tag: 'suggestions',
    summary: 'Merge a duplicate suggestion into the one it repeats',
    access: ['coordinator', 'reviewer'],
    notes: 'During collection or screening, within one batch; the proposers move to the suggestion it is merged into.',
    body: mergeSchema,
    refusals: [404, 409, 422],
  },
  {
    id: 'scoreSuggestion',
    method: 'put',
    path: '/suggestions/{id}/score',
    tag: 'suggestions',
    summary: 'Score a suggestion as a member of the screening group',
    access: ['reviewer'],
    notes: 'During screening. The marks are weighted by the jurisdiction’s policy; scoring again replaces my marks.',
    body: scoreSchema,
    refusals: [404, 409],
  },
  {
    id: 'reviewSuggestion',
    method: 'post',
    path: '/suggestions/{id}/review',
    tag: 'suggestions',
    summary: 'Record the joint review’s outcome for a suggestion',
    access: ['reviewer', 'coordinator'],
    notes:
      'During screening, once someone has scored it. A candidate outcome creates or updates its candidate; any other outcome withdraws it.',
    body: reviewSchema,
    refusals: [404, 409, 422],
  },

  // Candidates and the office's side of publicity
  {
    id: 'listCandidates',
    method: 'get',
    path: '/candidates',
    tag: 'candidates',
    summary: 'List the candidate projects of my jurisdiction',
    access: 'signedIn',
    list: list('candidates', candidateSortable, candidateFilterSchema),
  },
  {
    id: 'getCandidate',
    method: 'get',
    path: '/candidates/{id}',
    tag: 'candidates',
    summary: 'Read a candidate project with its amendments',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'amendCandidate',
    method: 'patch',
    path: '/candidates/{id}',
    tag: 'candidates',
    summary: 'Amend a candidate during publicity, giving the reason',
    access: ['coordinator'],
    notes:
      'During candidate publicity; the change is recorded with what it replaced. Sending the same change again records nothing.',
    body: amendCandidateSchema,
    refusals: [404, 409, 422],
  },
  {
    id: 'listPublicityComments',
    method: 'get',
    path: '/publicity-comments',
    tag: 'publicity',
    summary: 'List the public’s comments on candidate lists',
    access: ['coordinator'],
    list: list('publicity-comments', commentSortable, commentFilterSchema),
  },
  {
    id: 'getPublicityComment',
    method: 'get',
    path: '/publicity-comments/{id}',
    tag: 'publicity',
    summary: 'Read a public comment and its answer',
    access: ['coordinator'],
    refusals: [404],
  },
  {
    id: 'respondToPublicityComment',
    method: 'post',
    path: '/publicity-comments/{id}/respond',
    tag: 'publicity',
    summary: 'Answer a public comment and say whether it is adopted',
    access: ['coordinator'],
    notes: 'During screening, candidate publicity or the approval chain, while the list can still change.',
    body: respondSchema,
    refusals: [404, 409],
  },

  // Batches
  {
    id: 'listBatches',
    method: 'get',
    path: '/batches',
    tag: 'batches',
    summary: 'List the batches of my jurisdiction',
    access: 'signedIn',
    list: list('batches', batchSortable, batchFilterSchema),
  },
  {
    id: 'getBatch',
    method: 'get',
    path: '/batches/{id}',
    tag: 'batches',
    summary: 'Read a batch with its workflow’s live state',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'openBatch',
    method: 'post',
    path: '/batches',
    tag: 'batches',
    summary: 'Open the year’s batch of my jurisdiction and start collecting suggestions',
    access: ['coordinator'],
    notes:
      'One batch per jurisdiction and year: a resubmit returns the same batch. A closing day already past is a 422.',
    body: createBatchSchema,
    ok: {
      200: 'The year’s batch already exists: that batch.',
      201: 'The batch as recorded.',
      202: 'Started, but the worker has not recorded it yet: `{ id, message }`.',
    },
    refusals: [422],
  },
  decision('closeCollection', 'close-collection', 'Close the collection of suggestions before its closing day'),
  decision('concludeScreening', 'conclude-screening', 'Conclude screening and start the publicity of the candidates'),
  {
    ...decision('openVote', 'open-vote', 'Open the deputies’ vote on the candidates', openVoteSchema),
    notes: `${decisionNotes} The answer carries, this once, \`box.shares\`: one key share per scrutineer for the sealed ballot box (docs/secrecy.md); \`box.threshold\` of them open it at close. A retried request is refused with a 409: the shares are shown only once.`,
  },
  {
    ...decision(
      'closeVote',
      'close-vote',
      'Open the sealed ballot box with the scrutineers’ shares, close the vote and count it',
      boxSharesSchema,
    ),
    notes: `${decisionNotes} \`shares\`: at least \`threshold\` different scrutineers’ key shares as printed at opening; too few or wrong ones are refused with a 422 and nothing changes.`,
  },
  {
    ...decision(
      'openRating',
      'open-rating',
      'Open the deputies’ satisfaction rating of the projects',
      openRatingSchema,
    ),
    notes: `${decisionNotes} \`scrutineers\` (at least two) hold the sealed rating sheets' key: the answer carries, this once, \`box.shares\`, one per scrutineer, \`box.threshold\` of which open the sheets at close (docs/secrecy.md).`,
  },
  {
    ...decision(
      'closeRating',
      'close-rating',
      'Open the sealed rating sheets with the scrutineers’ shares and count them',
      boxSharesSchema,
    ),
    notes: `${decisionNotes} \`shares\`: at least \`threshold\` different scrutineers’ key shares as printed at opening; too few or wrong ones are refused with a 422 and nothing changes.`,
  },

  // Vote and rating sessions
  {
    id: 'listVoteSessions',
    method: 'get',
    path: '/vote-sessions',
    tag: 'vote-sessions',
    summary: 'List the vote sessions of my jurisdiction with the number of ballots cast',
    access: 'signedIn',
    notes: '`voted` is true when I hold a receipt for the session; never how I voted.',
    list: list('vote-sessions', sessionSortable, sessionFilterSchema),
  },
  {
    id: 'getVoteSession',
    method: 'get',
    path: '/vote-sessions/{id}',
    tag: 'vote-sessions',
    summary: 'Read a vote session and my receipt if I voted',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'castBallot',
    method: 'post',
    path: '/vote-sessions/{id}/ballots',
    tag: 'vote-sessions',
    summary: 'Cast my secret ballot in an open vote session',
    access: ['deputy'],
    notes:
      'Once per deputy and session, never changed. `ballot` is two characters per candidate in the session’s `candidate_ids` order — the choice (`a` approve, `d` disapprove, `s` abstain) and the priority (`0` none, `1` very necessary, `2` necessary, `3` ordinary) — so every ballot of a session is the same size; any other length or shape is refused. It is sealed to the session’s key and stored without my name; the receipt proves it was counted.',
    body: encodedBallotSchema,
    ok: { 201: 'The receipt: `{ sessionId, receiptCode }`.' },
    refusals: [404, 409, 422],
  },
  {
    id: 'listRatingSessions',
    method: 'get',
    path: '/rating-sessions',
    tag: 'rating-sessions',
    summary: 'List the rating sessions of my jurisdiction and whether I have rated in each',
    access: 'signedIn',
    notes: '`rated` is true when I hold a receipt for the session; nothing about any rating’s content is shown.',
    list: list('rating-sessions', ratingSessionSortable, sessionFilterSchema),
  },
  {
    id: 'getRatingSession',
    method: 'get',
    path: '/rating-sessions/{id}',
    tag: 'rating-sessions',
    summary: 'Read a rating session, its projects and my receipt if I rated',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'submitRatings',
    method: 'post',
    path: '/rating-sessions/{id}/ratings',
    tag: 'rating-sessions',
    summary: 'Rate every project of the session, once and anonymously',
    access: ['deputy', 'committeeMember'],
    notes:
      'Once per person and session, never changed. `sheet` is one character per project in the session’s `project_ids` order (`s` satisfied, `b` basically satisfied, `u` unsatisfied), so every sheet is the same size. A congress rating (`kind` congress) is for deputies; a re-rating after rectification (`kind` committee) for standing committee members; anyone else is refused with a 403 that says which.',
    body: encodedRatingSheetSchema,
    ok: { 201: 'The receipt: `{ sessionId, receiptCode }`.' },
    refusals: [404, 409, 422],
  },

  // Voted projects
  {
    id: 'listProjects',
    method: 'get',
    path: '/projects',
    tag: 'projects',
    summary: 'List the voted projects of my jurisdiction with their department and responsible leader',
    access: 'signedIn',
    notes: 'Sorting by `warning` orders by severity: none, blue, yellow, red.',
    list: list('projects', projectSortable, projectFilterSchema),
  },
  {
    id: 'getProject',
    method: 'get',
    path: '/projects/{id}',
    tag: 'projects',
    summary: 'Read a project with its workflow’s live state, supervision group and funds',
    access: 'signedIn',
    notes: '`live` is null when the workflow cannot be reached.',
    refusals: [404],
  },
  projectDecision(
    'joinSupervisionGroup',
    'supervision-group/join',
    ['deputy'],
    'Join the project’s supervision group (监督小组)',
  ),
  {
    id: 'fileFinding',
    method: 'post',
    path: '/projects/{id}/findings',
    tag: 'findings',
    summary: 'File a finding of the supervision group, with photos, for the department to answer by its deadline',
    access: ['deputy'],
    notes: `${projectDecisionNotes} The photos must have been uploaded first (422 otherwise). ${formRetry('finding')}`,
    body: fileFindingSchema,
    idempotencyKey: true,
    ok: { 200: 'A retried submit: the finding as filed.', 201: 'The finding as filed.' },
    refusals: [404, 409, 422],
  },
  projectDecision(
    'reviewFinding',
    'findings/{findingId}/review',
    ['deputy'],
    'Accept the department’s response to a finding, or send it back with a note',
    reviewFindingSchema,
  ),
  {
    ...projectDecision(
      'setStagePlan',
      'stage-plan',
      ['coordinator', 'official'],
      'Plan the stages (筹备 → 施工 → 验收) with their dates; acceptance must end by the deadline',
      setStagePlanSchema,
    ),
    method: 'put',
  },
  projectDecision(
    'acceptCompletion',
    'accept-completion',
    ['coordinator'],
    'Accept the project’s completion (竣工验收)',
  ),
  projectDecision(
    'enterUse',
    'enter-use',
    ['coordinator'],
    'Record the day the project entered use (投入使用); post-evaluation follows a year later',
    enterUseSchema,
  ),
  projectDecision(
    'openReRating',
    're-rating/open',
    ['coordinator'],
    'Open the standing committee’s re-rating after rectification; answers once with the scrutineers’ key shares',
    openRatingSchema,
  ),
  projectDecision(
    'closeReRating',
    're-rating/close',
    ['coordinator'],
    'Open the sealed re-rating sheets with the scrutineers’ key shares, close the re-rating and count it',
    boxSharesSchema,
  ),

  // Findings
  {
    id: 'listFindings',
    method: 'get',
    path: '/findings',
    tag: 'findings',
    summary: 'List the supervision groups’ findings in my jurisdiction',
    access: 'signedIn',
    list: list('findings', findingSortable, findingFilterSchema),
  },
  {
    id: 'getFinding',
    method: 'get',
    path: '/findings/{id}',
    tag: 'findings',
    summary: 'Read a finding with its project and who filed it',
    access: 'signedIn',
    refusals: [404],
  },

  // Funds
  {
    id: 'getFundPool',
    method: 'get',
    path: '/batches/{batchId}/fund-pool',
    tag: 'funds',
    summary: 'Read the batch’s fund pool: its total, allocated and disbursed',
    access: 'signedIn',
    refusals: [404],
  },
  {
    id: 'setFundPool',
    method: 'put',
    path: '/batches/{batchId}/fund-pool',
    tag: 'funds',
    summary: 'Set the total of the batch’s fund pool',
    access: ['coordinator'],
    notes: 'A total below what the projects already hold is a 422. Setting the same total again records nothing.',
    body: fundPoolSchema,
    ok: { 200: 'The pool as it now stands.' },
    refusals: [404, 422],
  },
  {
    id: 'listProjectTimeline',
    method: 'get',
    path: '/projects/{id}/timeline',
    tag: 'projects',
    summary: 'List what happened to a project (its workflow’s audit events), for everyone who may see the project',
    access: 'signedIn',
    list: list('timeline', auditSortable, projectTimelineFilterSchema),
    refusals: [404],
  },
  {
    id: 'getProjectFunds',
    method: 'get',
    path: '/projects/{id}/funds',
    tag: 'funds',
    summary: 'Read a project’s allocation, disbursements and every fund movement',
    access: 'signedIn',
    refusals: [404],
  },
  fundMovement(
    'allocateFunds',
    'allocate',
    ['coordinator'],
    'Set the project’s allocation from the pool',
    '`amountYuan` is the allocation as it should now stand, not an increment; more than the pool has left, or less than already disbursed, is a 422.',
    allocateSchema,
  ),
  fundMovement(
    'disburseFunds',
    'disburse',
    ['coordinator', 'official'],
    'Disburse part of the project’s allocation',
    'An official only for a project of their own department (403 otherwise). More than the allocation leaves is a 422; while an anomaly is flagged, a 409.',
    disburseSchema,
  ),
  fundMovement(
    'flagFundAnomaly',
    'flag-anomaly',
    ['coordinator', 'reviewer', 'deputy'],
    'Flag an anomaly, freezing the project’s disbursements',
    'Each flag is kept with its note.',
    anomalySchema,
  ),
  fundMovement(
    'clearFundAnomaly',
    'clear-anomaly',
    ['coordinator'],
    'Clear the anomaly and let disbursements resume',
    'Nothing frozen is a 409.',
    anomalySchema,
  ),

  // Photos
  {
    id: 'uploadPhoto',
    method: 'post',
    path: '/photos',
    tag: 'photos',
    summary: 'Upload a site photo (at most 5 MB)',
    access: 'signedIn',
    notes:
      'The body is the image itself. A body whose bytes are not the declared image type is a 415; the same photo uploaded again by the same person gets the same id.',
    upload: photoTypes,
    ok: { 201: 'The photo’s id: `{ id }`.' },
    refusals: [400, 413, 415],
  },
  {
    id: 'getPhoto',
    method: 'get',
    path: '/photos/{id}',
    tag: 'photos',
    summary: 'Read a photo uploaded in my jurisdiction',
    access: 'signedIn',
    produces: 'image/*',
    ok: { 200: 'The image.' },
    refusals: [404],
  },

  // Bulletins
  {
    id: 'listBulletins',
    method: 'get',
    path: '/bulletins',
    tag: 'bulletins',
    summary: 'List the monthly bulletins of my jurisdiction’s batches',
    access: ['coordinator'],
    list: list('bulletins', bulletinSortable, bulletinFilterSchema),
  },
  {
    id: 'getBulletin',
    method: 'get',
    path: '/bulletins/{id}',
    tag: 'bulletins',
    summary: 'Read a monthly bulletin',
    access: ['coordinator'],
    refusals: [404],
  },
  {
    id: 'downloadBulletin',
    method: 'get',
    path: '/bulletins/{id}/download',
    tag: 'bulletins',
    summary: 'Download a monthly bulletin as a Markdown file',
    access: ['coordinator'],
    produces: 'text/markdown',
    ok: { 200: 'The bulletin, as an attachment named `bulletin-<batch>-<month>.md`.' },
    refusals: [404],
  },
];

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a client sends. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
}

function accessText(access: Access): string {
  if (access === 'public') return 'Public: no sign-in needed.';
  if (access === 'signedIn') return 'Roles: any signed-in person.';
  return `Roles: ${access.join(' or ')}.`;
}

/** ra-data-simple-rest's list parameters: JSON texts in the query string. */
function listParameters({ sortable, filter }: ListSpec) {
  const schemas = listParamSchemas({ sortable, filter });
  const jsonQuery = (name: string, schema: z.ZodType, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    content: { 'application/json': { schema: jsonSchema(schema) } },
  });
  return [
    jsonQuery('sort', schemas.sort, `A sortable field and the order, e.g. \`["${sortable[0]}","ASC"]\`.`),
    jsonQuery(
      'range',
      schemas.range,
      'The first and last row, both inclusive; `[0,24]` when absent. The server caps a page’s size.',
    ),
    jsonQuery('filter', schemas.filter, 'Filters as a JSON object; absent fields do not filter.'),
  ];
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    description: paramDescriptions[name] ?? `The ${name}.`,
    schema: { type: 'string' },
  }));
}

function errorStatuses(op: Operation): ErrorStatus[] {
  const implied: ErrorStatus[] = [];
  if (op.body || op.list || op.export) implied.push(400);
  if (op.access !== 'public') implied.push(401);
  if (Array.isArray(op.access)) implied.push(403);
  return [...new Set([...implied, ...(op.refusals ?? [])])].sort((a, b) => a - b);
}

function successResponses(op: Operation) {
  if (op.list) {
    return {
      200: {
        description: `One page of ${op.list.resource}.`,
        headers: {
          'Content-Range': {
            description: `The page and the total, e.g. \`${op.list.resource} 0-24/137\`.`,
            schema: { type: 'string' },
          },
        },
        content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
      },
    };
  }
  const ok = op.ok ?? { 200: 'OK.' };
  const media = op.produces ?? 'application/json';
  return Object.fromEntries(
    Object.entries(ok).map(([status, description]) => [status, { description, content: { [media]: {} } }]),
  );
}

function operationObject(op: Operation) {
  const parameters = [
    ...pathParameters(op.path),
    ...(op.list ? listParameters(op.list) : []),
    ...(op.export ? listParameters({ resource: '', ...op.export }).filter((p) => p.name !== 'range') : []),
    ...(op.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  const errors = Object.fromEntries(
    errorStatuses(op).map((s) => [s, { $ref: `#/components/responses/${errorResponses[s].name}` }]),
  );
  return {
    operationId: op.id,
    summary: op.summary,
    description: [accessText(op.access), op.notes].filter(Boolean).join('\n\n'),
    tags: [op.tag],
    ...(op.access === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
      : {}),
    ...(op.upload
      ? { requestBody: { required: true, content: Object.fromEntries(op.upload.map((type) => [type, {}])) } }
      : {}),
    responses: { ...successResponses(op), ...errors },
  };
}

export function buildOpenApiDocument(): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: '民生实事项目人大代表票决制 API',
      version: '0.1.0',
      description:
        'Every error body is `{ "message": "…" }`; a 400 for invalid input adds `errors`, the first message for each field path. Lists speak the ra-data-simple-rest dialect: `sort`, `range` and `filter` as JSON query parameters, the total in `Content-Range`. An unexpected failure is a 500 and applies nothing.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearerAuth: [] }],
    tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The token from `POST /auth/login`.',
        },
      },
      schemas: { Error: jsonSchema(errorBodySchema) },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Makes a retried request the same decision, answered once.',
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        Object.values(errorResponses).map(({ name, description }) => [
          name,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
}

/** Objects with their keys sorted, so the written file changes only when the document does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The text of api/openapi.json. */
export function openApiJson(): string {
  return `${JSON.stringify(sortKeys(buildOpenApiDocument()), null, 2)}\n`;
}

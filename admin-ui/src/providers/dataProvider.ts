import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, type Identifier, type SortPayload, useDataProvider } from 'react-admin';
import type { BallotMark, Receipt } from '../ballot/types';
import type { BatchAction } from '../batches/types';
import type {
  AffectedDeadline,
  CalendarChangeResult,
  CalendarScope,
  CalendarYear,
  SetDay,
  WorkingDaysPreview,
} from '@domain/contract/calendar';
import type { DashboardData, RunningProjects } from '../dashboard/types';
import type { JurisdictionPolicy } from '../policy/types';
import type { FundPoolReport, ProjectFundsWithMovements, StagePlanEntry } from '../projects/types';
import type { ProjectRating } from '../rating/types';
import { ballotRequestBody, ratingRequestBody } from '@domain/ballotEncoding';
import type { WarningLevel } from '@domain/contract/vocabulary';
import type { IssuedPassword, RosterPlan } from '../users/types';
import type { Notice, Task, User } from '../types';
import { apiUrl, httpClient, httpRaw } from './httpClient';
import type { Attendance, RecordedTellerTotals, TellerTotals } from '../vote-sessions/types';

/** The project actions that are a plain POST /api/projects/:id/<verb>, into the project's workflow or its tasks. */
export type ProjectDecision =
  | 'accept-completion'
  | 'enter-use'
  | 're-rating/open'
  | 're-rating/close'
  | 'supervision-group/join'
  | 'progress'
  | 'instructions';

/** The fund pool's movements, POST /api/projects/:id/funds/<action>. */
export type FundAction = 'allocate' | 'request-disbursement' | 'disburse' | 'flag-anomaly' | 'audit-finding';

/** The lists whose files the API writes itself (GET /api/exports/<resource>.csv or .xlsx). */
export type ExportableResource = 'suggestions' | 'candidates' | 'projects' | 'tasks' | 'findings' | 'notices';
export type ExportFormat = 'csv' | 'xlsx';
/** The A4 PDF reports the API prints (GET /api/reports/<kind>/:id). */
export type PrintableReport = 'projects' | 'bulletins';

/**
 * A request that moves a workflow carries a key chosen once per opened dialog: a retried request is the
 * same workflow update (or the same row), answered once.
 */
/** A document as the API describes it (POST /documents, GET /documents/:id/info). */
export interface DocumentInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

interface Keyed {
  key: string;
}

type Body = Record<string, unknown>;

/** Workflow actions are `POST /<resource>/:id/<verb>` routes, not CRUD; each gets its own method. */
export interface AppDataProvider extends DataProvider {
  /** A batch decision (close collection, open a vote, …); the workflow refuses one out of phase (409). */
  decideBatch(id: Identifier, action: BatchAction, params: Keyed & { body?: Body }): Promise<{ data: unknown }>;
  /** One reviewer's four marks for a suggestion (PUT, so scoring again replaces them). */
  scoreSuggestion(id: Identifier, score: Body): Promise<{ data: unknown }>;
  /** 联合审查's outcome; a candidate outcome carries its responsibility list. */
  reviewSuggestion(id: Identifier, review: Body): Promise<{ data: unknown }>;
  mergeSuggestion(id: Identifier, params: { intoId: Identifier }): Promise<{ data: unknown }>;
  /** A change during publicity, with its reason; only the fields that differ. */
  amendCandidate(id: Identifier, params: { reason: string; changes: Body }): Promise<{ data: unknown }>;
  respondToComment(id: Identifier, params: { adopted: boolean; response: string }): Promise<{ data: unknown }>;

  decideProject(id: Identifier, decision: ProjectDecision, params: Keyed & { body?: Body }): Promise<{ data: unknown }>;
  /** The committee's decision on a project (new deadline, new scope, or its end), as the office records it. */
  recordProjectChange(id: Identifier, params: Keyed & { decision: Body }): Promise<{ data: unknown }>;
  /** The department's replanned stages; the workflow checks their order and the deadline (422). */
  setStagePlan(id: Identifier, params: Keyed & { plan: StagePlanEntry[] }): Promise<{ data: unknown }>;
  fileFinding(projectId: Identifier, params: Keyed & { text: string; photoIds: string[] }): Promise<{ data: unknown }>;
  reviewFinding(
    projectId: Identifier,
    findingId: Identifier,
    params: Keyed & { accepted: boolean; note: string },
  ): Promise<{ data: unknown }>;
  moveFunds(
    projectId: Identifier,
    action: FundAction,
    params: Keyed & {
      note: string;
      amountYuan?: number;
      poolBatchId?: string;
      requestId?: string;
      finding?: 'clear' | 'keep';
    },
  ): Promise<{ data: unknown }>;
  getProjectFunds(projectId: Identifier): Promise<{ data: ProjectFundsWithMovements }>;
  /** The pool's standing and every project it funds (GET /api/batches/:id/fund-pool/report). */
  getFundPoolReport(batchId: Identifier): Promise<{ data: FundPoolReport }>;

  /**
   * Hands in the result of a human task, shaped by its kind (domain/taskKinds.ts); the task workflow validates
   * it (403, 409, 422 carry a message).
   */
  completeTask(id: Identifier, result: Body): Promise<{ data: Task }>;
  markNoticeRead(id: Identifier): Promise<{ data: Notice }>;
  getDashboard(): Promise<{ data: DashboardData }>;
  /** The running projects at one warning level (GET /api/dashboard/running-projects). */
  getRunningProjects(warningLevel: WarningLevel): Promise<{ data: RunningProjects }>;

  /** One secret ballot, answered with a receipt (api/votes/votes.routes.ts). */
  castBallot(
    session: { id: Identifier; candidate_ids: readonly string[] },
    marks: BallotMark[],
  ): Promise<{ data: Receipt }>;
  /** Every project rated once, answered with a receipt; a committee re-rating goes through the same route. */
  submitRatings(
    session: { id: Identifier; project_ids: readonly string[] },
    ratings: ProjectRating[],
  ): Promise<{ data: Receipt }>;

  /** The raw bytes with the image's own Content-Type; a retried upload gets the same id. */
  uploadPhoto(file: File): Promise<{ data: { id: string } }>;
  /** A photo needs the bearer token, which an <img src> cannot send: it comes as a blob. */
  getPhoto(id: string): Promise<{ data: Blob }>;
  /** A document (PDF, Word, Excel, text) with its type and name; a retried upload gets the same id. */
  uploadDocument(file: File, contentType: string): Promise<{ data: DocumentInfo }>;
  /** A document's name and size, for its download link. */
  describeDocument(id: string): Promise<{ data: DocumentInfo }>;
  downloadDocument(id: string): Promise<{ data: Blob }>;
  downloadBulletin(id: Identifier): Promise<{ data: Blob }>;
  /** The whole list as CSV or XLSX in Chinese, written by the API for the list's filter and sort (no 1,000-row cap). */
  exportList(
    resource: ExportableResource,
    format: ExportFormat,
    params: { filter: object; sort?: SortPayload },
  ): Promise<{ data: Blob }>;
  /** A project's status report or a monthly bulletin as an A4 PDF. */
  printReport(kind: PrintableReport, id: Identifier): Promise<{ data: Blob }>;
  /** The confirmed rating's report of a batch (GET /api/batches/:id/rating-report.txt). */
  downloadRatingReport(batchId: Identifier): Promise<{ data: Blob }>;
  /** The office's bulk review of junk from the public form: no score needed, no proposer answered. */
  markSuggestionsSpam(ids: Identifier[]): Promise<{ data: { updated: number } }>;

  /** Who signed in at the sitting, and the deputies to tick (api/votes/attendance). */
  getAttendance(batchId: Identifier): Promise<{ data: Attendance }>;
  recordAttendance(batchId: Identifier, deputyUserIds: string[]): Promise<{ data: Attendance }>;
  /** The tellers' totals of a paper or voting-device vote: one person enters, another confirms. */
  getTellerTotals(sessionId: Identifier): Promise<{ data: RecordedTellerTotals }>;
  enterTellerTotals(sessionId: Identifier, totals: TellerTotals): Promise<{ data: RecordedTellerTotals }>;
  confirmTellerTotals(sessionId: Identifier, totals: TellerTotals): Promise<{ data: RecordedTellerTotals }>;

  /** Disabling keeps the account (history keeps the name); the last office account is refused (409). */
  setUserActive(id: Identifier, active: boolean): Promise<{ data: User }>;
  /** A new one-time password, shown once. */
  resetUserPassword(id: Identifier): Promise<{ data: IssuedPassword }>;
  /** The roster file checked row by row; nothing is written. */
  previewRoster(file: File): Promise<{ data: RosterPlan }>;
  /** The roster file applied in one transaction, or refused whole (422 with `problems`). */
  importRoster(file: File): Promise<{ data: { summary: RosterPlan['summary'] } }>;
  changePassword(params: { currentPassword: string; newPassword: string }): Promise<{ data: unknown }>;

  /** A year of the working-day calendar as it stands for my jurisdiction (api/calendar). */
  getCalendarYear(year: number): Promise<{ data: CalendarYear }>;
  /** Enters a holiday, a swapped working day or a closure; answers with the running deadlines it moved. */
  setCalendarDay(entry: SetDay): Promise<{ data: CalendarChangeResult }>;
  clearCalendarDay(scope: CalendarScope, day: string): Promise<{ data: CalendarChangeResult }>;
  /** The running deadlines a change would move, without making it (`working: null` removes the entry). */
  previewCalendarChange(params: {
    scope: CalendarScope;
    day: string;
    working: boolean | null;
  }): Promise<{ data: { affected: AffectedDeadline[] } }>;
  /** Where a working-day period from a day ends, as a workflow would compute it. */
  previewWorkingDays(params: { from: string; workingDays: number }): Promise<{ data: WorkingDaysPreview }>;
  /** My jurisdiction's and its townships' policy parameters (api/policies). */
  getPolicies(): Promise<{ data: JurisdictionPolicy[] }>;
  setPolicy(
    jurisdictionId: string,
    policy: Pick<JurisdictionPolicy, 'batch' | 'project'>,
  ): Promise<{ data: JurisdictionPolicy }>;
  /** A suggestion entered for the public (hotline, liaison station, letter, door-to-door), a deputy or a department. */
  enterSuggestion(batchId: Identifier, suggestion: Body): Promise<{ data: unknown }>;
  /** Reserve-library items of earlier years pulled into this batch (储备库). */
  importReserve(batchId: Identifier, suggestionIds: Identifier[]): Promise<{ data: unknown }>;
  /** The batch's fund-pool total (资金池). */
  setFundPool(batchId: Identifier, totalYuan: number): Promise<{ data: unknown }>;
}

const path = (...parts: Identifier[]) => parts.map((part) => encodeURIComponent(String(part))).join('/');

const send = async <T = unknown>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown = {},
  key?: string,
): Promise<{ data: T }> => {
  const { json } = await httpClient(`${apiUrl}/${url}`, {
    method,
    body: JSON.stringify(body),
    // Workflow decisions take the key as a header (the route makes it the update's id); rows take it in the body.
    headers: key ? new Headers({ 'Idempotency-Key': key }) : undefined,
  });
  return { data: json as T };
};

const sendEncoded = async <T>(url: string, encoded: string): Promise<{ data: T }> => ({
  data: (await httpClient(`${apiUrl}/${url}`, { method: 'POST', body: encoded })).json as T,
});

const get = async <T>(url: string): Promise<{ data: T }> => ({
  data: (await httpClient(`${apiUrl}/${url}`)).json as T,
});

const blob = async (url: string): Promise<{ data: Blob }> => ({
  data: await (await httpRaw(`${apiUrl}/${url}`)).blob(),
});

/** A file as the raw body; the API tells CSV from XLSX by its bytes, so the type only needs to be one it takes. */
const upload = async <T>(url: string, file: File): Promise<{ data: T }> => {
  const response = await httpRaw(`${apiUrl}/${url}`, {
    method: 'POST',
    headers: { 'Content-Type': file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream' },
    body: file,
  });
  return { data: (await response.json()) as T };
};

export const dataProvider: AppDataProvider = {
  ...simpleRestProvider(apiUrl, httpClient),

  decideBatch: (id, action, { key, body }) => send('POST', `batches/${path(id)}/${action}`, body, key),
  scoreSuggestion: (id, score) => send('PUT', `suggestions/${path(id)}/score`, score),
  reviewSuggestion: (id, review) => send('POST', `suggestions/${path(id)}/review`, review),
  mergeSuggestion: (id, params) => send('POST', `suggestions/${path(id)}/merge`, params),
  amendCandidate: (id, params) => send('PATCH', `candidates/${path(id)}`, params),
  respondToComment: (id, params) => send('POST', `publicity-comments/${path(id)}/respond`, params),

  decideProject: (id, decision, { key, body }) => send('POST', `projects/${path(id)}/${decision}`, body, key),
  recordProjectChange: (id, { key, decision }) =>
    send('POST', `projects/${path(id)}/committee-decisions`, decision, key),
  setStagePlan: (id, { key, plan }) => send('PUT', `projects/${path(id)}/stage-plan`, { plan }, key),
  // Findings and fund movements are rows keyed by the body's `key`, so a resent form records one.
  fileFinding: (projectId, params) => send('POST', `projects/${path(projectId)}/findings`, params),
  reviewFinding: (projectId, findingId, { key, ...body }) =>
    send('POST', `projects/${path(projectId)}/findings/${path(findingId)}/review`, body, key),
  moveFunds: (projectId, action, params) => send('POST', `projects/${path(projectId)}/funds/${action}`, params),
  getProjectFunds: (projectId) => get(`projects/${path(projectId)}/funds`),
  getFundPoolReport: (batchId) => get(`batches/${path(batchId)}/fund-pool/report`),

  completeTask: (id, result) => send<Task>('POST', `tasks/${path(id)}/complete`, { result }),
  markNoticeRead: (id) => send<Notice>('POST', `notices/${path(id)}/read`),
  getDashboard: () => get('dashboard'),
  getRunningProjects: (warningLevel) =>
    get(`dashboard/running-projects?${new URLSearchParams({ warningLevel }).toString()}`),

  // The body is the fixed-length encoding in the session's order, the same size whatever the deputy chose
  // (docs/secrecy.md); it is sent as encoded, not re-serialised.
  castBallot: (session, marks) =>
    sendEncoded<Receipt>(`vote-sessions/${path(session.id)}/ballots`, ballotRequestBody(marks, session.candidate_ids)),
  submitRatings: (session, ratings) =>
    sendEncoded<Receipt>(
      `rating-sessions/${path(session.id)}/ratings`,
      ratingRequestBody(ratings, session.project_ids),
    ),

  uploadPhoto: async (file) => {
    const response = await httpRaw(`${apiUrl}/photos`, {
      method: 'POST',
      headers: { 'Content-Type': file.type },
      body: file,
    });
    return { data: (await response.json()) as { id: string } };
  },
  getPhoto: (id) => blob(`photos/${path(id)}`),
  uploadDocument: async (file, contentType) => {
    const response = await httpRaw(`${apiUrl}/documents?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: file,
    });
    return { data: (await response.json()) as DocumentInfo };
  },
  describeDocument: (id) => get(`documents/${path(id)}/info`),
  downloadDocument: (id) => blob(`documents/${path(id)}`),
  downloadBulletin: (id) => blob(`bulletins/${path(id)}/download`),
  downloadRatingReport: (batchId) => blob(`batches/${path(batchId)}/rating-report.txt`),
  exportList: (resource, format, { filter, sort }) => {
    const params = new URLSearchParams({ filter: JSON.stringify(filter) });
    if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
    return blob(`exports/${resource}.${format}?${params}`);
  },
  printReport: (kind, id) => blob(`reports/${kind}/${path(id)}`),
  getAttendance: (batchId) => get(`batches/${path(batchId)}/attendance`),
  recordAttendance: (batchId, deputyUserIds) => send('PUT', `batches/${path(batchId)}/attendance`, { deputyUserIds }),
  getTellerTotals: (sessionId) => get(`vote-sessions/${path(sessionId)}/totals`),
  enterTellerTotals: (sessionId, totals) => send('PUT', `vote-sessions/${path(sessionId)}/totals`, totals),
  confirmTellerTotals: (sessionId, totals) => send('POST', `vote-sessions/${path(sessionId)}/totals/confirm`, totals),
  markSuggestionsSpam: (ids) =>
    send<{ updated: number }>('POST', 'suggestions/bulk-review', { ids: ids.map(String), outcome: 'spam' }),

  setUserActive: (id, active) => send<User>('POST', `users/${path(id)}/${active ? 'enable' : 'disable'}`),
  resetUserPassword: (id) => send<IssuedPassword>('POST', `users/${path(id)}/reset-password`),
  previewRoster: (file) => upload<RosterPlan>('users/import/preview', file),
  importRoster: (file) => upload<{ summary: RosterPlan['summary'] }>('users/import', file),
  changePassword: (params) => send('POST', 'auth/change-password', params),

  getCalendarYear: (year) => get(`calendar/${year}`),
  setCalendarDay: (entry) => send('PUT', 'calendar/days', entry),
  clearCalendarDay: (scope, day) => send('DELETE', `calendar/days/${path(scope, day)}`),
  previewCalendarChange: (params) => send('POST', 'calendar/impact', params),
  previewWorkingDays: (params) => send('POST', 'calendar/preview', params),
  getPolicies: () => get('policies'),
  setPolicy: (jurisdictionId, policy) => send('PUT', `policies/${path(jurisdictionId)}`, policy),
  enterSuggestion: (batchId, suggestion) => send('POST', `batches/${path(batchId)}/suggestions`, suggestion),
  importReserve: (batchId, suggestionIds) =>
    send('POST', `batches/${path(batchId)}/reserve-imports`, { suggestionIds }),
  setFundPool: (batchId, totalYuan) => send('PUT', `batches/${path(batchId)}/fund-pool`, { totalYuan }),
};

/** The data provider with the console's own methods, for components. */
export const useAppDataProvider = () => useDataProvider<AppDataProvider>();

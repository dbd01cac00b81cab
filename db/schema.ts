import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { BallotMark, ElectionResult } from '../domain/election';
import type { StagePlan } from '../domain/progressWarning';
import type { ProjectChangeKind } from '../domain/contract/projectChange';
import type { RatingCounts } from '../domain/rating';
import type { PublishedElection, RatingSessionResult } from '../domain/contract/batchWorkflow';
import type {
  AssigneeKind,
  BatchPhase,
  CandidateStatus,
  ConsequenceStage,
  FindingStatus,
  FundMovementKind,
  ProjectPhase,
  ProjectStage,
  RatingOutcome,
  Role,
  ScreeningOutcome,
  SessionStatus,
  TaskStatus,
  WarningLevel,
} from '../domain/contract/vocabulary';

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Defaults to now() on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Defaults to now() on insert; set again on each update. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A JSON column: jsonb comes back parsed; pg needs it serialised on the way in. */
export type Json<T extends object> = JSONColumnType<T>;

export type { AssigneeKind, Role, TaskStatus };
export type NoticeKind = 'assigned' | 'reminder' | 'escalation' | 'info';
export type NoticeChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** 人民代表大会 of a county (县/区) or a township (乡镇/街道); policy parameters live here. */
export interface JurisdictionTable {
  id: string;
  name: string;
  /** 县/区, 乡镇, 街道 (docs/domain.md, "Levels"). */
  level: 'county' | 'township' | 'street';
  parent_id: string | null;
  policy: Json<Record<string, unknown>>;
}

/** A government department or implementing unit (责任单位), with its responsible leader (包抓领导). */
export interface DepartmentTable {
  id: string;
  jurisdiction_id: string;
  name: string;
  leader_user_id: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  jurisdiction_id: string;
  department_id: string | null;
  email: string | null;
  phone: string | null;
  created_at: CreatedAt;
  /** Disabled accounts stay, so history keeps the name; they cannot sign in. */
  active: Generated<boolean>;
  /** A one-time password was set (first account, reset): only the password change is accepted until then. */
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  /** A deputy's constituency (选区). */
  electoral_district: string | null;
  /** A responsible vice head (包抓领导), whom departments name as their leader. */
  leader: Generated<boolean>;
  updated_at: UpdatedAt;
}

/** A day that differs from the national calendar: a local closure, or a schedule the package does not know yet. */
export interface CalendarOverrideTable {
  id: Generated<number>;
  jurisdiction_id: string | null;
  day: string;
  working: boolean;
  reason: string;
}

/** An annual batch (年度批次); its workflow id is its primary key. The workflow owns the phase; this row mirrors it. */
export interface BatchTable {
  id: string;
  jurisdiction_id: string;
  year: number;
  title: string;
  phase: BatchPhase;
  collection_closes_at: Timestamp | null;
  phase_changed_at: Timestamp | null;
  next_deadline_at: Timestamp | null;
  next_deadline_label: string | null;
  /** The published election result (tally per candidate), once the vote has closed. */
  result: Json<PublishedElection> | null;
  created_at: CreatedAt;
}

/** A suggestion (征集建议) from the public, a deputy or a department. */
export interface SuggestionTable {
  id: string;
  batch_id: string;
  title: string;
  description: string;
  category: string;
  location: string;
  channel: string;
  merged_into_id: string | null;
  /** A reserve-library item pulled in from an earlier year's batch. */
  promoted_from_id: string | null;
  /** The department that answers for it: reviews it, and tells proposers the outcome. */
  department_id: string | null;
  outcome: ScreeningOutcome | null;
  outcome_reason: string | null;
  funding_source: string | null;
  policy_compliant: boolean | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  /** The proposer's code for reading the office's answer on the public site; null on rows from before it. */
  receipt_code: string | null;
  created_at: CreatedAt;
}

export interface SuggestionProposerTable {
  id: Generated<number>;
  suggestion_id: string;
  kind: 'public' | 'deputy' | 'department';
  name: string | null;
  contact: string | null;
  user_id: string | null;
  department_id: string | null;
  created_at: CreatedAt;
}

export interface SuggestionScoreTable {
  suggestion_id: string;
  reviewer_user_id: string;
  public_support: number;
  funding_feasibility: number;
  social_benefit: number;
  implementation_difficulty: number;
  weighted: number;
  note: string | null;
  updated_at: UpdatedAt;
}

/** A candidate project (候选项目) with the first draft of its responsibility list (责任清单). */
export interface CandidateTable {
  id: string;
  batch_id: string;
  suggestion_id: string;
  title: string;
  description: string;
  department_id: string;
  responsible_leader_user_id: string | null;
  implementing_unit: string;
  budget_yuan: number;
  /** 'YYYY-MM-DD' */
  deadline: ColumnType<string, string, string>;
  acceptance_standard: string;
  status: CandidateStatus;
  elected: boolean | null;
  approvals: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CandidateAmendmentTable {
  id: Generated<number>;
  candidate_id: string;
  amended_by: string;
  reason: string;
  before: Json<Record<string, unknown>>;
  after: Json<Record<string, unknown>>;
  at: CreatedAt;
}

export interface PublicityCommentTable {
  id: string;
  batch_id: string;
  candidate_id: string | null;
  author_name: string | null;
  contact: string | null;
  body: string;
  adopted: boolean | null;
  response: string | null;
  /** Junk from the anonymous form, marked by the office: kept, but nobody answers it. */
  spam: Generated<boolean>;
  /** The commenter's code for reading the office's answer on the public site; null on rows from before it. */
  receipt_code: string | null;
  created_at: CreatedAt;
}

export interface VoteSessionTable {
  /** `<batch id>-vote-<round>` */
  id: string;
  batch_id: string;
  round: number;
  seats: number;
  candidate_ids: string[];
  deputies_entitled: number;
  deputies_present: number;
  scrutineers: string[];
  tellers: string[];
  status: SessionStatus;
  opened_by: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  result: Json<ElectionResult> | null;
  /** The sealed ballot box (docs/secrecy.md): the session's public key, shares needed, when it was opened. */
  box_public_key: string | null;
  box_threshold: number | null;
  box_opened_at: Timestamp | null;
}

/** Who has voted: blocks a second ballot. Nothing here says how. */
export interface BallotReceiptTable {
  session_id: string;
  deputy_user_id: string;
  receipt_code: string;
}

/** How someone voted: no deputy, no timestamp, no sequence. */
export interface BallotTable {
  id: string;
  session_id: string;
  marks: Json<BallotMark[]>;
}

/** Who the office recorded present at the congress sitting that votes on a batch: only they may cast. */
export interface VoteAttendanceTable {
  batch_id: string;
  deputy_user_id: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** Written when the office closes a session: casting stops here, with the counts the close was checked on. */
export interface VoteCloseCheckTable {
  session_id: string;
  deputies_present: number;
  ballots_cast: number;
  confirmed_incomplete: boolean;
  checked_by: string;
  checked_at: Timestamp;
}

/** The tellers' totals of a paper or voting-device vote: entered by one person, confirmed by another. */
export interface VoteTellerTotalsTable {
  session_id: string;
  totals: Json<{
    ballotsCast: number;
    invalidBallots: number;
    candidates: { candidateId: string; approve: number; disapprove: number; abstain: number }[];
  }>;
  entered_by: string;
  entered_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
}

/** A ballot while its session is open: sealed to the session's key, the same size whatever it says. */
export interface SealedBallotTable {
  id: string;
  session_id: string;
  sealed: Buffer;
}

/** A rating sheet while its session is open, sealed as a ballot is. */
export interface SealedRatingSheetTable {
  id: string;
  session_id: string;
  sealed: Buffer;
}

/** A voted project (民生实事项目); its workflow id is `project-…`, its primary key. The workflow mirrors its state here. */
export interface ProjectTable {
  id: string;
  batch_id: string;
  candidate_id: string;
  title: string;
  department_id: string;
  responsible_leader_user_id: string | null;
  implementing_unit: string;
  budget_yuan: number;
  deadline: ColumnType<string, string, string>;
  acceptance_standard: string;
  phase: ProjectPhase;
  rating_outcome: RatingOutcome | null;
  rating_counts: Json<RatingCounts> | null;
  stage_plan: Json<StagePlan> | null;
  progress_percent: Generated<number>;
  stage: Generated<ProjectStage>;
  last_reported_at: Timestamp | null;
  warning: Generated<WarningLevel>;
  warning_reason: string | null;
  warning_changed_at: Timestamp | null;
  accepted_at: Timestamp | null;
  in_use_on: ColumnType<string | null, string | null, string | null>;
  /** Where the rating's consequences stand (docs/domain.md, "Consequences"), null before the rating. */
  consequence: ConsequenceStage | null;
  allocation_yuan: Generated<number>;
  disbursed_yuan: Generated<number>;
  funds_frozen: Generated<boolean>;
  /** The batch whose pool funds the project, when not its own (a county pool funding a township project). */
  fund_pool_batch_id: string | null;
  created_at: CreatedAt;
}

/** A committee's decision on a project (docs/domain.md, "Changes and termination"), written by its workflow. */
export interface ProjectChangeTable {
  id: string;
  project_id: string;
  kind: ProjectChangeKind;
  reason: string;
  meeting_on: ColumnType<string, string, string>;
  decided_by: string;
  previous_deadline: ColumnType<string | null, string | null, string | null>;
  new_deadline: ColumnType<string | null, string | null, string | null>;
  scope: string | null;
  acceptance_standard: string | null;
  document_id: string | null;
  recorded_by_user_id: string;
  at: Timestamp;
}

/** 资金池: the batch's pool; projects draw allocations from it. */
export interface FundPoolTable {
  batch_id: string;
  total_yuan: number;
  updated_at: UpdatedAt;
}

export interface FundMovementTable {
  id: string;
  project_id: string;
  kind: FundMovementKind;
  amount_yuan: Generated<number>;
  note: string;
  by_user_id: string;
  at: CreatedAt;
  /** A disbursement: the department's request it pays. */
  request_id: string | null;
}

export interface PhotoTable {
  id: string;
  content_type: string;
  bytes: Buffer;
  uploaded_by: string;
  at: CreatedAt;
}

/** A document a reply cites (a plan, an acceptance sheet), kept as uploaded within its jurisdiction. */
export interface DocumentTable {
  id: string;
  jurisdiction_id: string;
  file_name: string;
  content_type: string;
  size: number;
  bytes: Buffer;
  uploaded_by: string;
  created_at: CreatedAt;
}

/** A project's supervision group (监督小组), mirrored from its workflow. */
export interface SupervisionMemberTable {
  project_id: string;
  user_id: string;
  joined_at: Timestamp;
}

/** A supervision group's finding, handed to the department with a deadline (限期反馈). */
export interface FindingTable {
  id: string;
  project_id: string;
  filed_by: string;
  text: string;
  photo_ids: string[];
  status: FindingStatus;
  round: Generated<number>;
  response: string | null;
  filed_at: Timestamp;
}

/** 月通报: the batch's monthly bulletin, a document coordinators download. */
export interface BulletinTable {
  id: string;
  batch_id: string;
  /** 'YYYY-MM' */
  month: string;
  body: string;
  created_at: CreatedAt;
}

export interface RatingSessionTable {
  id: string;
  batch_id: string;
  /** congress: every deputy rates every project; committee: standing committee members re-rate one project. */
  kind: Generated<'congress' | 'committee'>;
  project_ids: string[];
  status: SessionStatus;
  opened_by: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  result: Json<RatingSessionResult> | null;
  /** The sealed ballot box (docs/secrecy.md): the session's public key, shares needed, when it was opened. */
  box_public_key: string | null;
  box_threshold: number | null;
  box_opened_at: Timestamp | null;
  /** 'YYYY-MM-DD': the day the rating congress closed, as the office recorded it; a congress session only. */
  congress_closed_on: string | null;
  /** The government's year-end completion report, attached when the session opens so deputies read it first. */
  briefing: Json<RatingBriefing> | null;
}

/** What deputies read before they rate (docs/domain.md, "Rating" [S4]: 政府报告上年度民生实事完成情况). */
export interface RatingBriefing {
  taskId: string;
  summary: string;
  submittedAt: string;
  /**
   * Each supervision group's overall evaluation of the year (docs/domain.md, "Supervision": 总体评价), read beside
   * the report; absent when no group has given one (and in sessions opened before).
   */
  groupEvaluations?: { projectId: string; title: string; grade: string; text: string }[];
}

/** A rating session's results as confirmed and sent on (docs/domain.md, "Consequences" [S4]). */
export interface RatingReportTable {
  id: string;
  batch_id: string;
  session_id: string;
  title: string;
  body: string;
  distribution: Json<{ to: string; how: string }[]>;
  confirmed_on: string;
  confirmed_by: string;
  created_at: CreatedAt;
}

export interface RatingReceiptTable {
  session_id: string;
  deputy_user_id: string;
  receipt_code: string;
}

export interface RatingTable {
  id: string;
  session_id: string;
  project_id: string;
  choice: RatingOutcome;
}

/** A human task; its id is the id of the task workflow that waits for it. */
export interface TaskTable {
  id: string;
  owner_workflow_id: string | null;
  jurisdiction_id: string;
  kind: string;
  title: string;
  assignee_kind: AssigneeKind;
  assignee_ref: string;
  payload: Json<Record<string, unknown>>;
  due_at: Timestamp;
  status: TaskStatus;
  escalation_level: Generated<number>;
  completed_by: string | null;
  completed_at: Timestamp | null;
  result: Json<Record<string, unknown>> | null;
  created_at: CreatedAt;
}

export interface NoticeTable {
  id: Generated<number>;
  dedupe_key: string;
  recipient_user_id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  workflow_id: string | null;
  task_id: string | null;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface NoticeDeliveryTable {
  notice_id: number;
  channel: NoticeChannel;
  status: DeliveryStatus;
  attempts: Generated<number>;
  last_error: string | null;
  updated_at: UpdatedAt;
}

export interface AuditEventTable {
  id: Generated<number>;
  dedupe_key: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  workflow_id: string | null;
  subject: string | null;
  detail: Json<Record<string, unknown>>;
  at: CreatedAt;
  /** Set for records that belong to no workflow (people, departments, jurisdictions), so the office sees them. */
  jurisdiction_id: string | null;
}

/** A signed-in session: the token carries its id, so signing out ends it before the token expires. */
export interface AuthSessionTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** A refused login (never the password tried): counted for the lockout, kept as the trail of guessing. */
export interface LoginFailureTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: CreatedAt;
}

/** One limiter's window for one client address (api/security/rateLimitStore.ts); deleted once it has ended. */
export interface RateLimitWindowTable {
  /** The limiter's prefix and the client's address, e.g. `login:203.0.113.5`. */
  key: string;
  hits: number;
  reset_at: Timestamp;
}

export interface Database {
  jurisdictions: JurisdictionTable;
  departments: DepartmentTable;
  users: UserTable;
  calendar_overrides: CalendarOverrideTable;
  batches: BatchTable;
  suggestions: SuggestionTable;
  suggestion_proposers: SuggestionProposerTable;
  suggestion_scores: SuggestionScoreTable;
  candidates: CandidateTable;
  candidate_amendments: CandidateAmendmentTable;
  publicity_comments: PublicityCommentTable;
  vote_sessions: VoteSessionTable;
  ballot_receipts: BallotReceiptTable;
  ballots: BallotTable;
  vote_attendance: VoteAttendanceTable;
  vote_close_checks: VoteCloseCheckTable;
  vote_teller_totals: VoteTellerTotalsTable;
  sealed_ballots: SealedBallotTable;
  projects: ProjectTable;
  project_changes: ProjectChangeTable;
  fund_pools: FundPoolTable;
  fund_movements: FundMovementTable;
  photos: PhotoTable;
  documents: DocumentTable;
  supervision_members: SupervisionMemberTable;
  findings: FindingTable;
  bulletins: BulletinTable;
  rating_sessions: RatingSessionTable;
  rating_reports: RatingReportTable;
  rating_receipts: RatingReceiptTable;
  ratings: RatingTable;
  sealed_rating_sheets: SealedRatingSheetTable;
  tasks: TaskTable;
  notices: NoticeTable;
  notice_deliveries: NoticeDeliveryTable;
  audit_events: AuditEventTable;
  auth_sessions: AuthSessionTable;
  login_failures: LoginFailureTable;
  rate_limit_windows: RateLimitWindowTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Task = Selectable<TaskTable>;
export type NewTask = Insertable<TaskTable>;
export type TaskUpdate = Updateable<TaskTable>;
export type Notice = Selectable<NoticeTable>;
export type NewNotice = Insertable<NoticeTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type Department = Selectable<DepartmentTable>;
export type Jurisdiction = Selectable<JurisdictionTable>;
export type Batch = Selectable<BatchTable>;
export type Suggestion = Selectable<SuggestionTable>;
export type Candidate = Selectable<CandidateTable>;
export type VoteSession = Selectable<VoteSessionTable>;
export type Project = Selectable<ProjectTable>;
export type RatingSession = Selectable<RatingSessionTable>;

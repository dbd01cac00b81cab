import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Defaults to now() on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Defaults to now() on insert; set again on each update. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A JSON column: jsonb comes back parsed; pg needs it serialised on the way in. */
export type Json<T> = ColumnType<T, string, string>;

export type Role = 'coordinator' | 'official' | 'deputy' | 'reviewer';
export type AssigneeKind = 'user' | 'role' | 'department';
export type TaskStatus = 'open' | 'done';
export type NoticeKind = 'assigned' | 'reminder' | 'escalation' | 'info';
export type NoticeChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** 人民代表大会 of a county (县/区) or a township (乡镇/街道); policy parameters live here. */
export interface JurisdictionTable {
  id: string;
  name: string;
  level: 'county' | 'township';
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
  roles: string[];
  jurisdiction_id: string;
  department_id: string | null;
  email: string | null;
  phone: string | null;
  created_at: CreatedAt;
}

/** A day that differs from the national calendar: a local closure, or a schedule the package does not know yet. */
export interface CalendarOverrideTable {
  id: Generated<number>;
  jurisdiction_id: string | null;
  day: string;
  working: boolean;
  reason: string;
}

/** An annual batch (年度批次); its workflow id is its primary key. */
export interface BatchTable {
  id: string;
  jurisdiction_id: string;
  year: number;
  title: string;
  phase: string;
  created_at: CreatedAt;
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
}

export interface Database {
  jurisdictions: JurisdictionTable;
  departments: DepartmentTable;
  users: UserTable;
  calendar_overrides: CalendarOverrideTable;
  batches: BatchTable;
  tasks: TaskTable;
  notices: NoticeTable;
  notice_deliveries: NoticeDeliveryTable;
  audit_events: AuditEventTable;
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

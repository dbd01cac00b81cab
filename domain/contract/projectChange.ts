import { z } from 'zod';
import type { Actor } from '../assignee';

/**
 * A committee's decision on a voted project (docs/domain.md, "Changes and termination"): only the standing
 * committee (a township's presidium, a street's 议政代表会议) changes a project's deadline or scope, or ends it,
 * with a reason; the office records the decision.
 */
export const projectChangeKinds = ['changeDeadline', 'changeScope', 'terminate'] as const;
export type ProjectChangeKind = (typeof projectChangeKinds)[number];

/** What the office sends: the decision as the meeting took it. The rules that need the project are the workflow's. */
export const projectChangeSchema = z.object({
  kind: z.enum(projectChangeKinds, 'kind is changeDeadline, changeScope or terminate'),
  reason: z.string().trim().min(1, 'give the committee’s reason for the decision').max(4000),
  meetingOn: z.iso.date('meetingOn is the day the committee met, YYYY-MM-DD'),
  /** changeDeadline: the new deadline. */
  newDeadline: z.iso.date('newDeadline is a day, YYYY-MM-DD').optional(),
  /** changeScope: what the project is to deliver now, and optionally its new acceptance standard. */
  scope: z.string().trim().max(4000).optional(),
  acceptanceStandard: z.string().trim().max(2000).optional(),
  /** The decision's minutes or notice, uploaded first (POST /documents). */
  documentId: z.string().min(1).max(100).optional(),
});
export type ProjectChangeBody = z.output<typeof projectChangeSchema>;

/** The update the project's workflow receives: the decision, who recorded it and the body that took it. */
export interface ProjectChangeInput extends ProjectChangeBody {
  actor: Actor;
  /** The deciding body's name (人大常委会, 乡镇人大主席团, 议政代表会议), for the record and the notices. */
  decidedBy: string;
}

/** A decision as the project keeps it, published on the public site. */
export interface ProjectChangeRecord {
  changeId: string;
  kind: ProjectChangeKind;
  reason: string;
  meetingOn: string;
  decidedBy: string;
  /** changeDeadline: the deadline before and after. */
  previousDeadline?: string;
  newDeadline?: string;
  scope?: string;
  acceptanceStandard?: string;
  documentId?: string;
  recordedBy: string;
  at: string;
}

/** A decision as the public site shows it with its project (GET /api/public/batches/:id/projects). */
export interface PublicProjectChange {
  kind: ProjectChangeKind;
  reason: string;
  meetingOn: string;
  decidedBy: string;
  previousDeadline: string | null;
  newDeadline: string | null;
  scope: string | null;
  acceptanceStandard: string | null;
}

import { z } from 'zod';
import { projectStages, warningLevels } from '../progressWarning';
import { taskResultSchemas } from '../taskKinds';
import { idempotencyKeySchema, idFilter, listOptions } from './common';
import { type FindingStatus, findingStatuses, projectPhases } from './vocabulary';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
// integer columns; no county pool comes near ¥2 billion
const yuan = z.number().int('amountYuan is whole yuan').max(2_000_000_000);

export const projectFilterSchema = z
  .object({
    batch_id: z.string().optional(),
    warning: z.enum(warningLevels).optional(),
    phase: z.enum(projectPhases).optional(),
    department_id: z.string().optional(),
    /** 我分管的项目: the projects a responsible vice head (包抓领导) answers for. */
    responsible_leader_user_id: z.string().optional(),
    q: z.string().trim().max(200).optional(),
    id: idFilter.optional(),
  })
  .strict();
/** `warning` sorts by severity (none < blue < yellow < red), not by its name. */
export const projectSortable = ['title', 'deadline', 'progress_percent', 'warning', 'created_at'] as const;
export const projectList = listOptions({
  sortable: projectSortable,
  defaultSort: ['title', 'ASC'],
  filter: projectFilterSchema,
});

/** The office appoints a deputy or residents' representative to a group too few signed up for (docs/domain.md, "Supervision"). */
export const appointSupervisionMemberSchema = z.object({
  userId: z.string().trim().min(1, 'choose the deputy or residents’ representative to appoint').max(100),
});

/** A supervision group's finding (docs/domain.md, "Supervision"): what was seen on the site visit, with its photos. */
export const fileFindingSchema = z.object({
  key: idempotencyKeySchema,
  text: text(4000, 'describe what the group found'),
  photoIds: z.array(z.string().min(1).max(100)).max(20, 'at most 20 photos').default([]),
});

/**
 * A progress report the department files whenever the facts happen, not only when the weekly task asks: the same
 * fields as the weekly report, and the form's `key` so a resubmitted form records it once.
 */
export const reportProgressSchema = taskResultSchemas.progressReport.extend({ key: idempotencyKeySchema });

/** A responsible vice head's instruction (批示) on a project, handed to its department as a task with a deadline. */
export const instructProjectSchema = z.object({
  key: idempotencyKeySchema,
  text: text(4000, 'write the instruction'),
  dueWorkingDays: z.number().int().min(1, 'give at least 1 working day').max(60, 'at most 60 working days').default(5),
});

export const reviewFindingSchema = z.object({
  accepted: z.boolean(),
  note: z.string().trim().max(2000),
});

/** The shape of a stage plan; its rules (order, contiguity, the deadline) are the workflow's to refuse with a 422. */
export const setStagePlanSchema = z.object({
  plan: z
    .array(
      z.object({
        stage: z.enum(projectStages),
        plannedStart: z.iso.date({ message: 'give days as YYYY-MM-DD' }),
        plannedEnd: z.iso.date({ message: 'give days as YYYY-MM-DD' }),
      }),
    )
    .min(1)
    .max(10),
});

export const enterUseSchema = z.object({
  inUseOn: z.iso.date('inUseOn is a day, YYYY-MM-DD'),
});

export const findingFilterSchema = z
  .object({
    project_id: z.string().optional(),
    status: z.enum(findingStatuses).optional(),
    id: idFilter.optional(),
  })
  .strict();
export const findingSortable = ['filed_at', 'status', 'round', 'id'] as const;
export const findingList = listOptions({
  sortable: findingSortable,
  defaultSort: ['filed_at', 'DESC'],
  filter: findingFilterSchema,
});

/**
 * 资金池 (docs/domain.md, "Fund pool"): the money is the government's. Finance sets the pool and allocates it,
 * the responsible department requests a payment and finance pays it; a supervision-group member or the office
 * flags an anomaly, which freezes payment until the audit office's finding clears it.
 */
export const fundPoolSchema = z.object({
  totalYuan: yuan.min(0, 'totalYuan is 0 or more'),
});

/** The project's allocation as it should now stand (not an increment), so a resent form cannot add twice. */
export const allocateSchema = z.object({
  key: idempotencyKeySchema,
  amountYuan: yuan,
  note: text(2000, 'say what the allocation is for'),
  /** The pool it comes from: the project's own batch by default, or its county's batch for a township project. */
  poolBatchId: z.string().min(1).max(200).optional(),
});

// The amount's sign is left to disbursementProblem, which also says when the project is frozen.
export const requestDisbursementSchema = z.object({
  key: idempotencyKeySchema,
  amountYuan: yuan,
  note: text(2000, 'say what the payment is for'),
});

/** Finance pays one request, for the amount the department asked. */
export const disburseSchema = z.object({
  key: idempotencyKeySchema,
  requestId: z.string().min(1, 'name the request being paid (requestId)').max(200),
  note: text(2000, 'say what is being paid'),
});

export const anomalySchema = z.object({
  key: idempotencyKeySchema,
  note: text(2000, 'describe the anomaly'),
});

export const auditFindings = ['clear', 'keep'] as const;
/** The audit office's finding on a flagged anomaly: clear the freeze, or keep it. */
export const auditFindingSchema = z.object({
  key: idempotencyKeySchema,
  finding: z.enum(auditFindings, { error: 'the finding is clear or keep' }),
  note: text(2000, 'write the audit finding'),
});

export const bulletinFilterSchema = z
  .object({
    batch_id: z.string().optional(),
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'month is YYYY-MM')
      .optional(),
    id: idFilter.optional(),
  })
  .strict();
export const bulletinSortable = ['month', 'created_at'] as const;

/** What an upload may be: photos taken on a site visit. */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];
export const PHOTO_LIMIT = '5mb';

/** A project's timeline takes no filter: it is every event of the project's workflow, newest first. */
export const projectTimelineFilterSchema = z.object({}).strict();

/** A supervision group's finding as GET /api/findings returns it (api/projects/projects.service.ts). */
export interface Finding {
  id: string;
  project_id: string;
  filed_by: string;
  text: string;
  photo_ids: string[];
  status: FindingStatus;
  round: number;
  response: string | null;
  /** The photos sent with the department's latest answer. */
  response_photo_ids: string[];
  /** The documents sent with it. */
  response_document_ids: string[];
  filed_at: string;
  project_title: string;
  department_id: string;
  filed_by_name: string;
}

import { z } from 'zod';
import { flag, idFilter, listOptions } from './common';
import { candidateStatuses } from './vocabulary';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);

/** The first draft of a candidate's responsibility list (责任清单, docs/domain.md, "Responsibility list"). */
const candidateFields = {
  title: text(200, 'give the candidate a title'),
  description: text(4000, 'describe the project'),
  implementingUnit: text(200, 'name the implementing unit'),
  // integer column; no county project comes near ¥2 billion
  budgetYuan: z.number().int('budgetYuan is whole yuan').min(0).max(2_000_000_000),
  deadline: z.iso.date('deadline is a day, YYYY-MM-DD'),
  acceptanceStandard: text(2000, 'state the acceptance standard'),
};

/**
 * One project, one leader (一个项目、一名领导, docs/domain.md, "Responsibility list"; Fixed): the responsible
 * leader (包抓领导) is part of every list, from the first draft on, and can be changed but never removed.
 */
const leaderRequired = 'name the responsible leader (包抓领导): every project has one';
const responsibleLeaderSchema = z.string({ error: leaderRequired }).min(1, leaderRequired);

export const candidateDraftSchema = z.object({
  ...candidateFields,
  responsibleLeaderUserId: responsibleLeaderSchema,
});
export type CandidateDraft = z.infer<typeof candidateDraftSchema>;

/** A change during publicity (e.g. an adopted comment): what changes and why. */
export const amendCandidateSchema = z.object({
  reason: text(2000, 'give the reason for the change'),
  changes: z
    .object({
      ...candidateFields,
      responsibleLeaderUserId: responsibleLeaderSchema,
      departmentId: z.string().min(1),
    })
    .partial()
    .strict()
    .refine((c) => Object.keys(c).length > 0, 'name at least one field to change'),
});
export type CandidateChanges = z.infer<typeof amendCandidateSchema>['changes'];

export const candidateFilterSchema = z
  .object({
    batch_id: z.string().optional(),
    status: z.enum(candidateStatuses).optional(),
    elected: flag.optional(),
    department_id: z.string().optional(),
    q: z.string().trim().max(200).optional(),
    id: idFilter.optional(),
  })
  .strict();

export const candidateSortable = [
  'title',
  'created_at',
  'updated_at',
  'budget_yuan',
  'deadline',
  'approvals',
  'id',
] as const;
export const candidateList = listOptions({
  sortable: candidateSortable,
  defaultSort: ['title', 'ASC'],
  filter: candidateFilterSchema,
});

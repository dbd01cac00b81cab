import { z } from 'zod';
import { warningLevels } from '../progressWarning';

/** `GET /api/dashboard/running-projects`: the running projects at one warning level, or of one batch, or all. */
export const runningProjectsQuerySchema = z.strictObject({
  warningLevel: z.enum(warningLevels).optional(),
  batchId: z
    .string()
    .regex(/^batch-[\w-]{1,80}$/, { message: 'name a batch by its id, e.g. batch-<county>-2026' })
    .optional(),
});
export type RunningProjectsQuery = z.infer<typeof runningProjectsQuerySchema>;

/** The most projects one answer lists; a province's county has dozens a year, so this is only a guard. */
export const RUNNING_PROJECTS_LIMIT = 500;

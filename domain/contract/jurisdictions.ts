import { z } from 'zod';
import { usernameSchema } from './users';

export const jurisdictionCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2–40 lowercase letters, digits or dashes (it becomes part of workflow ids)');

export const createJurisdictionSchema = z.object({
  name: z.string().trim().min(1, 'enter the name, like 清河镇').max(50, 'at most 50 characters'),
  level: z.enum(['township', 'street'], 'choose 乡镇 (township) or 街道 (street)'),
  /** Part of its id and so of its batches' workflow ids; generated when absent. */
  code: z.preprocess((v) => (v === '' ? undefined : v), jurisdictionCodeSchema.optional()),
  coordinator: z.object({
    username: usernameSchema,
    display_name: z.string().trim().min(1, 'enter the name of the office’s first account holder').max(100),
  }),
});

export const updateJurisdictionSchema = z.object({
  name: createJurisdictionSchema.shape.name,
});

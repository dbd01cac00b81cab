import { z } from 'zod';

const leaderField = z.preprocess((v) => (v === '' ? null : v), z.string().nullable().optional());

export const createDepartmentSchema = z.object({
  name: z.string().trim().min(1, 'enter the department’s name').max(100, 'at most 100 characters'),
  leader_user_id: leaderField,
});

export const updateDepartmentSchema = z.object({
  name: createDepartmentSchema.shape.name.optional(),
  leader_user_id: leaderField,
});

import { z } from 'zod';
import { roleSchema } from '../assignee';

/** A form's emptied field arrives as '' or null: both mean "none". */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().optional());

/** A mainland mobile number, with the spaces, dashes or +86 people write around it taken off. */
export const mobileSchema = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^(\+?86)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, 'enter an 11-digit mobile number, like 13812345678'));

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,40}$/, 'use 3–40 letters, digits, dots, dashes or underscores');

const personFields = {
  display_name: z.string().trim().min(1, 'enter the name').max(100, 'at most 100 characters'),
  roles: z.array(roleSchema).min(1, 'choose at least one role').max(6),
  department_id: optionalText(z.string()),
  email: optionalText(z.string().trim().pipe(z.email('enter an e-mail address like name@example.cn'))),
  phone: optionalText(mobileSchema),
  electoral_district: optionalText(z.string().trim().max(100, 'at most 100 characters')),
  leader: z.boolean().optional(),
};

export const createUserSchema = z.object({
  username: usernameSchema,
  /** A child jurisdiction's office creates its own accounts; the county office may start them. */
  jurisdiction_id: optionalText(z.string()),
  ...personFields,
});

export const updateUserSchema = z.object({
  display_name: personFields.display_name.optional(),
  roles: personFields.roles.optional(),
  department_id: personFields.department_id,
  email: personFields.email,
  phone: personFields.phone,
  electoral_district: personFields.electoral_district,
  leader: personFields.leader,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'enter your current password').max(200),
  newPassword: z.string().min(1, 'enter a new password').max(200, 'at most 200 characters'),
});

/** POST /api/users and /api/users/:id/reset-password: the one-time password, shown once. */
export interface IssuedPassword {
  id: string;
  username: string;
  oneTimePassword: string;
}

/** The columns of a deputy roster file (姓名, 选区, 手机, 邮箱, 常委会组成人员, 账号). */
export type RosterColumn = 'name' | 'district' | 'phone' | 'email' | 'committee' | 'username';

/** A problem of the file (`line` 1 is its header) or of one row, by the row's line in the file. */
export interface RosterProblem {
  line: number;
  field: RosterColumn | 'file';
  message: string;
}

export interface RosterRow {
  line: number;
  name: string;
  district: string;
  phone: string;
  email: string | null;
  committee: boolean;
  username: string;
  action: 'create' | 'update' | 'unchanged';
  /** The person already recorded that the row matches (by name and phone), if any. */
  userId: string | null;
}

/** POST /api/users/import/preview and /api/users/import: what an import does, or would do, row by row. */
export interface RosterPlan {
  rows: RosterRow[];
  problems: RosterProblem[];
  summary: { create: number; update: number; unchanged: number; problems: number };
}

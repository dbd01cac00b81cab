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

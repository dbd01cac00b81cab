import { z } from 'zod';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'enter your username').max(100),
  password: z.string().min(1, 'enter your password').max(200),
});

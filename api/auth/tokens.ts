import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { roleSchema } from '../../domain/assignee';

export const sessionUserSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  jurisdictionId: z.string(),
  departmentId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const SESSION_HOURS = 12;

export interface TokenSigner {
  sign(user: SessionUser): Promise<string>;
  /** undefined for a token that is forged, expired or malformed. */
  verify(token: string): Promise<SessionUser | undefined>;
}

/** HS256-signed session tokens carrying who the user is and which roles they hold. */
export function createTokenSigner(secret: string): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    sign: (user) =>
      new SignJWT({ user })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.userId)
        .setIssuedAt()
        .setExpirationTime(`${SESSION_HOURS}h`)
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        const parsed = sessionUserSchema.safeParse(payload.user);
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

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

/** A working day; the session row ends at the same time, or earlier when it is revoked. */
export const SESSION_HOURS = 10;

/** Who is calling, and the server-side session their token belongs to. */
export type VerifiedToken = SessionUser & { sessionId: string };

export interface TokenSigner {
  /** A token for a session opened by `openSession` (api/security/sessions.ts). */
  sign(user: SessionUser, sessionId: string): Promise<string>;
  /** undefined for a token that is forged, expired, malformed or carries no session. */
  verify(token: string): Promise<VerifiedToken | undefined>;
}

/** HS256-signed session tokens carrying who the user is and which roles they hold. */
export function createTokenSigner(secret: string): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    sign: (user, sessionId) =>
      new SignJWT({ user, sid: sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.userId)
        .setIssuedAt()
        .setExpirationTime(`${SESSION_HOURS}h`)
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        const parsed = sessionUserSchema.safeParse(payload.user);
        const sid = payload['sid'];
        return parsed.success && typeof sid === 'string' && sid ? { ...parsed.data, sessionId: sid } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

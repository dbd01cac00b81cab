import { Router } from 'express';
import type { Kysely } from 'kysely';
import { roleSchema } from '../../domain/assignee';
import type { Database } from '../../db/schema';
import { HttpError } from '../errors';
import {
  assertNotLockedOut,
  clientAddress,
  defaultLoginThrottle,
  loginAddressLimit,
  type LoginThrottlePolicy,
  recordLoginFailure,
} from '../security/loginThrottle';
import { issueToken, revokeSession } from '../security/sessions';
import { authenticate, currentUser } from './auth.middleware';
import { loginSchema } from './auth.schemas';
import { verifyPassword } from './passwords';
import type { SessionUser, TokenSigner } from './tokens';

// Spent on unknown usernames too, so response time does not reveal which usernames exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ilWlyNZGHi0B0xl1FTIs8Q$lvrl9uf4dhB+DplpAwmiOgokCbdMaKwrxB/it806t1M';

export function authRoutes(deps: {
  db: Kysely<Database>;
  tokens: TokenSigner;
  loginThrottle?: LoginThrottlePolicy;
}): Router {
  const router = Router();
  const throttle = deps.loginThrottle ?? defaultLoginThrottle;
  const signedIn = authenticate(deps);

  router.post('/login', loginAddressLimit(throttle), async (req, res) => {
    const { username, password } = loginSchema.parse(req.body);
    await assertNotLockedOut(deps.db, username, throttle);
    const user = await deps.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
    if (!user || !ok) {
      await recordLoginFailure(deps.db, username, clientAddress(req));
      throw new HttpError(401, 'the username or password is wrong');
    }
    const session: SessionUser = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: user.roles.map((r) => roleSchema.parse(r)),
      jurisdictionId: user.jurisdiction_id,
      departmentId: user.department_id,
    };
    res.json({ token: await issueToken(deps.db, deps.tokens, session), user: toClientUser(session) });
  });

  // The token stops working here and now, not when it would have expired.
  router.post('/logout', signedIn, async (_req, res) => {
    if (res.locals.sessionId) await revokeSession(deps.db, res.locals.sessionId);
    res.json({ message: 'signed out' });
  });

  router.get('/me', signedIn, (_req, res) => {
    res.json(toClientUser(currentUser(res)));
  });

  return router;
}

function toClientUser(user: SessionUser) {
  return {
    id: user.userId,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    jurisdictionId: user.jurisdictionId,
    departmentId: user.departmentId,
  };
}

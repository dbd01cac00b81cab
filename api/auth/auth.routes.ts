import { Router } from 'express';
import type { Kysely } from 'kysely';
import { roleSchema } from '../../domain/assignee';
import type { Database } from '../../db/schema';
import { HttpError } from '../errors';
import { authenticate, currentUser } from './auth.middleware';
import { loginSchema } from './auth.schemas';
import { verifyPassword } from './passwords';
import type { SessionUser, TokenSigner } from './tokens';

// Spent on unknown usernames too, so response time does not reveal which usernames exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ilWlyNZGHi0B0xl1FTIs8Q$lvrl9uf4dhB+DplpAwmiOgokCbdMaKwrxB/it806t1M';

export function authRoutes(deps: { db: Kysely<Database>; tokens: TokenSigner }): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { username, password } = loginSchema.parse(req.body);
    const user = await deps.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
    if (!user || !ok) throw new HttpError(401, 'the username or password is wrong');
    const session: SessionUser = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: user.roles.map((r) => roleSchema.parse(r)),
      jurisdictionId: user.jurisdiction_id,
      departmentId: user.department_id,
    };
    res.json({ token: await deps.tokens.sign(session), user: toClientUser(session) });
  });

  router.get('/me', authenticate(deps.tokens), (_req, res) => {
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

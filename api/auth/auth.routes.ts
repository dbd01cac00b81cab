import { roleSchema } from '../../domain/assignee';
import { HttpError } from '../errors';
import { route } from '../http/route';
import { findByUsername } from './auth.queries';
import { loginSchema } from './auth.schemas';
import { verifyPassword } from './passwords';
import type { SessionUser } from './tokens';

// Spent on unknown usernames too, so response time does not reveal which usernames exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ilWlyNZGHi0B0xl1FTIs8Q$lvrl9uf4dhB+DplpAwmiOgokCbdMaKwrxB/it806t1M';

export const authRoutes = [
  route({
    id: 'login',
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Sign in with a username and password and receive a bearer token',
    access: 'public',
    body: loginSchema,
    ok: { 200: 'The bearer token and the signed-in user.' },
    refusals: [401],
    handler: async ({ res, deps, body: { username, password } }) => {
      const user = await findByUsername(deps.db, username);
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
    },
  }),

  route({
    id: 'getMe',
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'Read who I am signed in as',
    access: 'signedIn',
    handler: ({ res, user }) => {
      res.json(toClientUser(user));
    },
  }),
];

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

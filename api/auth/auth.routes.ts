import { roleSchema } from '../../domain/assignee';
import { fieldError, HttpError, refusal } from '../errors';
import { route } from '../http/route';
import { recordChange } from '../office/changeAudit';
import {
  assertNotLockedOut,
  clientAddress,
  defaultLoginThrottle,
  loginAddressLimit,
  recordLoginFailure,
} from '../security/loginThrottle';
import { issueToken, revokeSession } from '../security/sessions';
import { changePasswordSchema } from '../../domain/contract/users';
import { currentAccount } from './accountCheck';
import { findByUsername } from './auth.queries';
import { loginSchema } from '../../domain/contract/auth';
import { passwordProblem } from './passwordPolicy';
import { hashPassword, verifyPassword } from '../../db/passwords';
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
    notes:
      'Each failure is recorded (never the password); too many from one address in a window answer 429, and a username with too many recent failures is locked for a while (401 saying so).',
    ok: { 200: 'The bearer token and the signed-in user.' },
    refusals: [401, 429],
    before: (deps) => [loginAddressLimit(deps.db, deps.loginThrottle ?? defaultLoginThrottle)],
    handler: async ({ req, res, deps, body: { username, password } }) => {
      await assertNotLockedOut(deps.db, username, deps.loginThrottle ?? defaultLoginThrottle);
      const user = await findByUsername(deps.db, username);
      const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
      if (!user || !ok) {
        await recordLoginFailure(deps.db, username, clientAddress(req));
        throw new HttpError(401, 'wrongPassword');
      }
      if (!user.active) throw new HttpError(401, 'accountDisabled');
      const session: SessionUser = {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        roles: user.roles.map((r) => roleSchema.parse(r)),
        jurisdictionId: user.jurisdiction_id,
        departmentId: user.department_id,
      };
      res.json({
        token: await issueToken(deps.db, deps.tokens, session),
        user: { ...toClientUser(session), mustChangePassword: user.must_change_password },
      });
    },
  }),

  // The token stops working here and now, not when it would have expired.
  route({
    id: 'logout',
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'Sign out: the token stops working at once',
    access: 'signedIn',
    ok: { 200: '`{ message }`.' },
    handler: async ({ res, deps }) => {
      if (res.locals.sessionId) await revokeSession(deps.db, res.locals.sessionId);
      res.json({ message: 'signed out' });
    },
  }),

  route({
    id: 'getMe',
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'Read who I am signed in as',
    access: 'signedIn',
    allowPendingPasswordChange: true,
    handler: async ({ res, deps, user }) => {
      const account = await currentAccount(deps.db, user.userId);
      res.json({ ...toClientUser(user), mustChangePassword: account?.mustChangePassword ?? false });
    },
  }),

  route({
    id: 'changePassword',
    method: 'post',
    path: '/auth/change-password',
    tag: 'auth',
    summary: 'Change my own password (and replace a one-time password at first sign-in)',
    access: 'signedIn',
    allowPendingPasswordChange: true,
    notes:
      'The new password needs at least 10 characters, must not be the username, nor one of the 1,000 most common passwords, nor the current one. Until a one-time password is changed, every other route answers 403 with `code: passwordChangeRequired`.',
    body: changePasswordSchema,
    refusals: [400, 403],
    handler: async ({ res, deps: { db }, user, body }) => {
      const row = await db
        .selectFrom('users')
        .select(['password_hash', 'username', 'must_change_password', 'jurisdiction_id'])
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.password_hash, body.currentPassword)))
        throw fieldError(403, 'currentPassword', 'currentPasswordWrong');
      const problem =
        passwordProblem(body.newPassword, row.username) ??
        (body.newPassword === body.currentPassword ? refusal('samePassword') : undefined);
      if (problem) throw fieldError(400, 'newPassword', problem.code, problem.params);
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            password_hash: passwordHash,
            must_change_password: false,
            password_changed_at: new Date(),
            updated_at: new Date(),
          })
          .where('id', '=', user.userId)
          .execute();
        await recordChange(trx, user, {
          action: 'user.passwordChanged',
          subject: `user:${user.userId}`,
          jurisdictionId: row.jurisdiction_id,
          before: { must_change_password: row.must_change_password },
          after: { must_change_password: false },
        });
      });
      res.json({ ...toClientUser(user), mustChangePassword: false });
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

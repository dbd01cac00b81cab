import { HttpError, refusal } from '../errors';
import { route } from '../http/route';
import { lockJurisdiction } from '../jurisdictions/jurisdictions.queries';
import { applyRoster, planRoster, previewRoster, rosterContext } from './rosterImport';
import { readRosterFile, RosterFileError } from './rosterFile';
import { createUserSchema, updateUserSchema } from '../../domain/contract/users';
import { createUser, findManagedUser, resetPassword, setActive, updateUser } from './users.service';

const rosterTypes = [
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
] as const;
const ROSTER_LIMIT = '10mb';

function uploadedBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new HttpError(400, refusal('rosterType', { types: rosterTypes.join(', ') }));
  return body;
}

const importNotes =
  'The body is the file itself: CSV (UTF-8, UTF-16 or GBK, as Excel saves it) or XLSX. Columns: 姓名 name, 选区 electoral district, 手机 phone (required); 邮箱 e-mail, 常委会组成人员 committee membership (是/否), 账号 username (optional). A person is the same person when name and phone match, so importing the same file again changes nothing.';

/** People of every role: created, edited, disabled (never deleted), their passwords reset; the deputy roster imported. */
export const userRoutes = [
  route({
    id: 'createUser',
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Create an account with a one-time password (shown once)',
    access: ['coordinator'],
    notes:
      'The county office may create accounts in its townships (`jurisdiction_id`). The person must change the one-time password at first sign-in.',
    body: createUserSchema,
    ok: { 201: 'The account, and `oneTimePassword` — shown only in this response.' },
    refusals: [409, 422],
    handler: async ({ res, deps: { db }, user, body }) => {
      res.status(201).json(await createUser(db, user, body));
    },
  }),

  route({
    id: 'updateUser',
    method: 'put',
    path: '/users/:id',
    tag: 'users',
    summary: 'Edit a person: name, roles, department, contact, electoral district, responsible vice head',
    access: ['coordinator'],
    notes:
      'Taking the coordinator role from the last active office account of a jurisdiction is a 409. Roles take effect on the person’s next request.',
    body: updateUserSchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      res.json(await updateUser(db, user, params.id, body));
    },
  }),

  route({
    id: 'disableUser',
    method: 'post',
    path: '/users/:id/disable',
    tag: 'users',
    summary: 'Disable an account: it can no longer sign in, and its open sessions stop working at once',
    access: ['coordinator'],
    notes:
      'The account stays, so history keeps the name. The last active office account of a jurisdiction, or your own, cannot be disabled (409).',
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await setActive(db, user, params.id, false));
    },
  }),

  route({
    id: 'enableUser',
    method: 'post',
    path: '/users/:id/enable',
    tag: 'users',
    summary: 'Enable a disabled account again',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await setActive(db, user, params.id, true));
    },
  }),

  route({
    id: 'resetUserPassword',
    method: 'post',
    path: '/users/:id/reset-password',
    tag: 'users',
    summary: 'Give a person a new one-time password (shown once), to be changed at their next sign-in',
    access: ['coordinator'],
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, user, params }) => {
      await findManagedUser(db, user, params.id);
      res.json(await resetPassword(db, user, params.id));
    },
  }),

  route({
    id: 'previewRosterImport',
    method: 'post',
    path: '/users/import/preview',
    tag: 'users',
    summary:
      'Check a deputy roster file: each row’s problems by line number, and what an import would do; writes nothing',
    access: ['coordinator'],
    notes: importNotes,
    upload: { types: rosterTypes, limit: ROSTER_LIMIT },
    ok: { 200: '`{ rows, problems, summary }`: rows to create, update or leave unchanged, and problems by line.' },
    refusals: [400, 413],
    handler: async ({ req, res, deps: { db }, user }) => {
      res.json(await previewRoster(db, user.jurisdictionId, uploadedBytes(req.body)));
    },
  }),

  route({
    id: 'importRoster',
    method: 'post',
    path: '/users/import',
    tag: 'users',
    summary: 'Import a deputy roster file: all rows in one transaction, or none when any row has a problem',
    access: ['coordinator'],
    notes: `${importNotes} New deputies get an account without a password: issue each a one-time password with reset-password.`,
    upload: { types: rosterTypes, limit: ROSTER_LIMIT },
    ok: { 200: '`{ summary }`: how many were created, updated and unchanged.' },
    refusals: [400, 413, 422],
    handler: async ({ req, res, deps: { db }, user }) => {
      const bytes = uploadedBytes(req.body);
      const sheet = await readRosterFile(bytes).catch((err: unknown) => {
        throw err instanceof RosterFileError
          ? new HttpError(422, refusal('rosterUnreadable', { reason: err.message }))
          : err;
      });
      const plan = await db.transaction().execute(async (trx) => {
        // Planned again under the lock: two imports at once cannot both create the same deputy.
        await lockJurisdiction(trx, user.jurisdictionId);
        const planned = planRoster(sheet, await rosterContext(trx, user.jurisdictionId));
        if (planned.problems.length > 0) return planned;
        await applyRoster(trx, user, user.jurisdictionId, planned);
        return planned;
      });
      if (plan.problems.length > 0) {
        res.status(422).json({
          message: `nothing was imported: ${plan.problems.length} row problem(s), first on line ${plan.problems[0]!.line}: ${plan.problems[0]!.message}`,
          problems: plan.problems,
        });
        return;
      }
      res.json({ summary: plan.summary });
    },
  }),
];

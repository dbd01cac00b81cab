import type { Role } from '../../domain/assignee';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { recordChange } from '../office/changeAudit';
import { readRosterFile, RosterFileError, type RosterSheet } from './rosterFile';
import {
  mobileSchema,
  type RosterColumn,
  type RosterPlan,
  type RosterProblem,
  type RosterRow,
  usernameSchema,
} from '../../domain/contract/users';

import { auditView, findUserById, userColumns } from './users.queries';

/** A file of more rows than a county's deputies plus its townships' is a mistake, not a roster. */
export const MAX_ROSTER_ROWS = 5_000;

type Column = RosterColumn;

// Headers as offices write them, in Chinese or English; compared without spaces and case.
const headerNames: Record<Column, string[]> = {
  name: ['姓名', '代表姓名', 'name'],
  district: ['选区', '所在选区', '选举单位', 'electoraldistrict', 'district'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'phone', 'mobile'],
  email: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'],
  committee: ['常委会组成人员', '是否常委会组成人员', '常委', 'committee', 'committeemember'],
  username: ['账号', '用户名', 'username', 'id'],
};
const requiredColumns: Column[] = ['name', 'district', 'phone'];

const yes = ['是', '√', '✓', 'y', 'yes', 'true', '1'];
const no = ['否', '', 'n', 'no', 'false', '0', '×'];

/** What an import may compare against: the districts it knows and the people already there. */
export interface RosterContext {
  jurisdictionId: string;
  /** Names of the jurisdiction's townships and streets: a district must name one (城关镇, 城关镇第一选区). */
  districtPrefixes: string[];
  existing: {
    id: string;
    username: string;
    display_name: string;
    phone: string | null;
    email: string | null;
    electoral_district: string | null;
    roles: Role[];
  }[];
  /** Usernames held by anyone (any jurisdiction): a new account may not take one. */
  takenUsernames: Set<string>;
}

const normalise = (h: string) => h.replace(/[\s_]/g, '').toLowerCase();

function columnsOf(header: string[]): { index: Partial<Record<Column, number>>; problems: RosterProblem[] } {
  const index: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const key = normalise(h);
    for (const [column, names] of Object.entries(headerNames) as [Column, string[]][]) {
      if (names.includes(key) && index[column] === undefined) index[column] = i;
    }
  });
  const problems = requiredColumns
    .filter((c) => index[c] === undefined)
    .map((c) => ({
      line: 1,
      field: c,
      message: `the header row has no ${headerNames[c][0]} column (it reads: ${header.join(', ') || 'nothing'})`,
    }));
  return { index, problems };
}

const emailSchema = z.email();

/** Checks every row against the file's other rows and the people already recorded; writes nothing. */
export function planRoster(sheet: RosterSheet, context: RosterContext): RosterPlan {
  const { index, problems } = columnsOf(sheet.header);
  if (sheet.records.length > MAX_ROSTER_ROWS)
    problems.push({
      line: 1,
      field: 'file',
      message: `the file has ${sheet.records.length} rows; at most ${MAX_ROSTER_ROWS} at a time`,
    });
  if (problems.length > 0)
    return { rows: [], problems, summary: { create: 0, update: 0, unchanged: 0, problems: problems.length } };

  const byKey = new Map(context.existing.map((u) => [`${u.display_name}\u0000${u.phone ?? ''}`, u]));
  const seenKeys = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  const seenUsernames = new Map<string, number>();
  const rows: RosterRow[] = [];
  for (const { line, cells } of sheet.records) {
    const cell = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]] ?? '').trim());
    const problem = (field: Column, message: string) => problems.push({ line, field, message });
    const before = problems.length;

    const name = cell('name');
    if (!name) problem('name', 'the name is empty');
    else if (name.length > 50) problem('name', 'the name is longer than 50 characters');

    const district = cell('district');
    if (!district) problem('district', 'the electoral district (选区) is empty');
    else if (context.districtPrefixes.length > 0 && !context.districtPrefixes.some((p) => district.startsWith(p)))
      problem(
        'district',
        `unknown electoral district "${district}": it must name one of ${context.districtPrefixes.join('、')}`,
      );

    const phoneParsed = mobileSchema.safeParse(cell('phone'));
    const phone = phoneParsed.success ? phoneParsed.data : '';
    if (!phoneParsed.success) problem('phone', `"${cell('phone')}" is not an 11-digit mobile number`);

    const emailText = cell('email');
    if (emailText && !emailSchema.safeParse(emailText).success)
      problem('email', `"${emailText}" is not an e-mail address`);

    const committeeText = cell('committee').toLowerCase();
    const committee = yes.includes(committeeText);
    if (!committee && !no.includes(committeeText))
      problem('committee', `write 是 or 否 for the standing committee membership, not "${cell('committee')}"`);

    const key = `${name}\u0000${phone}`;
    const match = byKey.get(key);
    const usernameText = cell('username') || match?.username || phone;
    const usernameParsed = usernameSchema.safeParse(usernameText);
    if (cell('username') && !usernameParsed.success)
      problem('username', `"${usernameText}": ${usernameParsed.error?.issues[0]?.message}`);
    const username = usernameParsed.success ? usernameParsed.data : usernameText;

    if (name && phone) {
      const first = seenKeys.get(key);
      if (first !== undefined) problem('name', `repeats line ${first} (same name and phone)`);
      else {
        seenKeys.set(key, line);
        const phoneLine = seenPhones.get(phone);
        if (phoneLine !== undefined)
          problem('phone', `the phone ${phone} is already on line ${phoneLine} under another name`);
        seenPhones.set(phone, line);
      }
    }
    // Checked only for an otherwise sound row: a repeated row or phone already says what is wrong.
    if (!match && username && problems.length === before) {
      const userLine = seenUsernames.get(username);
      if (userLine !== undefined) problem('username', `the username ${username} is already on line ${userLine}`);
      else if (context.takenUsernames.has(username))
        problem('username', `the username ${username} belongs to another account: add a 账号 column with a free one`);
      seenUsernames.set(username, line);
    }
    if (problems.length > before) continue;

    const email = emailText || null;
    let action: RosterRow['action'] = 'create';
    if (match) {
      const same =
        match.electoral_district === district &&
        (match.email ?? null) === email &&
        match.roles.includes('deputy') &&
        match.roles.includes('committeeMember') === committee;
      action = same ? 'unchanged' : 'update';
    }
    rows.push({ line, name, district, phone, email, committee, username, action, userId: match?.id ?? null });
  }
  const count = (a: RosterRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    rows,
    problems,
    summary: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      problems: problems.length,
    },
  };
}

/** The districts and people an import of this jurisdiction compares against. */
export async function rosterContext(db: Kysely<Database>, jurisdictionId: string): Promise<RosterContext> {
  const [children, existing, usernames] = await Promise.all([
    db.selectFrom('jurisdictions').select('name').where('parent_id', '=', jurisdictionId).execute(),
    db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'phone', 'email', 'electoral_district', 'roles'])
      .where('jurisdiction_id', '=', jurisdictionId)
      .execute(),
    db.selectFrom('users').select('username').execute(),
  ]);
  return {
    jurisdictionId,
    districtPrefixes: children.map((c) => c.name),
    existing,
    takenUsernames: new Set(usernames.map((u) => u.username)),
  };
}

/** Reads the upload and plans it; a file that cannot be read at all is one problem on line 1. */
export async function previewRoster(db: Kysely<Database>, jurisdictionId: string, bytes: Buffer): Promise<RosterPlan> {
  let sheet: RosterSheet;
  try {
    sheet = await readRosterFile(bytes);
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    return {
      rows: [],
      problems: [{ line: 1, field: 'file', message: err.message }],
      summary: { create: 0, update: 0, unchanged: 0, problems: 1 },
    };
  }
  return planRoster(sheet, await rosterContext(db, jurisdictionId));
}

/**
 * Applies a plan without problems in the caller's transaction. New deputies get an account without a
 * password (the office issues one-time passwords by resetting): hashing thousands of passwords would hold
 * the transaction for minutes, and nobody should hold passwords they did not ask for.
 */
export async function applyRoster(
  trx: Transaction<Database>,
  office: SessionUser,
  jurisdictionId: string,
  plan: RosterPlan,
) {
  const creates = plan.rows.filter((r) => r.action === 'create');
  const ids = new Map(creates.map((r) => [r.line, `user-${randomUUID()}`]));
  if (creates.length > 0) {
    // In slices: PostgreSQL takes at most 65,535 parameters in one statement.
    for (let i = 0; i < creates.length; i += 1_000) {
      await trx
        .insertInto('users')
        .values(
          creates.slice(i, i + 1_000).map((r) => ({
            id: ids.get(r.line)!,
            username: r.username,
            display_name: r.name,
            // Not an argon2 string: verifyPassword refuses it, so nobody signs in until a reset.
            password_hash: '!no-password',
            roles: r.committee ? ['deputy', 'committeeMember'] : ['deputy'],
            jurisdiction_id: jurisdictionId,
            department_id: null,
            email: r.email,
            phone: r.phone,
            electoral_district: r.district,
            must_change_password: true,
          })),
        )
        .execute();
    }
    const created = await trx
      .selectFrom('users')
      .select(userColumns)
      .where('id', 'in', [...ids.values()])
      .execute();
    await insertChanges(
      trx,
      office,
      jurisdictionId,
      'user.imported',
      created.map((u) => [null, auditView(u), u.id]),
    );
  }
  for (const r of plan.rows.filter((row) => row.action === 'update')) {
    const before = (await findUserById(trx, r.userId!))!;
    const roles = new Set<Role>(before.roles.filter((role) => role !== 'committeeMember'));
    roles.add('deputy');
    if (r.committee) roles.add('committeeMember');
    await trx
      .updateTable('users')
      .set({ electoral_district: r.district, email: r.email, roles: [...roles], updated_at: new Date() })
      .where('id', '=', before.id)
      .execute();
    const after = (await findUserById(trx, before.id))!;
    await recordChange(trx, office, {
      action: 'user.importUpdated',
      subject: `user:${before.id}`,
      jurisdictionId,
      before: auditView(before),
      after: auditView(after),
    });
  }
}

async function insertChanges(
  trx: Transaction<Database>,
  office: SessionUser,
  jurisdictionId: string,
  action: string,
  changes: [Record<string, unknown> | null, Record<string, unknown>, string][],
) {
  for (let i = 0; i < changes.length; i += 1_000) {
    await trx
      .insertInto('audit_events')
      .values(
        changes.slice(i, i + 1_000).map(([before, after, id]) => ({
          dedupe_key: null,
          actor_user_id: office.userId,
          actor_label: office.displayName,
          action,
          workflow_id: null,
          subject: `user:${id}`,
          jurisdiction_id: jurisdictionId,
          detail: JSON.stringify({ before, after }),
        })),
      )
      .execute();
  }
}

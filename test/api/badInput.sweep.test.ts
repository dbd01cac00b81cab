import { testDataConverter } from '../support/payloadKey';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Client, Connection } from '@temporalio/client';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner, type SessionUser } from '../../api/auth/tokens';
import { answerClientErrorsWithJson } from '../../api/http/badInput';
import { buildOpenApiDocument } from '../../api/openapi';
import { apiRoutes } from '../../api/routes';
import { issueToken, openSession } from '../../api/security/sessions';
import { roleSchema } from '../../domain/assignee';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

/**
 * Hostile input against every operation the OpenAPI document lists, so a new route is swept without
 * anyone adding it here: no answer is a 500, every 4xx carries a JSON `message`, and no row changes.
 * The cases are sampled per operation (each path-id oddity once, each body field mutated a few ways)
 * to keep the run well under a minute.
 */

const SECRET = 's'.repeat(40);
// Tables a refused request legitimately writes: failed sign-ins (the lockout's count), the per-address
// limits' counts (every request to a limited route counts, refused or not), and the sessions this sweep
// opens for its own tokens (one of which POST /auth/logout revokes).
const WRITTEN_BY_REFUSALS = new Set(['login_failures', 'rate_limit_windows', 'auth_sessions']);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}
interface Operation {
  method: Method;
  path: string;
  params: string[];
  body?: JsonSchema;
  upload: boolean;
  /** The upload takes plain text (a document), so text that happens to be JSON is a file like any other. */
  takesText: boolean;
  list: boolean;
}

interface Case {
  label: string;
  url: string;
  auth?: string | null;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const document = buildOpenApiDocument(apiRoutes) as { paths: Record<string, Record<string, Record<string, unknown>>> };
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]): Operation => {
    const content = (op['requestBody'] as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content;
    const params = ((op['parameters'] as { in?: string; name?: string }[] | undefined) ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name ?? '');
    return {
      method: method as Method,
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => name),
      body: content?.['application/json']?.schema,
      upload: Boolean(content && !content['application/json']),
      takesText: Boolean(content?.['text/plain']),
      list: params.includes('filter'),
    };
  }),
);

/** A value the schema accepts, so a mutation of one field is what a request is refused for. */
function exampleOf(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf ?? schema.anyOf) return exampleOf((schema.oneOf ?? schema.anyOf)![0], name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(prop, key);
      return out;
    }
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((s) => exampleOf(s));
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => exampleOf(schema.items || undefined));
    }
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date' || /On$|deadline|Date$|plannedEnd|plannedStart/.test(name)) return '2027-06-30';
      if (schema.format === 'email') return 'sweep@test.local';
      if (name === 'key') return 'sweep-key-000001';
      return 'sweep-text-value'.padEnd(Math.max(16, schema.minLength ?? 0), 'x');
  }
}

const oddIds = [
  '%',
  '%FF%FE',
  '0x1',
  '1e0',
  '+1',
  '%201',
  '%00',
  'a%00b',
  '%ED%A0%80',
  "1'%20OR%20'1'%3D'1",
  'x'.repeat(3000),
];
const injections = ["' OR 1=1 --", '<script>alert(1)</script>', '${jndi:ldap://127.0.0.1/a}', '../../etc/passwd'];
const listQueries = [
  'filter=%7B%22id%22%3A%5B%5D%7D', // {"id":[]}
  'filter=%7B%22id%22%3A%22%5Cu0000%22%7D', // {"id":"\u0000"}
  'filter=%7B%22q%22%3A%22a%5Cud800b%22%7D', // {"q":"a\ud800b"}
  'filter=%7B%22q%22%3A%22%27%3B%20drop%20table%20users%3B%20--%22%7D',
  'filter=not-json',
  'filter=%7B%22id%22%3A%5B%22%25%22%2C1e400%5D%7D',
  'sort=%5B%22password_hash%22%2C%22ASC%22%5D',
  'range=%5B0%2C1e12%5D',
  'range=%5B-5%2C%22a%22%5D',
  'filter=%00',
  'filter=%FF',
  `filter=${encodeURIComponent(JSON.stringify({ q: 'y'.repeat(10_000) }))}`,
];

function casesFor(op: Operation): Case[] {
  const fill = (value: string) => op.path.replace(/\{\w+\}/g, value);
  const url = `/api${fill('sweep-unknown-id')}`;
  const json = (body: unknown) => JSON.stringify(body);
  const cases: Case[] = [];
  for (const id of op.params.length ? oddIds : [])
    cases.push({ label: `id ${id.slice(0, 20)}`, url: `/api${fill(id)}` });
  if (op.list || op.method === 'get') {
    for (const q of op.list ? listQueries : listQueries.slice(9, 11))
      cases.push({ label: `query ${q.slice(0, 40)}`, url: `${url}?${q}` });
  }
  // Who is calling: nobody, a forged token, an expired one, a role the operation may not be for.
  for (const auth of [null, 'forged', 'expired', 'deputy', 'garbage']) cases.push({ label: `auth ${auth}`, url, auth });
  if (op.method === 'get') return cases;

  const raw = (label: string, body: string | Buffer, contentType = 'application/json', headers = {}) =>
    cases.push({ label, url, body, contentType, headers });
  raw('malformed JSON', '{"title": ');
  raw('JSON as text/plain', json(exampleOf(op.body)), 'text/plain');
  raw('a form body', 'a=1&b=2', 'application/x-www-form-urlencoded');
  raw('charset latin1', json(exampleOf(op.body)), 'application/json; charset=latin1');
  raw('unknown Content-Encoding', json(exampleOf(op.body)), 'application/json', { 'Content-Encoding': 'x-unknown' });
  raw('corrupt gzip', Buffer.concat([gzipSync('{"a":1}').subarray(0, 12), Buffer.from('junk')]), 'application/json', {
    'Content-Encoding': 'gzip',
  });
  raw('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]));
  raw('a JSON array', '[]');
  raw('JSON null', 'null');
  raw('a JSON string', '"x"');
  raw('__proto__ key', '{"__proto__":{"roles":["coordinator"]},"constructor":{"prototype":{"x":1}}}');
  raw('a NUL key', '{"a\\u0000b":1}');
  if (op.upload) {
    raw(
      'PNG signature then junk',
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('junk')]),
      'image/png',
    );
    raw('empty image', Buffer.alloc(0), 'image/jpeg');
  }
  const example = exampleOf(op.body);
  if (op.body && example && typeof example === 'object' && !Array.isArray(example)) {
    raw('missing fields', '{}');
    const base = example as Record<string, unknown>;
    for (const field of Object.keys(base).slice(0, 6)) {
      const mutate = (label: string, value: unknown) => raw(`${field}: ${label}`, json({ ...base, [field]: value }));
      const without = { ...base };
      delete without[field];
      raw(`${field}: missing`, json(without));
      mutate('wrong type', typeof base[field] === 'number' ? 'twelve' : typeof base[field] === 'object' ? 7 : { x: 1 });
      mutate('NUL', 'a\u0000b');
      mutate('1 MB string', 'z'.repeat(1_000_000));
      mutate('injection', injections[field.length % injections.length]);
      raw(`${field}: lone surrogate`, json({ ...base, [field]: 'SURROGATE' }).replace('"SURROGATE"', '"a\\ud800b"'));
    }
  }
  return cases;
}

/** A serializer that leaves a Buffer body as the bytes it is (superagent's types say a serializer returns text). */
const asBytes = (body: unknown): string => body as string;

let testDb: TestDatabase;
let connection: Connection;
let server: Server;
const tokens: Record<string, string> = {};

async function checksums(): Promise<Record<string, string>> {
  const { db } = testDb;
  const tables = await db
    .selectFrom('information_schema.tables' as never)
    .select(sql<string>`table_name`.as('name'))
    .where(sql`table_schema`, '=', 'public')
    .where(sql`table_type`, '=', 'BASE TABLE')
    .execute();
  const sums: Record<string, string> = {};
  for (const { name } of tables as { name: string }[]) {
    if (WRITTEN_BY_REFUSALS.has(name)) continue;
    const row = await sql<{ sum: string }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${sql.table(name)} t`.execute(db);
    sums[name] = row.rows[0]!.sum;
  }
  return sums;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db);
  await insertVotedProject(db, {
    key: 'sweep',
    batchId: `batch-${jurisdictionId}-2026`,
    year: 2026,
    deadline: '2026-11-30',
  });
  await db
    .insertInto('users')
    .values({
      id: 'sweep-probe',
      username: 'sweep-probe',
      display_name: 'sweep',
      password_hash: 'not-a-login',
      roles: [...roleSchema.options],
      jurisdiction_id: jurisdictionId,
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  const signer = createTokenSigner(SECRET);
  const app = createApp({
    db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: signer,
    taskQueue: 'sweep-test-no-worker',
    temporalUiUrl: 'http://127.0.0.1:8233',
    // Limits high enough that the guards behind them are what each case reaches.
    loginThrottle: { failuresBeforeLockout: 100_000, lockoutMinutes: 1, failuresPerAddress: 100_000 },
    publicFormLimit: { windowMinutes: 1, perAddress: 100_000 },
  });
  const user = (id: string, roles: SessionUser['roles']): SessionUser => ({
    userId: id,
    username: id,
    displayName: id,
    roles,
    jurisdictionId,
    departmentId: null,
  });
  const probe = user('sweep-probe', [...roleSchema.options]);
  tokens['probe'] = await issueToken(db, signer, probe);
  tokens['logout'] = await issueToken(db, signer, probe);
  tokens['deputy'] = await issueToken(db, signer, user('deputy', ['deputy']));
  tokens['forged'] = await createTokenSigner('f'.repeat(40)).sign(probe, await openSession(db, 'sweep-probe'));
  tokens['expired'] = await new SignJWT({ user: probe, sid: await openSession(db, 'sweep-probe') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(probe.userId)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(new TextEncoder().encode(SECRET));
  tokens['garbage'] = 'not.a.jwt';
  server = createServer(app);
  answerClientErrorsWithJson(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await connection?.close();
  await testDb?.drop();
});

describe('the hostile-input sweep over every OpenAPI operation', () => {
  it('covers every operation the document lists', () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  it('never answers 500, always says what is wrong in a JSON message, and changes no row it refused', async () => {
    const before = await checksums();
    const problems: string[] = [];
    const accepted: string[] = [];
    let sent = 0;
    const send = async (op: Operation, c: Case) => {
      let req = request(server)[op.method](c.url);
      // Signing out revokes the token it is sent with, and any body is fine for it: it gets its own.
      const auth = c.auth === undefined ? (op.path === '/auth/logout' ? 'logout' : 'probe') : c.auth;
      if (auth) req = req.set('Authorization', `Bearer ${tokens[auth] ?? auth}`);
      for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
      if (c.body !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.body);
      // superagent writes a Buffer sent as JSON as `{"type":"Buffer",…}`: bytes (invalid UTF-8, gzip) go out as they are.
      if (Buffer.isBuffer(c.body)) req = req.serialize(asBytes);
      const res = await req.ok(() => true);
      sent += 1;
      const where = `${op.method.toUpperCase()} ${op.path} [${c.label}] → ${res.status}`;
      if (res.status < 300 && op.method !== 'get' && c.auth === undefined) accepted.push(c.label);
      if (res.status >= 500) problems.push(`${where} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status >= 400) {
        const message: unknown = (res.body as { message?: unknown } | undefined)?.message;
        if (!/json/.test(res.headers['content-type'] ?? '') || typeof message !== 'string' || !message) {
          problems.push(`${where} without a JSON message: ${String(res.text).slice(0, 120)}`);
        }
      }
    };
    // Some variants are not bad input at all: a create route whose optional field is left out, or a name that
    // merely looks like code (stored as text). Such a request is accepted and writes its row; every other
    // change to any table is a finding. Each operation is checked on its own, so a change is traced to it.
    const ordinaryVariant = /: (missing|injection)$/;
    let last = before;
    for (const op of operations) {
      const cases = casesFor(op);
      accepted.length = 0;
      // A few at a time: enough to keep the run short, few enough for a pool of five connections.
      for (let i = 0; i < cases.length; i += 6) await Promise.all(cases.slice(i, i + 6).map((c) => send(op, c)));
      if (op.method === 'get') continue;
      const now = await checksums();
      const changed = Object.keys(now).filter((table) => now[table] !== last[table]);
      const where = `${op.method.toUpperCase()} ${op.path}`;
      if (changed.length && accepted.length === 0)
        problems.push(`${where} changed ${changed.join(', ')} and accepted nothing`);
      // A route that reads its input and writes nothing (a preview, signing out) may take any body.
      if (changed.length)
        for (const label of accepted)
          if (!ordinaryVariant.test(label) && !(op.takesText && label === 'JSON as text/plain'))
            problems.push(`${where} changed ${changed.join(', ')} on a hostile request [${label}]`);
      last = now;
    }
    expect(problems.slice(0, 30), `${problems.length} of ${sent} responses`).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
    // The probe was signed in throughout, so each case reached the route's own checks, not a 401.
    await request(server).get('/api/auth/me').set('Authorization', `Bearer ${tokens['probe']}`).expect(200);
    expect(await checksums()).toEqual(last);
  }, 180_000);

  it('answers what Node itself refuses (oversized headers, a request that is not HTTP) with a JSON message', async () => {
    const { port } = server.address() as { port: number };
    const rawExchange = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(text));
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const huge = await rawExchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toEqual({
      message: 'the request headers are too large',
    });
    const garbage = await rawExchange('FLY /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).message).toBe('the request is not valid HTTP');
  });
});

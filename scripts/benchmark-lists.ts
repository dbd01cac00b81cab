/**
 * `npx tsx scripts/benchmark-lists.ts`: how the console's lists hold up at 100,000 rows (issue 5).
 * Creates a scratch database on the PostgreSQL server named by BENCH_DATABASE_URL (any database part is
 * ignored), or on an embedded one it starts and removes; migrates it, inserts 100,000 suggestions, tasks,
 * notices and audit events, then times list pages and full CSV exports through the real app (supertest)
 * and prints a table. The scratch database is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../api/app';
import { createTokenSigner, type SessionUser } from '../api/auth/tokens';
import { issueToken } from '../api/security/sessions';
import { createDb } from '../db/connection';
import { startEmbeddedPostgres } from '../db/embeddedPostgres';
import type { Role } from '../domain/assignee';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { projectRoot } from './toolPaths';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEATS = 5;
const J = 'bench-county';
const BATCH = `batch-${J}-2027`;

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The benchmark's rows; exported for looking at query plans by hand. */
export async function seedBenchmark(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('jurisdictions')
    .values({ id: J, name: '基准县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('departments')
    .values({ id: 'bench-dept', jurisdiction_id: J, name: '县交通运输局', leader_user_id: null })
    .execute();
  const user = (id: string, roles: Role[], department: string | null) => ({
    id,
    username: id,
    display_name: id,
    password_hash: 'x',
    roles,
    jurisdiction_id: J,
    department_id: department,
    email: null,
    phone: null,
  });
  await db
    .insertInto('users')
    .values([user('bench-coordinator', ['coordinator'], null), user('bench-official', ['official'], 'bench-dept')])
    .execute();
  await db
    .insertInto('batches')
    .values({ id: BATCH, jurisdiction_id: J, year: 2027, title: '基准县2027年', phase: 'closed' })
    .execute();
  // generate_series keeps 100,000 rows to one statement each.
  await sql`
    insert into suggestions (id, batch_id, title, description, category, location, channel, outcome, created_at)
    select 'sug-bench-' || g, ${BATCH}, '第' || g || '号建议：' || (array['修缮道路','增设路灯','改造校舍','建设养老服务站','治理河道'])[1 + g % 5],
           '群众反映的问题，编号' || g, (array['education','transport','water','health','elderCare','environment','culture','other'])[1 + g % 8],
           (array['城关镇','清河镇','山阳乡','东城街道'])[1 + g % 4], (array['online','deputy','department','hotline12345'])[1 + g % 4],
           case when g % 3 = 0 then null else (array['candidate','reserve','pendingResearch','rejected'])[1 + g % 4] end,
           now() - g * interval '1 minute'
    from generate_series(1, ${ROWS}) g`.execute(db);
  await sql`
    insert into tasks (id, owner_workflow_id, jurisdiction_id, kind, title, assignee_kind, assignee_ref, payload, due_at, status, escalation_level, created_at)
    select 'task-bench-' || g, null, ${J}, (array['progressReport','supervisionCheck','instruction','findingResponse'])[1 + g % 4],
           '第' || g || '号任务', 'department', 'bench-dept', '{}'::jsonb, now() + (g % 200 - 100) * interval '1 day',
           case when g % 4 = 0 then 'open' else 'done' end, g % 3, now() - g * interval '1 minute'
    from generate_series(1, ${ROWS}) g`.execute(db);
  await sql`
    insert into notices (dedupe_key, recipient_user_id, kind, title, body, workflow_id, task_id, created_at, read_at)
    select 'notice-bench-' || g, 'bench-official', (array['assigned','reminder','escalation','info'])[1 + g % 4], '第' || g || '号通知', '请按时办理',
           null, 'task-bench-' || g, now() - g * interval '1 minute', case when g % 5 = 0 then null else now() end
    from generate_series(1, ${ROWS}) g`.execute(db);
  await sql`
    insert into audit_events (dedupe_key, actor_user_id, actor_label, action, workflow_id, subject, detail, at)
    select 'audit-bench-' || g, null, 'system', (array['task.assigned','task.escalated','task.completed','task.reminded'])[1 + g % 4],
           'task-bench-' || g, 'task-bench-' || g, jsonb_build_object('level', 1 + g % 3), now() - g * interval '1 minute'
    from generate_series(1, ${ROWS}) g`.execute(db);
  await sql`analyze`.execute(db);
}

interface Probe {
  list: string;
  case: string;
  url: string;
  query?: Record<string, unknown>;
  user: 'coordinator' | 'official';
  /** A CSV export: timed fewer times, and its row count checked. */
  csv?: boolean;
}

const page = (range: [number, number]) => ({ range });
const probes: Probe[] = [];
for (const [list, user, filter, sort] of [
  ['suggestions', 'coordinator', { category: 'transport' }, ['title', 'ASC']],
  ['tasks', 'coordinator', { overdue: true }, ['created_at', 'DESC']],
  ['notices', 'official', { unread: true }, ['kind', 'ASC']],
  ['audit-events', 'coordinator', { action: 'task.escalated' }, ['actor_label', 'ASC']],
] as const) {
  probes.push(
    { list, case: 'first page', url: `/api/${list}`, query: page([0, 24]), user },
    { list, case: 'deep page (offset 90,000)', url: `/api/${list}`, query: page([90_000, 90_024]), user },
    {
      list,
      case: `filtered ${JSON.stringify(filter)}`,
      url: `/api/${list}`,
      query: { ...page([0, 24]), filter },
      user,
    },
    { list, case: `sorted ${JSON.stringify(sort)}`, url: `/api/${list}`, query: { ...page([0, 24]), sort }, user },
  );
  if (list !== 'audit-events')
    probes.push({ list, case: 'CSV export, every row', url: `/api/exports/${list}.csv`, user, csv: true });
}
probes.push({ list: 'dashboard', case: 'GET /api/dashboard', url: '/api/dashboard', user: 'coordinator' });

async function time(app: Express, token: string, probe: Probe): Promise<{ ms: number; rows: string }> {
  const query = Object.fromEntries(Object.entries(probe.query ?? {}).map(([k, v]) => [k, JSON.stringify(v)]));
  const once = async () => {
    const started = performance.now();
    const res = await request(app)
      .get(probe.url)
      .query(query)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${probe.url} answered ${res.status}: ${String(res.body)}`);
    const text = res.body as string;
    const rows = probe.csv
      ? String(text.split('\r\n').length - 2)
      : ((res.headers['content-range'] as string | undefined)?.split('/')[1] ?? '—');
    return { ms, rows };
  };
  await once(); // warm: plans and the pool's connections
  const runs = [];
  for (let i = 0; i < (probe.csv ? 2 : REPEATS); i++) runs.push(await once());
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

async function main(): Promise<void> {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stopPg: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const pgServer = await startEmbeddedPostgres({
      dataDir: path.join(projectRoot, '.data', `bench-${process.pid}`),
      port: 56000 + (process.pid % 500),
      database: 'postgres',
      persistent: false,
    });
    serverUrl = pgServer.url;
    stopPg = () => pgServer.stop();
  }
  const name = `bench_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const db = createDb(withDatabase(serverUrl, name), 10);
  // No workflow runs: the batch is closed, so the dashboard asks Temporal nothing.
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  try {
    await migrateToLatest(db);
    const seeded = performance.now();
    await seedBenchmark(db);
    console.log(
      `seeded ${ROWS.toLocaleString('en')} suggestions, tasks, notices and audit events in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const tokens = createTokenSigner('b'.repeat(40));
    const app = createApp({
      db,
      temporal: new Client({ connection }),
      tokens,
      taskQueue: 'bench',
      temporalUiUrl: 'http://127.0.0.1:8233',
    });
    const session = (id: string, roles: SessionUser['roles'], departmentId: string | null): SessionUser => ({
      userId: id,
      username: id,
      displayName: id,
      roles,
      jurisdictionId: J,
      departmentId,
    });
    const token = {
      coordinator: await issueToken(db, tokens, session('bench-coordinator', ['coordinator'], null)),
      official: await issueToken(db, tokens, session('bench-official', ['official'], 'bench-dept')),
    };
    const table: string[][] = [['list', 'case', 'rows', 'ms (median)']];
    for (const probe of probes) {
      const { ms, rows } = await time(app, token[probe.user], probe);
      table.push([probe.list, probe.case, rows, ms.toFixed(0)]);
      console.log(`  ${probe.list} · ${probe.case}: ${ms.toFixed(0)} ms`);
    }
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    console.log('');
    for (const [i, row] of table.entries()) {
      console.log(`| ${row.map((c, j) => (j >= 2 ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join(' | ')} |`);
      if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
    }
  } finally {
    await db.destroy();
    await connection.close().catch(() => undefined);
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
    await stopPg?.();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`benchmark: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  });
}

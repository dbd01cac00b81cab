import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { runtimeConfigKeys, runtimeConfigSchema } from '../domain/config';
import { projectRoot } from '../scripts/toolPaths';

// Docker cannot run on the project's machines, so the stack is checked by reading what compose would read.

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.union([z.string(), z.object({ context: z.string() }).passthrough()]).optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z.union([z.record(z.string(), scalar), z.array(z.string())]).optional(),
  ports: z
    .array(
      z.union([
        z.string(),
        z.number(),
        z.object({ published: z.union([z.string(), z.number()]).optional(), target: z.number() }),
      ]),
    )
    .optional(),
  depends_on: z
    .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }).passthrough())])
    .optional(),
  deploy: z.object({ replicas: z.number().optional() }).passthrough().optional(),
  healthcheck: z
    .object({ test: z.union([z.string(), z.array(z.string())]) })
    .passthrough()
    .optional(),
  restart: z.string().optional(),
  volumes: z.array(z.union([z.string(), z.object({}).passthrough()])).optional(),
});
type Service = z.infer<typeof serviceSchema>;
const composeSchema = z.object({ services: z.record(z.string(), serviceSchema) });

const composeText = readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8');
// merge: compose honours `<<:` merge keys, which the x-app / x-app-env anchors rely on.
const compose = composeSchema.parse(parse(composeText, { merge: true }) as unknown);

/** What the operator exports before `docker compose up`; the values only have to satisfy the config schema. */
const hostEnv: Record<string, string> = { AUTH_SECRET: 'a'.repeat(40), POSTGRES_PASSWORD: 'test0password' };

/** Compose's variable substitution: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$. */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;
  return value.replace(pattern, (_match: string, name: string | undefined, op?: string, arg?: string) => {
    if (name === undefined) return '$';
    const set = env[name];
    const present = op?.startsWith(':') ? set !== undefined && set !== '' : set !== undefined;
    if (present && set !== undefined) return set;
    if (op?.endsWith('?')) throw new Error(`required variable ${name} is missing: ${arg ?? ''}`);
    if (op?.endsWith('-')) return arg ?? '';
    return '';
  });
}

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function rawEnvironment(s: Service): Record<string, string> {
  const env = s.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function environment(s: Service, env: Record<string, string | undefined> = hostEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(rawEnvironment(s)).map(([k, v]) => [k, interpolate(v, env)]));
}

/** Published host port → container port. */
function publishedPorts(s: Service): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of s.ports ?? []) {
    if (typeof p === 'object') {
      if (p.published !== undefined) out.set(Number(p.published), p.target);
      continue;
    }
    const parts = String(p)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    // "container" alone publishes on a random host port; treat it as the same number for the check.
    const container = Number(parts.at(-1));
    const host = parts.length >= 2 ? Number(parts.at(-2)) : container;
    out.set(host, container);
  }
  return out;
}

function dependsOn(s: Service): Record<string, string> {
  const d = s.depends_on ?? [];
  if (Array.isArray(d)) return Object.fromEntries(d.map((n) => [n, 'service_started']));
  return Object.fromEntries(Object.entries(d).map(([n, v]) => [n, v.condition]));
}

function commandText(s: Service): string {
  return Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? '');
}

const requiredKeys = runtimeConfigKeys.filter((key) => !runtimeConfigSchema.shape[key].safeParse(undefined).success);
const expectedServices = ['postgres', 'temporal', 'temporal-ui', 'migrate', 'worker', 'api'];

describe('docker-compose.yml', () => {
  it('has every service of the stack, each with a pinned image or a build', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...expectedServices].sort());
    for (const name of expectedServices) {
      const s = service(name);
      expect(s.image !== undefined || s.build !== undefined, `${name}: image or build`).toBe(true);
      if (s.image === undefined) continue;
      const lastSegment = s.image.split('/').at(-1) ?? '';
      const tag = lastSegment.includes(':') ? lastSegment.split(':').at(-1) : undefined;
      expect(tag, `${name}: ${s.image} needs a tag`).toBeTruthy();
      expect(tag, `${name}: ${s.image} must not float`).not.toBe('latest');
    }
    expect(service('postgres').image).toMatch(/^postgres:17(\.\d+)?$/);
    expect(service('temporal').image).toMatch(/^temporalio\/auto-setup:1\.29\.\d+$/);
    expect(service('temporal-ui').image).toMatch(/^temporalio\/ui:2\.\d+\.\d+$/);
  });

  it('publishes the api, Temporal and Temporal UI ports, and nothing for the worker or the database', () => {
    expect(publishedPorts(service('api')).get(3000)).toBe(3000);
    expect(publishedPorts(service('temporal')).get(7233)).toBe(7233);
    expect(publishedPorts(service('temporal-ui')).get(8233)).toBe(8080);
    expect(service('worker').ports ?? []).toEqual([]);
    expect(service('postgres').ports ?? []).toEqual([]);
  });

  it('keeps PostgreSQL data in a named volume, checks readiness with pg_isready, and creates the app database', () => {
    const pg = service('postgres');
    const env = environment(pg);
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB']));
    const volumes = (pg.volumes ?? []).filter((v): v is string => typeof v === 'string');
    expect(volumes.some((v) => /^[A-Za-z0-9][\w.-]*:\/var\/lib\/postgresql\/data$/.test(v))).toBe(true);
    const initMount = volumes.find((v) => v.split(':')[1] === '/docker-entrypoint-initdb.d');
    expect(initMount?.split(':')[0]).toBe('./docker/postgres-init');
    const initDir = path.join(projectRoot, 'docker/postgres-init');
    const scripts = readdirSync(initDir).map((f) => readFileSync(path.join(initDir, f), 'utf8'));
    expect(scripts.some((text) => /create\s+database\s+"?livelihood"?/i.test(text))).toBe(true);
    expect([pg.healthcheck?.test].flat().join(' ')).toContain('pg_isready');
  });

  it('persists Temporal to the postgres service and starts it only once PostgreSQL is healthy', () => {
    const temporal = service('temporal');
    const env = environment(temporal);
    const pgEnv = environment(service('postgres'));
    expect(env.DB).toBe('postgres12');
    expect(env.DB_PORT).toBe('5432');
    expect(env.POSTGRES_SEEDS).toBe('postgres');
    expect(env.POSTGRES_USER).toBe(pgEnv.POSTGRES_USER);
    expect(env.POSTGRES_PWD).toBe(pgEnv.POSTGRES_PASSWORD);
    expect(dependsOn(temporal).postgres).toBe('service_healthy');
    expect(environment(service('temporal-ui')).TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  for (const name of ['worker', 'api']) {
    it(`${name}: sets every required config key, only real ones, and the result passes the config schema`, () => {
      const env = environment(service(name));
      for (const key of requiredKeys) expect(env, `${name} must set ${key}`).toHaveProperty(key);
      for (const key of Object.keys(env)) {
        expect(runtimeConfigKeys as string[], `${name} sets unknown ${key}`).toContain(key);
      }
      const parsed = runtimeConfigSchema.safeParse(env);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(new URL(env.DATABASE_URL!).hostname).toBe('postgres');
      expect(new URL(env.DATABASE_URL!).pathname).toBe('/livelihood');
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    });

    it(`${name}: takes AUTH_SECRET from the host environment and refuses to start without it`, () => {
      expect(rawEnvironment(service(name)).AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?[^}]+\}$/);
      expect(() => environment(service(name), { ...hostEnv, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET/);
    });

    it(`${name}: runs only after the migrations completed and Temporal is up`, () => {
      const deps = dependsOn(service(name));
      expect(deps.migrate).toBe('service_completed_successfully');
      expect(deps.temporal).toMatch(/^service_(started|healthy)$/);
    });
  }

  it('migrate runs once against the app database after PostgreSQL is healthy', () => {
    const migrate = service('migrate');
    expect(commandText(migrate)).toContain('db/migrate.ts');
    expect(new URL(environment(migrate).DATABASE_URL ?? '').hostname).toBe('postgres');
    expect(dependsOn(migrate).postgres).toBe('service_healthy');
    expect(migrate.restart ?? 'no').toBe('no');
  });

  it('scales the worker horizontally and restarts it', () => {
    const worker = service('worker');
    expect(worker.deploy?.replicas ?? 1).toBeGreaterThanOrEqual(2);
    expect(worker.restart).toBe('unless-stopped');
  });

  it('health-checks the api on /api/health, on the port it listens on', () => {
    const api = service('api');
    expect([api.healthcheck?.test].flat().join(' ')).toContain('/api/health');
    const port = Number(environment(api).PORT ?? '3000');
    expect([...publishedPorts(api).values()]).toContain(port);
  });

  const entryPoints: [string, string][] = [
    ['worker', 'worker/main.ts'],
    ['api', 'api/main.ts'],
    ['migrate', 'db/migrate.ts'],
  ];
  for (const [name, file] of entryPoints) {
    it(`${name}: runs ${file}, which is in the repository`, () => {
      expect(commandText(service(name))).toContain(file);
      expect(existsSync(path.join(projectRoot, file)), `${file} exists`).toBe(true);
    });
  }
});

describe('Dockerfile', () => {
  const dockerfile = path.join(projectRoot, 'Dockerfile');

  it('builds the admin UI in a build stage and runs on node:20-bookworm-slim', () => {
    expect(existsSync(dockerfile)).toBe(true);
    const text = readFileSync(dockerfile, 'utf8');
    const stages = [...text.matchAll(/^FROM\s+(\S+)/gim)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.at(-1)).toBe('node:20-bookworm-slim');
    // Dev dependencies too: tsx runs the TypeScript at run time.
    expect(text).toMatch(/RUN npm install(?![^\n]*--omit)/);
    expect(text).toContain('vite build --config admin-ui/vite.config.ts');
  });

  it('keeps host-only folders out of the build context', () => {
    const ignore = readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    const expected = ['node_modules', '.data', '.tools', 'admin-ui/dist', 'test/.artifacts'];
    expect(ignore).toEqual(expect.arrayContaining(expected));
  });
});

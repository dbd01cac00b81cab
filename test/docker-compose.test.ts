import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { apiRole, workerRole } from '../db/migrations/20261127130000_grant_service_roles';
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
  networks: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
  profiles: z.array(z.string()).optional(),
});
type Service = z.infer<typeof serviceSchema>;
const networkSchema = z.object({ internal: z.boolean().optional() }).passthrough().nullable();
const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  networks: z.record(z.string(), networkSchema).optional(),
});

const composeText = readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8');
// merge: compose honours `<<:` merge keys, which the x-app / x-app-env anchors rely on.
const compose = composeSchema.parse(parse(composeText, { merge: true }) as unknown);

/** What the operator exports before `docker compose up`; the values only have to satisfy the config schema. */
const hostEnv: Record<string, string> = {
  AUTH_SECRET: 'a'.repeat(40),
  PAYLOAD_KEY: 'b'.repeat(64),
  POSTGRES_PASSWORD: 'superuser0password',
  LIVELIHOOD_OWNER_PASSWORD: 'owner0password',
  LIVELIHOOD_API_PASSWORD: 'api0password',
  LIVELIHOOD_WORKER_PASSWORD: 'worker0password',
  TEMPORAL_DB_PASSWORD: 'temporal0password',
};

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

/** The networks a service joins; compose puts one with none on `default`. */
function networksOf(s: Service): string[] {
  if (!s.networks) return ['default'];
  return Array.isArray(s.networks) ? s.networks : Object.keys(s.networks);
}

function isInternal(network: string): boolean {
  return compose.networks?.[network]?.internal === true;
}

function stringVolumes(s: Service): string[] {
  return (s.volumes ?? []).filter((v): v is string => typeof v === 'string');
}

function commandText(s: Service): string {
  return Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? '');
}

const requiredKeys = runtimeConfigKeys.filter((key) => !runtimeConfigSchema.shape[key].safeParse(undefined).success);
const expectedServices = [
  'postgres',
  'temporal',
  'temporal-setup',
  'temporal-ui',
  'prometheus',
  'migrate',
  'worker',
  'api',
  'proxy',
];

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
    expect(service('proxy').image).toMatch(/^nginx:1\.\d+\.\d+$/);
  });

  it('gives Temporal the same server configuration the local production engine and the tests run with', () => {
    const volumes = service('temporal').volumes ?? [];
    expect(volumes).toContain('./docker/temporal/config/production.yaml:/etc/temporal/config/docker.yaml:ro');
    expect(volumes).toContain('./docker/temporal/config/dynamicconfig:/etc/temporal/config/dynamicconfig:ro');
    // The template the server renders reads the variables compose sets.
    const template = readFileSync(path.join(projectRoot, 'docker/temporal/config/production.yaml'), 'utf8');
    for (const name of Object.keys(service('temporal').environment ?? {}).filter(
      (n) => n !== 'SKIP_DB_CREATE' && n !== 'DB',
    ))
      expect(template, `${name} is read by the server configuration`).toContain(`"${name}"`);
  });

  it('scrapes the API, every worker and Temporal with Prometheus, off by default and never published', () => {
    expect(service('prometheus').profiles).toEqual(['ops']);
    expect(service('prometheus').ports).toBeUndefined();
    const scrape = readFileSync(path.join(projectRoot, 'docker/prometheus/prometheus.yml'), 'utf8');
    // By DNS, so every replica of a scaled-out service is scraped, not whichever one the name resolves to.
    for (const [name, port] of [
      ['api', runtimeConfigSchema.shape.METRICS_PORT.parse(undefined)],
      ['worker', runtimeConfigSchema.shape.WORKER_METRICS_PORT.parse(undefined)],
    ] as const)
      expect(scrape).toMatch(new RegExp(`names: \\['${name}'\\]\\s+type: A\\s+port: ${port}\\b`));
    expect(scrape).toContain('temporal:8000');
  });

  it('publishes ports only on the TLS proxy: not Temporal, its UI, the API, the worker or the database', () => {
    for (const name of expectedServices.filter((n) => n !== 'proxy')) {
      expect(service(name).ports ?? [], `${name} publishes nothing`).toEqual([]);
    }
    expect(publishedPorts(service('proxy')).get(443)).toBe(443);
  });

  it('keeps Temporal, its UI and PostgreSQL on an internal network only, and the UI off by default', () => {
    expect(isInternal('backend')).toBe(true);
    for (const name of ['temporal', 'temporal-ui', 'postgres', 'migrate']) {
      const networks = networksOf(service(name));
      expect(networks.length, `${name} joins a network`).toBeGreaterThan(0);
      for (const n of networks) expect(isInternal(n), `${name} on ${n} must be internal`).toBe(true);
    }
    // The proxy reaches the API, never Temporal or the database.
    const proxyNetworks = networksOf(service('proxy'));
    for (const name of ['temporal', 'temporal-ui', 'postgres', 'worker']) {
      expect(
        networksOf(service(name)).filter((n) => proxyNetworks.includes(n)),
        `proxy and ${name}`,
      ).toEqual([]);
    }
    expect(networksOf(service('api')).some((n) => proxyNetworks.includes(n))).toBe(true);
    expect(service('temporal-ui').profiles ?? []).not.toEqual([]);
    // No UI offered, so the console links nowhere (admin-ui hides the button when this is empty).
    expect(environment(service('api')).TEMPORAL_UI_URL).toBe('');
  });

  it('terminates TLS at nginx with a mounted certificate and key, and sends plain HTTP to https', () => {
    const proxy = service('proxy');
    const volumes = stringVolumes(proxy).map((v) => interpolate(v, hostEnv));
    const confMount = volumes.find((v) => v.split(':')[1]?.startsWith('/etc/nginx/conf.d/'));
    expect(confMount, 'nginx config mounted').toBeDefined();
    const conf = readFileSync(path.join(projectRoot, confMount!.split(':')[0]!), 'utf8');
    const certMount = volumes.find((v) => v.split(':')[1] === '/etc/nginx/certs');
    expect(certMount, 'certificate folder mounted').toBeDefined();
    expect(certMount).toBe('./docker/certs:/etc/nginx/certs:ro');
    expect(stringVolumes(proxy).map((v) => interpolate(v, { ...hostEnv, TLS_CERT_DIR: '/srv/tls' }))).toContain(
      '/srv/tls:/etc/nginx/certs:ro',
    );
    expect(conf).toMatch(/listen 443 ssl;/);
    expect(conf).toContain('ssl_certificate     /etc/nginx/certs/fullchain.pem;');
    expect(conf).toContain('ssl_certificate_key /etc/nginx/certs/privkey.pem;');
    expect(conf).toMatch(/ssl_protocols TLSv1\.2 TLSv1\.3;/);
    expect(conf).toMatch(/listen 80;[\s\S]*?return 30[18] https:\/\/\$host\$request_uri;/);
    const port = Number(environment(service('api')).PORT ?? '3000');
    expect(conf).toContain(`proxy_pass http://api:${port};`);
    // nginx adds the client's address; the API believes exactly that one hop, so limits are per client.
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(environment(service('api')).TRUST_PROXY).toBe('1');
    expect(dependsOn(proxy).api).toBe('service_healthy');
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

  it('persists Temporal to the postgres service, as its own role, once PostgreSQL is healthy', () => {
    const temporal = service('temporal');
    const env = environment(temporal);
    const pgEnv = environment(service('postgres'));
    expect(env.DB).toBe('postgres12');
    expect(env.DB_PORT).toBe('5432');
    expect(env.POSTGRES_SEEDS).toBe('postgres');
    expect(env.POSTGRES_USER).toBe('temporal');
    expect(env.POSTGRES_USER).not.toBe(pgEnv.POSTGRES_USER);
    expect(env.POSTGRES_PWD).toBe(pgEnv.TEMPORAL_DB_PASSWORD);
    expect(env.POSTGRES_PWD).not.toBe(pgEnv.POSTGRES_PASSWORD);
    expect(env.SKIP_DB_CREATE).toBe('true');
    expect(dependsOn(temporal).postgres).toBe('service_healthy');
    expect(environment(service('temporal-ui')).TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('gives the migrations, the API, the worker and Temporal each a role of their own, none the superuser', () => {
    const userOf = (name: string) => new URL(environment(service(name)).DATABASE_URL ?? '').username;
    const superuser = environment(service('postgres')).POSTGRES_USER;
    const users = { migrate: userOf('migrate'), api: userOf('api'), worker: userOf('worker') };
    expect(users.api).toBe(apiRole);
    expect(users.worker).toBe(workerRole);
    expect(new Set([...Object.values(users), superuser, environment(service('temporal')).POSTGRES_USER]).size).toBe(5);
    const initDir = path.join(projectRoot, 'docker/postgres-init');
    const init = readdirSync(initDir)
      .map((f) => readFileSync(path.join(initDir, f), 'utf8'))
      .join('\n');
    for (const role of [...Object.values(users), 'temporal']) {
      expect(init).toMatch(new RegExp(`CREATE ROLE ${role} LOGIN PASSWORD :'\\w+';`));
    }
    expect(init).toMatch(new RegExp(`CREATE DATABASE livelihood OWNER ${users.migrate};`));
    expect(init).toMatch(/CREATE DATABASE temporal OWNER temporal;/);
    expect(init).toMatch(/CREATE DATABASE temporal_visibility OWNER temporal;/);
    // Each password reaches the init script from the host, and each URL carries the same one.
    const pgEnv = environment(service('postgres'));
    expect(new URL(environment(service('api')).DATABASE_URL!).password).toBe(pgEnv.LIVELIHOOD_API_PASSWORD);
    expect(new URL(environment(service('worker')).DATABASE_URL!).password).toBe(pgEnv.LIVELIHOOD_WORKER_PASSWORD);
    expect(new URL(environment(service('migrate')).DATABASE_URL!).password).toBe(pgEnv.LIVELIHOOD_OWNER_PASSWORD);
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

    for (const secret of ['AUTH_SECRET', 'PAYLOAD_KEY']) {
      it(`${name}: takes ${secret} from the host environment and refuses to start without it`, () => {
        expect(rawEnvironment(service(name))[secret]).toMatch(new RegExp(`^\\$\\{${secret}:\\?[^}]+\\}$`));
        expect(() => environment(service(name), { ...hostEnv, [secret]: undefined })).toThrow(new RegExp(secret));
      });
    }

    it(`${name}: runs only after the migrations completed and Temporal is up`, () => {
      const deps = dependsOn(service(name));
      expect(deps.migrate).toBe('service_completed_successfully');
      expect(deps.temporal).toMatch(/^service_(started|healthy)$/);
    });
  }

  it('registers the search attributes of domain/searchAttributes.ts once Temporal is up, before the worker and API start', () => {
    const setup = service('temporal-setup');
    expect(commandText(setup)).toContain('scripts/registerSearchAttributes.ts');
    // The same function the local production engine registers them with, so the two cannot drift.
    const launcher = readFileSync(path.join(projectRoot, 'scripts/temporalPostgresServer.ts'), 'utf8');
    expect(launcher).toContain("from './registerSearchAttributes'");
    expect(environment(setup).TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(environment(setup).TEMPORAL_NAMESPACE).toBe(environment(service('api')).TEMPORAL_NAMESPACE);
    expect(dependsOn(setup).temporal).toBe('service_healthy');
    expect(setup.restart ?? 'no').toBe('no');
    for (const name of ['worker', 'api'])
      expect(dependsOn(service(name))['temporal-setup'], name).toBe('service_completed_successfully');
  });

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
    const port = Number(environment(api).PORT ?? '3000');
    expect([api.healthcheck?.test].flat().join(' ')).toContain(`127.0.0.1:${port}/api/health`);
  });

  const entryPoints: [string, string][] = [
    ['worker', 'worker/main.ts'],
    ['api', 'api/main.ts'],
    ['migrate', 'db/migrate.ts'],
    ['temporal-setup', 'scripts/registerSearchAttributes.ts'],
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

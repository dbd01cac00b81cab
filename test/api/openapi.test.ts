import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { buildOpenApiDocument, openApiJson, operations } from '../../api/openapi';
import { roleSchema } from '../../domain/assignee';
import { projectRoot } from '../../scripts/toolPaths';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

const committedPath = path.join(projectRoot, 'api', 'openapi.json');
const REGENERATE =
  'api/openapi.json is out of date with the routes and their schemas: run `npm run openapi` and commit api/openapi.json';

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string }>>;
}
const documented = buildOpenApiDocument() as OpenApiDocument;
const documentedOperations = Object.entries(documented.paths).flatMap(([p, methods]) =>
  Object.keys(methods).map((method) => ({ method, path: p })),
);
const key = (method: string, openApiPath: string) => `${method.toUpperCase()} ${openApiPath}`;

describe('the committed document', () => {
  it('is what buildOpenApiDocument() produces from the routes and their zod schemas', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(JSON.parse(committed), REGENERATE).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(committed, REGENERATE).toBe(openApiJson());
  });

  it('names each operation once and marks exactly the public ones as needing no token', () => {
    const ids = operations.map((op) => op.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(documentedOperations.length).toBe(operations.length);
    for (const op of operations) {
      const security = (documented.paths[op.path]?.[op.method] as { security?: unknown[] }).security;
      expect(security, key(op.method, op.path)).toEqual(op.access === 'public' ? [] : undefined);
    }
  });
});

/**
 * Where each routes file's routers are mounted in api/app.ts. Kept by hand, because resolving the
 * routers that app.ts destructures from each factory is more fragile than this list; the test below
 * fails when a routes file, a router or an `api.use` mount is missing from it.
 */
const mounts: Record<string, Record<string, string>> = {
  'api/app.ts': { api: '' },
  'api/auth/auth.routes.ts': { router: '/auth' },
  'api/tasks/tasks.routes.ts': { router: '/tasks' },
  'api/notices/notices.routes.ts': { router: '/notices' },
  'api/audit/audit.routes.ts': { router: '/audit-events' },
  'api/directory/directory.routes.ts': { users: '/users', departments: '/departments' },
  'api/suggestions/suggestions.routes.ts': {
    publicForm: '/public/batches/:batchId/suggestions',
    batchSuggestions: '/batches/:batchId/suggestions',
    reserveImports: '/batches/:batchId/reserve-imports',
    suggestions: '/suggestions',
  },
  'api/publicity/publicity.routes.ts': {
    publicBatchList: '/public/batches',
    publicBatchRouter: '/public/batches/:batchId',
    comments: '/publicity-comments',
  },
  'api/dashboard/dashboard.routes.ts': { router: '/dashboard' },
  'api/exports/exports.routes.ts': { router: '/exports' },
  'api/candidates/candidates.routes.ts': { router: '/candidates' },
  'api/batches/batches.routes.ts': { router: '/batches' },
  'api/attendance/attendance.routes.ts': {
    router: '/batches/:batchId/attendance',
    tellerTotals: '/vote-sessions/:sessionId/totals',
  },
  'api/votes/votes.routes.ts': { router: '/vote-sessions' },
  'api/ratings/ratings.routes.ts': { router: '/rating-sessions' },
  'api/projects/projects.routes.ts': {
    projects: '/projects',
    findings: '/findings',
    photos: '/photos',
    bulletins: '/bulletins',
    fundPool: '/batches/:batchId/fund-pool',
  },
};

const routesFiles = (dir: string): string[] =>
  readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routesFiles(relative);
    return entry.name.endsWith('.routes.ts') ? [relative] : [];
  });

const toOpenApiPath = (expressPath: string) => (expressPath.replace(/\/$/, '') || '/').replace(/:(\w+)/g, '{$1}');

/** Every `<router>.<method>('/path'` in the source, and each `decide('<verb>'` of the batch decision helper. */
function registeredRoutes(): { routes: string[]; problems: string[] } {
  const routes: string[] = [];
  const problems: string[] = [];
  for (const file of routesFiles('api')) {
    if (!mounts[file]) problems.push(`${file} is not in the test's mounts: add where api/app.ts mounts its routers`);
  }
  for (const [file, routers] of Object.entries(mounts)) {
    const source = readFileSync(path.join(projectRoot, file), 'utf8');
    for (const [, router = '', method = '', , routePath = ''] of source.matchAll(
      /\b(\w+)\.(get|post|put|patch|delete)\(\s*(['"`])(\/.*?)\3/g,
    )) {
      const prefix = routers[router];
      if (prefix === undefined) {
        problems.push(
          `${file}: router "${router}" registers ${method.toUpperCase()} ${routePath} but is not in the test's mounts`,
        );
        continue;
      }
      if (!routePath.includes('${')) {
        routes.push(key(method, toOpenApiPath(prefix + routePath)));
        continue;
      }
      // The batch decisions: one registration in `decide`, one call per verb.
      const verbs = [...source.matchAll(/\bdecide\(\s*'([^']+)'/g)].map(([, verb = '']) => verb);
      if (!verbs.length)
        problems.push(`${file}: ${method.toUpperCase()} ${routePath} is built from a template the test cannot resolve`);
      for (const verb of verbs) routes.push(key(method, toOpenApiPath(prefix + routePath.replace(/\$\{\w+\}/, verb))));
    }
  }
  const appSource = readFileSync(path.join(projectRoot, 'api/app.ts'), 'utf8');
  const mounted = new Set([...appSource.matchAll(/\bapi\.use\(\s*'([^']+)'/g)].map(([, prefix = '']) => prefix));
  const known = new Set(
    Object.values(mounts)
      .flatMap((routers) => Object.values(routers))
      .filter(Boolean),
  );
  for (const prefix of mounted)
    if (!known.has(prefix)) problems.push(`api/app.ts mounts "${prefix}", which the test's mounts do not name`);
  for (const prefix of known)
    if (!mounted.has(prefix)) problems.push(`the test's mounts name "${prefix}", which api/app.ts no longer mounts`);
  return { routes, problems };
}

describe('the routes in the source', () => {
  it('are each documented, and the document names no route the source lacks', () => {
    const { routes, problems } = registeredRoutes();
    expect(problems).toEqual([]);
    expect(new Set(routes).size, 'a route is registered twice').toBe(routes.length);
    expect(
      documentedOperations.map((op) => key(op.method, op.path)).sort(),
      'the operations table in api/openapi.ts must list exactly the routes the source registers (then run `npm run openapi`)',
    ).toEqual(routes.sort());
  });
});

describe('the running app', () => {
  let testDb: TestDatabase;
  let connection: Connection;
  let app: Express;
  let token: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    const tokens = createTokenSigner('x'.repeat(40));
    app = createApp({
      db: testDb.db,
      temporal: new Client({ connection }),
      tokens,
      taskQueue: 'openapi-test',
      temporalUiUrl: 'http://127.0.0.1:8233',
    });
    // Every role, so no role check stops a request before the router would decide it is unknown.
    // One project to page the lists that belong to a project (its timeline).
    await seedPeople(testDb.db);
    await insertVotedProject(testDb.db, { key: 'probe', batchId: 'batch-probe', year: 2027, deadline: '2027-11-30' });
    token = await tokens.sign({
      userId: 'openapi-probe',
      username: 'openapi-probe',
      displayName: 'OpenAPI probe',
      roles: [...roleSchema.options],
      jurisdictionId,
      departmentId: null,
    });
  });

  afterAll(async () => {
    await connection?.close();
    await testDb?.drop();
  });

  const send = (method: string, openApiPath: string) => {
    const url = `/api${openApiPath.replace(/\{\w+\}/g, 'dummy')}`;
    const req = request(app)
      [method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
      .set('Authorization', `Bearer ${token}`);
    return { url, response: method === 'get' ? req : req.send({}) };
  };
  const isUnknownRoute = (method: string, url: string, res: request.Response) =>
    res.status === 404 && (res.body as { message?: string }).message === `${method.toUpperCase()} ${url} was not found`;

  it('answers an undocumented path with its unknown-route 404, so the check below can tell', async () => {
    const { url, response } = send('post', '/tasks/{id}/no-such-verb');
    expect(isUnknownRoute('post', url, await response)).toBe(true);
  });

  it.each(documentedOperations.map(({ method, path: p }) => [method.toUpperCase(), p, method]))(
    'routes %s %s to a handler',
    async (_m, openApiPath, method) => {
      const { url, response } = send(method, openApiPath);
      const res = await response;
      expect(
        isUnknownRoute(method, url, res),
        `${method.toUpperCase()} ${url} answered ${res.status} ${JSON.stringify(res.body)}`,
      ).toBe(false);
    },
  );

  it('serves the document without a login', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it.each(operations.filter((op) => op.list))(
    'pages $path under the documented Content-Range resource',
    async ({ path: openApiPath, list }) => {
      const res = await request(app)
        .get(`/api${openApiPath.replace('{id}', 'project-probe')}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(res.headers['content-range']).toMatch(new RegExp(`^${list?.resource} \\d+-\\d+/\\d+$`));
    },
  );
});

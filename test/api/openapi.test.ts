import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { buildOpenApiDocument, openApiJson, openApiPath } from '../../api/openapi';
import { issueToken } from '../../api/security/sessions';
import { apiRoutes } from '../../api/routes';
import { roleSchema } from '../../domain/assignee';
import { projectRoot } from '../../scripts/toolPaths';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { testDataConverter } from '../support/payloadKey';

const committedPath = path.join(projectRoot, 'api', 'openapi.json');
const REGENERATE =
  'api/openapi.json is out of date with the routes and their schemas: run `npm run openapi` and commit api/openapi.json';

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string }>>;
}
const documented = buildOpenApiDocument(apiRoutes) as OpenApiDocument;
/** The declarations api/app.ts mounts, with their paths in OpenAPI form. */
const operations = apiRoutes.map((declared) => ({ ...declared, path: openApiPath(declared.path) }));
const documentedOperations = Object.entries(documented.paths).flatMap(([p, methods]) =>
  Object.keys(methods).map((method) => ({ method, path: p })),
);
const key = (method: string, documentedPath: string) => `${method.toUpperCase()} ${documentedPath}`;

describe('the committed document', () => {
  it('is what buildOpenApiDocument() produces from the routes and their zod schemas', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(JSON.parse(committed), REGENERATE).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(apiRoutes))));
    expect(committed, REGENERATE).toBe(openApiJson(apiRoutes));
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

interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: unknown;
}

/** The layers of an Express app's or router's stack, read without relying on Express's private types. */
function stackOf(router: unknown): RouterLayer[] {
  if (typeof router !== 'object' && typeof router !== 'function') return [];
  if (router === null || !('stack' in router) || !Array.isArray(router.stack)) return [];
  return router.stack as RouterLayer[];
}

/** What the app really mounts under /api: each method and path of the api router's stack, in OpenAPI form. */
function mountedRoutes(app: Express): { routes: string[]; problems: string[] } {
  const apiRouters = stackOf(app.router)
    .map((layer) => layer.handle)
    .filter((handle) => stackOf(handle).some((layer) => layer.route));
  const problems =
    apiRouters.length === 1 ? [] : [`expected one router of routes in the app, found ${apiRouters.length}`];
  const routes: string[] = [];
  for (const layer of stackOf(apiRouters[0])) {
    if (!layer.route) {
      // Middleware (the JSON parser, the unknown-route 404, the error handler) is fine; a nested router would hide routes.
      if (stackOf(layer.handle).length)
        problems.push('a router is nested inside the api router; mount declarations instead');
      continue;
    }
    const { path: routePath, methods } = layer.route;
    if (typeof routePath !== 'string') {
      problems.push(`a route is mounted on a path that is not a string: ${String(routePath)}`);
      continue;
    }
    for (const [method, on] of Object.entries(methods)) if (on) routes.push(key(method, openApiPath(routePath)));
  }
  return { routes, problems };
}

describe('the running app', () => {
  let testDb: TestDatabase;
  let connection: Connection;
  let app: Express;
  let token: string;
  let logoutToken: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    const tokens = createTokenSigner('x'.repeat(40));
    app = createApp({
      db: testDb.db,
      temporal: new Client({ connection, dataConverter: testDataConverter }),
      tokens,
      taskQueue: 'openapi-test',
      temporalUiUrl: 'http://127.0.0.1:8233',
    });
    // Every role, so no role check stops a request before the router would decide it is unknown.
    // One project to page the lists that belong to a project (its timeline).
    await seedPeople(testDb.db);
    await insertVotedProject(testDb.db, { key: 'probe', batchId: 'batch-probe', year: 2027, deadline: '2027-11-30' });
    // A real user: a token is only good while its session row and its user exist, and every request reads
    // its account's roles from the database (api/auth/accountCheck.ts), not the token.
    await testDb.db
      .insertInto('users')
      .values({
        id: 'openapi-probe',
        username: 'openapi-probe',
        display_name: 'OpenAPI probe',
        password_hash: 'not-a-login',
        roles: [...roleSchema.options],
        jurisdiction_id: jurisdictionId,
        department_id: null,
        email: null,
        phone: null,
      })
      .execute();
    const probe = {
      userId: 'openapi-probe',
      username: 'openapi-probe',
      displayName: 'OpenAPI probe',
      roles: [...roleSchema.options],
      jurisdictionId,
      departmentId: null,
    };
    token = await issueToken(testDb.db, tokens, probe);
    // Signing out revokes its own token; the other requests keep theirs.
    logoutToken = await issueToken(testDb.db, tokens, probe);
  });

  afterAll(async () => {
    await connection?.close();
    await testDb?.drop();
  });

  const send = (method: string, documentedPath: string) => {
    const url = `/api${documentedPath.replace(/\{\w+\}/g, 'dummy')}`;
    const agent = request(app);
    const req = agent[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).set(
      'Authorization',
      `Bearer ${documentedPath === '/auth/logout' ? logoutToken : token}`,
    );
    return { url, response: method === 'get' ? req : req.send({}) };
  };
  const isUnknownRoute = (method: string, url: string, res: request.Response) =>
    res.status === 404 && (res.body as { message?: string }).message === `${method.toUpperCase()} ${url} was not found`;

  it('answers an undocumented path with its unknown-route 404, so the check below can tell', async () => {
    const { url, response } = send('post', '/tasks/{id}/no-such-verb');
    expect(isUnknownRoute('post', url, await response)).toBe(true);
  });

  it('mounts each documented operation exactly once, and nothing the document lacks', () => {
    const { routes, problems } = mountedRoutes(app);
    expect(problems).toEqual([]);
    expect(new Set(routes).size, 'a route is mounted twice').toBe(routes.length);
    expect(
      routes.sort(),
      'the document must name exactly the routes the app mounts (declare routes in a *.routes.ts file listed in api/routes.ts, then run `npm run openapi`)',
    ).toEqual(documentedOperations.map((op) => key(op.method, op.path)).sort());
  });

  it.each(documentedOperations.map(({ method, path: p }) => [method.toUpperCase(), p, method]))(
    'routes %s %s to a handler',
    async (_m, documentedPath, method) => {
      const { url, response } = send(method, documentedPath);
      const res = await response;
      expect(
        isUnknownRoute(method, url, res),
        `${method.toUpperCase()} ${url} answered ${res.status} ${JSON.stringify(res.body)}`,
      ).toBe(false);
    },
  );

  it('serves the document without a login', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(apiRoutes))));
  });

  it.each(operations.filter((op) => op.list))(
    'pages $path under the documented Content-Range resource',
    async ({ path: documentedPath, list }) => {
      const res = await request(app)
        .get(`/api${documentedPath.replace('{id}', 'project-probe')}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(res.headers['content-range']).toMatch(new RegExp(`^${list?.resource} \\d+-\\d+/\\d+$`));
    },
  );
});

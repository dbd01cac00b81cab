import { z } from 'zod';
import type { Access, ErrorStatus, ListSpec, RouteDeclaration } from './http/route';
import { listParamSchemas } from './listQuery';

/**
 * The API's OpenAPI 3.1 document, rendered from the route declarations that api/app.ts mounts (each
 * feature's *.routes.ts), with request bodies and list parameters converted from the zod schemas the
 * routes parse with. Responses carry no body schema: the routes answer with database rows, which have
 * no zod schema to convert. `npm run openapi` writes api/openapi.json; test/api/openapi.test.ts keeps
 * it in step with what is mounted.
 */

const tags = {
  system: 'Health, client configuration and this document.',
  auth: 'Signing in, who is signed in, and changing one’s password.',
  tasks:
    'Tasks (待办、交办事项) waiting for a person, a role or a department, with deadlines, reminders and escalation.',
  notices: 'Each person’s inbox (站内通知).',
  'audit-events': 'The trail of accepted decisions and notices of the coordinator’s jurisdiction.',
  users:
    'The people of the caller’s jurisdiction: accounts of every role, disabled never deleted, one-time passwords, the deputy roster import.',
  departments: 'The departments of the caller’s jurisdiction and their responsible leaders.',
  jurisdictions: 'The county and its townships and streets (辖区), each with its own office.',
  batches:
    'The year’s batch (年度民生实事项目) and the coordinator’s decisions that move its workflow from phase to phase.',
  suggestions:
    'Suggestions (征集建议): the public form, entry by signed-in people, merging duplicates, scoring and the joint review.',
  candidates: 'Candidate projects (候选项目) and their amendments during publicity.',
  publicity:
    'The published candidate list (候选项目公示): what anyone reads and comments on, and the office’s answers.',
  'vote-sessions': 'Vote sessions (差额票决) with secret ballots.',
  'rating-sessions': 'Satisfaction ratings (满意度测评), as anonymous as the ballot.',
  projects:
    'Voted projects (民生实事项目): their responsibility lists, progress warnings, supervision groups and the decisions that move each project’s workflow.',
  findings:
    'Supervision groups’ findings (监督发现的问题), each handed to the department with a deadline for its response.',
  funds:
    'The batch’s fund pool (资金池), each project’s allocation and disbursements, and anomalies that freeze payment.',
  photos: 'Site photos, uploaded once and cited by findings and progress reports.',
  documents:
    'Documents (PDF, Word, Excel, plain text), uploaded once and cited by replies to instructions and findings.',
  bulletins: 'The monthly bulletins (月通报) the batch workflow writes.',
  dashboard: 'What the coordinator watches: open batches, warnings, overdue tasks and escalations.',
  calendar:
    'The working-day calendar (工作日历): the national schedule with its swapped weekends, local closures, a preview of a working-day period, and the running deadlines a change moves.',
  policies: 'Each jurisdiction’s policy parameters (政策参数), with the floors the sources set.',
  exports:
    'Files for the office: every row a list matches as CSV or XLSX in Chinese (headers, words for codes, Beijing time), and A4 PDF reports (a project’s status report, a monthly bulletin).',
} as const;

const errorBodySchema = z.object({
  message: z.string().describe('What went wrong, for the person who made the request.'),
  errors: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'On a 400 for invalid input: the first message for each field path (`candidate.title`, `plan.0.plannedEnd`), so a form can show it under the field.',
    ),
});

const errorResponses: Record<ErrorStatus, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description: 'Invalid input: a body field, a query parameter or the JSON itself; nothing was changed.',
  },
  401: {
    name: 'Unauthorized',
    description:
      'Not signed in: the bearer token is missing, forged or expired (at login: a wrong username or password).',
  },
  403: { name: 'Forbidden', description: 'Signed in, but not in a role, or not the person, this may be done by.' },
  404: { name: 'NotFound', description: 'No such record, or one of another jurisdiction.' },
  409: { name: 'Conflict', description: 'The wrong phase, a duplicate, or already done; nothing was changed.' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the route allows; nothing was stored.' },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is not of a media type the route takes; nothing was stored.',
  },
  422: { name: 'UnprocessableContent', description: 'Refused by a rule of the procedure; the message says which.' },
  429: {
    name: 'TooManyRequests',
    description: 'Too many attempts (failed sign-ins, public form submissions); the message says when to try again.',
  },
  503: {
    name: 'ServiceUnavailable',
    description:
      'PostgreSQL or Temporal is not answering right now; nothing was changed. Retry after the seconds the Retry-After header gives.',
  },
};

const paramDescriptions: Record<string, string> = {
  id: 'The record’s id.',
  batchId: 'The batch’s id, `batch-<jurisdiction>-<year>`.',
  findingId: 'The finding’s id.',
  jurisdictionId: 'The jurisdiction’s id: mine or one of my townships.',
  year: 'A calendar year, e.g. 2027.',
  scope: '`national` (the State Council’s schedule) or `local` (my jurisdiction’s closures).',
  day: 'A day, YYYY-MM-DD.',
};

export type ApiTag = keyof typeof tags;

/** A public form's retry: the same key returns the first record. */
export const formRetry = (what: string) =>
  `The form’s \`key\` makes a retried submit return the first ${what}; the same key with different content is a 409.`;

export const decisionNotes =
  'An update of the batch workflow: its validator refuses a decision out of phase (409), by someone not allowed (403) or against a rule (422), with the reason. The same `Idempotency-Key` makes a retried request the same decision, answered once.';

export const projectDecisionNotes =
  'An update of the project’s workflow: its validator refuses a decision out of phase (409), by someone not allowed, e.g. not in the supervision group (403), or against a rule (422), with the reason; a project whose workflow has ended is a 409. The same `Idempotency-Key` makes a retried request the same decision, answered once.';

export const fundKeyNotes =
  'The form’s `key` makes a retried request return the earlier movement and change nothing (200); the same key with anything else is a 409.';

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a client sends. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
}

function accessText(access: Access): string {
  if (access === 'public') return 'Public: no sign-in needed.';
  if (access === 'signedIn') return 'Roles: any signed-in person.';
  return `Roles: ${access.join(' or ')}.`;
}

/** ra-data-simple-rest's list parameters: JSON texts in the query string. */
function listParameters({ sortable, filter }: Pick<ListSpec, 'sortable' | 'filter'>) {
  const schemas = listParamSchemas({ sortable, filter });
  const jsonQuery = (name: string, schema: z.ZodType, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    content: { 'application/json': { schema: jsonSchema(schema) } },
  });
  return [
    jsonQuery('sort', schemas.sort, `A sortable field and the order, e.g. \`["${sortable[0]}","ASC"]\`.`),
    jsonQuery(
      'range',
      schemas.range,
      'The first and last row, both inclusive; `[0,24]` when absent. The server caps a page’s size.',
    ),
    jsonQuery('filter', schemas.filter, 'Filters as a JSON object; absent fields do not filter.'),
  ];
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    description: paramDescriptions[name] ?? `The ${name}.`,
    schema: { type: 'string' },
  }));
}

function errorStatuses(op: RouteDeclaration): ErrorStatus[] {
  const implied: ErrorStatus[] = [];
  if (op.body || op.list || op.export) implied.push(400);
  if (op.access !== 'public') implied.push(401);
  if (typeof op.access !== 'string') implied.push(403);
  // Everything but the system routes reads PostgreSQL or Temporal, either of which may be down for a while.
  if (op.tag !== 'system') implied.push(503);
  return [...new Set([...implied, ...(op.refusals ?? [])])].sort((a, b) => a - b);
}

function successResponses(op: RouteDeclaration) {
  if (op.list) {
    return {
      200: {
        description: `One page of ${op.list.resource}.`,
        headers: {
          'Content-Range': {
            description: `The page and the total, e.g. \`${op.list.resource} 0-24/137\`.`,
            schema: { type: 'string' },
          },
        },
        content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
      },
    };
  }
  const ok = op.ok ?? { 200: 'OK.' };
  const media = op.produces ?? 'application/json';
  return Object.fromEntries(
    Object.entries(ok).map(([status, description]) => [status, { description, content: { [media]: {} } }]),
  );
}

function operationObject(op: RouteDeclaration) {
  const parameters = [
    ...pathParameters(openApiPath(op.path)),
    ...(op.list ? listParameters(op.list) : []),
    ...(op.export ? listParameters(op.export).filter((p) => p.name !== 'range') : []),
    ...(op.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  const errors = Object.fromEntries(
    errorStatuses(op).map((s) => [s, { $ref: `#/components/responses/${errorResponses[s].name}` }]),
  );
  return {
    operationId: op.id,
    summary: op.summary,
    description: [accessText(op.access), op.notes].filter(Boolean).join('\n\n'),
    tags: [op.tag],
    ...(op.access === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
      : {}),
    ...(op.upload
      ? { requestBody: { required: true, content: Object.fromEntries(op.upload.types.map((type) => [type, {}])) } }
      : {}),
    responses: { ...successResponses(op), ...errors },
  };
}

/** Express's `/batches/:id/open-vote` as OpenAPI's `/batches/{id}/open-vote`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

export function buildOpenApiDocument(routes: readonly RouteDeclaration[]): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of routes) (paths[openApiPath(op.path)] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: '民生实事项目人大代表票决制 API',
      version: '0.1.0',
      description:
        'Every error body is `{ "message": "…" }`; a 400 for invalid input adds `errors`, the first message for each field path. Lists speak the ra-data-simple-rest dialect: `sort`, `range` and `filter` as JSON query parameters, the total in `Content-Range`. An unexpected failure is a 500 and applies nothing.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearerAuth: [] }],
    tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The token from `POST /auth/login`.',
        },
      },
      schemas: { Error: jsonSchema(errorBodySchema) },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Makes a retried request the same decision, answered once.',
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        Object.values(errorResponses).map(({ name, description }) => [
          name,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
}

/** Objects with their keys sorted, so the written file changes only when the document does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The text of api/openapi.json. */
export function openApiJson(routes: readonly RouteDeclaration[]): string {
  return `${JSON.stringify(sortKeys(buildOpenApiDocument(routes)), null, 2)}\n`;
}

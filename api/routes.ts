import { attendanceRoutes } from './attendance/attendance.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { batchRoutes } from './batches/batches.routes';
import { ratingReportRoutes } from './batches/ratingReport.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { candidateRoutes } from './candidates/candidates.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { departmentRoutes } from './departments/departments.routes';
import { directoryRoutes } from './directory/directory.routes';
import { documentRoutes } from './documents/documents.routes';
import { exportRoutes } from './exports/exports.routes';
import { fundRoutes } from './funds/funds.routes';
import { RETRY_AFTER_SECONDS } from './http/dependencyDown';
import { checkReadiness } from './http/readiness';
import { route, type RouteDeclaration } from './http/route';
import { noticeRoutes } from './notices/notices.routes';
import { policyRoutes } from './policies/policies.routes';
import { buildOpenApiDocument } from './openapi';
import { projectChangeRoutes } from './projects/projectChange.routes';
import { projectRoutes } from './projects/projects.routes';
import { publicityRoutes } from './publicity/publicity.routes';
import { jurisdictionRoutes } from './jurisdictions/jurisdictions.routes';
import { ratingRoutes } from './ratings/ratings.routes';
import { reportRoutes } from './reports/reports.routes';
import { spamRoutes } from './suggestions/spam.routes';
import { suggestionRoutes } from './suggestions/suggestions.routes';
import { taskRoutes } from './tasks/tasks.routes';
import { userRoutes } from './users/users.routes';
import { voteRoutes } from './votes/votes.routes';

const systemRoutes = [
  route({
    id: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'system',
    summary: 'Check that the API is up',
    access: 'public',
    handler: ({ res }) => {
      res.json({ ok: true });
    },
  }),
  route({
    id: 'getReadiness',
    method: 'get',
    path: '/ready',
    tag: 'system',
    summary: 'Check that PostgreSQL and Temporal answer, for a load balancer or an orchestrator',
    access: 'public',
    notes: 'Each dependency gets two seconds; while one is down the answer is a 503 with Retry-After.',
    ok: { 200: '`{ ok: true, postgres: "up", temporal: "up" }`.' },
    refusals: [503],
    handler: async ({ res, deps }) => {
      const readiness = await checkReadiness(deps);
      if (!readiness.ok) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(readiness.ok ? 200 : 503).json(readiness);
    },
  }),
  route({
    id: 'getConfig',
    method: 'get',
    path: '/config',
    tag: 'system',
    summary: 'Read the client configuration (the Temporal UI address)',
    access: 'public',
    handler: ({ res, deps }) => {
      res.json({ temporalUiUrl: deps.temporalUiUrl });
    },
  }),
  route({
    id: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    tag: 'system',
    summary: 'Read this OpenAPI document',
    access: 'public',
    handler: ({ res }) => {
      res.json(buildOpenApiDocument(apiRoutes));
    },
  }),
];

/** Every route of the API, under /api: api/app.ts mounts exactly these and api/openapi.ts documents them. */
export const apiRoutes: readonly RouteDeclaration[] = [
  ...systemRoutes,
  ...authRoutes,
  ...taskRoutes,
  ...noticeRoutes,
  ...dashboardRoutes,
  ...exportRoutes,
  ...reportRoutes,
  ...auditRoutes,
  ...directoryRoutes,
  // Before /suggestions/:id… so that bulk-review is not taken for an id.
  ...spamRoutes,
  ...userRoutes,
  ...departmentRoutes,
  ...jurisdictionRoutes,
  ...suggestionRoutes,
  ...publicityRoutes,
  ...candidateRoutes,
  ...batchRoutes,
  ...ratingReportRoutes,
  ...voteRoutes,
  ...attendanceRoutes,
  ...ratingRoutes,
  ...projectRoutes,
  ...projectChangeRoutes,
  ...documentRoutes,
  ...fundRoutes,
  ...calendarRoutes,
  ...policyRoutes,
];

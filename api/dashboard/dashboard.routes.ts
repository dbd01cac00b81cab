import { runningProjectsQuerySchema } from '../../domain/contract/runningProjects';
import { route } from '../http/route';
import { dashboard } from './dashboard.service';
import { runningProjects } from './runningProjects.service';

/** The coordinator's dashboard (issue 5). */
export const dashboardRoutes = [
  route({
    id: 'getDashboard',
    method: 'get',
    path: '/dashboard',
    tag: 'dashboard',
    summary: 'Read the coordinator’s dashboard',
    access: ['coordinator'],
    notes:
      '`openBatches`: batches not closed, with phase and next deadline from the workflow’s live state (the batch row when the workflow does not answer); `warningCounts` of projects not closed; `attentionProjects` (red, then yellow, then blue; up to 10); open `overdueTasks` (oldest due first, up to 10, with the total); the 10 latest `recentEscalations`; `progressByProject` (planned against reported percent, up to 20 projects under implementation); `warningsByWeek`, the warnings raised in each of the last 12 weeks (Monday, China Standard Time).',
    ok: {
      200: '`{ now, openBatches, warningCounts, attentionProjects, overdueTasks, recentEscalations, progressByProject, warningsByWeek }`.',
    },
    handler: async ({ res, deps: { db, temporal }, user }) => {
      res.json(await dashboard(db, temporal, user));
    },
  }),
  route({
    id: 'listRunningProjects',
    method: 'get',
    path: '/dashboard/running-projects',
    tag: 'dashboard',
    summary: 'List the jurisdiction’s running projects by warning level or batch, as their workflows stand',
    access: ['coordinator'],
    notes:
      'Query `warningLevel` (none, blue, yellow, red) and/or `batchId`; neither lists every running project. Found through the workflows’ search attributes, which the engine indexes a moment after a warning changes; a project whose workflow started before they existed is not listed. Up to 500, newest first; `truncated` says more matched.',
    ok: { 200: '`{ projects: [{ id, title, batchId, warningLevel, startedAt }], truncated }`.' },
    handler: async ({ req, res, deps: { db, temporal }, user }) => {
      const filter = runningProjectsQuerySchema.parse(req.query);
      res.json(await runningProjects(db, temporal, user.jurisdictionId, filter));
    },
  }),
];

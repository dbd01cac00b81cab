import { route } from '../http/route';
import { dashboard } from './dashboard.service';

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
];

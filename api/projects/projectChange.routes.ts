import { projectChangeSchema } from '../../domain/contract/projectChange';
import { decidingBody } from '../../domain/projectChange';
import { recordProjectChangeUpdate } from '../../workflows/votedProject.messages';
import { actorOf } from '../auth/auth.middleware';
import { assertDocuments } from '../documents/documents.queries';
import { route } from '../http/route';
import { projectDecisionNotes } from '../openapi';
import { findVisibleProject } from './projects.service';

/**
 * The committee's decisions on a voted project (docs/domain.md, "Changes and termination"): the office records
 * them; the project's workflow applies them and publishes each on the public site.
 */
export const projectChangeRoutes = [
  route({
    id: 'recordProjectChange',
    method: 'post',
    path: '/projects/:id/committee-decisions',
    tag: 'projects',
    summary:
      'Record the committee’s decision to change the project’s deadline or scope, or to terminate it (also to close it below 100%)',
    access: ['coordinator'],
    notes: `Only the standing committee (a township’s 主席团, a street’s 议政代表会议) changes or ends a project; the office records its decision: \`kind\` changeDeadline (with \`newDeadline\`, not in the past), changeScope (with \`scope\`, optionally a new \`acceptanceStandard\`) or terminate, the \`reason\` (required), \`meetingOn\` (the meeting's day, not in the future) and optionally the minutes as an uploaded \`documentId\`. Changes are only for a project still being built; a closed or terminated project takes none (409). A new deadline replans the stages and recomputes the warning; terminate closes the project with outcome \`terminated\` and cancels its open tasks. The department, the responsible leader and the supervision group are told, and the decision is published with the project on the public site. ${projectDecisionNotes}`,
    body: projectChangeSchema,
    idempotencyKey: true,
    ok: { 200: 'The project’s state, with the decision in `changes` (and `outcome: "terminated"` when it ended).' },
    refusals: [404, 409, 422],
    handler: async ({ req, res, deps: { db, temporal }, user, params, body }) => {
      const project = await findVisibleProject(db, user, params.id);
      if (body.documentId) await assertDocuments(db, user.jurisdictionId, [body.documentId]);
      const { level } = await db
        .selectFrom('jurisdictions')
        .select('level')
        .where('id', '=', user.jurisdictionId)
        .executeTakeFirstOrThrow();
      const state = await temporal.workflow.getHandle(project.id).executeUpdate(recordProjectChangeUpdate, {
        args: [{ ...body, actor: actorOf(user), decidedBy: decidingBody(level) }],
        updateId: req.get('Idempotency-Key') ?? undefined,
      });
      res.json(state);
    },
  }),
];

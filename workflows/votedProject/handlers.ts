import { setHandler } from '@temporalio/workflow';
import { maySitOnSupervisionGroup, supervisionGroupRefusal } from '../../domain/projectRules';
import { stagePlanSchema } from '../../domain/progressWarning';
import { chinaDay } from '../../domain/workingDays';
import { taskCompletedSignal } from '../humanTask.messages';
import {
  acceptCompletionUpdate,
  appointSupervisionMemberUpdate,
  closeReRatingUpdate,
  enterUseUpdate,
  fileFindingUpdate,
  joinSupervisionGroupUpdate,
  openReRatingUpdate,
  projectStateQuery,
  ratingOutcomeSignal,
  reviewFindingUpdate,
  setStagePlanUpdate,
} from '../votedProject.messages';
import { acceptCompletion, enterUse } from './acceptance';
import { setStagePlan } from './build';
import { closeReRating, openReRating } from './consequences';
import { forbidden, invalid, outOfPhase, type Project } from './project';
import { fileFinding, joinGroup, reviewFinding } from './supervision';

/**
 * Every message the project answers: each validator refuses what its step does not allow now (with a
 * message a person can act on), and each handler hands the step to its phase's module.
 */
export function installHandlers(project: Project): void {
  const { state, input } = project;

  setHandler(projectStateQuery, () => state);
  setHandler(taskCompletedSignal, (completion) => {
    project.inbox.push(completion);
  });
  setHandler(ratingOutcomeSignal, (notice) => {
    if (!state.rating && !project.ratingArrived) project.ratingArrived = notice;
  });

  // ——— supervision ———

  setHandler(
    joinSupervisionGroupUpdate,
    async ({ actor }) => {
      await joinGroup(project, actor);
      return state;
    },
    {
      validator: ({ actor }) => {
        // Deputies and residents' representatives (docs/domain.md, "Supervision": 3–5 deputies and resident representatives).
        project.requireRole(
          actor,
          actor.roles.includes('residentRepresentative') ? 'residentRepresentative' : 'deputy',
          'join a supervision group',
        );
        project.notClosed('join its supervision group');
        const refusal = supervisionGroupRefusal(
          state.group,
          actor.userId,
          state.policy?.supervisionGroup ?? { min: 3, max: 5 },
        );
        if (refusal) throw outOfPhase(refusal);
      },
    },
  );

  setHandler(
    appointSupervisionMemberUpdate,
    async ({ actor, member }) => {
      await joinGroup(project, member, actor);
      return state;
    },
    {
      validator: ({ actor, member }) => {
        project.requireRole(actor, 'coordinator', 'appoint a supervision group member');
        project.notClosed('take new supervision group members');
        if (member.jurisdictionId !== input.jurisdictionId || !maySitOnSupervisionGroup(member.roles))
          throw invalid(`${member.displayName} is not a deputy or residents' representative of this jurisdiction`);
        const refusal = supervisionGroupRefusal(
          state.group,
          member.userId,
          state.policy?.supervisionGroup ?? { min: 3, max: 5 },
        );
        if (refusal) throw outOfPhase(refusal.replace('you are', `${member.displayName} is`));
      },
    },
  );

  setHandler(fileFindingUpdate, (finding) => fileFinding(project, finding), {
    validator: ({ actor, findingId, text }) => {
      project.requireMember(actor, 'file a finding');
      project.notClosed('take findings');
      if (state.findings.some((f) => f.findingId === findingId))
        throw outOfPhase('this finding has already been filed');
      if (!text.trim()) throw invalid('describe what the group found');
    },
  });

  setHandler(reviewFindingUpdate, (review) => reviewFinding(project, review), {
    validator: ({ actor, findingId, accepted, note }) => {
      project.requireMember(actor, 'review a response');
      const finding = state.findings.find((f) => f.findingId === findingId);
      if (!finding) throw invalid(`there is no finding "${findingId}" on this project`);
      if (finding.status !== 'responded')
        throw outOfPhase(
          `the finding is ${finding.status === 'accepted' ? 'already accepted' : 'still waiting for the department’s response'}`,
        );
      if (!accepted && !note.trim()) throw invalid('say why the response is not accepted');
    },
  });

  // ——— build ———

  setHandler(
    setStagePlanUpdate,
    async ({ actor, plan }) => {
      await setStagePlan(project, actor, plan);
      return state;
    },
    {
      validator: ({ actor, plan }) => {
        const ownDepartment =
          actor.roles.includes('official') && actor.departmentId === input.responsibility.departmentId;
        if (actor.jurisdictionId !== input.jurisdictionId || !(actor.roles.includes('coordinator') || ownDepartment))
          throw forbidden('only the responsible department or the office may plan the stages');
        if (state.phase !== 'implementation') throw outOfPhase('the project has been accepted; its stages are history');
        // Reassessing needs the policy; a plan arriving in the first instant of the workflow would otherwise fail its task forever.
        if (!state.policy) throw outOfPhase('the project is still starting; plan its stages again in a moment');
        const parsed = stagePlanSchema.safeParse(plan);
        if (!parsed.success)
          throw invalid(`the stage plan is not valid — ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        const last = plan[plan.length - 1]!;
        if (last.plannedEnd > input.responsibility.deadline)
          throw invalid(`acceptance must end by the deadline ${input.responsibility.deadline}, not ${last.plannedEnd}`);
      },
    },
  );

  // ——— accept → use ———

  setHandler(
    acceptCompletionUpdate,
    async ({ actor }) => {
      await acceptCompletion(project, actor);
      return state;
    },
    {
      validator: ({ actor }) => {
        project.requireRole(actor, 'coordinator', 'accept a completed project');
        if (state.phase !== 'implementation') throw outOfPhase('the project has already been accepted');
        const percent = state.progress?.percent ?? 0;
        if (percent < 100)
          throw invalid(`the project is reported at ${percent}%; it can be accepted once it is reported complete`);
      },
    },
  );

  setHandler(
    enterUseUpdate,
    async ({ actor, inUseOn }) => {
      await enterUse(project, actor, inUseOn);
      return state;
    },
    {
      validator: ({ actor, inUseOn }) => {
        project.requireRole(actor, 'coordinator', 'record that a project is in use');
        if (state.phase !== 'accepted')
          throw outOfPhase(
            state.phase === 'implementation'
              ? 'accept the project’s completion first'
              : 'the project is already in use',
          );
        if (!/^\d{4}-\d{2}-\d{2}$/.test(inUseOn) || inUseOn < chinaDay(new Date(state.acceptedAt!)))
          throw invalid('inUseOn must be a YYYY-MM-DD day on or after the acceptance');
      },
    },
  );

  // ——— rating consequences ———

  setHandler(
    openReRatingUpdate,
    async (opening) => {
      await openReRating(project, opening);
      return state;
    },
    {
      validator: ({ actor }) => {
        project.requireRole(actor, 'coordinator', 'open a re-rating');
        const stage = state.consequence.stage;
        if (stage === 'reRating') throw outOfPhase('the re-rating is already open');
        if (stage !== 'awaitingReRating')
          throw outOfPhase(
            stage === 'rectifying' || stage === 'explaining'
              ? 'the re-rating follows the rectification report, which has not been handed in'
              : 'only a project rated 不满意 and rectified is re-rated',
          );
      },
    },
  );

  setHandler(
    closeReRatingUpdate,
    async ({ actor }) => {
      await closeReRating(project, actor);
      return state;
    },
    {
      validator: ({ actor }) => {
        project.requireRole(actor, 'coordinator', 'close a re-rating');
        if (state.consequence.stage !== 'reRating') throw outOfPhase('no re-rating is open');
      },
    },
  );
}

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
  recordProjectChangeUpdate,
  reviewFindingUpdate,
  setStagePlanUpdate,
} from '../votedProject.messages';
import { acceptCompletion, enterUse } from './acceptance';
import { setStagePlan } from './build';
import { recordProjectChange, refuseProjectChange } from './change';
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
          'joinGroup',
        );
        project.notClosed('takeMembers');
        const refusal = supervisionGroupRefusal(
          state.group,
          actor.userId,
          state.policy?.supervisionGroup ?? { min: 3, max: 5 },
        );
        if (refusal) throw outOfPhase(refusal.code, refusal.params);
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
        project.requireRole(actor, 'coordinator', 'appointMember');
        project.notClosed('takeAppointedMembers');
        if (member.jurisdictionId !== input.jurisdictionId || !maySitOnSupervisionGroup(member.roles))
          throw invalid('notGroupEligible', { name: member.displayName });
        const refusal = supervisionGroupRefusal(
          state.group,
          member.userId,
          state.policy?.supervisionGroup ?? { min: 3, max: 5 },
        );
        // The office appoints someone else: the refusal names the person, not "you".
        if (refusal?.code === 'alreadyInGroup') throw outOfPhase('memberAlreadyInGroup', { name: member.displayName });
        if (refusal) throw outOfPhase(refusal.code, refusal.params);
      },
    },
  );

  setHandler(fileFindingUpdate, (finding) => fileFinding(project, finding), {
    validator: ({ actor, findingId, text }) => {
      project.requireMember(actor, 'fileFinding');
      project.notClosed('takeFindings');
      if (state.findings.some((f) => f.findingId === findingId)) throw outOfPhase('findingAlreadyFiled');
      if (!text.trim()) throw invalid('findingTextMissing');
    },
  });

  setHandler(reviewFindingUpdate, (review) => reviewFinding(project, review), {
    validator: ({ actor, findingId, accepted, note }) => {
      project.requireMember(actor, 'reviewResponse');
      const finding = state.findings.find((f) => f.findingId === findingId);
      if (!finding) throw invalid('noSuchFinding', { id: findingId });
      if (finding.status !== 'responded')
        throw outOfPhase(finding.status === 'accepted' ? 'findingAccepted' : 'findingAwaitingResponse');
      if (!accepted && !note.trim()) throw invalid('rejectionReasonMissing');
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
          throw forbidden('stagePlanForbidden');
        if (state.phase !== 'implementation') throw outOfPhase('stagesHistory');
        // Reassessing needs the policy; a plan arriving in the first instant of the workflow would otherwise fail its task forever.
        if (!state.policy) throw outOfPhase('projectStarting');
        const parsed = stagePlanSchema.safeParse(plan);
        if (!parsed.success)
          throw invalid('stagePlanInvalid', { detail: parsed.error.issues.map((i) => i.message).join('; ') });
        const last = plan[plan.length - 1]!;
        if (last.plannedEnd > input.responsibility.deadline)
          throw invalid('acceptanceAfterDeadline', { deadline: input.responsibility.deadline, end: last.plannedEnd });
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
        // The government's act now (acceptance.ts); only projects started before take the office's decision.
        if (state.governmentActs) throw outOfPhase('acceptanceIsGovernments');
        project.requireRole(actor, 'coordinator', 'acceptProject');
        if (state.phase !== 'implementation') throw outOfPhase('projectAlreadyAccepted');
        const percent = state.progress?.percent ?? 0;
        if (percent < 100) throw invalid('projectNotComplete', { percent });
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
        if (state.governmentActs) throw outOfPhase('acceptanceIsGovernments');
        project.requireRole(actor, 'coordinator', 'recordInUse');
        if (state.phase !== 'accepted')
          throw outOfPhase(state.phase === 'implementation' ? 'acceptFirst' : 'alreadyInUse');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(inUseOn) || inUseOn < chinaDay(new Date(state.acceptedAt!)))
          throw invalid('inUseDayInvalid');
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
        project.requireRole(actor, 'coordinator', 'openReRating');
        const stage = state.consequence.stage;
        if (stage === 'reRating') throw outOfPhase('reRatingOpen');
        if (stage !== 'awaitingReRating')
          throw outOfPhase(
            stage === 'rectifying' || stage === 'explaining' ? 'rectificationPending' : 'reRatingNotDue',
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
        project.requireRole(actor, 'coordinator', 'closeReRating');
        if (state.consequence.stage !== 'reRating') throw outOfPhase('noReRating');
      },
    },
  );

  // ——— the committee's decisions (change.ts) ———

  setHandler(
    recordProjectChangeUpdate,
    async (decision) => {
      await recordProjectChange(project, decision);
      return state;
    },
    { validator: (decision) => refuseProjectChange(project, decision) },
  );
}

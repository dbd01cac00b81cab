import type { Actor } from '../../domain/assignee';
import { addCalendarPeriod } from '../../domain/workingDays';
import { nowIso, type Project } from './project';

/**
 * Accept → use (docs/domain.md, "Implementation" and "Post-evaluation"): the office records the completion
 * acceptance, which ends the weekly cadence, then the day the project went into use, from which its
 * one-year post-evaluation is counted.
 */

export async function acceptCompletion(project: Project, actor: Actor): Promise<void> {
  const { state } = project;
  const at = nowIso();
  state.phase = 'accepted';
  state.acceptedAt = at;
  await project.milestone('project.accepted', actor, { progress: state.progress?.percent ?? 0 }, { acceptedAt: at });
  await project.cancelTasks(
    (t) => t.kind === 'progressReport' || t.kind === 'supervisionCheck' || t.kind === 'quarterlyEvaluation',
  );
}

export async function enterUse(project: Project, actor: Actor, inUseOn: string): Promise<void> {
  const { state } = project;
  state.phase = 'inUse';
  state.inUseOn = inUseOn;
  const dueAt = addCalendarPeriod(new Date(`${inUseOn}T00:00:00+08:00`), {
    months: state.policy!.postEvaluationAfterMonths,
    days: 0,
    hours: 0,
  });
  state.postEvaluation = {
    dueAt: dueAt.toISOString(),
    started: false,
    evaluated: false,
    lookedBack: false,
    suggestionsOpen: 0,
  };
  await project.milestone(
    'project.inUse',
    actor,
    { inUseOn, postEvaluationAt: state.postEvaluation.dueAt },
    { inUseOn },
  );
}

import { addDays } from './workingDays';
import type { StagePlan } from './progressWarning';

/**
 * The first stage plan of a newly voted project, until its department plans otherwise: from the day the
 * project starts to its deadline, 15% of the days preparing, 70% building, 15% for acceptance (docs/domain.md, "Stages": [S3]'s
 * stages; the shares are ours). Each stage gets at least one day.
 */
export function defaultStagePlan(startDay: string, deadline: string): StagePlan {
  const end = deadline > addDays(startDay, 2) ? deadline : addDays(startDay, 2);
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)) / 86_400_000) + 1;
  const preparationDays = Math.max(1, Math.floor(days * 0.15));
  const acceptanceDays = Math.max(1, Math.floor(days * 0.15));
  const constructionStart = addDays(startDay, preparationDays);
  const acceptanceStart = addDays(end, -(acceptanceDays - 1));
  return [
    { stage: 'preparation', plannedStart: startDay, plannedEnd: addDays(constructionStart, -1) },
    { stage: 'construction', plannedStart: constructionStart, plannedEnd: addDays(acceptanceStart, -1) },
    { stage: 'acceptance', plannedStart: acceptanceStart, plannedEnd: end },
  ];
}

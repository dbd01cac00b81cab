import type { Assignee } from './assignee';

/**
 * Government acts belong to the government (docs/domain.md, "Levels": 人大票决监督、政府组织实施): who performs
 * each, and what its record must hold. Kept apart from projectRules.ts so the task schemas can use them.
 */

/** The acts the government performs on a voted project; the congress office sees them but does not perform them. */
export type GovernmentAct = 'completionAcceptance' | 'quarterlyEvaluation' | 'performanceEvaluation';

/**
 * Who on the government side performs each act. The sources put completion acceptance, the quarterly appraisal
 * (in the county government's 包抓 mechanism: 周督导、月通报、季考评, [S0]) and the post-evaluation of government
 * investment (竣工验收和后评估制度, [S0]) with the government without naming the body; we read them so:
 * - completion acceptance and the quarterly appraisal: the project's responsible (包抓) leader, the one leader
 *   the project answers to to the end ([S1]); a project without one named falls to its department;
 * - the one-year performance evaluation: the finance department, whose performance evaluation of funded
 *   projects informs the next year's allocations ([S4]: 阶段性绩效评估 … 为资金分配调整、预算优化提供科学依据).
 */
export function governmentSideOf(
  act: GovernmentAct,
  project: { jurisdictionId: string; responsibleLeaderUserId: string | null; departmentId: string },
): Assignee {
  if (act === 'performanceEvaluation')
    return { kind: 'role', role: 'financeOfficer', jurisdictionId: project.jurisdictionId };
  return project.responsibleLeaderUserId
    ? { kind: 'user', userId: project.responsibleLeaderUserId }
    : { kind: 'department', departmentId: project.departmentId };
}

export const acceptanceOutcomes = ['passed', 'failed'] as const;
export type AcceptanceOutcome = (typeof acceptanceOutcomes)[number];

/**
 * A passed acceptance names the day the project goes into use, on or after the acceptance; a failed one names
 * none, since the department finishes the work and reports it complete again.
 */
export function acceptanceRecordProblem(record: {
  outcome: AcceptanceOutcome;
  acceptedOn: string;
  inUseOn: string | null;
}): string | undefined {
  if (record.outcome === 'failed')
    return record.inUseOn ? 'a project that failed its acceptance does not go into use' : undefined;
  if (!record.inUseOn) return 'give the day the accepted project goes into use';
  if (record.inUseOn < record.acceptedOn) return 'the project cannot go into use before its acceptance';
  return undefined;
}

/**
 * The words the workflows, the database, the API and the console share (docs/architecture.md, "Contract"):
 * each list is declared once, here or in the domain module whose rules use it, and re-exported here.
 */
export { assigneeKinds, type AssigneeKind, roles, type Role } from '../assignee';
export { projectStages, type ProjectStage, warningLevels, type WarningLevel } from '../progressWarning';
export { ratingOutcomes, type RatingOutcome } from '../rating';
export {
  type ScreeningOutcome,
  screeningOutcomes,
  suggestionCategories,
  type SuggestionCategory,
  suggestionChannels,
  type SuggestionChannel,
} from '../screening';
export { type TaskKind, taskKinds } from '../taskKinds';

/** docs/domain.md, "Collection" to "Vote", "Reports" and "Rating", in order; `closed` once the next congress has rated every project. */
export const batchPhases = [
  'collection', // 征集
  'screening', // 筛选论证
  'candidatePublicity', // 候选项目公示
  'approval', // 政府常务会 → 人大常委会 → 党委常委会 → 政府议案
  'vote', // 差额票决
  'resultPublicity', // 票决结果公示
  'implementation', // 实施, with half-year and year-end reports
  'rating', // 满意度测评
  'closed',
] as const;
export type BatchPhase = (typeof batchPhases)[number];

/** The approval chain; each step is a task whose decision may send the list back to screening. */
export const approvalSteps = [
  { step: 'executiveMeeting', label: '政府常务会议研究' },
  { step: 'standingCommitteeOpinion', label: '人大常委会征求意见' },
  { step: 'partyCommitteeApproval', label: '党委常委会审定' },
  { step: 'billToCongress', label: '政府议案提请人代会' },
] as const;
/**
 * Every step any level's chain may hold: a township's presidium 主席团 or a street's working committee 人大街道工委
 * gives the opinion a county's standing committee gives (docs/domain.md, "Levels"; domain/batchProcedure.ts).
 */
export const approvalStepNames = [
  'executiveMeeting',
  'standingCommitteeOpinion',
  'partyCommitteeApproval',
  'billToCongress',
  'presidiumOpinion',
  'workingCommitteeOpinion',
] as const;
export type ApprovalStep = (typeof approvalStepNames)[number];

/** implementation → accepted (竣工验收) → inUse (投入使用) → closed once post-evaluation and any consequences are done. */
export const projectPhases = ['implementation', 'accepted', 'inUse', 'closed'] as const;
export type ProjectPhase = (typeof projectPhases)[number];

/** docs/domain.md, "Consequences", in order; `none` before the rating or when it was 满意. */
export const consequenceStages = [
  'none',
  'explaining',
  'rectifying',
  'awaitingReRating',
  'reRating',
  'oversight',
  'settled',
] as const;
export type ConsequenceStage = (typeof consequenceStages)[number];

/** A task row's status; the task workflow's own phase is TaskPhase (taskWorkflow.ts). */
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** A supervision finding: the department answers it, the group accepts the answer or files the next round. */
export const findingStatuses = ['awaitingResponse', 'responded', 'accepted'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** A vote or rating session. */
export const sessionStatuses = ['open', 'closed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/**
 * 资金池 movements (docs/domain.md, "Fund pool"): finance's allocation as it now stands, the department's
 * request for a payment, finance's payment, an anomaly flagged, and the audit's finding that clears or keeps it.
 */
export const fundMovementKinds = [
  'allocation',
  'disbursementRequested',
  'disbursement',
  'anomalyFlagged',
  'anomalyCleared',
  'anomalyKept',
] as const;
export type FundMovementKind = (typeof fundMovementKinds)[number];

export const candidateStatuses = ['active', 'withdrawn'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];

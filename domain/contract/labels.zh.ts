import type { AssigneeKind, Role } from '../assignee';
import type { ProjectStage, WarningLevel } from '../progressWarning';
import type { RatingOutcome } from '../rating';
import type { ScreeningOutcome, SuggestionCategory, SuggestionChannel } from '../screening';
import type { GroupEvaluationGrade, TaskKind } from '../taskKinds';
import type {
  BatchPhase,
  CandidateStatus,
  ConsequenceStage,
  FindingStatus,
  FundMovementKind,
  ProjectPhase,
  TaskStatus,
} from './vocabulary';

/**
 * The Chinese words for the shared codes, one list per vocabulary: the console's Chinese phrases and the
 * API's exports and printed reports (a 通报 goes out in the office's words, not in codes) read the same
 * list, so a screen and a spreadsheet never name one thing two ways. Typed by the vocabulary, so a new
 * code without its word fails the typecheck.
 */

export const batchPhaseLabels: Record<BatchPhase, string> = {
  collection: '项目征集',
  screening: '筛选论证',
  candidatePublicity: '候选项目公示',
  approval: '审议决定',
  vote: '差额票决',
  resultPublicity: '票决结果公示',
  implementation: '组织实施',
  rating: '满意度测评',
  closed: '已结束',
};

export const suggestionCategoryLabels: Record<SuggestionCategory, string> = {
  education: '教育',
  transport: '交通',
  water: '供水',
  health: '医疗卫生',
  elderCare: '养老服务',
  environment: '生态环境',
  culture: '文化体育',
  other: '其他',
};

export const suggestionChannelLabels: Record<SuggestionChannel, string> = {
  online: '网上征集',
  hotline12345: '12345热线',
  liaisonStation: '代表联络站',
  letter: '来信',
  doorToDoor: '入户走访',
  deputy: '人大代表',
  department: '政府部门',
};

export const screeningOutcomeLabels: Record<ScreeningOutcome, string> = {
  candidate: '列为候选项目',
  reserve: '列入储备库',
  pendingResearch: '列入待研项目库',
  rejected: '不予采纳',
  spam: '无效或恶意提交',
};

export const candidateStatusLabels: Record<CandidateStatus, string> = {
  active: '有效',
  withdrawn: '已撤回',
};

export const projectPhaseLabels: Record<ProjectPhase, string> = {
  implementation: '实施中',
  accepted: '已验收',
  inUse: '已投入使用',
  closed: '已办结',
};

export const projectStageLabels: Record<ProjectStage, string> = {
  preparation: '筹备',
  construction: '施工',
  acceptance: '验收',
};

export const warningLevelLabels: Record<WarningLevel, string> = {
  red: '红色预警',
  yellow: '黄色预警',
  blue: '蓝色预警',
  none: '无预警',
};

export const ratingOutcomeLabels: Record<RatingOutcome, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

export const consequenceStageLabels: Record<ConsequenceStage, string> = {
  none: '无',
  // A township explains to its presidium, a street to its 议政代表会议 (docs/domain.md, "Levels").
  explaining: '向人大作出说明',
  rectifying: '整改中（三个月内）',
  awaitingReRating: '待再次测评',
  reRating: '再次测评进行中',
  oversight: '启动监督措施',
  settled: '已办结',
};

export const taskKindLabels: Record<TaskKind, string> = {
  instruction: '交办事项',
  proposerFeedback: '答复建议人',
  approvalDecision: '审定决定',
  governmentReport: '政府工作报告',
  reportHearing: '听取报告',
  ratingConfirmation: '主席团确认测评结果',
  progressReport: '进度报告',
  supervisionCheck: '周督导',
  quarterlyEvaluation: '季度考评',
  acceptanceArrangement: '安排竣工验收',
  completionAcceptance: '竣工验收',
  findingResponse: '答复监督意见',
  explanation: '作出说明',
  explanationHearing: '听取说明',
  rectificationReport: '整改报告',
  oversightMeasure: '监督措施',
  performanceEvaluation: '绩效评价',
  lookBack: '回头看',
  lookBackRectification: '回头看整改',
  oversightMeeting: '监督措施实施',
  oversightConclusion: '监督意见落实',
  fundAudit: '资金异常审计',
  concentratedInspection: '年中集中视察',
  groupYearEndEvaluation: '监督小组年终总体评价',
};

/** A supervision group's year-end grades (domain/taskKinds.ts groupEvaluationGrades). */
export const groupEvaluationGradeLabels: Record<GroupEvaluationGrade, string> = {
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '差',
};

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: '待办',
  done: '已办结',
  cancelled: '已取消',
};

export const assigneeKindLabels: Record<AssigneeKind, string> = {
  user: '指定人员',
  role: '某一角色的任何人',
  department: '部门',
};

/** The escalation ladder's rungs: with the assignee, their responsible leader, the standing committee's office. */
export const escalationLabels = {
  none: '未升级',
  leader: '已升级至包抓领导',
  committee_office: '已升级至常委会办公室',
} as const;

/** A task's escalation level (0 = with its assignee); every level past the leader is the office's. */
export function escalationLabel(level: number): string {
  if (level <= 0) return escalationLabels.none;
  return level === 1 ? escalationLabels.leader : escalationLabels.committee_office;
}

export const findingStatusLabels: Record<FindingStatus, string> = {
  awaitingResponse: '待答复',
  responded: '已答复',
  accepted: '已认可',
};

export const fundMovementKindLabels: Record<FundMovementKind, string> = {
  allocation: '安排资金',
  disbursement: '拨付',
  anomalyFlagged: '标记异常',
  anomalyCleared: '审计解除',
  disbursementRequested: '申请拨付',
  anomalyKept: '审计维持暂停',
};

export const noticeKindLabels = {
  assigned: '新任务',
  reminder: '提醒',
  escalation: '升级',
  info: '通知',
} as const;

export const roleLabels: Record<Role, string> = {
  coordinator: '人大常委会办公室',
  official: '政府部门/责任单位',
  deputy: '人大代表',
  reviewer: '评审组',
  committeeMember: '人大常委会组成人员',
  residentRepresentative: '居民代表',
  financeOfficer: '财政部门',
  auditor: '审计部门',
};

export const yesNoLabels = { true: '是', false: '否' } as const;

/** The word for a code; a code this list does not know yet is shown as it is rather than dropped. */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, string>>,
  code: string | null | undefined,
): string {
  if (code === null || code === undefined || code === '') return '';
  return Object.hasOwn(labels, code) ? labels[code as K] : code;
}

/**
 * The body in whose name a jurisdiction's reports go out (docs/domain.md, "Levels"): a county's standing
 * committee, a township congress's presidium (主席团), and for a street the district congress's working
 * committee there (人大街道工委), since a street has no congress of its own.
 */
export function issuingBody(jurisdiction: {
  name: string;
  level: 'county' | 'township' | 'street';
  parentName?: string | null;
}): string {
  if (jurisdiction.level === 'county') return `${jurisdiction.name}人民代表大会常务委员会`;
  if (jurisdiction.level === 'township') return `${jurisdiction.name}人民代表大会主席团`;
  return `${jurisdiction.parentName ?? ''}人民代表大会常务委员会${jurisdiction.name}工作委员会`;
}

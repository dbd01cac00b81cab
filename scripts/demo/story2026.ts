import type { StagePlan } from '../../domain/progressWarning';
import type { ScreeningOutcome, SuggestionCategory, SuggestionChannel } from '../../domain/screening';

/**
 * What happened in the demo county's 2026 batch: the suggestions and who made them, the screening, the vote
 * and how each elected project went. scripts/demo/recordYear.ts replays it through the real activities at
 * these instants (China Standard Time); nothing here is written anywhere by itself.
 */

export const YEAR = 2026;
export const BATCH_ID = 'batch-demo-county-2026';
export const BATCH_TITLE = `示范县${YEAR}年民生实事项目`;
export const OPENED_ON = '2025-11-17';
export const COLLECTION_CLOSES_ON = '2025-12-08';
export const SCREENING_CONCLUDED_ON = '2025-12-15';
export const VOTE_ON = '2026-01-14';
export const CONGRESS_PRESENT = 142;
/** The half-year report (docs/domain.md, "Reports"): handed in, then heard by the standing committee. */
export const HALF_YEAR_REPORT = { submittedOn: '2026-07-24', heardOn: '2026-08-20' };

/** A person's suggestion (群众点单); `by` names the proposer as the form records them. */
export interface StorySuggestion {
  key: string;
  title: string;
  description: string;
  category: SuggestionCategory;
  location: string;
  channel: SuggestionChannel;
  submittedOn: string;
  proposers: (
    | { kind: 'public'; name: string; contact: string }
    | { kind: 'deputy'; userId: string }
    | { kind: 'department'; departmentId: string }
  )[];
  /** Each reviewer's marks: public support, funding feasibility, social benefit, implementation difficulty. */
  scores: [number, number, number, number][];
  departmentId: string;
  outcome: ScreeningOutcome;
  reason: string;
  candidate?: {
    leaderUserId: string;
    implementingUnit: string;
    budgetYuan: number;
    deadline: string;
    acceptanceStandard: string;
    /** Approving ballots at the vote, of 142 present; more than 71 elects. */
    approvals: number;
  };
}

export interface StoryProject {
  key: string;
  /** Who reports each week for the department. */
  reporterUserId: string;
  /** The office's stage plan, set when the project began. */
  plan: StagePlan;
  /** Points behind plan on a day: how the year actually went (the reports say why). */
  lagOn: (day: string) => number;
  /** Once set, progress stops at this figure from this day (the road's land dispute). */
  stalled?: { from: string; percent: number };
  /** What the weekly report says, by how far behind it is. */
  note: (lag: number) => string;
  /** Deputies who joined its supervision group, and when. */
  group: string[];
}

const deputy = (n: number) => `user-deputy${n}`;

export const suggestions: StorySuggestion[] = [
  {
    key: 'school',
    title: '城关镇中心小学教学楼抗震加固改造',
    description: '教学楼建于1990年代，抗震等级不足，家长多次反映。',
    category: 'education',
    location: '城关镇',
    channel: 'deputy',
    submittedOn: '2025-11-19',
    proposers: [
      { kind: 'deputy', userId: deputy(1) },
      { kind: 'public', name: '城关镇中心小学家委会', contact: '13907350011' },
    ],
    scores: [
      [92, 85, 95, 80],
      [90, 88, 92, 78],
    ],
    departmentId: 'dept-education',
    outcome: 'candidate',
    reason: '涉及师生安全，群众需求迫切，资金可落实，列为候选项目',
    candidate: {
      leaderUserId: 'user-leader2',
      implementingUnit: '县教育局基建股',
      budgetYuan: 6_800_000,
      deadline: '2026-12-31',
      acceptanceStandard: '通过抗震鉴定和竣工验收，寒假后投入使用',
      approvals: 112,
    },
  },
  {
    key: 'road',
    title: '县道X012线（清河镇至山阳乡段）路面改造',
    description: '路面坑洼破损，雨季通行困难，沿线群众出行不便。',
    category: 'transport',
    location: '清河镇、山阳乡',
    channel: 'hotline12345',
    submittedOn: '2025-11-20',
    proposers: [
      { kind: 'public', name: '赵大山（清河镇石桥村）', contact: '13807351234' },
      { kind: 'deputy', userId: deputy(2) },
    ],
    scores: [
      [95, 75, 90, 60],
      [93, 78, 88, 62],
    ],
    departmentId: 'dept-transport',
    outcome: 'candidate',
    reason: '沿线群众呼声最高，纳入省道网规划配套资金，列为候选项目',
    candidate: {
      leaderUserId: 'user-leader1',
      implementingUnit: '县公路养护中心',
      budgetYuan: 12_500_000,
      deadline: '2027-03-31',
      acceptanceStandard: '全线12.6公里沥青路面通过交工验收',
      approvals: 124,
    },
  },
  {
    key: 'sewer',
    title: '东城街道老旧小区雨污分流改造',
    description: '老旧小区雨污合流，雨天污水外溢，居民反映强烈。',
    category: 'environment',
    location: '东城街道',
    channel: 'liaisonStation',
    submittedOn: '2025-11-24',
    proposers: [{ kind: 'public', name: '东城街道幸福里社区居委会', contact: '0735-2261180' }],
    scores: [
      [86, 80, 85, 70],
      [84, 82, 86, 72],
    ],
    departmentId: 'dept-housing',
    outcome: 'candidate',
    reason: '惠及8个小区2100户，列入城镇老旧小区改造计划，列为候选项目',
    candidate: {
      leaderUserId: 'user-leader1',
      implementingUnit: '县城市建设投资公司',
      budgetYuan: 8_200_000,
      deadline: '2027-01-31',
      acceptanceStandard: '8个小区雨污管网分流改造完成并通过验收',
      approvals: 103,
    },
  },
  {
    key: 'eldercare',
    title: '山阳乡农村互助养老服务站建设',
    description: '留守老人多，缺少日间照料和助餐服务。',
    category: 'elderCare',
    location: '山阳乡',
    channel: 'doorToDoor',
    submittedOn: '2025-11-26',
    proposers: [{ kind: 'deputy', userId: deputy(3) }],
    scores: [
      [88, 86, 90, 85],
      [87, 84, 91, 86],
    ],
    departmentId: 'dept-civil',
    outcome: 'candidate',
    reason: '普惠性强、投入小见效快，列为候选项目',
    candidate: {
      leaderUserId: 'user-leader2',
      implementingUnit: '县民政局养老服务股',
      budgetYuan: 3_600_000,
      deadline: '2027-02-28',
      acceptanceStandard: '建成6个互助养老服务站并开展助餐服务',
      approvals: 117,
    },
  },
  {
    key: 'parking',
    title: '县城区公共停车场建设',
    description: '城区停车难，占道停车影响通行。',
    category: 'transport',
    location: '城关镇',
    channel: 'online',
    submittedOn: '2025-11-21',
    proposers: [{ kind: 'public', name: '陈先生', contact: '13607358899' }],
    scores: [
      [70, 72, 68, 60],
      [72, 70, 66, 62],
    ],
    departmentId: 'dept-transport',
    outcome: 'candidate',
    reason: '群众有需求，资金可通过特许经营筹措，列为候选项目',
    candidate: {
      leaderUserId: 'user-leader1',
      implementingUnit: '县城市建设投资公司',
      budgetYuan: 5_000_000,
      deadline: '2026-12-31',
      acceptanceStandard: '建成300个车位并投入使用',
      approvals: 48,
    },
  },
  {
    key: 'clinic',
    title: '清河镇卫生院门诊楼改扩建',
    description: '门诊楼面积不足，就诊高峰排队时间长。',
    category: 'health',
    location: '清河镇',
    channel: 'department',
    submittedOn: '2025-11-28',
    proposers: [{ kind: 'department', departmentId: 'dept-health' }],
    scores: [
      [74, 70, 80, 65],
      [76, 68, 78, 66],
    ],
    departmentId: 'dept-health',
    outcome: 'candidate',
    reason: '基层医疗短板，列为候选项目',
    candidate: {
      leaderUserId: 'user-leader2',
      implementingUnit: '县卫生健康委员会规划股',
      budgetYuan: 5_000_000,
      deadline: '2026-12-31',
      acceptanceStandard: '门诊楼主体完工并通过竣工验收',
      approvals: 57,
    },
  },
  {
    key: 'toilets',
    title: '城关镇老街公厕改造',
    description: '老街公厕陈旧，夏季异味大。',
    category: 'environment',
    location: '城关镇',
    channel: 'letter',
    submittedOn: '2025-12-01',
    proposers: [{ kind: 'public', name: '老街商户联名', contact: '13574350021' }],
    scores: [
      [66, 80, 60, 85],
      [64, 78, 62, 84],
    ],
    departmentId: 'dept-housing',
    outcome: 'reserve',
    reason: '已列入住建部门2026年常规维修计划，纳入储备库',
  },
  {
    key: 'bus',
    title: '山阳乡至县城城乡公交加密',
    description: '每天只有两班车，群众赶集、就医不便。',
    category: 'transport',
    location: '山阳乡',
    channel: 'deputy',
    submittedOn: '2025-12-03',
    proposers: [{ kind: 'deputy', userId: deputy(7) }],
    scores: [
      [80, 55, 75, 70],
      [78, 58, 74, 68],
    ],
    departmentId: 'dept-transport',
    outcome: 'pendingResearch',
    reason: '需测算运营补贴和客流，列入待研项目库，由交通运输局一年内研究答复',
  },
  {
    key: 'mall',
    title: '县城新建商业综合体',
    description: '希望县城有大型商场。',
    category: 'other',
    location: '城关镇',
    channel: 'online',
    submittedOn: '2025-12-05',
    proposers: [{ kind: 'public', name: '网友“山城小李”', contact: '18907351100' }],
    scores: [
      [40, 20, 35, 20],
      [38, 22, 30, 25],
    ],
    departmentId: 'dept-housing',
    outcome: 'rejected',
    reason: '属市场经营性项目，不属于政府民生实事范围，不予采纳',
  },
];

export const elected = ['school', 'road', 'sewer', 'eldercare'] as const;

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
/** Lag that grows linearly from `from` (starting at `base`) by `perMonth` points every 30 days. */
const growing = (day: string, from: string, base: number, perMonth: number) =>
  day < from ? base : base + Math.floor((daysBetween(from, day) * perMonth) / 30);

export const projects: StoryProject[] = [
  {
    key: 'school',
    reporterUserId: 'user-official-education',
    plan: [
      { stage: 'preparation', plannedStart: '2026-02-02', plannedEnd: '2026-03-31' },
      { stage: 'construction', plannedStart: '2026-04-01', plannedEnd: '2026-10-31' },
      { stage: 'acceptance', plannedStart: '2026-11-01', plannedEnd: '2026-12-20' },
    ],
    lagOn: () => 1,
    note: () => '按计划推进：暑期完成主体加固，现进行抗震鉴定前的整改收尾。',
    group: [deputy(1), deputy(5), deputy(9)],
  },
  {
    key: 'road',
    reporterUserId: 'user-official',
    plan: [
      { stage: 'preparation', plannedStart: '2026-02-02', plannedEnd: '2026-04-30' },
      { stage: 'construction', plannedStart: '2026-05-01', plannedEnd: '2026-12-31' },
      { stage: 'acceptance', plannedStart: '2027-01-01', plannedEnd: '2027-03-31' },
    ],
    lagOn: (day) => growing(day, '2026-03-15', 0, 3),
    stalled: { from: '2026-05-11', percent: 16 },
    note: (lag) =>
      lag >= 20
        ? '石桥村段征地拆迁补偿未达成一致，施工队无法进场，全线仍未开工。'
        : '路基勘测和施工招标进行中，石桥村段征地补偿尚在协商。',
    group: [deputy(2), deputy(6), deputy(10)],
  },
  {
    key: 'sewer',
    reporterUserId: 'user-official-housing',
    plan: [
      { stage: 'preparation', plannedStart: '2026-02-02', plannedEnd: '2026-03-31' },
      { stage: 'construction', plannedStart: '2026-04-01', plannedEnd: '2026-11-30' },
      { stage: 'acceptance', plannedStart: '2026-12-01', plannedEnd: '2027-01-31' },
    ],
    lagOn: (day) => growing(day, '2026-08-15', 1, 3.5),
    note: (lag) =>
      lag >= 10 ? '汛期多雨，管网开挖多次停工，幸福里、和平里两个小区进度滞后。' : '管网开挖和铺设按计划推进。',
    group: [deputy(4), deputy(8), deputy(12)],
  },
  {
    key: 'eldercare',
    reporterUserId: 'user-official-civil',
    plan: [
      { stage: 'preparation', plannedStart: '2026-02-02', plannedEnd: '2026-04-30' },
      { stage: 'construction', plannedStart: '2026-05-01', plannedEnd: '2026-12-31' },
      { stage: 'acceptance', plannedStart: '2027-01-01', plannedEnd: '2027-02-28' },
    ],
    lagOn: (day) => growing(day, '2026-07-01', 2, 1.3),
    note: (lag) =>
      lag >= 5 ? '6个站点中2个选址调整，装修进度稍慢，助餐服务已在4个站点试运行。' : '站点改造按计划推进。',
    group: [deputy(3), deputy(7), deputy(11)],
  },
];

/** A supervision group's finding on the road, its answer and the group's acceptance. */
export const roadFinding = {
  filedOn: '2026-07-08',
  byUserId: deputy(2),
  text: '实地察看：X012线石桥村段仍未开工，旧路面坑槽积水，雨天群众只能绕行。请说明征地补偿进展和开工时间。',
  respondedOn: '2026-07-21',
  response: '已由包抓领导牵头召开协调会三次，补偿标准已报县政府常务会研究；坑槽已先行应急修补。',
  acceptedOn: '2026-07-27',
  acceptNote: '应急修补已到现场核实，继续跟踪征地进展。',
};

/** The road's weekly report that lapsed and escalated to the responsible vice head before it came in. */
export const roadLapsedReportOn = '2026-06-22';

/** Comments on the published candidate list (docs/domain.md, "Candidate publicity"), with the office's answers. */
export const publicityComments = [
  {
    candidate: 'road',
    on: '2025-12-17',
    author: '山阳乡村民 孙某',
    body: '建议X012线改造同时加装路灯和错车道，晚上通行太危险。',
    adopted: true,
    response: '采纳：已请交通运输局在施工设计中增设错车道6处和村口路段照明。',
  },
  {
    candidate: 'parking',
    on: '2025-12-18',
    author: '城关镇居民',
    body: '停车场选址离老城区太远，建议改在农贸市场附近。',
    adopted: false,
    response: '农贸市场周边无可用建设用地，选址已比较三处方案，维持原方案。',
  },
  {
    candidate: 'school',
    on: '2025-12-19',
    author: '学生家长 周女士',
    body: '加固施工请安排在暑假，避免影响上课。',
    adopted: true,
    response: '采纳：主体加固安排在7—8月暑期施工。',
  },
];

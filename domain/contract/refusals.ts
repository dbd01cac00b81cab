import type { BatchPhase, Role } from './vocabulary';

/**
 * Every refusal the API gives, by a stable code: the body carries `code` and `params` beside `message`,
 * so a client shows its own language (the console translates the code; admin-ui/src/i18n/refusals.*) and
 * the API writes `message` in the language `Accept-Language` prefers (api/errors.ts). Placeholders are
 * `%{name}`, polyglot's syntax, so the console uses these phrases as they are.
 *
 * English phrases are the messages the API gave before codes existed: clients and tests that read them
 * keep working.
 */
export const refusalPhrases = {
  // Anything that names no code of its own (a refusal written before this catalogue): the sentence as sent.
  refused: { en: '%{reason}', zh: '%{reason}' },
  notFound: { en: '%{subject} "%{id}" was not found', zh: '未找到%{subject}“%{id}”' },
  routeNotFound: { en: '%{method} %{path} was not found', zh: '没有这个接口：%{method} %{path}' },
  calendarEntryNotFound: { en: 'a %{scope} entry for %{day} was not found', zh: '%{day} 没有这条日历记录' },
  itemClosed: { en: 'this item is closed and takes no more decisions', zh: '此事项已办结，不再接受操作' },

  // Requests a client got wrong
  invalidInput: { en: 'invalid request — %{detail}', zh: '提交的内容不符合要求：%{detail}' },
  invalidJson: { en: 'the request body is not valid JSON', zh: '请求内容不是有效的 JSON' },
  bodyTooLarge: { en: 'the request body is larger than the limit%{limit}', zh: '提交的内容超过了大小上限%{limit}' },
  notJson: {
    en: 'send the request body as JSON with Content-Type: application/json (got %{sent})',
    zh: '请以 JSON 格式提交（Content-Type: application/json），收到的是 %{sent}',
  },
  malformedAddress: {
    en: 'the %{where} has a malformed percent-encoding ("%{raw}"): encode "%" as %25',
    zh: '地址或查询参数中的百分号编码有误（“%{raw}”）：“%”应写作 %25',
  },
  unsafeText: { en: 'the %{where} %{reason}', zh: '地址或查询参数含有无法保存的字符（%{reason}）' },

  // Our side
  internal: {
    en: 'something went wrong on our side; the request was not applied',
    zh: '系统内部出错，本次操作没有生效',
  },
  engineSlow: {
    en: 'the workflow engine did not confirm this decision in time; please send it again in %{seconds} seconds — a repeat is recognised and applied only once',
    zh: '流程引擎没有及时确认这项决定，请在 %{seconds} 秒后再提交一次（重复提交只会生效一次）',
  },
  serviceDown: {
    en: 'the service is briefly unavailable (the database or the workflow engine is not answering); nothing was changed — please try again in %{seconds} seconds',
    zh: '服务暂时不可用（数据库或流程引擎没有响应），没有做任何改动，请在 %{seconds} 秒后重试',
  },

  // Signing in
  wrongPassword: { en: 'the username or password is wrong', zh: '用户名或密码错误' },
  accountDisabled: { en: 'this account is disabled: ask the office', zh: '此账号已停用，请联系人大常委会办公室' },
  accountGone: {
    en: 'this account is disabled or no longer exists: ask the office',
    zh: '此账号已停用或已不存在，请联系人大常委会办公室',
  },
  signInAgain: {
    en: 'please sign in again: your session is missing, has expired or was signed out',
    zh: '请重新登录：登录已过期或已退出',
  },
  signIn: { en: 'please sign in', zh: '请先登录' },
  accountLocked: {
    en: 'this account is locked after %{failures} failed sign-ins; try again in %{minutes} minutes or ask the office to check it',
    zh: '连续 %{failures} 次登录失败，此账号已锁定；请 %{minutes} 分钟后再试，或请办公室核查',
  },
  passwordChangeRequired: {
    en: 'change your one-time password before doing anything else',
    zh: '请先修改一次性密码',
  },
  currentPasswordWrong: { en: 'the current password is wrong', zh: '当前密码不正确' },
  passwordTooShort: {
    en: 'the password must have at least %{min} characters',
    zh: '密码至少需要 %{min} 个字符',
  },
  passwordIsUsername: { en: 'the password must not be the username', zh: '密码不能与用户名相同' },
  passwordCommon: {
    en: 'this password is on a list of common passwords: choose another',
    zh: '这个密码过于常见，请换一个',
  },
  passwordRepeats: { en: 'the password must not repeat one character', zh: '密码不能由同一个字符重复组成' },
  rolesRequired: { en: 'only a %{roles} may do this', zh: '只有%{roles}可以执行此操作' },

  // Batches
  batchWrongPhase: {
    en: '%{action} is only possible during %{allowed}; "%{title}" is in %{phase}',
    zh: '%{action}只能在%{allowed}阶段进行；“%{title}”目前处于%{phase}阶段',
  },
  batchYearExists: {
    en: 'a batch for %{year} already exists ("%{title}"); open it instead of creating another',
    zh: '%{year} 年度的批次已经存在（“%{title}”），请直接打开它，不能重复创建',
  },
  collectionClosed: {
    en: 'collectionClosesOn: the closing day has already passed',
    zh: '征集截止日期已经过去，请选择今天以后的日期',
  },
  batchOutOfPhase: { en: '%{reason}', zh: '批次当前所处阶段不允许此操作（%{reason}）' },
  batchForbidden: { en: '%{reason}', zh: '只有人大常委会办公室可以执行此操作' },
  batchInvalid: { en: '%{reason}', zh: '批次操作未通过校验（%{reason}）' },

  candidatesNotPublic: {
    en: 'the candidate list of "%{title}" is not public yet; it is published at %{phase}',
    zh: '“%{title}”的候选项目尚未公示，将在%{phase}阶段公布',
  },
  noProjectsYet: {
    en: '"%{title}" has no projects yet; they are reported from %{phase}',
    zh: '“%{title}”还没有项目，项目从%{phase}阶段起公布',
  },
  voteNotClosed: {
    en: 'the vote on "%{title}" has not closed yet; its result is published when it does',
    zh: '“%{title}”的票决尚未结束，结束后公布结果',
  },
  notPublishedCandidate: {
    en: 'candidateId: "%{id}" is not on this batch\'s published candidate list',
    zh: '所选项目不在本批次已公示的候选项目名单中',
  },

  // Workflows' decisions (validators of the batch, project and task workflows)
  // `office` is the batch's level: a township's presidium or a street's working committee runs its own batch.
  deedForbidden: { en: 'only %{office} may %{deed}', zh: '只有%{office}可以%{deed}' },
  deedNotNow: {
    en: 'you cannot %{deed} now: the batch is in %{batchPhase}',
    zh: '现在不能%{deed}：批次处于%{batchPhase}阶段',
  },
  screeningConcluding: { en: 'screening is already being concluded', zh: '筛选论证正在结束中' },
  voteCannotOpen: { en: 'the vote cannot open: %{problems}', zh: '票决不能开始：%{problems}' },
  entitledTooFew: { en: 'deputiesEntitled must be at least 1', zh: '应到代表人数至少为 1' },
  presentNotWhole: { en: 'deputiesPresent must be a whole number', zh: '实到代表人数须为整数' },
  presentOverEntitled: {
    en: '%{present} deputies are recorded present but only %{entitled} are entitled to sit',
    zh: '登记出席 %{present} 人，但应到代表只有 %{entitled} 人',
  },
  noQuorum: {
    en: 'no quorum: %{present} of %{entitled} deputies are present; at least %{needed} (two thirds) must be',
    zh: '不足法定人数：应到代表 %{entitled} 人，实到 %{present} 人，至少须有 %{needed} 人（三分之二）出席',
  },
  scrutineerCount: { en: 'name exactly %{count} scrutineers (监票人)', zh: '请确定 %{count} 名监票人' },
  tellerCount: { en: 'name exactly %{count} tellers (计票人)', zh: '请确定 %{count} 名计票人' },
  runOffSeats: { en: 'the run-off fills %{seats} seat(s)', zh: '同票决胜只产生 %{seats} 个名额' },
  noSeats: { en: 'there must be at least one seat', zh: '至少要有一个名额' },
  tooFewCandidates: {
    en: '%{seats} seats need at least %{needed} candidates (%{percent}% more); there are %{candidates}',
    zh: '%{seats} 个名额至少需要 %{needed} 个候选项目（比名额多 %{percent}%），目前只有 %{candidates} 个',
  },
  noVoteOpen: { en: 'no vote session is open', zh: '目前没有进行中的票决' },
  voteClosing: { en: 'the vote is already being closed', zh: '票决正在结束中' },
  voteAlreadyOpen: { en: 'a vote session is already open', zh: '已有一场票决正在进行' },
  noRunOff: { en: 'the vote has been held; there is no tie to run off', zh: '票决已经举行，没有需要再次投票的平票' },
  ratingAlreadyOpened: { en: 'the rating session has already been opened', zh: '满意度测评已经开始' },
  ratingNotYet: {
    en: 'projects of %{year} are rated at the %{nextYear} congress, from %{from}',
    zh: '%{year} 年度的项目在 %{nextYear} 年人代会上测评，自 %{from} 起',
  },
  noRatingOpen: { en: 'no rating session is open', zh: '目前没有进行中的满意度测评' },
  roleOnlyDeed: { en: 'only a %{role} may %{deed}', zh: '只有%{role}可以%{deed}' },
  groupMembersOnly: {
    en: 'only members of this project’s supervision group may %{deed}',
    zh: '只有该项目监督小组的成员可以%{deed}',
  },
  projectClosedFor: {
    en: 'this project is closed and does not %{deed} any more',
    zh: '该项目已办结，不能再%{deed}',
  },
  alreadyInGroup: { en: 'you are already in this supervision group', zh: '您已经是该监督小组的成员' },
  memberAlreadyInGroup: { en: '%{name} is already in this supervision group', zh: '%{name}已经是该监督小组的成员' },
  notGroupEligible: {
    en: "%{name} is not a deputy or residents' representative of this jurisdiction",
    zh: '%{name}不是本行政区的人大代表或居民代表，不能进入监督小组',
  },
  groupFull: {
    en: 'the supervision group is full: it has %{count} of at most %{max} members',
    zh: '监督小组已满：已有 %{count} 人，最多 %{max} 人',
  },
  findingAlreadyFiled: { en: 'this finding has already been filed', zh: '这条督查发现已经提交过' },
  findingTextMissing: { en: 'describe what the group found', zh: '请写明监督小组发现的问题' },
  noSuchFinding: { en: 'there is no finding "%{id}" on this project', zh: '该项目没有这条督查发现（%{id}）' },
  findingAccepted: { en: 'the finding is already accepted', zh: '这条督查发现的答复已被认可' },
  findingAwaitingResponse: {
    en: 'the finding is still waiting for the department’s response',
    zh: '这条督查发现还在等待责任单位答复',
  },
  rejectionReasonMissing: { en: 'say why the response is not accepted', zh: '请说明不认可答复的理由' },
  stagePlanForbidden: {
    en: 'only the responsible department or the office may plan the stages',
    zh: '只有责任单位或人大常委会办公室可以制定阶段计划',
  },
  stagesHistory: {
    en: 'the project has been accepted; its stages are history',
    zh: '项目已竣工验收，阶段计划不能再改',
  },
  projectStarting: {
    en: 'the project is still starting; plan its stages again in a moment',
    zh: '项目正在启动，请稍后再制定阶段计划',
  },
  stagePlanInvalid: { en: 'the stage plan is not valid — %{detail}', zh: '阶段计划有误：%{detail}' },
  acceptanceAfterDeadline: {
    en: 'acceptance must end by the deadline %{deadline}, not %{end}',
    zh: '竣工验收须在完成时限 %{deadline} 前结束，不能晚至 %{end}',
  },
  projectAlreadyAccepted: { en: 'the project has already been accepted', zh: '该项目已经竣工验收' },
  acceptFirst: { en: 'accept the project’s completion first', zh: '请先完成竣工验收' },
  alreadyInUse: { en: 'the project is already in use', zh: '该项目已经投入使用' },
  acceptanceIsGovernments: {
    en: 'completion acceptance and the day of entering use are the government’s: once the department reports the project complete, the responsible leader arranges the acceptance and records it, with the day it goes into use, as a task; the office sees both on the project page',
    zh: '竣工验收和投入使用由政府组织：责任单位报告完工后，由包抓领导安排竣工验收并登记验收结果和投入使用日期，人大常委会办公室在项目页面查看',
  },
  inUseDayInvalid: {
    en: 'inUseOn must be a YYYY-MM-DD day on or after the acceptance',
    zh: '投入使用日期须为竣工验收当天或之后的日期',
  },
  reRatingOpen: { en: 'the re-rating is already open', zh: '再测评已经开始' },
  rectificationPending: {
    en: 'the re-rating follows the rectification report, which has not been handed in',
    zh: '再测评须在提交整改报告之后进行，整改报告尚未提交',
  },
  reRatingNotDue: {
    en: 'only a project rated 不满意 and rectified is re-rated',
    zh: '只有测评为“不满意”并已整改的项目才进行再测评',
  },
  noReRating: { en: 'no re-rating is open', zh: '目前没有进行中的再测评' },
  // A committee's decision on a project (docs/domain.md, "Changes and termination")
  projectChangeClosed: {
    en: 'the project is closed; a closed project is neither changed nor terminated',
    zh: '该项目已办结（或已终止），不能再调整或终止',
  },
  projectChangeTooEarly: {
    en: 'the project is still starting; record the decision again in a moment',
    zh: '项目正在启动，请稍后再登记该决定',
  },
  changeReasonMissing: {
    en: 'give the committee’s reason for the decision',
    zh: '请写明常委会（主席团）作出该决定的理由',
  },
  meetingDayInvalid: {
    en: 'meetingOn (%{day}) must be the day the committee met, not a day still to come',
    zh: '会议日期（%{day}）须为已经召开会议的日期，不能是将来的日期',
  },
  changeAfterAcceptance: {
    en: 'the project has been accepted as complete; only a project still being built has its deadline or scope changed',
    zh: '该项目已竣工验收，只有尚在实施的项目才能调整完成时限或建设内容',
  },
  newDeadlineMissing: { en: 'give the new deadline (newDeadline)', zh: '请填写调整后的完成时限' },
  newDeadlineInPast: {
    en: 'the new deadline %{day} has already passed; give a day from today on',
    zh: '调整后的完成时限 %{day} 已经过去，请填写今天或以后的日期',
  },
  deadlineUnchanged: {
    en: 'the project’s deadline is already %{day}',
    zh: '该项目的完成时限已经是 %{day}',
  },
  newScopeMissing: {
    en: 'describe what the project is to deliver now (scope)',
    zh: '请写明调整后的建设内容',
  },

  // Projects and funds
  projectNotComplete: {
    en: 'the project is reported at %{percent}%; it can be accepted once it is reported complete',
    zh: '该项目目前报告进度为 %{percent}%，报告完工（100%）后才能竣工验收',
  },
  projectOutOfPhase: { en: '%{reason}', zh: '项目当前所处阶段不允许此操作（%{reason}）' },
  projectForbidden: { en: '%{reason}', zh: '您无权对该项目执行此操作（%{reason}）' },
  projectInvalid: { en: '%{reason}', zh: '项目操作未通过校验（%{reason}）' },
  noFundPool: {
    en: 'the batch has no fund pool yet: set its total before allocating',
    zh: '该批次尚未设立资金池：请先设定资金总额，再分配资金',
  },
  disburseForbidden: {
    en: 'only the coordinator or an official of %{department} may disburse for this project',
    zh: '只有人大常委会办公室或%{department}的工作人员可以为该项目拨付资金',
  },
  notFrozen: {
    en: 'disbursement is not frozen; there is no anomaly to clear',
    zh: '拨付没有被冻结，没有需要解除的异常',
  },
  fundsProblem: { en: '%{reason}', zh: '资金操作未通过校验（%{reason}）' },
  fundsKeyUsed: {
    en: 'the key "%{key}" was already used to pay another request; send a new key',
    zh: '编号“%{key}”已用于支付另一笔申请，请换一个新编号',
  },
  fundsRequestPaid: {
    en: 'the request "%{request}" has already been paid (%{payment}); nothing was paid twice',
    zh: '这笔拨付申请已经支付过，没有重复支付',
  },
  notFrozenForAudit: {
    en: 'disbursement is not frozen; there is no anomaly to audit',
    zh: '拨付没有被冻结，没有需要审计的异常',
  },
  financeOnlyAllocates: {
    en: 'only the finance office of the pool’s own jurisdiction allocates from it',
    zh: '只有资金池所属辖区的财政部门可以从中分配资金',
  },
  financeOnlySetsPool: {
    en: 'only the finance office of the batch’s own jurisdiction sets its pool',
    zh: '只有本批次所属辖区的财政部门可以设定其资金池',
  },
  departmentOnlyRequestsPayment: {
    en: 'only an official of %{department} may request a payment for this project',
    zh: '只有%{department}的工作人员可以为该项目申请拨付',
  },
  flagAnomalyForbidden: {
    en: 'only a member of this project’s supervision group, or the office, may flag an anomaly',
    zh: '只有该项目监督小组成员或人大常委会办公室可以标记资金异常',
  },
  departmentOnlyReportsProgress: {
    en: 'only an official of %{department} reports this project’s progress',
    zh: '只有%{department}的工作人员可以报告该项目进度',
  },
  progressAfterAcceptance: {
    en: 'the project has been accepted; its progress is no longer reported',
    zh: '该项目已竣工验收，不再报告进度',
  },
  instructionForbidden: {
    en: 'only the project’s responsible leader or the office may write an instruction on it',
    zh: '只有该项目的包抓领导或人大常委会办公室可以作出批示',
  },
  instructionOnClosedProject: {
    en: 'the project is closed; it takes no more instructions',
    zh: '该项目已办结，不再接受批示',
  },
  noSuchDocuments: { en: 'documentIds: no uploaded document %{ids}', zh: '找不到这些已上传的文件：%{ids}' },

  // Tasks
  taskAlreadyDone: {
    en: 'this task has already been completed; nothing was changed',
    zh: '该任务已经办结，本次没有做任何改动',
  },
  taskNotYours: {
    en: 'this task is assigned to %{assigneeKind} %{assignee}, not to you',
    zh: '该任务不是交给您办理的',
  },
  taskDueInPast: {
    en: 'due.at: %{at} has already passed; give a due time in the future',
    zh: '办理期限 %{at} 已经过去，请填写将来的时间',
  },
  taskCompleted: { en: '%{reason}', zh: '该任务已经办结（%{reason}）' },
  taskForbidden: { en: '%{reason}', zh: '该任务不是交给您办理的（%{reason}）' },
  taskInvalidResult: { en: '%{reason}', zh: '办理结果不完整或有误（%{reason}）' },

  // Accounts and the office
  lastCoordinator: {
    en: '%{name} is the last active office account (coordinator) of this jurisdiction: create or enable another one first',
    zh: '%{name}是本辖区最后一个启用的办公室账号：请先新建或启用另一个办公室账号',
  },
  disableSelf: {
    en: 'you cannot disable your own account: ask another office account holder',
    zh: '不能停用自己的账号，请由另一位办公室账号持有人操作',
  },
  accountDisabledEnableFirst: {
    en: "%{name}'s account is disabled: enable it first",
    zh: '%{name}的账号已停用，请先启用',
  },
  usernameTaken: {
    en: 'the username "%{username}" is taken: choose another',
    zh: '用户名“%{username}”已被占用，请换一个',
  },
  departmentOfOtherJurisdiction: {
    en: 'choose a department of the same jurisdiction as the person',
    zh: '请选择与此人同一行政区的责任单位',
  },
  leaderMustBeOfficial: {
    en: 'only an official can be a responsible vice head (包抓领导)',
    zh: '只有政府部门/责任单位的账号可以担任包抓领导',
  },
  jurisdictionNotOwn: {
    en: 'choose your own jurisdiction or one of its townships',
    zh: '请选择本行政区或其下属乡镇',
  },
  departmentLeaderNotOfficial: {
    en: 'choose an active official of this jurisdiction as the responsible leader',
    zh: '请选择本行政区一名启用中的政府部门/责任单位账号作为负责领导',
  },
  departmentNameTaken: { en: 'a department named "%{name}" already exists', zh: '已有名为“%{name}”的责任单位' },
  jurisdictionCodeTaken: { en: 'the code "%{code}" is taken: choose another', zh: '代码“%{code}”已被占用，请换一个' },
  samePassword: {
    en: 'choose a password different from the current one',
    zh: '新密码不能与当前密码相同',
  },
  rosterUnreadable: { en: '%{reason}', zh: '无法读取名册文件（%{reason}）' },
  countyOnly: {
    en: 'only a county office creates townships and streets',
    zh: '只有县级人大常委会办公室可以创建乡镇和街道',
  },
  formKeyReused: {
    en: 'this form key was already used for a different %{subject}; reload the form and submit again',
    zh: '这份表单已经提交过不同的内容，请刷新页面后重新提交',
  },

  // Voting
  alreadyVoted: {
    en: 'you have already voted in this session; a ballot cannot be cast twice or changed',
    zh: '您已在本次会议中投过票，选票不能重复投或更改',
  },
  alreadyRated: {
    en: 'you have already rated in this session; ratings cannot be given twice or changed',
    zh: '您已在本次测评中提交过，测评不能重复提交或更改',
  },
  sessionClosed: { en: 'this %{subject} is closed; nothing was recorded', zh: '该%{subject}已结束，本次没有记录' },
  deputiesOnly: { en: 'only deputies take part in a %{subject}', zh: '只有人大代表参加%{subject}' },
  committeeOnly: {
    en: 'only standing committee members take part in a committee re-rating',
    zh: '只有人大常委会组成人员参加常委会再测评',
  },
  notPresent: {
    en: 'you are not recorded as present at this sitting; sign in with the office before voting. Nothing was recorded',
    zh: '您没有登记出席本次会议，请先到办公室签到再投票；本次没有记录',
  },
  notDeputies: {
    en: 'not deputies of this jurisdiction: %{ids}; nothing was recorded',
    zh: '以下人员不是本行政区的人大代表：%{ids}；本次没有记录',
  },
  voteClosingNoBallots: {
    en: 'the vote is being closed; no more ballots are taken, nothing was recorded',
    zh: '票决正在结束，不再接受投票；本次没有记录',
  },
  voteOnPaper: {
    en: "this session is counted from the tellers' paper or voting-device totals; vote in the hall",
    zh: '本场票决以纸质选票或表决器计票，请在会场投票',
  },
  voteSessionClosed: { en: 'this vote session is closed; nothing was recorded', zh: '本场票决已结束，本次没有记录' },
  totalsConfirmedFinal: {
    en: "the tellers' totals have been confirmed and can no longer change",
    zh: '计票结果已确认，不能再修改',
  },
  votedElectronically: {
    en: 'deputies have voted electronically in this session; it cannot also be counted on paper',
    zh: '本场已有代表通过系统投票，不能再以纸质选票计票',
  },
  totalsProblem: { en: 'the totals were not recorded: %{reason}', zh: '计票结果没有录入（%{reason}）' },
  noTotalsYet: {
    en: "no tellers' totals have been entered for this session yet",
    zh: '本场票决还没有录入计票结果',
  },
  totalsAlreadyConfirmed: { en: "the tellers' totals have already been confirmed", zh: '计票结果已经确认过' },
  totalsSecondPerson: {
    en: "the tellers' totals must be confirmed by a different person from the one who entered them",
    zh: '计票结果须由录入人以外的另一人确认',
  },
  totalsDiffer: {
    en: "the totals you read differ from those entered; check the tellers' sheet with the person who entered them, nothing was confirmed",
    zh: '您核对的数字与录入的不一致，请与录入人一起核对计票单；本次没有确认',
  },
  voteCannotClose: { en: 'the vote cannot close: %{reason}', zh: '票决不能结束（%{reason}）' },
  voteNotClosedIncomplete: { en: 'the vote was not closed: %{reason}', zh: '票决没有结束（%{reason}）' },
  congressClosingDay: {
    en: 'the congress closes on or after the rating opened (%{openedOn}) and by %{latest}, not %{day}',
    zh: '大会闭幕日应在测评开始之日（%{openedOn}）或之后、%{latest} 或之前，不能是 %{day}',
  },
  ratingSheetsOpened: {
    en: 'the rating sheets have been opened for the count; nothing was recorded',
    zh: '测评票已开启计票，本次没有记录',
  },
  notRated: { en: 'not rated: %{reason}', zh: '测评没有提交（%{reason}）' },
  ballotNotCast: { en: 'the ballot was not cast: %{reason}', zh: '选票没有投出（%{reason}）' },
  secretBodyCompressed: {
    en: 'send a ballot or rating sheet uncompressed (got Content-Encoding: %{encoding}): compressed, its size would tell the choices',
    zh: '选票或测评表请不要压缩提交（收到 Content-Encoding: %{encoding}）：压缩后的大小会泄露选择',
  },
  secretBodyNotCanonical: {
    en: 'send a ballot or rating sheet exactly as {"ballot":"…"} or {"sheet":"…"}, without spaces or escapes and with a Content-Length (%{expected} bytes for this one, got %{got}), so every request of a session is the same size',
    zh: '选票或测评表须按 {"ballot":"…"} 或 {"sheet":"…"} 原样提交，不加空格或转义，并带 Content-Length（本张应为 %{expected} 字节，收到 %{got}），使同一场次的每份提交大小相同',
  },
  candidateWithdrawn: {
    en: 'candidate "%{title}" was withdrawn in screening and cannot be amended',
    zh: '候选项目“%{title}”已在筛选论证中撤回，不能修改',
  },
  mergeIntoItself: { en: 'intoId: a suggestion cannot be merged into itself', zh: '建议不能合并到它自己' },
  mergeAcrossBatches: {
    en: 'intoId: only suggestions of the same batch can be merged',
    zh: '只能合并同一批次的建议',
  },
  alreadyMerged: { en: '"%{title}" was already merged into %{into}', zh: '“%{title}”已经合并到 %{into}' },
  mergedTarget: {
    en: '"%{title}" was itself merged into %{into}; merge into that one',
    zh: '“%{title}”本身已合并到 %{into}，请合并到那一条',
  },
  mergeCandidate: {
    en: '"%{title}" is a candidate; review it to another outcome before merging it away',
    zh: '“%{title}”已列为候选项目，请先改变审查结论再合并',
  },
  mergedScore: {
    en: 'this suggestion was merged into %{into}; score that one',
    zh: '这条建议已合并到 %{into}，请为那一条评分',
  },
  mergedReview: {
    en: 'this suggestion was merged into %{into}; review that one',
    zh: '这条建议已合并到 %{into}，请审查那一条',
  },
  notScoredYet: {
    en: 'no one of the screening group has scored this suggestion yet; score it first',
    zh: '评审组还没有人为这条建议评分，请先评分',
  },
  reviewersMayNotPropose: {
    en: 'the screening group scores suggestions and may not propose them',
    zh: '评审组负责评分，不能提出建议',
  },
  deputyChannelOnly: {
    en: 'only a deputy may propose on the deputy channel',
    zh: '只有人大代表可以通过代表渠道提出建议',
  },
  departmentChannelOnly: {
    en: 'only an official of a department may propose for it',
    zh: '只有责任单位的工作人员可以代表本单位提出建议',
  },
  onBehalfOfPublic: {
    en: 'only a coordinator may enter a suggestion on behalf of a member of the public',
    zh: '只有人大常委会办公室可以代群众录入建议',
  },
  proposerContactMissing: {
    en: 'proposer.contact: give the proposer’s phone or e-mail, so they can be told the outcome',
    zh: '请填写建议人的电话或电子邮箱，以便反馈办理结果',
  },
  onlineViaPublicForm: {
    en: 'channel: online suggestions come through the public form',
    zh: '网上建议请通过公开网页提交',
  },
  noDepartmentHere: {
    en: '%{field}: there is no department "%{id}" in this jurisdiction',
    zh: '本行政区没有这个责任单位（%{id}）',
  },
  noUserHere: { en: '%{field}: there is no user "%{id}" in this jurisdiction', zh: '本行政区没有这个用户（%{id}）' },
  countyOnlyNational: {
    en: 'only a county office enters the national schedule; a township enters its own closures',
    zh: '只有县级办公室可以录入全国节假日安排；乡镇只录入本地的停工日',
  },
  voteAlreadyOpened: {
    en: "this vote was already opened by an earlier request; its scrutineers' key shares were shown then and cannot be shown again",
    zh: '本场票决已经开启过，监票人的密钥分片已在当时显示，不能再次显示',
  },
  ratingAlreadyOpenedBox: {
    en: "this rating was already opened by an earlier request; its scrutineers' key shares were shown then and cannot be shown again",
    zh: '本次测评已经开启过，监票人的密钥分片已在当时显示，不能再次显示',
  },
  ballotsReceiptsDiffer: {
    en: 'the ballot box holds %{sealed} ballots but %{receipts} deputies hold receipts; the box stays sealed for the scrutineers to examine',
    zh: '票箱中有 %{sealed} 张选票，但有 %{receipts} 位代表持有回执；票箱保持密封，交监票人核查',
  },
  ballotDoesNotOpen: {
    en: 'a sealed ballot in this box does not open with its key; the box stays sealed for the scrutineers to examine',
    zh: '票箱中有一张密封选票无法用密钥打开；票箱保持密封，交监票人核查',
  },
  sheetsReceiptsDiffer: {
    en: 'the sealed box holds %{sealed} rating sheets but %{receipts} people hold receipts; it stays sealed for the scrutineers to examine',
    zh: '票箱中有 %{sealed} 张测评票，但有 %{receipts} 人持有回执；票箱保持密封，交监票人核查',
  },
  sheetDoesNotOpen: {
    en: 'a sealed rating sheet does not open with its key; the box stays sealed for the scrutineers to examine',
    zh: '票箱中有一张密封测评票无法用密钥打开；票箱保持密封，交监票人核查',
  },
  tooFewScrutineers: {
    en: 'scrutineers: a secret ballot needs at least two scrutineers to hold the key to its box',
    zh: '无记名投票至少需要两名监票人保管票箱密钥',
  },
  tooManyScrutineers: {
    en: 'scrutineers: at most 255 scrutineers can hold shares of the key',
    zh: '最多 255 名监票人可以保管密钥分片',
  },
  shareMalformed: {
    en: 'shares.%{index}: a key share is 66 hexadecimal characters as printed when the vote opened',
    zh: '密钥分片应为开启票决时打印的 66 位十六进制字符',
  },
  tooFewShares: {
    en: "shares: opening the ballot box needs %{threshold} different scrutineers' key shares; %{given} were given",
    zh: '开启票箱需要 %{threshold} 名不同监票人的密钥分片，目前只提供了 %{given} 份',
  },
  sharesWrong: {
    en: "shares: these key shares do not open this session's ballot box; check each scrutineer's share for this session and enter it again",
    zh: '这些密钥分片打不开本场的票箱，请核对每位监票人本场的分片后重新输入',
  },
  photoTypeMismatch: {
    en: 'the upload is not the %{type} image its Content-Type says',
    zh: '上传的文件与声明的图片格式（%{type}）不符',
  },
  photoUnreadable: {
    en: 'the upload is not a readable %{type} image: it is damaged or not an image',
    zh: '上传的文件无法作为 %{type} 图片读取：文件已损坏或不是图片',
  },
  photoTypes: { en: 'upload the photo as %{types}', zh: '请上传以下格式的照片：%{types}' },
  uploadEmpty: { en: 'the upload is empty', zh: '上传的文件是空的' },
  noSuchPhotos: { en: 'photoIds: no uploaded photo %{ids}', zh: '找不到这些已上传的照片：%{ids}' },
  assigneeProblem: { en: 'assignee: %{reason}', zh: '承办对象有误（%{reason}）' },
  rosterType: {
    en: 'upload the roster as CSV or XLSX (Content-Type %{types})',
    zh: '请以 CSV 或 XLSX 文件上传名册（Content-Type：%{types}）',
  },
  screeningUnreviewed: {
    en: 'screening cannot end: %{count} suggestion(s) have no review outcome yet (%{names})',
    zh: '筛选论证还不能结束：还有 %{count} 条建议没有审查结论（%{names}）',
  },
  screeningNoCandidates: {
    en: 'screening cannot end without at least one candidate project',
    zh: '至少要有一个候选项目，筛选论证才能结束',
  },
  boxStillSealed: {
    en: 'the ballot box is still sealed: the scrutineers must open it with their key shares before the count',
    zh: '票箱仍然密封：计票前须由监票人用密钥分片开启',
  },
  sheetsStillSealed: {
    en: 'the rating sheets are still sealed: the scrutineers must open them with their key shares before the count',
    zh: '测评票仍然密封：计票前须由监票人用密钥分片开启',
  },
  projectNotRated: {
    en: 'no deputy has rated project %{project} yet; the session stays open',
    zh: '还没有代表对项目 %{project} 进行测评，测评继续进行',
  },
  totalsUnconfirmed: {
    en: "the vote cannot close: the tellers' totals have been entered but not yet confirmed by a second person",
    zh: '票决不能结束：计票结果已录入，但还没有由第二人确认',
  },
  ballotsAndTotals: {
    en: 'the vote cannot close: it has both electronic ballots and tellers’ totals',
    zh: '票决不能结束：本场既有系统投票又有纸质计票结果',
  },
  boxOpened: {
    en: 'the ballot box has been opened for the count; nothing was recorded',
    zh: '票箱已开启计票，本次没有记录',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type RefusalCode = keyof typeof refusalPhrases;
export type RefusalLanguage = 'en' | 'zh';
/**
 * A list of refusals is a param too: a decision refused for several reasons at once (a vote that cannot open)
 * names each in the reader's language.
 */
export type RefusalParams = Record<string, string | number | readonly string[] | readonly Refusal[]>;

/** What a refusal carries on the wire besides its `message`. */
export interface Refusal {
  code: RefusalCode;
  params: RefusalParams;
}

/** What a not-found refusal names, in each language. */
export const refusalSubjects = {
  batch: { en: 'batch', zh: '批次' },
  project: { en: 'project', zh: '项目' },
  finding: { en: 'finding', zh: '督查发现' },
  photo: { en: 'photo', zh: '照片' },
  bulletin: { en: 'bulletin', zh: '通报' },
  user: { en: 'user', zh: '用户' },
  department: { en: 'department', zh: '责任单位' },
  jurisdiction: { en: 'jurisdiction', zh: '行政区' },
  task: { en: 'task', zh: '任务' },
  voteSession: { en: 'vote session', zh: '票决会议' },
  ratingSession: { en: 'rating session', zh: '满意度测评' },
  tellerTotals: { en: "tellers' totals of vote session", zh: '计票结果（票决会议）' },
  candidate: { en: 'candidate', zh: '候选项目' },
  suggestion: { en: 'suggestion', zh: '建议' },
  comment: { en: 'comment', zh: '意见' },
  notice: { en: 'notice', zh: '消息' },
  auditEvent: { en: 'audit event', zh: '审计记录' },
} as const;
export type RefusalSubject = keyof typeof refusalSubjects;

/** The batch-record actions a phase check names (api/batches/batchPhase.ts). */
export const refusalActions = {
  amendCandidate: { en: 'amending a candidate', zh: '修改候选项目' },
  answerComment: { en: 'answering a comment', zh: '答复公示意见' },
  commentOnCandidates: { en: 'commenting on the candidate list', zh: '对候选项目提出意见' },
  importReserve: { en: 'importing from the reserve library', zh: '从项目储备库导入' },
  markSpam: { en: 'marking spam', zh: '标记无效建议' },
  mergeSuggestions: { en: 'merging suggestions', zh: '合并建议' },
  recordAttendance: { en: 'recording attendance', zh: '登记出席' },
  scoreSuggestion: { en: 'scoring a suggestion', zh: '评分' },
  submitSuggestion: { en: 'submitting a suggestion', zh: '提交建议' },
  jointReview: { en: 'the joint review', zh: '联合审查' },
} as const;
export type RefusalAction = keyof typeof refusalActions;

/** What a workflow's decision would have done, as its refusal names it. */
export const refusalDeeds = {
  closeCollection: { en: 'close collection', zh: '结束征集' },
  concludeScreening: { en: 'conclude screening', zh: '完成筛选论证' },
  closeVote: { en: 'close the vote', zh: '结束票决' },
  openVote: { en: 'open a vote', zh: '开始票决' },
  openRating: { en: 'open the rating', zh: '开始满意度测评' },
  closeRating: { en: 'close the rating', zh: '结束满意度测评' },
  joinGroup: { en: 'join a supervision group', zh: '加入监督小组' },
  takeMembers: { en: 'join its supervision group', zh: '接受新的监督小组成员' },
  appointMember: { en: 'appoint a supervision group member', zh: '任命监督小组成员' },
  takeAppointedMembers: { en: 'take new supervision group members', zh: '再任命监督小组成员' },
  fileFinding: { en: 'file a finding', zh: '提交督查发现' },
  takeFindings: { en: 'take findings', zh: '接受督查发现' },
  reviewResponse: { en: 'review a response', zh: '审核答复' },
  acceptProject: { en: 'accept a completed project', zh: '对完工项目进行竣工验收' },
  recordInUse: { en: 'record that a project is in use', zh: '登记项目投入使用' },
  openReRating: { en: 'open a re-rating', zh: '开始再测评' },
  closeReRating: { en: 'close a re-rating', zh: '结束再测评' },
  recordProjectChange: { en: 'record a committee’s decision on a project', zh: '登记对项目的调整或终止决定' },
} as const;
export type RefusalDeed = keyof typeof refusalDeeds;

const phaseLabels: Record<BatchPhase, { en: string; zh: string }> = {
  collection: { en: 'collection (征集)', zh: '征集' },
  screening: { en: 'screening (筛选论证)', zh: '筛选论证' },
  candidatePublicity: { en: 'candidate publicity (候选项目公示)', zh: '候选项目公示' },
  approval: { en: 'the approval chain (审议审定)', zh: '审议审定' },
  vote: { en: 'the vote (票决)', zh: '票决' },
  resultPublicity: { en: 'result publicity (结果公示)', zh: '结果公示' },
  implementation: { en: 'implementation (实施)', zh: '实施' },
  rating: { en: 'rating (满意度测评)', zh: '满意度测评' },
  closed: { en: 'closed (已结束)', zh: '已结束' },
};

const roleLabels: Record<Role, { en: string; zh: string }> = {
  coordinator: { en: 'coordinator', zh: '人大常委会办公室' },
  official: { en: 'official', zh: '政府部门/责任单位' },
  deputy: { en: 'deputy', zh: '人大代表' },
  reviewer: { en: 'reviewer', zh: '评审组' },
  committeeMember: { en: 'committeeMember', zh: '人大常委会组成人员' },
  residentRepresentative: { en: 'residentRepresentative', zh: '居民代表' },
  financeOfficer: { en: 'financeOfficer', zh: '财政部门' },
  auditor: { en: 'auditor', zh: '审计部门' },
};

/** Who runs a batch at each level, as "only … may" names it; domain/batchProcedure.ts `bodiesOf` reads its office here. */
export const refusalOffices = {
  county: { en: 'the standing committee office', zh: '人大常委会办公室' },
  township: { en: 'the office of the township presidium (乡镇人大主席团)', zh: '乡镇人大主席团' },
  street: { en: 'the office of the working committee (人大街道工委)', zh: '人大街道工委' },
} as const;

type Labels = Record<string, { en: string; zh: string }>;

/** Params whose values are codes of a vocabulary, shown by their label in the reader's language. */
const labelledParams: Record<string, Labels> = {
  subject: refusalSubjects,
  action: refusalActions,
  deed: refusalDeeds,
  role: roleLabels,
  batchPhase: phaseLabels,
  phase: phaseLabels,
  allowed: phaseLabels,
  roles: roleLabels,
  office: refusalOffices,
};

const or: Record<RefusalLanguage, string> = { en: ' or ', zh: '或' };
const listed: Record<RefusalLanguage, string> = { en: '; ', zh: '；' };
const isRefusalList = (value: readonly unknown[]): value is readonly Refusal[] =>
  value.every((v) => typeof v === 'object' && v !== null && 'code' in v && isRefusalCode(v.code));

/** The params with codes replaced by labels and lists joined, ready for a phrase in `language`. */
export function refusalParamsIn(params: RefusalParams, language: RefusalLanguage): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const labels = labelledParams[name];
    const label = (v: string) => labels?.[v]?.[language] ?? v;
    out[name] =
      typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? value.length > 0 && isRefusalList(value)
            ? value
                .map((r) => refusalMessage({ code: r.code, params: r.params ?? {} }, language))
                .join(listed[language])
            : (value as readonly string[]).map(label).join(or[language])
          : label(value as string);
  }
  return out;
}

/** The sentence for a refusal in `language`; a placeholder without a param stays visible rather than vanish. */
export function refusalMessage(refusal: Refusal, language: RefusalLanguage): string {
  const params = refusalParamsIn(refusal.params, language);
  return refusalPhrases[refusal.code][language].replace(/%\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export const isRefusalCode = (code: unknown): code is RefusalCode =>
  typeof code === 'string' && Object.hasOwn(refusalPhrases, code);

/** A refusal as a workflow or an activity attaches it to its ApplicationFailure's details. */
export function refusalOfDetails(details: readonly unknown[] | undefined | null): Refusal | undefined {
  const first = details?.[0];
  if (typeof first !== 'object' || first === null || !('code' in first) || !isRefusalCode(first.code)) return undefined;
  const params = 'params' in first && typeof first.params === 'object' && first.params !== null ? first.params : {};
  return { code: first.code, params: params as RefusalParams };
}

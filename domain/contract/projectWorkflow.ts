import type { Actor } from '../assignee';
import type { JurisdictionLevel } from '../batchProcedure';
import type { ProjectChangeRecord } from './projectChange';
import type { ProgressWarning, ProjectStage, StagePlan } from '../progressWarning';
import type { ProjectPolicy } from '../projectPolicy';
import type { RatingCounts, RatingOutcome } from '../rating';
import type { GroupEvaluationGrade, OversightMeasure, TaskKind } from '../taskKinds';
import type { ConsequenceStage, FindingStatus, ProjectPhase } from './vocabulary';

/** 责任清单 (docs/domain.md, "Responsibility list"): one project, one leader, one team, to the end. */
export interface ResponsibilityList {
  departmentId: string;
  responsibleLeaderUserId: string | null;
  implementingUnit: string;
  budgetYuan: number;
  /** 'YYYY-MM-DD' */
  deadline: string;
  acceptanceStandard: string;
}

export interface VotedProjectInput {
  /** `project-…`: also the workflow id. */
  projectId: string;
  batchId: string;
  jurisdictionId: string;
  title: string;
  responsibility: ResponsibilityList;
  /** The state a previous run handed on through continue-as-new; absent on the first run. */
  carried?: ProjectState;
  /**
   * History length at which a run hands over to the next (default 1,500). Tests of the hand-over lower it;
   * simulated multi-year tests raise it, because the time-skipping test server stops skipping time once a
   * parent with running children continues as new (temporalio/sdk-java#1539).
   */
  handoverAfterEvents?: number;
  /** E-mail and webhook deliveries a previous run was still trying when it handed over; this run tries them on. */
  carriedDeliveries?: CarriedDelivery[];
}

/** One channel's delivery of an in-app notice (the notice_deliveries row), by the notice it belongs to. */
export interface CarriedDelivery {
  noticeId: number;
  channel: 'email' | 'webhook';
}

/** The rating outcome, sent from the batch to each project's workflow (docs/domain.md, "Rating" → "Consequences"). */
export interface RatingOutcomeNotice {
  batchId: string;
  outcome: RatingOutcome;
  counts: RatingCounts;
  /**
   * When the rating session closed. The 3-month rectification runs from the congress's closing day, which the
   * office records at the close (rating_sessions.congress_closed_on); from here only when it recorded none.
   */
  ratedAt: string;
}

export interface OpenTask {
  taskId: string;
  kind: TaskKind;
  /** For a finding's response, the finding it answers. */
  findingId?: string;
}

export interface FindingState {
  findingId: string;
  round: number;
  status: FindingStatus;
}

export interface ProjectState {
  projectId: string;
  batchId: string;
  phase: ProjectPhase;
  policy: ProjectPolicy | null;
  responsibility: ResponsibilityList;
  plan: StagePlan | null;
  progress: { percent: number; stage: ProjectStage; reportedAt: string } | null;
  warning: ProgressWarning & { since: string };
  group: { userId: string; joinedAt: string; appointedBy?: string }[];
  /** Since when the group has been below its minimum and flagged; null once it has one (absent before). */
  groupShortSince?: string | null;
  findings: FindingState[];
  openTasks: OpenTask[];
  /** Absolute instants of the next cadence ticks, so a continued run resumes where this one stopped. */
  cadence: { nextProgressAt: string; nextSupervisionAt: string; nextEvaluationAt: string; evaluations: number };
  acceptedAt: string | null;
  inUseOn: string | null;
  /**
   * Completion acceptance, the quarterly appraisal and the performance evaluation are the government's tasks
   * (docs/domain.md, "Levels"); absent in projects started before, where the office performed them.
   */
  governmentActs?: boolean;
  /** The acceptance the responsible leader arranged, to which the supervision group was invited; null when none is. */
  acceptance?: { heldOn: string; place: string } | null;
  /** The jurisdiction's level, read when the rating arrives: it names who hears, re-rates and decides; absent before. */
  level?: JurisdictionLevel;
  rating: RatingOutcomeNotice | null;
  consequence: {
    stage: ConsequenceStage;
    explanationsDone: number;
    /** How many explanations the outcome asks for (1 since they are respective); absent in projects rated before: 2. */
    explanationsExpected?: number;
    /** The rectification's deadline, counted from the congress's closing day; absent in projects rated before. */
    rectificationDueAt?: string;
    /** The committee re-rates by this instant after the rectification report (policy `reRatingDueDays`). */
    reRatingDueAt?: string;
    /** How many times the lapsed re-rating has been escalated. */
    reRatingEscalations?: number;
    reRating: { sessionId: string; outcome: RatingOutcome | null; counts: RatingCounts | null } | null;
    measure: string | null;
    /** The committee's decision after a second 不满意, and how far the chosen measure has got; absent before. */
    oversight?: {
      measure: OversightMeasure;
      name: string;
      reason: string;
      heldOn: string | null;
      conclusionsOpen: number;
    };
  };
  /**
   * The group's mid-year concentrated inspection and year-end overall evaluation (docs/domain.md, "Supervision"):
   * the next instant of each, and the evaluations given so far. Absent in projects started before.
   */
  groupWork?: {
    nextInspectionAt: string;
    nextYearEndAt: string;
    /** The year each open inspection or evaluation task is for. */
    taskYears: Record<string, number>;
    inspections: { year: number; taskId: string; items: number; findingIds: string[] }[];
    evaluations: GroupEvaluation[];
  };
  postEvaluation: {
    dueAt: string;
    started: boolean;
    evaluated: boolean;
    lookedBack: boolean;
    suggestionsOpen: number;
  } | null;
  /** The committee's decisions on the project, oldest first (docs/domain.md, "Changes and termination"); absent before. */
  changes?: ProjectChangeRecord[];
  /** 'terminated' when the committee ended the project before it was complete; absent otherwise. */
  outcome?: 'terminated';
  /** How many runs this workflow has had (continue-as-new keeps each history small). */
  runs: number;
  /** The history length each earlier run handed over at. */
  handoverEvents: number[];
}

/** 总体评价: one year's overall evaluation by the supervision group. */
export interface GroupEvaluation {
  year: number;
  grade: GroupEvaluationGrade;
  text: string;
  evaluatedBy: string;
  evaluatedAt: string;
}

export interface ProjectAction {
  actor: Actor;
}

/** Opening a committee re-rating: the sealed sheets' public key (docs/secrecy.md); absent in older histories. */
export interface OpenReRatingInput extends ProjectAction {
  box?: { publicKey: string; threshold: number };
}

/** The office appoints a deputy or residents' representative when too few sign up (docs/domain.md, "Supervision"). */
export interface AppointSupervisionMemberInput {
  actor: Actor;
  member: Actor;
}

export interface FileFindingInput {
  actor: Actor;
  /** Generated by the form, so a retried submit files one finding. */
  findingId: string;
  text: string;
  photoIds: string[];
}

export interface ReviewFindingInput {
  actor: Actor;
  findingId: string;
  accepted: boolean;
  note: string;
}

export interface SetStagePlanInput {
  actor: Actor;
  plan: StagePlan;
}

export interface EnterUseInput {
  actor: Actor;
  /** 'YYYY-MM-DD' */
  inUseOn: string;
}

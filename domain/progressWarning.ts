import { z } from 'zod';
import { addDays, startOfChinaDay } from './workingDays';

/** 筹备 / 施工 / 验收, in this order (docs/domain.md, "Stages" [S3]). */
export const projectStages = ['preparation', 'construction', 'acceptance'] as const;
export type ProjectStage = (typeof projectStages)[number];

/** The share of the whole project each stage stands for, in percentage points; the sources leave it open. */
const stageSpans: Record<ProjectStage, { from: number; to: number }> = {
  preparation: { from: 0, to: 20 },
  construction: { from: 20, to: 90 },
  acceptance: { from: 90, to: 100 },
};

const DAY_MS = 24 * 60 * 60 * 1000;

function isDay(value: string): boolean {
  try {
    startOfChinaDay(value);
    return true;
  } catch {
    return false;
  }
}

const daySchema = z.string().refine(isDay, { message: 'use a real day written YYYY-MM-DD' });

/** Calendar days from `from` to `to` (negative when `to` is earlier); exact because China keeps one offset all year. */
function daysBetween(from: string, to: string): number {
  return Math.round((startOfChinaDay(to).getTime() - startOfChinaDay(from).getTime()) / DAY_MS);
}

export const stagePlanSchema = z
  .array(z.object({ stage: z.enum(projectStages), plannedStart: daySchema, plannedEnd: daySchema }))
  .superRefine((plan, ctx) => {
    // zod still runs this check when a day failed its own refinement; those days are already reported.
    if (!plan.every((s) => isDay(s.plannedStart) && isDay(s.plannedEnd))) return;
    if (plan.length !== projectStages.length || plan.some((s, i) => s.stage !== projectStages[i])) {
      ctx.addIssue({
        code: 'custom',
        message: 'plan the stages preparation, construction and acceptance, once each and in that order',
      });
      return;
    }
    plan.forEach((s, i) => {
      if (s.plannedStart > s.plannedEnd) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'plannedEnd'],
          message: `${s.stage} ends (${s.plannedEnd}) before it starts (${s.plannedStart})`,
        });
      }
      const previous = plan[i - 1];
      if (previous && s.plannedStart !== addDays(previous.plannedEnd, 1)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'plannedStart'],
          message: `${s.stage} must start the day after ${previous.stage} ends (${addDays(previous.plannedEnd, 1)}), not ${s.plannedStart}`,
        });
      }
    });
  });
export type StagePlan = z.infer<typeof stagePlanSchema>;

/**
 * The percentage that should be done by the start of `today` ('YYYY-MM-DD', China Standard Time): each stage
 * covers its span linearly by day, rounded down, so the first day of a stage shows the stage's starting
 * figure and the plan reaches 100 only on the day after acceptance ends. `plan` must satisfy stagePlanSchema.
 */
export function plannedPercent(plan: StagePlan, today: string): number {
  for (const { stage, plannedStart, plannedEnd } of plan) {
    if (today > plannedEnd) continue;
    const { from, to } = stageSpans[stage];
    if (today <= plannedStart) return from;
    const elapsed = daysBetween(plannedStart, today);
    const length = daysBetween(plannedStart, plannedEnd) + 1;
    return from + Math.floor(((to - from) * elapsed) / length);
  }
  return 100;
}

/** 红黄蓝三色预警 thresholds (docs/domain.md, "Progress warnings": [S0] names the colours by schedule lag; the numbers are ours). */
export const warningThresholdsSchema = z
  .object({
    /** Points behind plan that raise a blue warning. */
    blueLagPoints: z.number().int().min(1).max(100).default(5),
    /** Points behind plan that raise a yellow warning. */
    yellowLagPoints: z.number().int().min(1).max(100).default(10),
    /** Points behind plan that raise a red warning. */
    redLagPoints: z.number().int().min(1).max(100).default(20),
    /** Within this many days of the deadline, a project below 90% is at least yellow. */
    nearDeadlineDays: z.number().int().min(0).max(365).default(30),
  })
  .refine((t) => t.blueLagPoints < t.yellowLagPoints && t.yellowLagPoints < t.redLagPoints, {
    message: 'the warning thresholds must rise from blue to yellow to red',
  });
export type WarningThresholds = z.infer<typeof warningThresholdsSchema>;

export const warningLevels = ['none', 'blue', 'yellow', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];

export interface ProgressWarningInput {
  plan: StagePlan;
  /** 'YYYY-MM-DD', China Standard Time. */
  today: string;
  reportedPercent: number;
  /** The responsibility list's deadline (责任清单), 'YYYY-MM-DD'; the project is late from the day after. */
  deadline: string;
  policy: WarningThresholds;
}

export interface ProgressWarning {
  level: WarningLevel;
  plannedPercent: number;
  /** Points behind plan; 0 on or ahead of schedule. */
  lagPoints: number;
  /** A short sentence for the notice, in the office's language. */
  reason: string;
}

/** A project this far along is close enough to finishing that a near deadline alone is no alarm. */
const NEARLY_DONE_PERCENT = 90;

export function progressWarning(input: ProgressWarningInput): ProgressWarning {
  const { plan, today, reportedPercent, deadline, policy } = input;
  const planned = plannedPercent(plan, today);
  const lagPoints = Math.max(0, planned - reportedPercent);
  const standing = `计划进度${planned}%，实际${reportedPercent}%`;
  const behind = lagPoints > 0 ? `滞后${lagPoints}个百分点` : '进度正常';
  const warn = (level: WarningLevel, reason: string): ProgressWarning => ({
    level,
    plannedPercent: planned,
    lagPoints,
    reason,
  });

  if (reportedPercent >= 100) return warn('none', '已报告完成');
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return warn('red', `完成时限${deadline}已过，进度${reportedPercent}%`);
  if (lagPoints >= policy.redLagPoints) return warn('red', `${standing}，${behind}`);
  if (lagPoints >= policy.yellowLagPoints) return warn('yellow', `${standing}，${behind}`);
  if (daysLeft <= policy.nearDeadlineDays && reportedPercent < NEARLY_DONE_PERCENT) {
    return warn('yellow', `${standing}，${behind}，距完成时限${deadline}仅剩${daysLeft}天`);
  }
  if (lagPoints >= policy.blueLagPoints) return warn('blue', `${standing}，${behind}`);
  return warn('none', `${standing}，${behind}`);
}

/** Any change of level is news, a recovery as much as a worsening; the first assessment compares with 'none'. */
export function warningRaised(previous: WarningLevel, next: WarningLevel): boolean {
  return previous !== next;
}

export interface ProgressReport {
  /** The last reported percentage, or null for the first report. */
  previousPercent: number | null;
  percent: number;
  reason?: string | null;
}

/** Why a progress report is refused, or undefined when it may be recorded. */
export function progressReportProblem(report: ProgressReport): string | undefined {
  const { previousPercent, percent, reason } = report;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) return 'progress must be between 0 and 100';
  if (previousPercent !== null && percent < previousPercent && !reason?.trim()) {
    return `progress went from ${previousPercent}% to ${percent}%: say why`;
  }
  return undefined;
}

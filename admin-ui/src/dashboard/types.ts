import type { BatchPhase, WarningLevel } from '@domain/contract/vocabulary';

/** GET /api/dashboard (coordinators): the office's overview, computed by the API. */
export type WarningColour = Exclude<WarningLevel, 'none'>;

export interface DashboardData {
  now: string;
  openBatches: {
    id: string;
    title: string;
    year: number;
    phase: BatchPhase;
    nextDeadline: { at: string; label: string } | null;
    candidateCount: number;
    suggestionCount: number;
  }[];
  warningCounts: Record<WarningColour | 'none', number>;
  attentionProjects: {
    id: string;
    title: string;
    warning: WarningColour;
    progressPercent: number | null;
    deadline: string;
    departmentName: string | null;
  }[];
  overdueTasks: {
    total: number;
    items: { id: string; title: string; kind: string; dueAt: string; assigneeLabel: string; escalationLevel: number }[];
  };
  recentEscalations: {
    id: string | number;
    at: string;
    taskId: string;
    title: string;
    level: number;
    assigneeLabel: string;
  }[];
  progressByProject: {
    id: string;
    title: string;
    plannedPercent: number | null;
    actualPercent: number | null;
    warning: WarningLevel;
  }[];
  warningsByWeek: { week: string; red: number; yellow: number; blue: number }[];
}

/** GET /api/dashboard/running-projects: projects whose workflows still run, found by warning level. */
export interface RunningProjects {
  projects: {
    id: string;
    title: string | null;
    batchId: string | null;
    warningLevel: WarningLevel | null;
    startedAt: string;
  }[];
  truncated: boolean;
}

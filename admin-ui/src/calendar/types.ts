/** The calendar as the API returns it (api/calendar). */
export type CalendarScope = 'national' | 'local';
export type DaySource = 'package' | 'national' | 'county' | 'local';

export interface CalendarDay {
  day: string;
  working: boolean;
  nationalWorking: boolean;
  source: DaySource;
  reason: string | null;
}

export interface CalendarEntryRow {
  jurisdiction_id: string | null;
  day: string;
  working: boolean;
  reason: string;
}

export interface CalendarYear {
  year: number;
  jurisdictionId: string;
  packageCovers: boolean;
  mayEditNational: boolean;
  days: CalendarDay[];
  entries: { national: CalendarEntryRow[]; county: CalendarEntryRow[]; local: CalendarEntryRow[] };
}

export interface AffectedDeadline {
  kind: 'publicity' | 'task';
  workflowId: string;
  jurisdictionId: string;
  title: string;
  label: string;
  from: string;
  dueAt: string;
  newDueAt: string;
}

export interface CalendarEntry {
  scope: CalendarScope;
  day: string;
  working: boolean;
  reason: string;
}

export interface CalendarChangeResult {
  affected: AffectedDeadline[];
}

export interface WorkingDaysPreview {
  from: string;
  workingDays: number;
  dueAt: string;
  lastDay: string;
}

import { defineSignal } from '@temporalio/workflow';

/** A day of the calendar changed (holiday, swapped working day, local closure), as the office entered it. */
export interface CalendarChange {
  day: string;
  /** The day's new standing; null when the office removed its entry and the national schedule applies again. */
  working: boolean | null;
  /** When the office entered it, ISO. */
  at: string;
}

/**
 * Sent by the API to each workflow whose running working-day deadline the change moves; the workflow
 * recomputes the deadline through the calendar activity from the instant its period began (README, "Calendar").
 */
export const calendarChangedSignal = defineSignal<[CalendarChange]>('calendarChanged');

/** The calendar as the API returns it: declared once in the contract (domain/contract/calendar.ts). */
export type {
  AffectedDeadline,
  CalendarChangeResult,
  CalendarDay,
  CalendarEntryRow,
  CalendarScope,
  CalendarYear,
  DaySource,
  WorkingDaysPreview,
} from '@domain/contract/calendar';

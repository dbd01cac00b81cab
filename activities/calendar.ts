// The calendar lives in db/ so that the API's preview computes with the very code the activities use.
export { createCalendar, nationalIsWorkingDay, type Calendar, type ComputeDueInput } from '../db/calendar';

/** The office works on China Standard Time whatever the browser's zone: deadlines are CST days. */
export const officeTimeZone = 'Asia/Shanghai';

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  timeZone: officeTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/** An ISO instant as the office reads it, e.g. 2027/10/12 00:00; '' for nothing or garbage. */
export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, dateTimeOptions).format(date);
}

/** A calendar day (YYYY-MM-DD or an instant) in the office's zone, without the time. */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  // A bare day is already the office's day: noon UTC keeps it on the same date in Asia/Shanghai.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone: officeTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * A calendar date is built from its parts in UTC and formatted in UTC, so "2024-03-31" is
 * the 31st everywhere; `new Date("2024-03-31")` would show the 30th west of Greenwich.
 */
export function formatCalendarDate(date: string, locale?: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;

  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return format.format(Date.UTC(year, month - 1, day));
}

/** "14:05" in the rep's own time zone, for "as of" notes on stale figures. */
export function formatClockTime(instant: string, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  return format.format(new Date(instant));
}

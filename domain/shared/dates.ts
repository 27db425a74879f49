// Calendar arithmetic on business dates ('YYYY-MM-DD'). Business dates are French calendar days
// with no time zone, so all arithmetic is done on UTC midnights, never on local clocks.

export type CalendarDate = string;
export type CalendarMonth = string;

export const SERVICE_TIME_ZONE = 'Europe/Paris';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The last answer per time zone, by UTC minute: offsets change on whole minutes, never within one. */
const lastDay = new Map<string, { minute: number; date: CalendarDate }>();
const MS_PER_MINUTE = 60_000;

/**
 * The calendar day `now` falls on in the service's time zone. At 00:30 in Paris it is already
 * the next day there while UTC still says the previous one; "not in the future" means Paris.
 */
export function calendarDateIn(now: Date, timeZone: string = SERVICE_TIME_ZONE): CalendarDate {
  const minute = Math.floor(now.getTime() / MS_PER_MINUTE);
  const last = lastDay.get(timeZone);
  if (last && last.minute === minute) return last.date;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(now)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  lastDay.set(timeZone, { minute, date });
  return date;
}

function toUtc(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): CalendarDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds months, clamping to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

export function monthOf(date: CalendarDate): CalendarMonth {
  return date.slice(0, 7);
}

export function firstDayOf(month: CalendarMonth): CalendarDate {
  return `${month}-01`;
}

export function lastDayOf(month: CalendarMonth): CalendarDate {
  return addDays(addMonths(firstDayOf(month), 1), -1);
}

/** ISO calendar dates compare correctly as strings; these helpers only make intent readable. */
export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b;
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b;

export function latest(...dates: Array<CalendarDate | null | undefined>): CalendarDate | null {
  let best: CalendarDate | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

/**
 * wolkvox speaks in the operation's local wall-clock time (e.g. GMT-5 for
 * Colombian servers), never in UTC. We keep instants as "wall-clock
 * milliseconds": the local date-time read as if it were UTC, so that date
 * arithmetic never crosses a daylight-saving or browser time-zone boundary.
 */
export interface TimeRange {
  /** First second of the range (inclusive), wall-clock ms. */
  start: number;
  /** Last second of the range (inclusive), wall-clock ms. */
  end: number;
}

export const SECOND = 1000;
export const DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall-clock ms of an ISO date's midnight, or undefined when not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return undefined;
  return ms;
}

/** Midnight of the Monday starting the week of a wall-clock instant (weeks run Monday–Sunday). */
export function weekStart(ms: number): number {
  const midnight = Math.floor(ms / DAY) * DAY;
  return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
}

/**
 * Longest span of days a per-day chart draws one bar per day (a quarter); beyond it, one bar per
 * week: a year of daily bars is unreadable at any width and slow to lay out.
 */
export const MAX_DAILY_BARS = 92;

/**
 * Days (ascending, ISO `dayOf`) grouped Monday to Sunday, the first and last week clipped to the
 * days given: `open` starts a week from its first day, `add` adds a later day of that week.
 * The per-day charts of every report (report 10's included) group their bars with it.
 */
export function groupWeeks<D, W>(
  days: readonly D[],
  dayOf: (day: D) => string,
  open: (day: D) => W,
  add: (week: W, day: D) => void,
): W[] {
  const weeks: W[] = [];
  let monday = Number.NaN;
  for (const day of days) {
    const start = weekStart(Date.parse(`${dayOf(day)}T00:00:00Z`));
    const week = weeks[weeks.length - 1];
    if (week !== undefined && start === monday) add(week, day);
    else {
      monday = start;
      weeks.push(open(day));
    }
  }
  return weeks;
}

export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-08-12T10:31:05": the ISO form of a wall-clock instant, without zone. */
export function toIsoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Inclusive calendar days `from`..`to` (ISO dates) as a range ending at 23:59:59. */
export function dayRange(from: string, to: string): TimeRange | undefined {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end: end + DAY - SECOND };
}

/** Length in whole or partial days, as the API's 31-day rule counts them. */
export function rangeDays(range: TimeRange): number {
  return Math.ceil((range.end + SECOND - range.start) / DAY);
}

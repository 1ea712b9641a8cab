import { SECOND, rangeDays, type TimeRange } from '../time-range';
import { describeRange, splitRange } from './split-range';

/**
 * What one load may spend, decided from its range before the first call and enforced by the
 * loader itself (load-report.ts), whatever the page or the URL asked for.
 *
 * - Range. At most MAX_LOAD_DAYS days: a longer range (a URL such as
 *   `from=1900-01-01&to=9999-12-31`, which once split into 97,200 periods and made 3,117
 *   calls) is refused before any call (`rangeTooLong`).
 * - Calls. The calendar chunks the range needs, plus 2 per day, plus 16; at most the quota
 *   left today when it is known. 2 a day is 120,000 rows a day on average (3.7 million a
 *   month: more than a page can hold, 1M rows ≈ 300 MB of heap), so a sound load never
 *   meets it; the 16 cover a first call of unknown density, capped answers and retries of a
 *   short range. A day may make 19 calls, a 31-day month 79, 400 days 830.
 * - Bytes. 256 MiB a day (wolkvox's own limit for one answer), at most 1.5 GiB per load
 *   (beyond what a browser tab can parse and hold). A 1M-row month of report 10 is about
 *   150 MB.
 * When a load reaches its ceiling it makes no other call: what loaded is kept and the
 * periods left are listed as not loaded, with the reason (`budget`).
 */

export const MAX_LOAD_DAYS = 400;
const CALLS_PER_DAY = 2;
const CALLS_SLACK = 16;
const BYTES_PER_DAY = 256 * 2 ** 20;
const MAX_BYTES = 1.5 * 2 ** 30;

export interface LoadBudget {
  /** Calls in all, retries included. */
  calls: number;
  /** Bytes of answers in all (counted where the transport shows them). */
  bytes: number;
}

/** The budget of a load over `range` (aligned), with the calls left today when known. */
export function budgetFor(range: TimeRange, quotaLeft?: number): LoadBudget {
  const days = rangeDays(range);
  const calls = splitRange(range).length + CALLS_PER_DAY * days + CALLS_SLACK;
  return {
    calls: quotaLeft === undefined ? calls : Math.max(0, Math.min(calls, quotaLeft)),
    bytes: Math.min(MAX_BYTES, days * BYTES_PER_DAY),
  };
}

export type LoadLimit =
  /** The range is longer than MAX_LOAD_DAYS: refused before any call. */
  | { code: 'rangeTooLong'; days: number; max: number }
  /** The load spent its budget: the period was not asked for. */
  | { code: 'budget'; calls: number; bytes: number }
  /** A one-second period still came back at the row cap (or a capped answer held no row of its period). */
  | { code: 'ignoredRange'; range: TimeRange }
  /** The quota left today (as last read) is smaller than the calls the load needs. */
  | { code: 'quotaShort'; needed: number; left: number };

/** A load stopped (or a period left out) by one of our own limits, not by wolkvox. */
export class LoadLimitError extends Error {
  override readonly name = 'LoadLimitError';

  constructor(readonly limit: LoadLimit) {
    super(limitMessage(limit));
  }
}

function limitMessage(limit: LoadLimit): string {
  switch (limit.code) {
    case 'rangeTooLong':
      return `A load covers at most ${limit.max} days (${limit.days} were asked); no call was made.`;
    case 'budget':
      return `This load reached its ceiling (${limit.calls} calls, ${Math.round(limit.bytes / 2 ** 20)} MB) before this period.`;
    case 'ignoredRange':
      return `The API ignored the range: ${describeRange(limit.range)} still came back with the full 60,000 rows.`;
    case 'quotaShort':
      return `This load needs about ${limit.needed} calls and ${limit.left} are left today.`;
  }
}

/** Refuses a range longer than MAX_LOAD_DAYS (before any call). */
export function checkLoadRange(range: TimeRange): void {
  const days = rangeDays(range);
  if (days > MAX_LOAD_DAYS) {
    throw new LoadLimitError({ code: 'rangeTooLong', days, max: MAX_LOAD_DAYS });
  }
}

/**
 * Calls a load of `gaps` (the periods it must fetch) needs at least, from the density seen
 * so far (rows per second; undefined: one call per calendar chunk), `target` rows a call.
 */
export function estimateCalls(
  gaps: readonly TimeRange[],
  rowsPerSecond: ((at: number) => number | undefined) | undefined,
  target: number,
): number {
  let calls = 0;
  for (const gap of gaps) {
    for (const chunk of splitRange(gap)) {
      const density = rowsPerSecond?.(chunk.start);
      const seconds = (chunk.end - chunk.start) / SECOND + 1;
      calls += density === undefined ? 1 : Math.max(1, Math.ceil((density * seconds) / target));
    }
  }
  return calls;
}

/**
 * Before a load starts: the calls it needs against the calls left today, when the quota was
 * read (`information.php?api=token_info`). Undefined when it fits or nothing is known.
 */
export function quotaShortfall(needed: number, left: number | undefined): LoadLimit | undefined {
  if (left === undefined || needed <= left) return undefined;
  return { code: 'quotaShort', needed, left };
}

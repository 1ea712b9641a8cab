import { DAY, SECOND, toIsoDateTime, type TimeRange } from '../time-range';

/**
 * Splitting a requested range into ranges the wolkvox API accepts in one call.
 *
 * Boundary rule. `date_ini` and `date_end` are inclusive and have a resolution of
 * one second (`YYYYmmddHHiiss`), so a row stamped `HH:MM:SS` belongs to the
 * whole second `[HH:MM:SS.000, HH:MM:SS.999]`. Chunks therefore start and end on
 * whole seconds and tile the range without gap or overlap: when chunk k ends at
 * second S, chunk k+1 starts at S + 1 s. A row at S is requested by chunk k only,
 * a row at S + 1 s by chunk k+1 only: no row is lost and none is fetched twice.
 * (Ending chunk k at the next chunk's start instead, the "half-open" habit,
 * would fetch every row of that second twice.) Millisecond parts of the input
 * are dropped, as `formatWireDate` drops them when the request is built.
 */

/** The API answers at most 31 days per query. */
export const MAX_CHUNK_DAYS = 31;

export interface SplitOptions {
  /**
   * Longest chunk, in days (31, the API's limit, unless smaller). Fractions are
   * allowed (0.5 = 12 hours) for operations whose days come close to the row cap.
   */
  maxDays?: number;
  /**
   * Keep each chunk inside one calendar month (default true): wolkvox Manager
   * only accepts a range within one month, and month chunks read naturally in
   * failure messages ("March could not be loaded").
   */
  byMonth?: boolean;
}

/** `range` with both ends moved down to their whole second; throws when it is not a range. */
export function alignRange(range: TimeRange): TimeRange {
  if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) {
    throw new RangeError('A time range needs finite start and end');
  }
  const start = Math.floor(range.start / SECOND) * SECOND;
  const end = Math.floor(range.end / SECOND) * SECOND;
  if (end < start) {
    throw new RangeError(
      `The range ends (${toIsoDateTime(end)}) before it starts (${toIsoDateTime(start)})`,
    );
  }
  return { start, end };
}

/** How many whole seconds an (aligned) inclusive range covers. */
export function rangeSeconds(range: TimeRange): number {
  return (range.end - range.start) / SECOND + 1;
}

/** Last second of the calendar month that contains `ms` (wall-clock ms). */
export function endOfMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - SECOND;
}

/**
 * Chunks of `range`, in chronological order, each one API call: at most
 * `maxDays` (≤ 31) days, within one calendar month unless `byMonth` is false,
 * contiguous at whole seconds (see the boundary rule above).
 */
export function splitRange(range: TimeRange, options: SplitOptions = {}): TimeRange[] {
  const { start, end } = alignRange(range);
  const maxDays = options.maxDays ?? MAX_CHUNK_DAYS;
  if (!(maxDays > 0) || maxDays > MAX_CHUNK_DAYS) {
    throw new RangeError(`maxDays must be above 0 and at most ${MAX_CHUNK_DAYS} (got ${maxDays})`);
  }
  const maxSeconds = Math.max(1, Math.floor((maxDays * DAY) / SECOND));
  const byMonth = options.byMonth ?? true;

  const chunks: TimeRange[] = [];
  let chunkStart = start;
  while (chunkStart <= end) {
    let chunkEnd = Math.min(end, chunkStart + (maxSeconds - 1) * SECOND);
    if (byMonth) chunkEnd = Math.min(chunkEnd, endOfMonth(chunkStart));
    chunks.push({ start: chunkStart, end: chunkEnd });
    chunkStart = chunkEnd + SECOND;
  }
  return chunks;
}

/**
 * The two halves of a chunk, by time, for a chunk that came back at the row cap:
 * `[start, mid - 1 s]` and `[mid, end]` (same boundary rule). Undefined for a
 * one-second range, which cannot be split further.
 */
export function halveRange(range: TimeRange): [TimeRange, TimeRange] | undefined {
  const aligned = alignRange(range);
  const seconds = rangeSeconds(aligned);
  if (seconds < 2) return undefined;
  const mid = aligned.start + Math.floor(seconds / 2) * SECOND;
  return [
    { start: aligned.start, end: mid - SECOND },
    { start: mid, end: aligned.end },
  ];
}

/** "2026-02-01 00:00:00 – 2026-02-28 23:59:59": a chunk's period, for messages and logs. */
export function describeRange(range: TimeRange): string {
  const format = (ms: number) => toIsoDateTime(ms).replace('T', ' ');
  return `${format(range.start)} – ${format(range.end)}`;
}

import type { ReportDef } from '../catalog';
import type { ReportRow } from '../column-types';
import { SECOND, type TimeRange } from '../time-range';
import { allInside } from './range-column';

/**
 * Rows per second seen in a report's answers, by period: what the loader sizes its next call
 * from (load-report.ts). An answer whose rows all carry the range column inside its period
 * is counted in BUCKETS slices of its period, so the density near where the next call starts
 * (the evening after a busy day, the hours after a burst) is the one used; any other answer
 * counts as one period. Kept per report: report 10 and report 9 of one operation differ by
 * orders of magnitude.
 */

const BUCKETS = 8;
const WINDOW_MS = 86_400_000;
/** Observations kept per report (oldest dropped first). */
const KEEP = 4_000;

interface Observation {
  start: number;
  end: number;
  rows: number;
}

export class DensityMemory {
  private readonly byReport = new Map<string, Observation[]>();

  /** Counts `rows`, the complete answer for `range`. */
  observe(report: ReportDef, range: TimeRange, rows: readonly ReportRow[]): void {
    let list = this.byReport.get(report.api);
    if (!list) this.byReport.set(report.api, (list = []));
    const seconds = (range.end - range.start) / SECOND + 1;
    const key = report.rangeKey;
    if (key && seconds >= BUCKETS && rows.length > 0 && allInside(report, range, rows)) {
      const width = Math.floor(seconds / BUCKETS) * SECOND;
      const counts = new Array<number>(BUCKETS).fill(0);
      for (const row of rows) {
        const slot = Math.min(
          BUCKETS - 1,
          Math.floor(((row[key] as number) - range.start) / width),
        );
        counts[slot]!++;
      }
      for (let i = 0; i < BUCKETS; i++) {
        const start = range.start + i * width;
        const end = i === BUCKETS - 1 ? range.end : start + width - SECOND;
        list.push({ start, end, rows: counts[i]! });
      }
    } else {
      list.push({ start: range.start, end: range.end, rows: rows.length });
    }
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
  }

  /**
   * Rows per second before `at`: over the WINDOW_MS (a day, so that a quiet night and a busy
   * afternoon average out as they will in the next call) of observations just before it;
   * when less than an hour of that is known, the latest observation covering `at`, else the
   * nearest one within a day; undefined when nothing of this report was seen that close.
   */
  rowsPerSecond(report: ReportDef, at: number): number | undefined {
    const list = this.byReport.get(report.api);
    if (!list || list.length === 0) return undefined;
    const day = this.over(list, at - WINDOW_MS, at);
    const known = day.seconds >= 3_600;
    const nearest = this.nearest(list, at, known ? Infinity : WINDOW_MS);
    if (!known) return nearest;
    // The lowest of the day before, the latest slice and the median day of the week before:
    // after a burst the day and the slice are still high while the week's median is not, and
    // a call sized too large comes back capped with its first part kept (a row or two fetched
    // twice), where one sized too small is a call more. Without a range column a capped
    // answer is thrown away, so there the day before is used as it is.
    if (!report.rangeKey) return day.rows / day.seconds;
    const days: number[] = [];
    for (let k = 0; k < 7; k++) {
      const past = this.over(list, at - (k + 1) * WINDOW_MS, at - k * WINDOW_MS);
      if (past.seconds >= 3_600) days.push(past.rows / past.seconds);
    }
    days.sort((x, y) => x - y);
    const median = days[Math.floor((days.length - 1) / 2)]!;
    return Math.min(day.rows / day.seconds, nearest ?? Infinity, median);
  }

  /** Rows and seconds observed in [from, to), later observations of a period first. */
  private over(list: readonly Observation[], from: number, to: number) {
    let rows = 0;
    let seconds = 0;
    const seen: Observation[] = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const o = list[i]!;
      const start = Math.max(o.start, from);
      const end = Math.min(o.end + SECOND, to);
      if (end <= start) continue;
      if (seen.some((s) => s.start < end && s.end + SECOND > start)) continue;
      seen.push(o);
      const span = (o.end + SECOND - o.start) / SECOND;
      rows += (o.rows * (end - start)) / SECOND / span;
      seconds += (end - start) / SECOND;
    }
    return { rows, seconds };
  }

  /** The density of the observation nearest `at`, if one lies within `reach`. */
  private nearest(list: readonly Observation[], at: number, reach: number): number | undefined {
    let best: Observation | undefined;
    let bestDistance = Infinity;
    for (let i = list.length - 1; i >= 0; i--) {
      const o = list[i]!;
      const distance = at < o.start ? o.start - at : at > o.end ? at - o.end : 0;
      if (distance < bestDistance) {
        best = o;
        bestDistance = distance;
        if (distance === 0) break;
      }
    }
    // A period a day or more away says little here (a burst there, a quiet month here).
    if (!best || bestDistance > reach) return undefined;
    return best.rows / ((best.end - best.start) / SECOND + 1);
  }
}

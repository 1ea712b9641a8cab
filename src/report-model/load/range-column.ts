import type { ReportDef } from '../catalog';
import type { ReportRow } from '../column-types';
import { SECOND, type TimeRange } from '../time-range';

/**
 * What the report's range column (`ReportDef.rangeKey`, the date-time wolkvox filters by)
 * lets the loader do with an answer, and only where the answer itself bears it out.
 */

/** The range column's value of `row`, when it is a readable date-time. */
function instant(row: ReportRow, key: string): number | undefined {
  const value = row[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Every row's range column lies inside `range` (at one-second resolution): the answer is
 * consistent with wolkvox filtering by that column, so the rows can be cut to a narrower
 * period without a call. False for a report without a range column.
 */
export function allInside(
  report: ReportDef,
  range: TimeRange,
  rows: readonly ReportRow[],
): boolean {
  const key = report.rangeKey;
  if (!key) return false;
  const end = range.end + SECOND - 1;
  for (const row of rows) {
    const at = instant(row, key);
    if (at === undefined || at < range.start || at > end) return false;
  }
  return true;
}

/** The rows of `rows` whose range column falls in `range` (rows checked by `allInside`). */
export function rowsWithin(key: string, range: TimeRange, rows: readonly ReportRow[]): ReportRow[] {
  const end = range.end + SECOND - 1;
  return rows.filter((row) => {
    const at = instant(row, key);
    return at !== undefined && at >= range.start && at <= end;
  });
}

/**
 * The part of a capped answer that is complete. wolkvox's order is not documented; the one
 * fake (src/mocks/wolkvox-api.ts) answers rows in the order of the instant it filters by,
 * and a database answering "the first 60,000" would too. So the answer is checked: when
 * every row carries the range column, inside the period asked, in non-decreasing order, the
 * answer is the first rows of the period in time order, and every row strictly before the
 * last second it holds is there (a row of an earlier second would have come before the last
 * one). That second may be cut, so it is fetched again with the rest. Any other answer
 * (unordered, a row without the column or outside the period, no range column) cannot be
 * trusted this way: undefined, and the period is halved as before.
 *
 * `cut` is the first second not kept: the rest of the period is `[cut, range.end]`.
 */
export function completePrefix(
  report: ReportDef,
  range: TimeRange,
  rows: readonly ReportRow[],
): { rows: ReportRow[]; cut: number } | undefined {
  const key = report.rangeKey;
  if (!key || rows.length === 0) return undefined;
  const end = range.end + SECOND - 1;
  let previous = -Infinity;
  for (const row of rows) {
    const at = instant(row, key);
    if (at === undefined || at < range.start || at > end || at < previous) return undefined;
    previous = at;
  }
  const cut = Math.floor(previous / SECOND) * SECOND;
  let kept = 0;
  while (kept < rows.length && instant(rows[kept]!, key)! < cut) kept++;
  return { rows: rows.slice(0, kept), cut };
}

/**
 * A capped answer none of whose rows is dated inside the period it asked for: wolkvox (or
 * something in between) did not apply the range, and asking for narrower periods will not
 * change that.
 */
export function noneInside(
  report: ReportDef,
  range: TimeRange,
  rows: readonly ReportRow[],
): boolean {
  const key = report.rangeKey;
  if (!key) return false;
  const end = range.end + SECOND - 1;
  let dated = false;
  for (const row of rows) {
    const at = instant(row, key);
    if (at === undefined) continue;
    dated = true;
    if (at >= range.start && at <= end) return false;
  }
  return dated;
}

import type { TimeRange } from '../../src/report-model/time-range';

/** Rows of the fakes are instants in ascending order; a row's index is its identity. */

/** First index whose time is >= `value`. */
export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ids a complete load of `range` must return, in order. */
export function idsInRange(
  sorted: Float64Array,
  range: TimeRange,
  rowId: (index: number) => string,
): string[] {
  const ids: string[] = [];
  for (let i = lowerBound(sorted, range.start); i < sorted.length && sorted[i]! <= range.end; i++)
    ids.push(rowId(i));
  return ids;
}

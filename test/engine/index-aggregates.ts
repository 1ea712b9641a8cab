import { buildDictionary, type Dictionary } from '../../src/engine/dictionary';
import {
  createReportIndex,
  type ReportIndex,
  type WarmOptions,
} from '../../src/engine/report-index';
import type { FacetEntry, FacetOrder } from '../../src/engine/types';
import type { ColumnDef } from '../../src/report-model/catalog';
import { isNumericType, type CellValue, type ReportRow } from '../../src/report-model/column-types';
import { DAY } from '../../src/report-model/time-range';

const HOUR = 3_600_000;

/**
 * Aggregations over a ReportIndex that only the tests and the engine bench use (the app's
 * charts aggregate in src/charts): facets of any subset, a numeric summary, a cross count
 * and time buckets, plus `warm` (every warm task at once). They read the index through its
 * public sortKey, so their orders are the engine's, and build their own dictionaries.
 */
export interface NumberSummary {
  /** Rows holding a number. */
  readonly count: number;
  readonly sum: number;
  /** NaN when count is 0 (as are max and mean). */
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Empty cells. */
  readonly empty: number;
  /** Cells that kept their raw text because they did not parse. */
  readonly unparsed: number;
}

export interface CrossCount {
  /** Distinct string forms of the first column, in that column's order. */
  readonly rows: readonly string[];
  /** Distinct string forms of the second column, in its order. */
  readonly columns: readonly string[];
  /** counts[r * columns.length + c]. */
  readonly counts: Uint32Array;
}

export type TimeUnit = 'hour' | 'day' | 'month';

export interface TimeBuckets {
  /** Start of each bucket (wall-clock ms), ascending; buckets without rows are included. */
  readonly starts: Float64Array;
  readonly counts: Uint32Array;
}

export interface TestIndex extends ReportIndex {
  /**
   * Counts per distinct string form of a column over `indices` (all rows when missing), only
   * values present there. Ordered by the column's own order ('value', empty last) or by
   * count, highest first, ties in value order ('count').
   */
  facets(key: string, indices?: Uint32Array, order?: FacetOrder): FacetEntry[];
  /**
   * Count, sum, min, max, mean of a numeric column over `indices` (all rows when missing),
   * plus how many cells were empty or unparsed. For a non-numeric column every non-empty
   * cell counts as unparsed.
   */
  summarize(key: string, indices?: Uint32Array): NumberSummary;
  /** Rows per (value of rowKey, value of columnKey), both by string form, each in its order. */
  crossCount(rowKey: string, columnKey: string, indices?: Uint32Array): CrossCount;
  /**
   * Rows per hour/day/month (UTC buckets of the wall-clock values) of a datetime/date column,
   * from the first to the last bucket holding a row. Empty and unparsed cells are left out.
   */
  timeBuckets(key: string, unit: TimeUnit, indices?: Uint32Array): TimeBuckets;
  /** Every warm task at once. Default: every sort key and the phone index. */
  warm(what?: WarmOptions): void;
}

/** createReportIndex, with the test-only aggregations. */
export function createTestIndex(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
): TestIndex {
  const index = createReportIndex(columns, rows);
  const byKey = new Map<string, ColumnDef>();
  for (const column of columns) if (!byKey.has(column.key)) byKey.set(column.key, column);
  const column = (key: string) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`Unknown column "${key}"`);
    return found;
  };
  const valuesCache = new Map<string, CellValue[]>();
  const values = (key: string) => {
    let cells = valuesCache.get(key);
    if (!cells) {
      cells = rows.map((row) => row[key] ?? null);
      valuesCache.set(key, cells);
    }
    return cells;
  };
  const dictionaries = new Map<string, Dictionary>();
  const dictionary = (key: string) => {
    let built = dictionaries.get(key);
    if (!built) {
      built = buildDictionary(column(key).type, values(key));
      dictionaries.set(key, built);
    }
    return built;
  };
  const numbers = (key: string): Float64Array =>
    index.sortKey(key).numbers ??
    Float64Array.from(values(key), (v) => (typeof v === 'number' ? v : NaN));

  const countIds = (dict: Dictionary, indices: Uint32Array | undefined) => {
    const counts = new Uint32Array(dict.texts.length);
    const { ids } = dict;
    if (indices) for (let i = 0; i < indices.length; i++) counts[ids[indices[i]!]!]!++;
    else for (let row = 0; row < ids.length; row++) counts[ids[row]!]!++;
    return counts;
  };
  /** Dictionary ids in the column's sort order (by the first row holding each text). */
  const orderIds = (key: string, dict: Dictionary, ids: number[]) => {
    const { rank } = index.sortKey(key);
    const { firstRow, texts } = dict;
    return ids.sort((a, b) => {
      const d = rank[firstRow[a]!]! - rank[firstRow[b]!]!;
      if (d !== 0) return d;
      const ta = texts[a]!;
      const tb = texts[b]!;
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    });
  };

  const facets = (key: string, indices?: Uint32Array, order: FacetOrder = 'value') => {
    const dict = dictionary(key);
    const counts = countIds(dict, indices);
    const entries = orderIds(key, dict, present(counts)).map((id) => ({
      value: dict.texts[id]!,
      count: counts[id]!,
    }));
    // Array.prototype.sort is stable: equal counts keep value order.
    if (order === 'count') entries.sort((a, b) => b.count - a.count);
    return entries;
  };

  const summarize = (key: string, indices?: Uint32Array): NumberSummary => {
    const cells = values(key);
    const numeric = isNumericType(column(key).type);
    const numberOf = numeric ? numbers(key) : undefined;
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let empty = 0;
    let unparsed = 0;
    const n = indices ? indices.length : rows.length;
    for (let i = 0; i < n; i++) {
      const row = indices ? indices[i]! : i;
      const v = numberOf ? numberOf[row]! : NaN;
      if (v === v) {
        count++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
        continue;
      }
      const cell = cells[row];
      if (cell === null || cell === undefined || (numeric && typeof cell === 'number')) empty++;
      else unparsed++;
    }
    return {
      count,
      sum,
      min: count ? min : NaN,
      max: count ? max : NaN,
      mean: count ? sum / count : NaN,
      empty,
      unparsed,
    };
  };

  const crossCount = (rowKey: string, columnKey: string, indices?: Uint32Array): CrossCount => {
    const a = dictionary(rowKey);
    const b = dictionary(columnKey);
    const aIds = orderIds(rowKey, a, present(countIds(a, indices)));
    const bIds = orderIds(columnKey, b, present(countIds(b, indices)));
    const aSlot = new Int32Array(a.texts.length).fill(-1);
    const bSlot = new Int32Array(b.texts.length).fill(-1);
    aIds.forEach((id, i) => (aSlot[id] = i));
    bIds.forEach((id, i) => (bSlot[id] = i));
    const width = bIds.length;
    const counts = new Uint32Array(aIds.length * width);
    const n = indices ? indices.length : rows.length;
    for (let i = 0; i < n; i++) {
      const row = indices ? indices[i]! : i;
      counts[aSlot[a.ids[row]!]! * width + bSlot[b.ids[row]!]!]!++;
    }
    return {
      rows: aIds.map((id) => a.texts[id]!),
      columns: bIds.map((id) => b.texts[id]!),
      counts,
    };
  };

  const timeBuckets = (key: string, unit: TimeUnit, indices?: Uint32Array): TimeBuckets => {
    const numberOf = numbers(key);
    const n = indices ? indices.length : rows.length;
    const bucketOf = bucketFunction(unit);
    let low = Infinity;
    let high = -Infinity;
    const buckets = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = numberOf[indices ? indices[i]! : i]!;
      const b = v === v && Number.isFinite(v) ? bucketOf.index(v) : NaN;
      buckets[i] = b;
      if (b < low) low = b;
      if (b > high) high = b;
    }
    if (low > high) return { starts: new Float64Array(0), counts: new Uint32Array(0) };
    const span = high - low + 1;
    const counts = new Uint32Array(span);
    for (let i = 0; i < n; i++) {
      const b = buckets[i]!;
      if (b === b) counts[b - low]!++;
    }
    const starts = new Float64Array(span);
    for (let i = 0; i < span; i++) starts[i] = bucketOf.start(low + i);
    return { starts, counts };
  };

  const warm = (what?: WarmOptions) => {
    for (const task of index.warmTasks(what)) task();
  };

  // The index is a class instance: keep its prototype methods, add ours.
  return Object.assign(index, { facets, summarize, crossCount, timeBuckets, warm });
}

function present(counts: Uint32Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) ids.push(id);
  return ids;
}

function bucketFunction(unit: TimeUnit): {
  index(ms: number): number;
  start(index: number): number;
} {
  if (unit === 'hour') return { index: (ms) => Math.floor(ms / HOUR), start: (i) => i * HOUR };
  if (unit === 'day') return { index: (ms) => Math.floor(ms / DAY), start: (i) => i * DAY };
  return {
    index: (ms) => monthOfDay(Math.floor(ms / DAY)),
    start: (i) => Date.UTC(Math.floor(i / 12), i % 12, 1),
  };
}

/** Year * 12 + month (0-11) of a day number since 1970-01-01 (proleptic Gregorian). */
function monthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month < 2 ? 1 : 0);
  return year * 12 + month;
}

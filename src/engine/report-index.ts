import type { ColumnDef } from '../report-model/catalog';
import type { CellValue, ReportRow } from '../report-model/column-types';
import { isNumericType } from '../report-model/column-types';
import { releaseScratch } from './buffers';
import { foldText } from './cell-text';
import { buildDictionary, type Dictionary } from './dictionary';
import { parsePhoneQuery, PhoneIndex } from './phone';
import { sortByKey, sortBySteps, type SortStep } from './rank-sort';
import { buildSortKey, type SortKey } from './sort-keys';
import { buildDictionarySearch, buildRowTextSearch, type ColumnSearch } from './text-search';
import type {
  ColumnFilter,
  CrossCount,
  FacetEntry,
  FacetOrder,
  NumberSummary,
  ReportQuery,
  SortSpec,
  TimeBuckets,
  TimeUnit,
} from './types';

/**
 * The one place the table, the charts and the CSV export get their rows from. Everything is
 * built lazily on first use and cached (sort keys per column, the phone index, search text,
 * dictionaries); `warm` builds ahead of time.
 *
 * Returned index arrays are fresh copies the caller owns. Unknown column keys in a sort or
 * filter are ignored (a stale bookmark must not break the page).
 */
export interface ReportIndex {
  readonly columns: readonly ColumnDef[];
  readonly rowCount: number;
  /** The column's sort key, built on first use. */
  sortKey(key: string): SortKey;
  /** Stable sort of all rows, or of `subset` (row indices, kept as ties' order). */
  sort(spec: SortSpec, subset?: Uint32Array): Uint32Array;
  /** Rows passing every filter of the query (phone AND search AND each column), sorted. */
  query(query: ReportQuery): Uint32Array;
  /**
   * Counts per distinct string form of a column over `indices` (all rows when missing), only
   * values present there. Ordered by the column's own order ('value', empty last) or by
   * count, highest first, ties in value order ('count').
   */
  facets(key: string, indices?: Uint32Array, order?: FacetOrder): FacetEntry[];
  /**
   * Facets of a column under every filter of `query` except that column's own (what a
   * multi-select list shows next to each choice). No sorting involved.
   */
  facetsFor(query: ReportQuery, key: string, order?: FacetOrder): FacetEntry[];
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
  /** Builds caches ahead of use. Default: every sort key and the phone index. */
  warm(what?: WarmOptions): void;
  /**
   * The same work as warm, one task per cache, so the page can run them one per idle moment and
   * answer queries in between. Tasks whose cache is already built cost nothing.
   */
  warmTasks(what?: WarmOptions): (() => void)[];
}

/** What to build ahead. Given, only what it lists (in that order); missing, everything. */
export interface WarmOptions {
  /** Sort keys to build, most likely first (the default sort's column, then visible ones). */
  readonly sortKeys?: readonly string[];
  readonly phone?: boolean;
  /** Search text of these columns. */
  readonly searchKeys?: readonly string[];
}

/** Dictionary search only pays off when a column repeats its values a lot. */
const DICTIONARY_SEARCH_TYPES = new Set(['enum', 'country', 'yesno']);
const SORT_CACHE_SIZE = 4;

interface Mask {
  readonly flags: Uint8Array;
  readonly count: number;
}

export function createReportIndex(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
): ReportIndex {
  return new Index(columns, rows);
}

class Index implements ReportIndex {
  readonly rowCount: number;
  private readonly byKey = new Map<string, ColumnDef>();
  private readonly keys = new Map<string, SortKey>();
  private readonly dictionaries = new Map<string, Dictionary>();
  private readonly searches = new Map<string, ColumnSearch>();
  private readonly numberColumns = new Map<string, Float64Array>();
  private readonly columnValues = new Map<string, CellValue[]>();
  private readonly sorted = new Map<string, Uint32Array>();
  private phoneIndex: PhoneIndex | undefined;
  private identity: Uint32Array | undefined;
  private lastPhone: { input: string; mask: Mask | undefined } | undefined;
  private lastSearch: { signature: string; mask: Mask | undefined } | undefined;
  private readonly lastFilters = new Map<string, { signature: string; mask: Mask | undefined }>();

  constructor(
    readonly columns: readonly ColumnDef[],
    private readonly rows: readonly ReportRow[],
  ) {
    this.rowCount = rows.length;
    for (const column of columns)
      if (!this.byKey.has(column.key)) this.byKey.set(column.key, column);
  }

  sortKey(key: string): SortKey {
    let sortKey = this.keys.get(key);
    if (!sortKey) {
      const column = this.column(key);
      sortKey = buildSortKey(column.type, this.values(key));
      this.keys.set(key, sortKey);
    }
    return sortKey;
  }

  sort(spec: SortSpec, subset?: Uint32Array): Uint32Array {
    if (!subset) return this.sortedAll(spec).slice();
    return sortBySteps(subset, this.steps(spec));
  }

  query(query: ReportQuery): Uint32Array {
    const order = this.sortedAll(query.sort ?? []);
    const mask = this.match(query);
    if (!mask) return order.slice();
    const { flags, count } = mask;
    const out = new Uint32Array(count);
    if (count === 0) return out;
    let k = 0;
    for (let i = 0; i < order.length; i++) {
      const row = order[i]!;
      if (flags[row]) out[k++] = row;
    }
    return out;
  }

  facets(key: string, indices?: Uint32Array, order: FacetOrder = 'value'): FacetEntry[] {
    const dictionary = this.dictionary(key);
    return this.facetEntries(key, dictionary, this.countIds(dictionary, indices), order);
  }

  facetsFor(query: ReportQuery, key: string, order: FacetOrder = 'value'): FacetEntry[] {
    const dictionary = this.dictionary(key);
    const mask = this.match(query, key);
    const counts = new Uint32Array(dictionary.texts.length);
    const { ids } = dictionary;
    if (!mask) for (let row = 0; row < ids.length; row++) counts[ids[row]!]!++;
    else if (mask.count > 0) {
      const { flags } = mask;
      for (let row = 0; row < ids.length; row++) if (flags[row]) counts[ids[row]!]!++;
    }
    return this.facetEntries(key, dictionary, counts, order);
  }

  private facetEntries(
    key: string,
    dictionary: Dictionary,
    counts: Uint32Array,
    order: FacetOrder,
  ): FacetEntry[] {
    const ids = this.orderIds(key, dictionary, present(counts));
    const entries = ids.map((id) => ({ value: dictionary.texts[id]!, count: counts[id]! }));
    // Array.prototype.sort is stable: equal counts keep value order.
    if (order === 'count') entries.sort((a, b) => b.count - a.count);
    return entries;
  }

  summarize(key: string, indices?: Uint32Array): NumberSummary {
    const column = this.column(key);
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let empty = 0;
    let unparsed = 0;
    const cells = this.values(key);
    if (isNumericType(column.type)) {
      const numbers = this.numbers(key);
      const n = indices ? indices.length : this.rowCount;
      for (let i = 0; i < n; i++) {
        const row = indices ? indices[i]! : i;
        const v = numbers[row]!;
        if (v === v) {
          count++;
          sum += v;
          if (v < min) min = v;
          if (v > max) max = v;
          continue;
        }
        const cell = cells[row];
        if (cell === null || cell === undefined || typeof cell === 'number') empty++;
        else unparsed++;
      }
    } else {
      const n = indices ? indices.length : this.rowCount;
      for (let i = 0; i < n; i++) {
        const cell = cells[indices ? indices[i]! : i];
        if (cell === null || cell === undefined) empty++;
        else unparsed++;
      }
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
  }

  crossCount(rowKey: string, columnKey: string, indices?: Uint32Array): CrossCount {
    const a = this.dictionary(rowKey);
    const b = this.dictionary(columnKey);
    const aCounts = this.countIds(a, indices);
    const bCounts = this.countIds(b, indices);
    const aIds = this.orderIds(rowKey, a, present(aCounts));
    const bIds = this.orderIds(columnKey, b, present(bCounts));
    const aSlot = new Int32Array(a.texts.length).fill(-1);
    const bSlot = new Int32Array(b.texts.length).fill(-1);
    aIds.forEach((id, i) => (aSlot[id] = i));
    bIds.forEach((id, i) => (bSlot[id] = i));
    const width = bIds.length;
    const counts = new Uint32Array(aIds.length * width);
    const n = indices ? indices.length : this.rowCount;
    for (let i = 0; i < n; i++) {
      const row = indices ? indices[i]! : i;
      counts[aSlot[a.ids[row]!]! * width + bSlot[b.ids[row]!]!]!++;
    }
    return {
      rows: aIds.map((id) => a.texts[id]!),
      columns: bIds.map((id) => b.texts[id]!),
      counts,
    };
  }

  timeBuckets(key: string, unit: TimeUnit, indices?: Uint32Array): TimeBuckets {
    const numbers = this.numbers(key);
    const n = indices ? indices.length : this.rowCount;
    const bucketOf = bucketFunction(unit);
    let low = Infinity;
    let high = -Infinity;
    const buckets = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = numbers[indices ? indices[i]! : i]!;
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
  }

  warm(what?: WarmOptions): void {
    for (const task of this.warmTasks(what)) task();
  }

  warmTasks(what?: WarmOptions): (() => void)[] {
    const tasks: (() => void)[] = [];
    const sortKeys = what?.sortKeys ?? (what ? [] : this.columns.map((c) => c.key));
    for (const key of sortKeys) if (this.byKey.has(key)) tasks.push(() => this.sortKey(key));
    if (what?.phone ?? !what) tasks.push(() => this.phones());
    for (const key of what?.searchKeys ?? [])
      if (this.byKey.has(key)) tasks.push(() => this.search(key));
    // The builds' scratch buffers (~80 MB at 1M rows) are not needed once everything is built.
    if (tasks.length > 0) tasks.push(releaseScratch);
    return tasks;
  }

  // --- sorting ---------------------------------------------------------------------------

  private steps(spec: SortSpec): SortStep[] {
    const seen = new Set<string>();
    const steps: SortStep[] = [];
    for (const item of spec) {
      if (seen.has(item.key) || !this.byKey.has(item.key)) continue;
      seen.add(item.key);
      steps.push({ key: this.sortKey(item.key), desc: item.desc === true });
    }
    return steps;
  }

  /** All rows sorted by `spec`; cached (a few specs) so clearing a filter never re-sorts. */
  private sortedAll(spec: SortSpec): Uint32Array {
    const valid = spec.filter(
      (item, i) => this.byKey.has(item.key) && spec.findIndex((s) => s.key === item.key) === i,
    );
    const signature = JSON.stringify(valid.map((item) => [item.key, item.desc === true]));
    const hit = this.sorted.get(signature);
    if (hit) {
      this.sorted.delete(signature);
      this.sorted.set(signature, hit);
      return hit;
    }
    let order: Uint32Array;
    if (valid.length === 0) order = this.allRows();
    else {
      const steps = this.steps(valid);
      const last = steps[steps.length - 1]!;
      // The least significant pass over all rows in ascending order is the key's own
      // by-product; every other pass is a linear counting sort.
      order = last.desc ? sortByKey(this.allRows(), last.key, true) : last.key.ascending;
      for (let i = steps.length - 2; i >= 0; i--)
        order = sortByKey(order, steps[i]!.key, steps[i]!.desc);
    }
    this.sorted.set(signature, order);
    if (this.sorted.size > SORT_CACHE_SIZE) this.sorted.delete(this.sorted.keys().next().value!);
    return order;
  }

  private allRows(): Uint32Array {
    if (!this.identity) {
      this.identity = new Uint32Array(this.rowCount);
      for (let i = 0; i < this.rowCount; i++) this.identity[i] = i;
    }
    return this.identity;
  }

  // --- filtering -------------------------------------------------------------------------

  /** The rows passing the query's filters, or undefined when nothing filters. */
  private match(query: ReportQuery, skipFilter?: string): Mask | undefined {
    const parts: Mask[] = [];
    const phone = this.phoneMask(query.phone ?? '');
    if (phone) parts.push(phone);
    const search = this.searchMask(query.search ?? '', query.searchKeys);
    if (search) parts.push(search);
    for (const [key, filter] of Object.entries(query.filters ?? {})) {
      if (key === skipFilter) continue;
      const mask = filter && this.byKey.has(key) ? this.filterMask(key, filter) : undefined;
      if (mask) parts.push(mask);
    }
    if (parts.length === 0) return undefined;
    if (parts.length === 1) return parts[0];
    parts.sort((a, b) => a.count - b.count);
    const flags = parts[0]!.flags.slice();
    let count = parts[0]!.count;
    for (let p = 1; p < parts.length && count > 0; p++) {
      const other = parts[p]!.flags;
      count = 0;
      for (let row = 0; row < flags.length; row++) {
        if (flags[row]) {
          if (other[row]) count++;
          else flags[row] = 0;
        }
      }
    }
    return { flags, count };
  }

  private phoneMask(input: string): Mask | undefined {
    if (this.lastPhone?.input === input) return this.lastPhone.mask;
    const query = parsePhoneQuery(input);
    let mask: Mask | undefined;
    if (query) {
      const flags = new Uint8Array(this.rowCount);
      const count = this.phones().match(query, flags);
      mask = { flags, count };
    }
    this.lastPhone = { input, mask };
    return mask;
  }

  private searchMask(search: string, searchKeys: readonly string[] | undefined): Mask | undefined {
    const needle = foldText(search.trim());
    const keys = (searchKeys ?? this.columns.map((c) => c.key)).filter((k) => this.byKey.has(k));
    const signature = JSON.stringify([needle, keys]);
    if (this.lastSearch?.signature === signature) return this.lastSearch.mask;
    let mask: Mask | undefined;
    if (needle !== '') {
      const flags = new Uint8Array(this.rowCount);
      let count = 0;
      for (const key of new Set(keys)) count += this.search(key).match(needle, flags);
      mask = { flags, count };
    }
    this.lastSearch = { signature, mask };
    return mask;
  }

  private filterMask(key: string, filter: ColumnFilter): Mask | undefined {
    const column = this.column(key);
    const values = filter.values && filter.values.length > 0 ? filter.values : undefined;
    const ranged =
      isNumericType(column.type) && (filter.min !== undefined || filter.max !== undefined);
    const signature = JSON.stringify([
      values ?? null,
      ranged ? [filter.min ?? null, filter.max ?? null] : null,
    ]);
    const last = this.lastFilters.get(key);
    if (last?.signature === signature) return last.mask;
    let mask: Mask | undefined;
    if (values || ranged) {
      const flags = new Uint8Array(this.rowCount).fill(1);
      let count = this.rowCount;
      if (values) {
        const dictionary = this.dictionary(key);
        const wanted = new Set(values);
        const allowed = new Uint8Array(dictionary.texts.length);
        dictionary.texts.forEach((text, id) => (allowed[id] = wanted.has(text) ? 1 : 0));
        const { ids } = dictionary;
        count = 0;
        for (let row = 0; row < flags.length; row++) {
          if (allowed[ids[row]!]) count++;
          else flags[row] = 0;
        }
      }
      if (ranged) {
        const numbers = this.numbers(key);
        const min = filter.min ?? -Infinity;
        const max = filter.max ?? Infinity;
        count = 0;
        for (let row = 0; row < flags.length; row++) {
          const v = numbers[row]!;
          // NaN (empty or unparsed) fails both comparisons.
          if (flags[row] && v >= min && v <= max) count++;
          else flags[row] = 0;
        }
      }
      mask = { flags, count };
    }
    this.lastFilters.set(key, { signature, mask });
    return mask;
  }

  // --- caches ----------------------------------------------------------------------------

  private column(key: string): ColumnDef {
    const column = this.byKey.get(key);
    if (!column) throw new Error(`Unknown column "${key}"`);
    return column;
  }

  /**
   * A column's cells as one array, extracted once: reading `row[key]` for a changing `key`
   * is a slow (megamorphic) property access, and every cache of a column needs all cells.
   */
  private values(key: string): CellValue[] {
    let values = this.columnValues.get(key);
    if (!values) {
      values = new Array<CellValue>(this.rowCount);
      for (let i = 0; i < this.rowCount; i++) values[i] = this.rows[i]![key] ?? null;
      this.columnValues.set(key, values);
    }
    return values;
  }

  private phones(): PhoneIndex {
    if (!this.phoneIndex) {
      const phoneColumns = this.columns
        .filter((c) => c.type === 'phone')
        .map((c) => this.values(c.key));
      this.phoneIndex = PhoneIndex.build(phoneColumns, this.rowCount);
    }
    return this.phoneIndex;
  }

  private dictionary(key: string): Dictionary {
    let dictionary = this.dictionaries.get(key);
    if (!dictionary) {
      dictionary = buildDictionary(this.column(key).type, this.values(key));
      this.dictionaries.set(key, dictionary);
    }
    return dictionary;
  }

  private search(key: string): ColumnSearch {
    let search = this.searches.get(key);
    if (!search) {
      const column = this.column(key);
      search =
        DICTIONARY_SEARCH_TYPES.has(column.type) || this.dictionaries.has(key)
          ? buildDictionarySearch(this.dictionary(key))
          : buildRowTextSearch(column.type, this.values(key));
      this.searches.set(key, search);
    }
    return search;
  }

  private numbers(key: string): Float64Array {
    const built = this.keys.get(key)?.numbers;
    if (built) return built;
    let numbers = this.numberColumns.get(key);
    if (!numbers) {
      const cells = this.values(key);
      numbers = new Float64Array(this.rowCount);
      for (let i = 0; i < this.rowCount; i++) {
        const v = cells[i];
        numbers[i] = typeof v === 'number' ? v : NaN;
      }
      this.numberColumns.set(key, numbers);
    }
    return numbers;
  }

  private countIds(dictionary: Dictionary, indices: Uint32Array | undefined): Uint32Array {
    const counts = new Uint32Array(dictionary.texts.length);
    const { ids } = dictionary;
    if (indices) for (let i = 0; i < indices.length; i++) counts[ids[indices[i]!]!]!++;
    else for (let row = 0; row < ids.length; row++) counts[ids[row]!]!++;
    return counts;
  }

  /** Dictionary ids in the column's sort order (by the first row holding each text). */
  private orderIds(key: string, dictionary: Dictionary, ids: number[]): number[] {
    const { rank } = this.sortKey(key);
    const { firstRow, texts } = dictionary;
    return ids.sort((a, b) => {
      const d = rank[firstRow[a]!]! - rank[firstRow[b]!]!;
      if (d !== 0) return d;
      const ta = texts[a]!;
      const tb = texts[b]!;
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    });
  }
}

function present(counts: Uint32Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) ids.push(id);
  return ids;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function bucketFunction(unit: TimeUnit): {
  index(ms: number): number;
  start(index: number): number;
} {
  if (unit === 'hour')
    return { index: (ms) => Math.floor(ms / HOUR_MS), start: (i) => i * HOUR_MS };
  if (unit === 'day') return { index: (ms) => Math.floor(ms / DAY_MS), start: (i) => i * DAY_MS };
  return {
    index: (ms) => monthOfDay(Math.floor(ms / DAY_MS)),
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

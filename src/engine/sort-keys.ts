import type { CellValue, ColumnType } from '../report-model/column-types';
import { isNumericType } from '../report-model/column-types';
import { scratchUint32 } from './buffers';
import { RadixScratch, sortWordPairs, writeSortableDouble } from './radix';
import { rankCodeUnits, rankCollated, type StringRanking } from './string-rank';

/**
 * A column's order, reduced to one integer per row. Ranks are dense per class and the
 * classes follow each other: values [0, valueRanks), unparsed raw text
 * [valueRanks, valueRanks + unparsedRanks), and empty cells at `nullRank` (the last one).
 * Equal ranks mean "equal for this column" (the stable sort keeps their row order).
 */
export interface SortKey {
  readonly rank: Uint32Array;
  readonly valueRanks: number;
  readonly unparsedRanks: number;
  readonly nullRank: number;
  /** All rows in ascending order (stable), as a by-product of building the ranks. */
  readonly ascending: Uint32Array;
  /** Numeric columns: the number per row, NaN for empty or unparsed cells. */
  readonly numbers?: Float64Array;
}

export type OrderKind = 'number' | 'yesno' | 'collated' | 'codeUnits' | 'id';

/**
 * How a column type orders (decided by the catalog type, never by looking at values):
 * - datetime/date/duration/count/percent: numeric;
 * - yesno: no < yes;
 * - text, enum, country, email, url: Spanish collation, case- and accent-insensitive;
 * - phone: plain code-unit order;
 * - id: numeric-aware (see buildIdKey).
 */
export function orderKind(type: ColumnType): OrderKind {
  if (isNumericType(type)) return 'number';
  switch (type) {
    case 'yesno':
      return 'yesno';
    case 'phone':
      return 'codeUnits';
    case 'id':
      return 'id';
    default:
      return 'collated';
  }
}

/** Builds a column's key from its cells (one per row, in row order). */
export function buildSortKey(type: ColumnType, values: Cells): SortKey {
  switch (orderKind(type)) {
    case 'number':
      return buildNumberKey(values);
    case 'yesno':
      return buildYesNoKey(values);
    case 'collated':
      return buildStringKey(values, rankCollated);
    case 'codeUnits':
      return buildStringKey(values, rankCodeUnits);
    case 'id':
      return buildIdKey(values);
  }
}

type Cells = readonly (CellValue | undefined)[];

/** Accumulates classes of rows in order and hands out their ranks. */
class KeyBuilder {
  readonly rank: Uint32Array;
  readonly ascending: Uint32Array;
  private filled = 0;
  private nextRank = 0;

  constructor(n: number) {
    this.rank = new Uint32Array(n);
    this.ascending = new Uint32Array(n);
  }

  /** Appends rows already in order; classStart[i] = 1 where order[i] differs from order[i - 1]. */
  appendRanked(order: Uint32Array, classStart: Uint8Array): void {
    let r = this.nextRank - 1;
    for (let i = 0; i < order.length; i++) {
      if (classStart[i] || i === 0) r++;
      const row = order[i]!;
      this.rank[row] = r;
      this.ascending[this.filled++] = row;
    }
    this.nextRank = r + 1;
  }

  /** Appends rows that are all equal (one rank), even if there are none. */
  appendClass(rows: ArrayLike<number>, length: number): void {
    const r = this.nextRank++;
    for (let i = 0; i < length; i++) {
      const row = rows[i]!;
      this.rank[row] = r;
      this.ascending[this.filled++] = row;
    }
  }

  get ranks(): number {
    return this.nextRank;
  }

  /** Empty cells as the last class, every appended row a value (no unparsed text). */
  finishWithEmpty(empty: readonly number[]): SortKey {
    const valueRanks = this.nextRank;
    this.appendClass(empty, empty.length);
    return {
      rank: this.rank,
      ascending: this.ascending,
      valueRanks,
      unparsedRanks: 0,
      nullRank: valueRanks,
    };
  }
}

function buildNumberKey(values: Cells): SortKey {
  const n = values.length;
  const numbers = new Float64Array(n);
  const hi = scratchUint32('key.hi', n);
  const lo = scratchUint32('key.lo', n);
  const numbered = scratchUint32('key.items', n);
  const unparsed: number[] = [];
  const empty: number[] = [];
  const strings: string[] = []; // sparse: unparsed cells are few
  let count = 0;
  for (let row = 0; row < n; row++) {
    const v = values[row];
    if (typeof v === 'number' && v === v) {
      numbers[row] = v;
      writeSortableDouble(v, hi, lo, count);
      numbered[count++] = row;
      continue;
    }
    numbers[row] = NaN;
    if (v === null || typeof v === 'number') empty.push(row);
    else {
      strings[row] = String(v);
      unparsed.push(row);
    }
  }
  sortWordPairs(hi, lo, numbered, 0, count, RadixScratch.shared(count));
  const builder = new KeyBuilder(n);
  const order = numbered.subarray(0, count);
  const classStart = new Uint8Array(count);
  for (let i = 0; i < count; i++)
    classStart[i] = i === 0 || hi[i] !== hi[i - 1] || lo[i] !== lo[i - 1] ? 1 : 0;
  builder.appendRanked(order, classStart);
  return finish(builder, builder.ranks, strings, unparsed, empty, numbers);
}

const UNRANKED = 0xffffffff;

/** no < yes; unparsed raw text after them (code-unit order); empty cells last. */
function buildYesNoKey(values: Cells): SortKey {
  const n = values.length;
  const rank = new Uint32Array(n);
  const unparsed: number[] = [];
  const strings: string[] = [];
  for (let row = 0; row < n; row++) {
    const v = values[row];
    if (v === false) rank[row] = 0;
    else if (v === true) rank[row] = 1;
    else if (v === null || v === undefined) rank[row] = UNRANKED;
    else {
      strings[row] = String(v);
      unparsed.push(row);
    }
  }
  let unparsedRanks = 0;
  if (unparsed.length > 0) {
    const ranking = rankCodeUnits(strings, Uint32Array.from(unparsed));
    let r = 1;
    ranking.order.forEach((row, i) => {
      if (ranking.classStart[i]) r++;
      rank[row] = r;
    });
    unparsedRanks = r - 1;
  }
  const nullRank = 2 + unparsedRanks;
  for (let row = 0; row < n; row++) if (rank[row] === UNRANKED) rank[row] = nullRank;
  return {
    rank,
    ascending: ascendingByRank(rank, nullRank + 1),
    valueRanks: 2,
    unparsedRanks,
    nullRank,
  };
}

/** All rows in ascending rank order, ties in row order: one counting sort. */
function ascendingByRank(rank: Uint32Array, buckets: number): Uint32Array {
  const start = new Uint32Array(buckets);
  for (let row = 0; row < rank.length; row++) start[rank[row]!]!++;
  let sum = 0;
  for (let b = 0; b < buckets; b++) {
    const count = start[b]!;
    start[b] = sum;
    sum += count;
  }
  const ascending = new Uint32Array(rank.length);
  for (let row = 0; row < rank.length; row++) ascending[start[rank[row]!]!++] = row;
  return ascending;
}

/**
 * Columns with few distinct values (countries, channels, agent names) rank their distinct
 * values only, found with a Map. Gives up (undefined) as soon as the column proves to have
 * many distinct values; the radix ranking of every row is faster then.
 */
function buildDictionaryKey(values: Cells, ranker: Ranker): SortKey | undefined {
  const n = values.length;
  const limit = Math.max(256, n >>> 5);
  const ids = scratchUint32('key.ids', n);
  const byText = new Map<string, number>();
  const distinct: string[] = [];
  for (let row = 0; row < n; row++) {
    const v = values[row];
    if (v === null || v === undefined) {
      ids[row] = UNRANKED;
      continue;
    }
    const text = typeof v === 'string' ? v : String(v);
    let id = byText.get(text);
    if (id === undefined) {
      if (distinct.length >= limit) return undefined;
      id = distinct.length;
      distinct.push(text);
      byText.set(text, id);
    }
    ids[row] = id;
  }
  const ranking = ranker(
    distinct,
    Uint32Array.from(distinct, (_, i) => i),
  );
  const rankOf = new Uint32Array(distinct.length);
  let r = -1;
  ranking.order.forEach((id, i) => {
    if (ranking.classStart[i]) r++;
    rankOf[id] = r;
  });
  const nullRank = r + 1;
  const rank = new Uint32Array(n);
  for (let row = 0; row < n; row++) {
    const id = ids[row]!;
    rank[row] = id === UNRANKED ? nullRank : rankOf[id]!;
  }
  return {
    rank,
    ascending: ascendingByRank(rank, nullRank + 1),
    valueRanks: nullRank,
    unparsedRanks: 0,
    nullRank,
  };
}

type Ranker = (strings: readonly string[], items: Uint32Array) => StringRanking;

function finish(
  builder: KeyBuilder,
  valueRanks: number,
  strings: readonly string[],
  unparsed: readonly number[],
  empty: readonly number[],
  numbers?: Float64Array,
): SortKey {
  if (unparsed.length > 0) {
    const ranking = rankCodeUnits(strings, Uint32Array.from(unparsed));
    builder.appendRanked(ranking.order, ranking.classStart);
  }
  const unparsedRanks = builder.ranks - valueRanks;
  const nullRank = builder.ranks;
  builder.appendClass(empty, empty.length);
  return {
    rank: builder.rank,
    ascending: builder.ascending,
    valueRanks,
    unparsedRanks,
    nullRank,
    numbers,
  };
}

function buildStringKey(values: Cells, ranker: Ranker): SortKey {
  const dictionary = buildDictionaryKey(values, ranker);
  if (dictionary) return dictionary;
  const n = values.length;
  const strings: string[] = new Array<string>(n);
  const present = scratchUint32('key.items', n);
  const empty: number[] = [];
  let count = 0;
  for (let row = 0; row < n; row++) {
    const v = values[row];
    if (v === null || v === undefined) empty.push(row);
    else {
      strings[row] = typeof v === 'string' ? v : String(v);
      present[count++] = row;
    }
  }
  const builder = new KeyBuilder(n);
  const ranking = ranker(strings, present.subarray(0, count));
  builder.appendRanked(ranking.order, ranking.classStart);
  return builder.finishWithEmpty(empty);
}

const MAX_EXACT_DIGITS = 15;

/**
 * Ids: values made only of ASCII digits come first, in numeric order (leading zeros ignored,
 * any length); equal numbers differing only in leading zeros ("7", "07") follow code-unit
 * order. Every other id follows, in plain code-unit order. So agent ids 9 < 10 < 100 and
 * "-" (a chat that never reached an agent) sorts after the real ids.
 */
function buildIdKey(values: Cells): SortKey {
  const n = values.length;
  const strings: string[] = new Array<string>(n);
  const numbered = scratchUint32('key.items', n);
  const hi = scratchUint32('key.hi', n);
  const lo = scratchUint32('key.lo', n);
  const long: number[] = [];
  const others: number[] = [];
  const empty: number[] = [];
  let zeros: Uint32Array | undefined; // leading zeros of long numeric ids, by row
  let count = 0;
  for (let row = 0; row < n; row++) {
    const v = values[row];
    if (v === null || v === undefined) {
      empty.push(row);
      continue;
    }
    const s = typeof v === 'string' ? v : String(v);
    strings[row] = s;
    let leading = 0;
    let digits = s.length > 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) {
        digits = false;
        break;
      }
      if (c === 48 && leading === i) leading++;
    }
    if (!digits) others.push(row);
    else if (s.length - leading <= MAX_EXACT_DIGITS) {
      writeSortableDouble(Number(s), hi, lo, count);
      numbered[count++] = row;
    } else {
      zeros ??= new Uint32Array(n);
      zeros[row] = leading;
      long.push(row);
    }
  }

  const builder = new KeyBuilder(n);
  // Short numeric ids: radix on the number, then split ties whose raw text differs.
  sortWordPairs(hi, lo, numbered, 0, count, RadixScratch.shared(count));
  const order = numbered.subarray(0, count);
  const classStart = new Uint8Array(count);
  for (let i = 0; i < count; i++)
    classStart[i] = i === 0 || hi[i] !== hi[i - 1] || lo[i] !== lo[i - 1] ? 1 : 0;
  splitByRawText(strings, order, classStart);
  builder.appendRanked(order, classStart);

  // Long numeric ids: by significant length, then code units after the leading zeros.
  if (zeros) {
    const byLength = new Map<number, number[]>();
    for (const row of long) {
      const length = strings[row]!.length - zeros![row]!;
      let bucket = byLength.get(length);
      if (!bucket) byLength.set(length, (bucket = []));
      bucket.push(row);
    }
    for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
      const ranking = rankCodeUnits(strings, Uint32Array.from(byLength.get(length)!), zeros);
      splitByRawText(strings, ranking.order, ranking.classStart);
      builder.appendRanked(ranking.order, ranking.classStart);
    }
  }
  if (others.length > 0) {
    const ranking = rankCodeUnits(strings, Uint32Array.from(others));
    builder.appendRanked(ranking.order, ranking.classStart);
  }
  return builder.finishWithEmpty(empty);
}

/**
 * Inside each class of equal numbers, orders distinct raw strings ("007" < "07" < "7") by
 * code units and gives them their own classes; rows with identical text keep row order.
 */
function splitByRawText(
  strings: readonly string[],
  order: Uint32Array,
  classStart: Uint8Array,
): void {
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && !classStart[i]) continue;
    if (i - start > 1) {
      const first = strings[order[start]!];
      let same = true;
      for (let j = start + 1; j < i; j++) {
        if (strings[order[j]!] !== first) {
          same = false;
          break;
        }
      }
      if (!same) {
        const members = Array.from(order.subarray(start, i));
        members.sort((a, b) => {
          const sa = strings[a]!;
          const sb = strings[b]!;
          return sa < sb ? -1 : sa > sb ? 1 : a - b;
        });
        for (let j = start; j < i; j++) {
          order[j] = members[j - start]!;
          classStart[j] = j === start || strings[order[j]!] !== strings[order[j - 1]!] ? 1 : 0;
        }
      }
    }
    start = i;
  }
}

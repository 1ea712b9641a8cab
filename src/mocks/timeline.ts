import type { ReportDef } from '../report-model/catalog';
import { SECOND, type TimeRange } from '../report-model/time-range';
import { wireDateTime } from './fake-values';
import { generateTimedRows } from './generate-report';
import { createRandom, hashSeed } from './random';

/**
 * A wolkvox whose rows sit at chosen instants, for tests that must know exactly
 * what a complete load returns: `rows` spread over `range`, more in `bursts` (a
 * day over the 60,000-row cap), one at each of `times` (the edges of chunks).
 * Row `i` (in time order) is identified as `C0000000`, `C0000001`, …; its other
 * values are a row of the same report made by the mock generators, moved to its
 * instant, so every report answers in its own columns.
 */
export interface TimelineOptions {
  /** Spread `rows` rows uniformly over this period, at whole seconds. */
  range?: TimeRange;
  rows?: number;
  /** More rows in a sub-period: a "capped" day is `{ range: thatDay, rows: 70_000 }`. */
  bursts?: readonly { range: TimeRange; rows: number }[];
  /** One row at each of these instants. */
  times?: readonly number[];
  seed?: number;
}

export interface Timeline {
  /** Row instants (wall-clock ms, whole seconds), ascending; a row's index is its identity. */
  readonly times: Float64Array;
  readonly seed: number;
  /** The ids a complete load of `range` returns, in order. */
  idsIn(range: TimeRange): string[];
  /** Indices [from, to) of the rows in `range` (inclusive at both ends). */
  span(range: TimeRange): { from: number; to: number };
  /** Wire rows `from`..`to` - 1 of `report`. */
  wireRows(report: ReportDef, from: number, to: number): Record<string, unknown>[];
  /** The same rows as JSON (the text of the list), built without an object per row. */
  wireJson(report: ReportDef, from: number, to: number): string;
}

export const timelineRowId = (index: number) => `C${String(index).padStart(7, '0')}`;

export function createTimeline(options: TimelineOptions): Timeline {
  const seed = options.seed ?? 1;
  const times = timelineTimes(options);
  const pools = new Map<string, Pool>();
  const span = (range: TimeRange) => {
    const from = lowerBound(times, range.start);
    return { from, to: Math.max(from, lowerBound(times, range.end + SECOND)) };
  };
  return {
    times,
    seed,
    span,
    idsIn: (range) => {
      const { from, to } = span(range);
      return Array.from({ length: to - from }, (_, i) => timelineRowId(from + i));
    },
    wireRows: (report, from, to) => {
      const pool = poolOf(report);
      const out: Record<string, unknown>[] = [];
      for (let i = from; i < to; i++) out.push(pool.rowAt(i, times[i]!));
      return out;
    },
    wireJson: (report, from, to) => {
      const pool = poolOf(report);
      const parts: string[] = [];
      for (let i = from; i < to; i++) parts.push(pool.jsonAt(i, times[i]!));
      return `[${parts.join(',')}]`;
    },
  };

  function poolOf(report: ReportDef): Pool {
    let pool = pools.get(report.api);
    if (!pool) {
      pool = buildPool(report, seed);
      pools.set(report.api, pool);
    }
    return pool;
  }
}

/** First index whose time is >= `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function timelineTimes(options: TimelineOptions): Float64Array {
  const random = createRandom(options.seed ?? 1).next;
  const all: number[] = [];
  const spread = (range: TimeRange, count: number) => {
    const start = Math.ceil(range.start / SECOND) * SECOND;
    const seconds = Math.floor((range.end - start) / SECOND) + 1;
    for (let i = 0; i < count; i++) all.push(start + Math.floor(random() * seconds) * SECOND);
  };
  if (options.range && options.rows) spread(options.range, options.rows);
  for (const burst of options.bursts ?? []) spread(burst.range, burst.rows);
  for (const time of options.times ?? []) all.push(Math.floor(time / SECOND) * SECOND);
  return Float64Array.from(all).sort();
}

// ---- rows from the generators ------------------------------------------------------------

interface Pool {
  rowAt(index: number, at: number): Record<string, unknown>;
  jsonAt(index: number, at: number): string;
}

/** A week of the report as the generators make it: the rows a timeline row is dressed as. */
const POOL_WEEK = { start: Date.UTC(2026, 0, 5), end: Date.UTC(2026, 0, 12) - SECOND };
const WIRE_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

interface PoolRow {
  at: number;
  row: Record<string, unknown>;
  /** Keys whose values are wire date-times, and those instants. */
  dateKeys: string[];
  dates: number[];
  /** The row's JSON cut where its id and date-times go (none when it nests lists). */
  pieces?: string[];
  /** What goes between pieces: -1 the id, k the k-th date-time. */
  holes?: number[];
}

/** Marks a hole in a row's JSON (JSON.stringify writes U+0000 as this escape). */
const HOLE = /\\u0000(ID|D\d+)\\u0000/;

function buildPool(report: ReportDef, seed: number): Pool {
  const timed = generateTimedRows(report, POOL_WEEK);
  if (!timed || timed.length === 0) {
    // A report that totals has no row per interaction: its rows are generated per day.
    const rowAt = (index: number, at: number) => ({
      conn_id: timelineRowId(index),
      date: wireDateTime(at),
    });
    return { rowAt, jsonAt: (index, at) => JSON.stringify(rowAt(index, at)) };
  }
  const pool: PoolRow[] = timed.map(({ at, row }) => {
    const dateKeys: string[] = [];
    const dates: number[] = [];
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'string' && WIRE_DATE_TIME.test(value)) {
        dateKeys.push(key);
        dates.push(readWireDateTime(value));
      }
    }
    const entry: PoolRow = { at, row, dateKeys, dates };
    if (!Object.values(row).some(Array.isArray)) {
      const template: Record<string, unknown> = { ...row };
      dateKeys.forEach((key, k) => (template[key] = `\u0000D${k}\u0000`));
      if ('conn_id' in template) template.conn_id = '\u0000ID\u0000';
      const split = JSON.stringify(template).split(HOLE);
      entry.pieces = split.filter((_, i) => i % 2 === 0);
      entry.holes = split
        .filter((_, i) => i % 2 === 1)
        .map((h) => (h === 'ID' ? -1 : Number(h.slice(1))));
    }
    return entry;
  });
  const sourceOf = (index: number) => pool[hashSeed(`${seed}|${index}`) % pool.length]!;
  return {
    jsonAt(index, at) {
      const source = sourceOf(index);
      if (!source.pieces) return JSON.stringify(this.rowAt(index, at));
      const shift = at - source.at;
      const { pieces, holes } = source;
      let out = pieces[0]!;
      for (let h = 0; h < holes!.length; h++) {
        const hole = holes![h]!;
        out += hole < 0 ? timelineRowId(index) : wireDateTime(source.dates[hole]! + shift);
        out += pieces[h + 1]!;
      }
      return out;
    },
    rowAt(index, at) {
      const source = sourceOf(index);
      const shift = at - source.at;
      const row: Record<string, unknown> = { ...source.row };
      for (let k = 0; k < source.dateKeys.length; k++)
        row[source.dateKeys[k]!] = wireDateTime(source.dates[k]! + shift);
      for (const [key, value] of Object.entries(row))
        if (Array.isArray(value)) row[key] = value.map((item) => shifted(item, shift));
      if ('conn_id' in row) row.conn_id = timelineRowId(index);
      return row;
    },
  };
}

/** Nested records (report 2's messages) with their date-times moved by `shift`. */
function shifted(item: unknown, shift: number): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out))
    if (typeof value === 'string' && WIRE_DATE_TIME.test(value))
      out[key] = wireDateTime(readWireDateTime(value) + shift);
  return out;
}

function readWireDateTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}

import { cellText } from '../engine/cell-text';
import type { ColumnDef } from '../report-model/catalog';
import type { CellValue, ColumnType, ReportRow } from '../report-model/column-types';
import { DAY, groupWeeks, MAX_DAILY_BARS, toIsoDate } from '../report-model/time-range';
import type { ChartSort, ChartSpec, ColumnsSpec } from './chart-specs';

/**
 * One-pass aggregation of a report's rows for one chart spec, over the rows of the table's
 * filtered view (`order`), so the charts follow the table's filters. Pure: no React, no recharts.
 *
 * Per row it does a couple of property reads and one Map lookup keyed on the raw cell value
 * (plus one for the split of stacked charts); buckets are created only for new values, and the
 * plain-text keys (`cellText`, the form the column filters use) are computed once per bucket.
 */

/** Key of the "Other" bar / series (values beyond the top N). Never a real cell text. */
export const OTHER_KEY = '\u0000other';

export interface ChartBar {
  /** Plain-text value of the bar's column (drill-down filter value): '' = empty, ISO date for days. */
  key: string;
  /** Display text before localization: the key, the empty/other labels, or the ISO date. */
  label: string;
  /** Per-day charts drawn per week: the week's last ISO day (the key is its first). */
  to?: string;
  value: number;
  /** Rows behind the bar. */
  rows: number;
  /** Stacked / columns charts: the value per series, aligned with `ChartData.series`. */
  parts?: number[];
  /** The bar summing the values beyond the top N (no drill-down). */
  other?: true;
}

export interface ChartSeries {
  /** Plain-text value of the split column (or the spec's series key); OTHER_KEY for the rest. */
  key: string;
  label: string;
  other?: true;
}

export interface ChartData {
  bars: ChartBar[];
  /** Empty for single-series charts. */
  series: ChartSeries[];
  /** count/sum charts: the sum over every charted row; mean charts: the overall mean. */
  total: number;
  /** Rows in the view. */
  rows: number;
  /** Rows not charted: no usable date (per-day) or no number to sum/average. */
  skipped: number;
  /** How many distinct values the "Other" bar holds (0 when there is none). */
  otherValues: number;
  /** Type of the charted figure, for formatting (count, duration, percent…). */
  valueType: ColumnType;
  /** True when bar values are means (no shares, no totals). */
  mean: boolean;
  /** Per-day charts: one bar per day, or per week beyond `maxDailyBars` days. */
  unit?: 'day' | 'week';
}

export interface AggregateOptions {
  /** Label of the bar of empty cells (default "(empty)"). */
  emptyLabel?: string;
  /** Label of the bar / series of values beyond the top N (default "Other"). */
  otherLabel?: string;
  /** Days without rows are filled with zero bars when the span is at most this (default 400). */
  maxFillDays?: number;
  /** Per-day charts spanning more days than this draw one bar per week (default 92). */
  maxDailyBars?: number;
  /** Stacked charts: at most this many series, the rest folded into "Other" (default 8). */
  maxSeries?: number;
}

const COUNT = 0;
const SUM = 1;
const MEAN = 2;
const WEIGHTED_MEAN = 3;
type Mode = typeof COUNT | typeof SUM | typeof MEAN | typeof WEIGHTED_MEAN;

const MAX_DATE_MS = 8.64e15;

/** Accumulator of one raw value (one object per distinct value, never per row). */
class Bucket {
  rows = 0;
  sum = 0;
  weighted = 0;
  weight = 0;
  parts: Map<CellValue, Bucket> | null = null;
  constructor(readonly raw: CellValue) {}
}

/** Accumulator of one plain-text key (raw values with the same text merged, e.g. true / 'yes'). */
interface Merged {
  key: string;
  rows: number;
  sum: number;
  weighted: number;
  weight: number;
  parts: Map<string, Merged> | null;
  value: number;
}

export function aggregateChart(
  spec: ChartSpec,
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  order: ArrayLike<number>,
  options: AggregateOptions = {},
): ChartData {
  const typeOf = (key: string): ColumnType =>
    columns.find((column) => column.key === key)?.type ?? 'text';
  if (spec.kind === 'columns') return aggregateColumns(spec, rows, order, typeOf);

  const valueKey = spec.kind === 'count-by' ? undefined : spec.value;
  const mode: Mode =
    valueKey === undefined
      ? COUNT
      : spec.kind === 'mean-by'
        ? spec.weight === undefined
          ? MEAN
          : WEIGHTED_MEAN
        : SUM;
  const weightKey = spec.kind === 'mean-by' ? spec.weight : undefined;
  const splitKey = spec.kind === 'stacked' ? spec.split : undefined;
  const perDay = spec.kind === 'per-day';
  const by = spec.by;

  const buckets = new Map<CellValue, Bucket>();
  let skipped = 0;
  const length = order.length;
  for (let i = 0; i < length; i++) {
    const row = rows[order[i]!]!;
    let raw = row[by];
    if (perDay) {
      if (typeof raw !== 'number' || !(raw >= -MAX_DATE_MS && raw <= MAX_DATE_MS)) {
        skipped++;
        continue;
      }
      raw = Math.floor(raw / DAY);
    } else if (raw === undefined) raw = null;
    let value = 0;
    let weight = 1;
    if (mode !== COUNT) {
      const cell = row[valueKey!];
      // Not a number (empty, unparsed text, NaN): the row has nothing to add.
      if (typeof cell !== 'number' || cell !== cell) {
        skipped++;
        continue;
      }
      value = cell;
      if (mode === WEIGHTED_MEAN) {
        const w = row[weightKey!];
        weight = typeof w === 'number' && w > 0 && w !== Infinity ? w : 0;
      }
    }
    let bucket = buckets.get(raw);
    if (bucket === undefined) {
      bucket = new Bucket(raw);
      buckets.set(raw, bucket);
    }
    bucket.rows++;
    bucket.sum += value;
    bucket.weighted += value * weight;
    bucket.weight += weight;
    if (splitKey !== undefined) {
      let split = row[splitKey];
      if (split === undefined) split = null;
      let parts = bucket.parts;
      if (parts === null) bucket.parts = parts = new Map();
      let part = parts.get(split);
      if (part === undefined) {
        part = new Bucket(split);
        parts.set(split, part);
      }
      part.rows++;
      part.sum += value;
    }
  }

  const valueType: ColumnType = valueKey === undefined ? 'count' : typeOf(valueKey);
  const base = {
    rows: length,
    skipped,
    valueType,
    mean: mode === MEAN || mode === WEIGHTED_MEAN,
  };
  const labels = {
    empty: options.emptyLabel ?? '(empty)',
    other: options.otherLabel ?? 'Other',
  };

  if (perDay) {
    const days = perDayBars(buckets, spec.value === undefined, options.maxFillDays ?? 400);
    const weekly = days.bars.length > (options.maxDailyBars ?? MAX_DAILY_BARS);
    return {
      ...base,
      bars: weekly ? weekBars(days.bars) : days.bars,
      total: days.total,
      unit: weekly ? 'week' : 'day',
      series: [],
      otherValues: 0,
    };
  }

  const byType = typeOf(by);
  const merged = mergeByText(buckets, byType, splitKey === undefined ? 'text' : typeOf(splitKey));
  const entries = [...merged.values()];
  for (const entry of entries) entry.value = valueOf(entry, mode);
  const total = totalOf(entries, mode);
  const max = spec.max ?? Infinity;
  const enumValues = columns.find((column) => column.key === by)?.values;
  const { shown, rest } = topN(entries, max);
  sortEntries(shown, spec.sort, enumValues);

  let series: ChartSeries[] = [];
  let seriesKeys: string[] = [];
  let foldSeries = false;
  if (spec.kind === 'stacked') {
    const totals = new Map<string, Merged>();
    for (const entry of entries) {
      for (const part of entry.parts?.values() ?? []) {
        let sum = totals.get(part.key);
        if (!sum) {
          sum = emptyMerged(part.key);
          totals.set(part.key, sum);
        }
        addInto(sum, part);
      }
    }
    const all = [...totals.values()];
    for (const entry of all) entry.value = valueOf(entry, mode);
    const split = topN(all, options.maxSeries ?? 8);
    const splitValues = columns.find((column) => column.key === spec.split)?.values;
    sortEntries(split.shown, 'enum', [...(spec.splitOrder ?? []), ...(splitValues ?? [])]);
    seriesKeys = split.shown.map((entry) => entry.key);
    foldSeries = split.rest.length > 0;
    series = seriesKeys.map((key) => ({ key, label: key === '' ? labels.empty : key }));
    if (foldSeries) series.push({ key: OTHER_KEY, label: labels.other, other: true });
  }

  const toBar = (entry: Merged, other: boolean): ChartBar => {
    const bar: ChartBar = {
      key: other ? OTHER_KEY : entry.key,
      label: other ? labels.other : entry.key === '' ? labels.empty : entry.key,
      value: entry.value,
      rows: entry.rows,
    };
    if (other) bar.other = true;
    if (spec.kind === 'stacked') bar.parts = partsOf(entry, seriesKeys, foldSeries, mode);
    return bar;
  };
  const bars = shown.map((entry) => toBar(entry, false));
  if (rest.length > 0) {
    const other = emptyMerged(OTHER_KEY);
    for (const entry of rest) {
      addInto(other, entry);
      for (const part of entry.parts?.values() ?? []) {
        other.parts ??= new Map();
        let target = other.parts.get(part.key);
        if (!target) {
          target = emptyMerged(part.key);
          other.parts.set(part.key, target);
        }
        addInto(target, part);
      }
    }
    other.value = valueOf(other, mode);
    bars.push(toBar(other, true));
  }
  return { ...base, bars, series, total, otherValues: rest.length };
}

function aggregateColumns(
  spec: ColumnsSpec,
  rows: readonly ReportRow[],
  order: ArrayLike<number>,
  typeOf: (key: string) => ColumnType,
): ChartData {
  const keys = spec.groups.flatMap((group) => group.columns);
  const sums = new Float64Array(keys.length);
  let skipped = 0;
  const length = order.length;
  for (let i = 0; i < length; i++) {
    const row = rows[order[i]!]!;
    let any = false;
    for (let k = 0; k < keys.length; k++) {
      const cell = row[keys[k]!];
      if (typeof cell === 'number' && cell === cell) {
        sums[k]! += cell;
        any = true;
      }
    }
    if (!any) skipped++;
  }
  let offset = 0;
  let total = 0;
  const bars = spec.groups.map((group) => {
    const parts = spec.series.map((_, s) => (s < group.columns.length ? sums[offset + s]! : 0));
    offset += group.columns.length;
    const value = parts.reduce((a, b) => a + b, 0);
    total += value;
    return { key: group.key, label: group.label.en, value, rows: length - skipped, parts };
  });
  return {
    bars,
    series: spec.series.map((item) => ({ key: item.key, label: item.label.en })),
    total,
    rows: length,
    skipped,
    otherValues: 0,
    valueType: keys.length > 0 ? typeOf(keys[0]!) : 'count',
    mean: false,
  };
}

function perDayBars(
  buckets: Map<CellValue, Bucket>,
  count: boolean,
  maxFillDays: number,
): { bars: ChartBar[]; total: number } {
  const days = [...buckets.keys()] as number[];
  days.sort((a, b) => a - b);
  let total = 0;
  const bars: ChartBar[] = [];
  const push = (day: number, bucket: Bucket | undefined) => {
    const key = isoDay(day);
    const value = bucket ? (count ? bucket.rows : bucket.sum) : 0;
    total += value;
    bars.push({ key, label: key, value, rows: bucket?.rows ?? 0 });
  };
  const first = days[0];
  const last = days[days.length - 1];
  // The span in days, both ends counted (as report 10's usage fills its days).
  if (first !== undefined && last !== undefined && last - first + 1 <= maxFillDays) {
    for (let day = first; day <= last; day++) push(day, buckets.get(day));
  } else {
    for (const day of days) push(day, buckets.get(day));
  }
  return { bars, total };
}

const isoDay = (day: number) => toIsoDate(day * DAY);

/** Day bars grouped Monday to Sunday (`groupWeeks`), each week keyed by its first day. */
function weekBars(days: readonly ChartBar[]): ChartBar[] {
  return groupWeeks(
    days,
    (day) => day.key,
    (day) => ({ ...day, to: day.key }),
    (week, day) => {
      week.to = day.key;
      week.value += day.value;
      week.rows += day.rows;
    },
  );
}

function emptyMerged(key: string): Merged {
  return { key, rows: 0, sum: 0, weighted: 0, weight: 0, parts: null, value: 0 };
}

function addInto(target: Merged, source: Bucket | Merged): void {
  target.rows += source.rows;
  target.sum += source.sum;
  target.weighted += source.weighted;
  target.weight += source.weight;
}

function textOf(type: ColumnType, raw: CellValue): string {
  if (typeof raw === 'number' && raw !== raw) return '';
  return cellText(type, raw);
}

/** Buckets keyed by raw value → by plain text (true and an unparsed 'yes' are one bar). */
function mergeByText(
  buckets: Map<CellValue, Bucket>,
  type: ColumnType,
  splitType: ColumnType,
): Map<string, Merged> {
  const merged = new Map<string, Merged>();
  for (const bucket of buckets.values()) {
    const key = textOf(type, bucket.raw);
    let target = merged.get(key);
    if (!target) {
      target = emptyMerged(key);
      merged.set(key, target);
    }
    addInto(target, bucket);
    if (bucket.parts) {
      target.parts ??= new Map();
      for (const part of bucket.parts.values()) {
        const partKey = textOf(splitType, part.raw);
        let partTarget = target.parts.get(partKey);
        if (!partTarget) {
          partTarget = emptyMerged(partKey);
          target.parts.set(partKey, partTarget);
        }
        addInto(partTarget, part);
      }
    }
  }
  return merged;
}

function valueOf(entry: Merged, mode: Mode): number {
  switch (mode) {
    case COUNT:
      return entry.rows;
    case SUM:
      return entry.sum;
    default:
      // Weighted mean; a bucket whose rows all lack a weight falls back to the plain mean.
      if (entry.weight > 0) return entry.weighted / entry.weight;
      return entry.rows > 0 ? entry.sum / entry.rows : 0;
  }
}

function totalOf(entries: readonly Merged[], mode: Mode): number {
  const all = emptyMerged('');
  for (const entry of entries) addInto(all, entry);
  return valueOf(all, mode);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byValueDesc = (a: Merged, b: Merged) => b.value - a.value || compareText(a.key, b.key);

/** The `max` largest entries; the rest only when they are at least two (one bar is no "Other"). */
function topN(entries: Merged[], max: number): { shown: Merged[]; rest: Merged[] } {
  if (entries.length <= max + 1) return { shown: entries.slice(), rest: [] };
  const sorted = entries.slice().sort(byValueDesc);
  return { shown: sorted.slice(0, max), rest: sorted.slice(max) };
}

/** Sorts in place; the empty value goes last except in `value` order. */
function sortEntries(
  entries: Merged[],
  sort: ChartSort,
  enumValues: readonly string[] | undefined,
): void {
  if (sort === 'value') {
    entries.sort(byValueDesc);
    return;
  }
  const emptyLast = (a: Merged, b: Merged) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0);
  if (sort === 'key') {
    entries.sort((a, b) => emptyLast(a, b) || compareText(a.key, b.key));
    return;
  }
  const rank = new Map<string, number>();
  for (const value of enumValues ?? []) if (!rank.has(value)) rank.set(value, rank.size);
  const rankOf = (entry: Merged) => rank.get(entry.key) ?? rank.size;
  entries.sort((a, b) => emptyLast(a, b) || rankOf(a) - rankOf(b) || byValueDesc(a, b));
}

function partsOf(entry: Merged, keys: readonly string[], fold: boolean, mode: Mode): number[] {
  const parts = keys.map((key) => {
    const part = entry.parts?.get(key);
    return part ? valueOf(part, mode) : 0;
  });
  if (fold) {
    let rest = 0;
    for (const [key, part] of entry.parts ?? [])
      if (!keys.includes(key)) rest += valueOf(part, mode);
    parts.push(rest);
  }
  return parts;
}

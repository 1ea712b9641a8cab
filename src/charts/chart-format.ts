import type { ColumnType } from '../report-model/column-types';
import { formatDuration } from '../report-model/cell-format';

/** How a chart writes its figures: in full (tooltip, data table) and on the axis. */
export interface ValueFormats {
  value(n: number): string;
  axis(n: number): string;
  /** 0..1 → "42.5%" (one decimal, always). */
  share(fraction: number): string;
  /** 0..1 → "25%": the ticks of a 100 % axis (quarters need no decimals). */
  shareAxis(fraction: number): string;
}

const cache = new Map<string, ValueFormats>();

/**
 * Formats by the charted column's type: durations (seconds) as h:mm:ss, percents (34.5 = 34.5 %)
 * as percentages, everything else as numbers (compact notation on the axis: "1.2K").
 */
export function valueFormats(type: ColumnType, locale: string): ValueFormats {
  const kind = type === 'duration' || type === 'percent' ? type : 'number';
  const cacheKey = `${kind}|${locale}`;
  let formats = cache.get(cacheKey);
  if (formats) return formats;
  // Fixed decimals, so the figures of one column line up (9.7 % beside 14.74 % would not).
  const shareFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const share = (fraction: number) => shareFormat.format(fraction);
  const wholeShare = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const shareAxis = (fraction: number) => wholeShare.format(fraction);
  if (kind === 'duration') {
    formats = { value: formatDuration, axis: formatDuration, share, shareAxis };
  } else if (kind === 'percent') {
    // As the table's cells (cell-format.ts): two decimals, always; the axis on whole percents.
    const full = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const axis = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    formats = {
      value: (n) => full.format(n / 100),
      axis: (n) => axis.format(n / 100),
      share,
      shareAxis,
    };
  } else {
    const full = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const compact = new Intl.NumberFormat(locale, {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    formats = { value: (n) => full.format(n), axis: (n) => compact.format(n), share, shareAxis };
  }
  cache.set(cacheKey, formats);
  return formats;
}

const proseShares = new Map<string, Intl.NumberFormat>();

/**
 * "42%", "33.3%" in the locale's style (0..1), for a share written in a sentence (the cost
 * table's mix and markup): decimals only where there are some. Columns of shares use the fixed
 * decimals of `valueFormats(…).share` instead, so their figures line up.
 */
export function formatShare(fraction: number, locale = 'en'): string {
  let format = proseShares.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    proseShares.set(locale, format);
  }
  return format.format(fraction);
}

const DAY_STYLES = {
  short: { day: 'numeric', month: 'short', timeZone: 'UTC' },
  long: { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
// A formatter costs far more to create than to use; axes format every tick on each render.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function formatIsoDay(isoDate: string, locale: string, style: keyof typeof DAY_STYLES): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) return isoDate;
  const key = `${style}|${locale}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DAY_STYLES[style]);
    dayFormats.set(key, format);
  }
  return format.format(ms);
}

/** "3 Aug" / "3 ago" of an ISO date, read in UTC (wall-clock dates). */
export function formatDay(isoDate: string, locale = 'en'): string {
  return formatIsoDay(isoDate, locale, 'short');
}

/** "Mon, Aug 3, 2026" of an ISO date, read in UTC (wall-clock dates). */
export function formatLongDay(isoDate: string, locale: string): string {
  return formatIsoDay(isoDate, locale, 'long');
}

/**
 * recharts size props: a fixed width (tests, print) or the card's full width at `height`
 * (recharts 3 `responsive`).
 */
export function chartSize(
  width: number | undefined,
  height: number,
):
  | { width: number; height: number }
  | { responsive: true; style: { width: string; height: number } } {
  return width === undefined
    ? { responsive: true, style: { width: '100%', height } }
    : { width, height };
}

/** Long category names cut for an axis tick (the tooltip and the table show them whole). */
export function truncateTick(text: string, max = 22): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const DURATION_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];

/** Axis ticks for durations on round steps (1 s … 1 day, at most 5 intervals), from 0. */
export function durationTicks(max: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 60];
  const step =
    DURATION_STEPS.find((candidate) => max / candidate <= 5) ??
    86_400 * Math.ceil(max / 86_400 / 5);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

const PERCENT_STEPS = [1, 2, 5, 10, 20, 25, 50];

/**
 * Axis ticks for percentages (34.5 = 34.5 %) on whole-percent steps from 0, at most 5
 * intervals: every label then has the same (no) decimals, where automatic ticks of small
 * rates (0, 0.75, 1.5 …) would print "1%" twice.
 */
export function percentTicks(max: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const step =
    PERCENT_STEPS.find((candidate) => max / candidate <= 5) ?? 100 * Math.ceil(max / 500);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * Ticks of a duration axis fitted to bars between `min` and `max` (seconds), on round steps,
 * when a zero baseline would make them look alike: every bar within a quarter of the
 * tallest (TMO per agent, 2:01:00 to 2:08:00). Undefined when the bars differ enough, or
 * there is nothing to fit. For means only: a sum or a count keeps its zero baseline.
 */
export function fittedDurationTicks(min: number, max: number): number[] | undefined {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return undefined;
  if ((max - min) * 4 >= max) return undefined;
  const spread = max - min;
  const step =
    DURATION_STEPS.find((candidate) => spread / candidate <= 2) ??
    86_400 * Math.ceil(spread / 86_400 / 2);
  let from = Math.floor(min / step) * step;
  // The shortest bar keeps some length above the axis' start.
  if (from === min) from -= step;
  from = Math.max(0, from);
  const ticks: number[] = [];
  for (let tick = from; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

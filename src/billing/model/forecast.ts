import { DAY, parseIsoDate, toIsoDate } from '../../report-model/time-range';

/**
 * Month-end forecast of the estimated cost from the days so far, weekday-aware.
 *
 * Each day left in the month is expected to cost what the days of its weekday cost so far
 * (their mean); the low and high ends take their cheapest and dearest such day. A weekday
 * not seen yet borrows from its kind (Monday–Friday, or Saturday–Sunday), then from every
 * day. The month's figure is the cost so far plus the days left; all in integer cents
 * (each day left rounded half up). Without any day so far there is no forecast.
 */

export interface DayCost {
  /** ISO date. */
  day: string;
  cents: number;
}

export interface Forecast {
  /** YYYY-MM. */
  month: string;
  /** Days of the month with figures, and the month's length. */
  daysKnown: number;
  daysInMonth: number;
  soFar: number;
  low: number;
  expected: number;
  high: number;
}

const weekday = (ms: number) => new Date(ms).getUTCDay();
const isWeekend = (dow: number) => dow === 0 || dow === 6;

interface Stats {
  sum: number;
  n: number;
  min: number;
  max: number;
}

const add = (s: Stats | undefined, v: number): Stats =>
  s
    ? { sum: s.sum + v, n: s.n + 1, min: Math.min(s.min, v), max: Math.max(s.max, v) }
    : { sum: v, n: 1, min: v, max: v };

/**
 * @param days the days known (complete days of one month; days outside `month` are ignored)
 * @param month YYYY-MM
 */
export function forecastMonth(days: readonly DayCost[], month: string): Forecast | undefined {
  const first = parseIsoDate(`${month}-01`);
  if (first === undefined) return undefined;
  const d = new Date(first);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const daysInMonth = Math.round((next - first) / DAY);
  const byDow = new Map<number, Stats>();
  const byKind = new Map<boolean, Stats>();
  let all: Stats | undefined;
  const known = new Set<string>();
  let soFar = 0;
  for (const { day, cents } of days) {
    if (!day.startsWith(`${month}-`) || known.has(day)) continue;
    const ms = parseIsoDate(day);
    if (ms === undefined) continue;
    known.add(day);
    soFar += cents;
    const dow = weekday(ms);
    byDow.set(dow, add(byDow.get(dow), cents));
    byKind.set(isWeekend(dow), add(byKind.get(isWeekend(dow)), cents));
    all = add(all, cents);
  }
  if (!all) return undefined;
  let low = soFar;
  let high = soFar;
  let expected = soFar;
  for (let ms = first; ms < next; ms += DAY) {
    if (known.has(toIsoDate(ms))) continue;
    const dow = weekday(ms);
    const s = byDow.get(dow) ?? byKind.get(isWeekend(dow)) ?? all;
    low += s.min;
    high += s.max;
    expected += Math.round(s.sum / s.n);
  }
  return { month, daysKnown: known.size, daysInMonth, soFar, low, expected, high };
}

/** The days of `month` that are over (before `today`), for a period that may run into today. */
export function completeDays(days: readonly DayCost[], today: string): DayCost[] {
  return days.filter((d) => d.day < today);
}

// ---------------------------------------------------------------------------

/** A budget in cents for the operation and per connector id; 0 or missing = none. */
export interface Budget {
  operation?: number;
  connectors: Record<string, number>;
}

export type BudgetSignal = 'within' | 'atRisk' | 'over';

/**
 * `over` when the expected forecast passes the budget, `atRisk` when only the high end does,
 * `within` otherwise.
 */
export function budgetSignal(
  forecast: Pick<Forecast, 'expected' | 'high'>,
  budgetCents: number,
): BudgetSignal {
  if (forecast.expected > budgetCents) return 'over';
  if (forecast.high > budgetCents) return 'atRisk';
  return 'within';
}

/**
 * A connector's forecast: the operation's scaled by the connector's share of the cost so far
 * (low, expected and high alike), in whole cents.
 */
export function connectorForecast(
  forecast: Forecast,
  connectorSoFar: number,
): Pick<Forecast, 'soFar' | 'low' | 'expected' | 'high'> {
  const share = forecast.soFar === 0 ? 0 : connectorSoFar / forecast.soFar;
  return {
    soFar: connectorSoFar,
    low: Math.round(forecast.low * share),
    expected: Math.round(forecast.expected * share),
    high: Math.round(forecast.high * share),
  };
}

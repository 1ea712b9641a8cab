import type { ReportDef } from '../report-model/catalog';
import { DAY, toIsoDate, type TimeRange } from '../report-model/time-range';
import { AGGREGATE_GENERATORS, type DayShare } from './aggregate-generators';
import { createRandom, hashSeed, type Random } from './random';
import { DETAIL_GENERATORS, type TimedRow } from './report-generators';

/** Interactions per day of the mock operation on a weekday (weekends are quieter). */
export const DEFAULT_ROWS_PER_DAY = 400;

function dayVolume(random: Random, day: number, rowsPerDay: number): number {
  const weekday = new Date(day).getUTCDay();
  const factor = weekday === 0 ? 0.35 : weekday === 6 ? 0.6 : 1;
  return Math.round(rowsPerDay * factor * (0.85 + random.next() * 0.3));
}

/**
 * The rows a wolkvox server would hold for `report` over `range`, as wire rows
 * (every value a string). Each day is generated from its own seed, in full, and
 * then cut to the range: the same day always holds the same rows, however the
 * range is split into requests.
 */
export function generateWireRows(
  report: ReportDef,
  range: TimeRange,
  rowsPerDay = DEFAULT_ROWS_PER_DAY,
): Record<string, unknown>[] {
  const timed = generateTimedRows(report, range, rowsPerDay);
  if (timed) return timed.map(({ row }) => row);
  return generateAggregateRows(report, range, rowsPerDay);
}

/**
 * The rows of a report that lists interactions, each with the instant the API
 * filters it by, in that order; undefined for a report that totals.
 */
export function generateTimedRows(
  report: ReportDef,
  range: TimeRange,
  rowsPerDay = DEFAULT_ROWS_PER_DAY,
): TimedRow[] | undefined {
  const detail = DETAIL_GENERATORS[report.number];
  if (!detail) return undefined;
  const firstDay = Math.floor(range.start / DAY) * DAY;
  const out: TimedRow[] = [];
  for (let day = firstDay; day <= range.end; day += DAY) {
    for (const row of generateDayRows(report, day, rowsPerDay)!)
      if (row.at >= range.start && row.at <= range.end) out.push(row);
  }
  return out;
}

/**
 * Every row of a report listing interactions that the day `day` (midnight) generates, in time
 * order, uncut: a row can be timed after midnight (report 2 times a chat by its end).
 */
export function generateDayRows(
  report: ReportDef,
  day: number,
  rowsPerDay = DEFAULT_ROWS_PER_DAY,
): TimedRow[] | undefined {
  const detail = DETAIL_GENERATORS[report.number];
  if (!detail) return undefined;
  // The day's volume comes from a seed shared by every report, so they describe the same day.
  const volume = dayVolume(createRandom(hashSeed(`volume|${toIsoDate(day)}`)), day, rowsPerDay);
  const random = createRandom(hashSeed(`${report.api}|${toIsoDate(day)}|${rowsPerDay}`));
  return detail({ random, day, volume }).sort((a, b) => a.at - b.at);
}

function generateAggregateRows(
  report: ReportDef,
  range: TimeRange,
  rowsPerDay: number,
): Record<string, unknown>[] {
  const firstDay = Math.floor(range.start / DAY) * DAY;
  const days: DayShare[] = [];
  for (let day = firstDay; day <= range.end; day += DAY) {
    const random = createRandom(hashSeed(`${report.api}|${toIsoDate(day)}|${rowsPerDay}`));
    const covered = Math.min(range.end + 1000, day + DAY) - Math.max(range.start, day);
    days.push({
      day,
      random,
      volume: Math.round((dayVolume(random, day, rowsPerDay) * covered) / DAY),
    });
  }
  return AGGREGATE_GENERATORS[report.number]?.(days) ?? [];
}

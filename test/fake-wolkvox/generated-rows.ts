import type { ReportDef } from '../../src/report-model/catalog';
import { DAY, type TimeRange } from '../../src/report-model/time-range';
import { generatedRows, type RowSource } from '../../src/mocks/wolkvox-api';
import { generateDayRows } from '../../src/mocks/generate-report';

/**
 * The dev app's generated operation (`generatedRows`: one chat universe a day behind
 * reports 1, 2, 8, 10 and 11) with the same rows, written faster for volume runs: each
 * day of a report is generated once, kept as one JSON text per row, and an answer is those
 * texts joined. generatedRows generates every day a call touches in full; a month of report 2
 * at 1M interactions is cut into hundreds of calls of a few hours, and regenerating a
 * 350,000-message day for each of them made the fake, not the app, the measurement. The
 * last `keepDays` days per report are kept (the loader walks a range in time order).
 */
export function cachedGeneratedRows(rowsPerDay: number, keepDays = 4): RowSource {
  const plain = generatedRows(rowsPerDay);
  const days = new Map<string, { at: Float64Array; json: string[] }>();
  const dayOf = (report: ReportDef, day: number) => {
    const key = `${report.api}|${day}`;
    let held = days.get(key);
    if (held) {
      days.delete(key);
      days.set(key, held);
      return held;
    }
    // The day's rows, uncut: a chat of report 2 that ends after midnight is answered to a
    // range that covers its day and its end, as generatedRows does.
    const rows = generateDayRows(report, day, rowsPerDay)!;
    held = {
      at: Float64Array.from(rows, (r) => r.at),
      json: rows.map((r) => JSON.stringify(r.row)),
    };
    days.set(key, held);
    if (days.size > keepDays) days.delete(days.keys().next().value!);
    return held;
  };
  const json = (report: ReportDef, range: TimeRange, limit: number) => {
    if (report.aggregate) {
      const rows = plain.rows(report, range, limit);
      return { rows: rows.length, json: JSON.stringify(rows) };
    }
    const parts: string[] = [];
    // From the day before: its chats that end after midnight (report 2 times a chat by its
    // end) belong to a range starting then. generatedRows misses them when a call starts after
    // midnight, so its report 2 answers depend on where the loader cuts; these do not.
    for (let day = Math.floor(range.start / DAY) * DAY - DAY; day <= range.end; day += DAY) {
      const { at, json: texts } = dayOf(report, day);
      let i = lowerBound(at, range.start);
      while (i < at.length && at[i]! <= range.end && parts.length < limit) parts.push(texts[i++]!);
      if (parts.length >= limit) break;
    }
    return { rows: parts.length, json: `[${parts.join(',')}]` };
  };
  return {
    rows: (report, range, limit) =>
      JSON.parse(json(report, range, limit).json) as Record<string, unknown>[],
    json,
  };
}

function lowerBound(values: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

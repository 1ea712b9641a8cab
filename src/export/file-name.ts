import type { ReportDef } from '../report-model/catalog';
import { parseIsoDate, toIsoDate } from '../report-model/time-range';

/**
 * "10-official-whatsapp-billing_2026-11-01_2026-11-07.csv": report number and
 * slug first, so exports of the same report sort together in a downloads
 * folder, then the inclusive date range as ISO dates, which sort
 * chronologically and never contain `/` (not allowed in file names).
 *
 * `from` and `to` are ISO dates ("2026-11-01") as the URL carries them, or
 * wall-clock ms as TimeRange carries them (TimeRange.end, 23:59:59 of the last
 * day, names that last day).
 */
export function csvFileName(
  report: Pick<ReportDef, 'number' | 'slug'>,
  from: string | number,
  to: string | number,
  extension: 'csv' | 'xlsx' = 'csv',
): string {
  return `${report.number}-${report.slug}_${isoDay(from)}_${isoDay(to)}.${extension}`;
}

function isoDay(day: string | number): string {
  if (typeof day === 'number') {
    if (!Number.isFinite(day)) throw new RangeError(`Not a date: ${day}`);
    return toIsoDate(day);
  }
  // Reject rather than sanitise: a bad date here is a caller bug, and a file
  // named after it would be misleading.
  if (parseIsoDate(day) === undefined) throw new RangeError(`Not an ISO date: ${day}`);
  return day;
}

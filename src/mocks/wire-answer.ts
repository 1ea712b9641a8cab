import { findReport } from '../report-model/catalog';
import { DAY, SECOND } from '../report-model/time-range';
import { parseWireDate } from '../report-model/wire/wire-date';
import { generateWireRows } from './generate-report';
import { hashSeed } from './random';

/** The real API's limits (../shared/docs/wolkvox-reports.md §2.2). */
export const MAX_RANGE_DAYS = 31;
export const MAX_ROWS_PER_CALL = 60_000;

export interface WireAnswer {
  status: number;
  body: unknown;
}

/**
 * What reports_manager.php answers, quirks included: every value a string,
 * `code` sometimes a string, HTTP 404 with the misleading "Validate dates
 * entered" when there is nothing to return (also for an unknown report or bad
 * dates), and at most 60,000 rows (the first ones) per call.
 */
export function answerReportRequest(url: URL, rowsPerDay?: number): WireAnswer {
  const api = url.searchParams.get('api') ?? '';
  const report = findReport(Number(/^chat_(\d+)$/.exec(api)?.[1]));
  const start = parseWireDate(url.searchParams.get('date_ini') ?? '');
  const end = parseWireDate(url.searchParams.get('date_end') ?? '');
  // Seeded by the request so a given call always answers with the same `code` type.
  const stringCode = (hashSeed(url.search) >>> 16) % 2 === 0;
  const code = (n: number) => (stringCode ? String(n) : n);
  const noData = {
    status: 404,
    body: { code: code(404), error: 'Not Found', msg: 'Validate dates entered', data: [] },
  };

  if (!report || start === undefined || end === undefined || end < start) return noData;
  // Beyond 31 days the API refuses the dates; it says so with the same 404 (see README).
  if (end + SECOND - start > MAX_RANGE_DAYS * DAY) return noData;

  const rows = generateWireRows(report, { start, end }, rowsPerDay);
  if (rows.length === 0) return noData;
  const page = rows.slice(0, MAX_ROWS_PER_CALL);
  return {
    status: 200,
    body: { code: code(200), error: null, msg: `${page.length} records were found`, data: page },
  };
}

import type { ReportDef } from '../catalog';
import type { TimeRange } from '../time-range';
import { formatWireDate } from './wire-date';

/** Path of the reports endpoint on a wolkvox server (and on our proxy, under /wolkvox). */
export const REPORTS_PATH = '/api/v2/reports_manager.php';

/**
 * The URL of one report call. The `wolkvox-token` header is not added here:
 * the dev/preview proxy (or the production reverse proxy) adds it, so the token
 * never reaches the browser.
 */
export function buildReportUrl(base: string, report: Pick<ReportDef, 'api'>, range: TimeRange) {
  const params = new URLSearchParams({
    api: report.api,
    date_ini: formatWireDate(range.start),
    date_end: formatWireDate(range.end),
  });
  return `${base.replace(/\/$/, '')}${REPORTS_PATH}?${params.toString()}`;
}

import { queryOptions } from '@tanstack/react-query';
import { apiBaseUrl } from '../config/env';
import type { ReportDef } from './catalog';
import { dayRange } from './time-range';
import { fetchReport } from './wire/fetch-report';
import type { ParsedRows } from './wire/normalize-rows';

/** wolkvox asks clients to poll no more often than every 5 minutes; calls count against a quota. */
export const REPORT_STALE_MS = 5 * 60_000;

export function reportQueryOptions(report: ReportDef, from: string, to: string) {
  return queryOptions({
    queryKey: ['report', report.api, from, to] as const,
    queryFn: ({ signal }): Promise<ParsedRows> => {
      const range = dayRange(from, to);
      if (!range) throw new Error(`Invalid range ${from}..${to}`);
      return fetchReport(report, range, { baseUrl: apiBaseUrl(), signal });
    },
    staleTime: REPORT_STALE_MS,
  });
}

import { queryOptions } from '@tanstack/react-query';
import { apiBaseUrl } from '../config/env';
import type { ReportDef } from './catalog';
import { withConnectorColumn, type WithConnector } from './connector-column';
import { dayRange } from './time-range';
import { fetchConnectorNames } from './wire/fetch-connectors';
import { fetchReport } from './wire/fetch-report';

/** wolkvox asks clients to poll no more often than every 5 minutes; calls count against a quota. */
export const REPORT_STALE_MS = 5 * 60_000;

export function reportQueryOptions(report: ReportDef, from: string, to: string) {
  return queryOptions({
    queryKey: ['report', report.api, from, to] as const,
    queryFn: async ({ signal }): Promise<WithConnector> => {
      const range = dayRange(from, to);
      if (!range) throw new Error(`Invalid range ${from}..${to}`);
      const baseUrl = apiBaseUrl();
      const hasConnector = report.columns.some((column) => column.key === 'session_id');
      const [data, names] = await Promise.all([
        fetchReport(report, range, { baseUrl, signal }),
        // Names are a nicety: without them the connector shows as its id.
        hasConnector ? fetchConnectorNames(baseUrl, { signal }).catch(() => undefined) : undefined,
      ]);
      return withConnectorColumn(data, names);
    },
    staleTime: REPORT_STALE_MS,
  });
}

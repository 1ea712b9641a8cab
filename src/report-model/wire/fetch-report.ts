import type { ReportDef } from '../catalog';
import type { TimeRange } from '../time-range';
import { buildReportUrl } from './build-request';
import { wantsFresh } from './fresh-requests';
import { normalizeRows, type ParsedRows } from './normalize-rows';
import { readEnvelope } from './parse-envelope';
import { WolkvoxError } from './wolkvox-error';

export interface FetchReportOptions {
  /** Where the proxy serves wolkvox: `/wolkvox` in the browser. */
  baseUrl: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Called once the whole answer has arrived, with its size, before it is parsed. */
  onBody?: (bytes: number) => void;
  /** Part of a Refresh (default: `wantsFresh`, which a worker cannot read: the page tells it). */
  fresh?: boolean;
}

/** One API call: a report over a range the API accepts (≤ 31 days). */
export async function fetchReport(
  report: ReportDef,
  range: TimeRange,
  options: FetchReportOptions,
): Promise<ParsedRows> {
  const { baseUrl, signal, fetch: fetchImpl = globalThis.fetch, onBody } = options;
  const url = buildReportUrl(baseUrl, report, range);
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    // Part of a Refresh: the production server skips its closed-period cache for it.
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.fresh ?? wantsFresh(report.api, range)) headers['cache-control'] = 'no-cache';
    response = await fetchImpl(url, {
      signal,
      headers,
    });
    bytes = await response.arrayBuffer();
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    const cause = describe(error);
    throw new WolkvoxError('network', `Could not reach the wolkvox server (${cause})`, undefined, {
      code: 'unreachable',
      cause,
    });
  }
  onBody?.(bytes.byteLength);
  const envelope = readEnvelope(response.status, new TextDecoder().decode(bytes));
  const parsed = normalizeRows(report, envelope.rows);
  return envelope.notFound ? { ...parsed, notFoundWithRows: parsed.rows.length } : parsed;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import type { ReportDef } from '../catalog';
import type { TimeRange } from '../time-range';
import { buildReportUrl } from './build-request';
import { encodeColumns, type ColumnChunk } from './column-chunk';
import { COLUMNS_MEDIA_TYPE, readColumnChunk } from './column-chunk-binary';
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
  const { response, bytes } = await request(report, range, options, 'application/json');
  return readJson(report, response.status, bytes);
}

/** The Accept of `fetchReportColumns`: the compact form, else wolkvox's JSON. */
const COLUMNS_ACCEPT = `${COLUMNS_MEDIA_TYPE}, application/json;q=0.9`;

/**
 * fetchReport for the worker (report-model/worker/): the rows as columns, with the buffers to
 * transfer. It also accepts the production server's compact form (column-chunk-binary.ts),
 * read without parsing a row; any other answer (wolkvox's JSON: an answer the server could
 * not read complete, the dev proxy, the mocks) is read exactly as fetchReport reads it.
 */
export async function fetchReportColumns(
  report: ReportDef,
  range: TimeRange,
  options: FetchReportOptions,
): Promise<{ chunk: ColumnChunk; transfer: ArrayBuffer[] }> {
  const { response, bytes } = await request(report, range, options, COLUMNS_ACCEPT);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (response.status !== 200 || type !== COLUMNS_MEDIA_TYPE)
    return encodeColumns(readJson(report, response.status, bytes));
  let read: ReturnType<typeof readColumnChunk>;
  try {
    read = readColumnChunk(bytes);
  } catch (error) {
    throw new WolkvoxError(
      'malformed',
      `The compact answer is not well formed (${describe(error)})`,
      response.status,
      { code: 'notEnvelope' },
    );
  }
  const { chunk, transfer } = read;
  // The catalog's columns come first, as normalizeRows puts them: the page's own definitions
  // are used (the server's are the same build's). Another order is a server of another build.
  const known = report.columns.length;
  if (
    chunk.columns.length < known ||
    report.columns.some((column, i) => chunk.columns[i]!.key !== column.key)
  )
    throw new WolkvoxError(
      'malformed',
      `The compact answer's columns are not those of report ${report.number}`,
      response.status,
      { code: 'notEnvelope' },
    );
  chunk.columns = [...report.columns, ...chunk.columns.slice(known)];
  return { chunk, transfer };
}

function readJson(report: ReportDef, status: number, bytes: ArrayBuffer): ParsedRows {
  const envelope = readEnvelope(status, new TextDecoder().decode(bytes));
  const parsed = normalizeRows(report, envelope.rows);
  return envelope.notFound ? { ...parsed, notFoundWithRows: parsed.rows.length } : parsed;
}

async function request(
  report: ReportDef,
  range: TimeRange,
  options: FetchReportOptions,
  accept: string,
): Promise<{ response: Response; bytes: ArrayBuffer }> {
  const { baseUrl, signal, fetch: fetchImpl = globalThis.fetch, onBody } = options;
  const url = buildReportUrl(baseUrl, report, range);
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    // Part of a Refresh: the production server skips its closed-period cache for it.
    const headers: Record<string, string> = { accept };
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
  return { response, bytes };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

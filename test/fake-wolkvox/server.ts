import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hms } from '../../src/mocks/fake-values';
import { createRandom } from '../../src/mocks/random';
import { parseWireDate } from '../../src/report-model/wire/wire-date';
import { idsInRange, lowerBound } from './row-times';

/**
 * A fake wolkvox reports API over real HTTP (plain node:http), for end-to-end
 * tests run by vitest:
 *
 *   const fake = await startFakeWolkvox({ range, rows: 10_000 });
 *   … fetch(`${fake.url}/api/v2/reports_manager.php?api=chat_1&date_ini=…&date_end=…`,
 *           { headers: { 'wolkvox-token': fake.token } })
 *   await fake.close();
 *
 * It speaks the real wire format (../../../shared/docs/wolkvox-reports.md §2):
 * GET /api/v2/reports_manager.php with `api`, `date_ini`, `date_end`
 * (YYYYmmddHHiiss, inclusive, 1-second resolution) and a `wolkvox-token` header;
 * envelope `{code, error, msg, data}` with every value a string and `code`
 * alternately a number and a string; no rows ⇒ HTTP 404 "Validate dates
 * entered"; at most 31 days; the first 60,000 rows when more match.
 *
 * Where the real API's answer is not documented, this fake decides (and tests
 * may rely on it):
 * - A third simultaneous call on the token: HTTP 429
 *   `{code: 429, error: "Too Many Requests", msg: "The token cannot be consumed simultaneously"}`.
 *   The client's wire layer reads 429 as a retryable rate limit.
 * - Over 31 days, missing or invalid dates, end before start: HTTP 406
 *   `{code: 406, error: "Not Acceptable", msg: …}` (the API's "invalid input" code).
 * - An `api` it does not serve: 404 "Validate dates entered", as the real API does.
 * - Every served `api` (chat_1 … chat_16 by default) answers the same chat-like rows.
 *
 * Data is deterministic from `seed`: `rows` rows spread over `range`, plus
 * `bursts` (e.g. a "capped" day with more than 60,000 rows) and rows at exact
 * `times`. Rows are numbered in time order; `conn_id` is unique
 * (`C0000000`, `C0000001`, …) so tests can check that every row arrives
 * exactly once (`idsIn(range)` lists what a complete load must return).
 *
 * Faults are injected on chosen calls by rules (first matching rule with
 * `times` left fires): an error status, a call that never answers, a slow
 * answer, an HTML page, truncated JSON, `data` that is not a list, a dropped
 * connection. A rule matching a period stays broken for every call that
 * overlaps it until `times` runs out (default: forever) or `setFaults` changes
 * the rules.
 */

export interface FakeRange {
  /** Wall-clock ms (local time read as UTC), inclusive. */
  start: number;
  end: number;
}

export type FakeFault =
  /** The wolkvox envelope with this error code (500, 503, 429, 401 …). */
  | { kind: 'status'; status: number; msg?: string }
  /** Never answers; the call ends when the client gives up. */
  | { kind: 'hang' }
  /** Answers normally, after `ms`. */
  | { kind: 'delay'; ms: number }
  /** HTTP 200 with an HTML page (a proxy or PHP error page). */
  | { kind: 'html' }
  /** HTTP 200, JSON cut in the middle. */
  | { kind: 'truncated-json' }
  /** HTTP 200, an envelope whose `data` is a string. */
  | { kind: 'data-not-list' }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' };

export interface FaultRule {
  fault: FakeFault;
  /** Calls by number (1-based, in arrival order, all calls to the endpoint). */
  calls?: readonly number[];
  /** Calls whose [date_ini, date_end] overlaps this period. */
  overlaps?: FakeRange;
  /** Calls for this report (`chat_1` …). */
  api?: string;
  /** How many times the rule fires (default: every matching call). */
  times?: number;
}

export interface FakeWolkvoxOptions {
  /** The accepted `wolkvox-token` (default "fake-token"). */
  token?: string;
  /** Spread `rows` rows uniformly over this period, at whole seconds. */
  range?: FakeRange;
  rows?: number;
  /** More rows in a sub-period: a "capped" day is `{ range: thatDay, rows: 70_000 }`. */
  bursts?: readonly { range: FakeRange; rows: number }[];
  /** One row at each of these instants (edges of chunks, say). */
  times?: readonly number[];
  seed?: number;
  /** Rows per answer at most (default 60,000). */
  rowCap?: number;
  /** Days per call at most (default 31). */
  maxDays?: number;
  /** Simultaneous calls per token (default 2). */
  maxConcurrent?: number;
  faults?: readonly FaultRule[];
  /** Delay before every answer, ms (default 0). */
  latencyMs?: number;
  /** Reports served (default chat_1 … chat_16). */
  apis?: readonly string[];
  /** Port (default 0: any free one). */
  port?: number;
}

export interface FakeCallRecord {
  n: number;
  api: string | null;
  dateIni: string | null;
  dateEnd: string | null;
  range?: FakeRange;
  /** Calls in progress when this one arrived, itself included (when accepted). */
  concurrent: number;
  status?: number;
  rows?: number;
  /** The kind of the fault injected, if any. */
  fault?: FakeFault['kind'];
  /** The client went away before the answer. */
  abandoned?: boolean;
  durationMs?: number;
}

export interface FakeStats {
  calls: FakeCallRecord[];
  /**
   * Calls in progress now. A call ends when its answer is written, or when the
   * client goes away (a call that hangs ends only then).
   */
  active: number;
  /** Most accepted calls in progress at once. */
  maxConcurrent: number;
  /** Calls refused because `maxConcurrent` were already in progress. */
  rejected: number;
  /** Rows sent, all answers together. */
  rowsServed: number;
}

export interface FakeWolkvox {
  /** Base URL, e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  token: string;
  stats: FakeStats;
  /** conn_ids of the rows in `range`, in time order: what a complete load returns. */
  idsIn(range: FakeRange): string[];
  /** Rows held, all periods. */
  totalRows: number;
  setFaults(rules: readonly FaultRule[]): void;
  close(): Promise<void>;
}

export const REPORTS_PATH = '/api/v2/reports_manager.php';
const SECOND = 1000;
const DAY = 86_400_000;

export async function startFakeWolkvox(options: FakeWolkvoxOptions = {}): Promise<FakeWolkvox> {
  const token = options.token ?? 'fake-token';
  const rowCap = options.rowCap ?? 60_000;
  const maxDays = options.maxDays ?? 31;
  const maxConcurrent = options.maxConcurrent ?? 2;
  const latencyMs = options.latencyMs ?? 0;
  const apis = new Set(options.apis ?? Array.from({ length: 16 }, (_, i) => `chat_${i + 1}`));
  const times = generateTimes(options);
  let rules = copyRules(options.faults ?? []);

  const stats: FakeStats = { calls: [], active: 0, maxConcurrent: 0, rejected: 0, rowsServed: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== REPORTS_PATH) {
      return send(res, 404, 'text/html', '<html><body><h1>404 Not Found</h1></body></html>');
    }
    const started = Date.now();
    const call: FakeCallRecord = {
      n: stats.calls.length + 1,
      api: url.searchParams.get('api'),
      dateIni: url.searchParams.get('date_ini'),
      dateEnd: url.searchParams.get('date_end'),
      concurrent: 0,
    };
    stats.calls.push(call);
    const stringCode = call.n % 2 === 0;
    // Ends the call's turn on the token; set once the call is accepted.
    let release = () => {};
    const answer = (
      status: number,
      body: string,
      contentType = 'application/json; charset=utf-8',
    ) => {
      call.status = status;
      call.durationMs = Date.now() - started;
      send(res, status, contentType, body);
      // Done once its answer is written, as a PHP script is done when it exits,
      // even if the client is still reading the body.
      release();
    };
    const envelope = (status: number, error: string | null, msg: string, data?: unknown) =>
      answer(
        status,
        JSON.stringify({
          code: stringCode ? String(status) : status,
          error,
          msg,
          ...(data ? { data } : {}),
        }),
      );

    if (req.method !== 'GET') return envelope(405, 'Method Not Allowed', 'Use GET');
    if (req.headers['wolkvox-token'] !== token)
      return envelope(401, 'Unauthorized', 'Invalid token');
    if (stats.active >= maxConcurrent) {
      stats.rejected++;
      return envelope(429, 'Too Many Requests', 'The token cannot be consumed simultaneously');
    }

    // From here on the call counts as in progress, until answered or abandoned.
    stats.active++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.active);
    call.concurrent = stats.active;
    let ended = false;
    release = () => {
      if (ended) return;
      ended = true;
      stats.active--;
    };
    res.once('close', () => {
      if (!res.writableFinished) call.abandoned = true;
      release();
    });

    if (!call.api || !apis.has(call.api))
      return envelope(404, 'Not Found', 'Validate dates entered');
    const ini = parseWireDate(call.dateIni ?? '');
    const fin = parseWireDate(call.dateEnd ?? '');
    if (ini === undefined || fin === undefined || fin < ini) {
      return envelope(406, 'Not Acceptable', 'Validate dates entered');
    }
    const range = { start: ini, end: fin };
    call.range = range;
    if (Math.ceil((fin + SECOND - ini) / DAY) > maxDays) {
      return envelope(406, 'Not Acceptable', `The maximum range to consult is ${maxDays} days`);
    }

    const fault = takeFault(rules, call, range);
    if (fault) call.fault = fault.kind;
    if (latencyMs > 0) await sleep(latencyMs);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (res.destroyed) return;

    switch (fault?.kind) {
      case 'hang':
        return; // `end` runs when the client closes the connection.
      case 'reset':
        call.durationMs = Date.now() - started;
        req.socket.destroy();
        return;
      case 'status':
        return envelope(
          fault.status,
          statusText(fault.status),
          fault.msg ?? statusText(fault.status),
        );
      case 'html':
        return answer(
          200,
          '<html><head><title>Error</title></head><body>Fatal error</body></html>',
          'text/html',
        );
      case 'data-not-list':
        return envelope(200, null, '1 records were found', 'Array');
    }

    const from = lowerBound(times, ini);
    const to = Math.min(lowerBound(times, fin + SECOND), from + rowCap);
    if (to === from) return envelope(404, 'Not Found', 'Validate dates entered');
    call.rows = to - from;
    stats.rowsServed += to - from;
    const body = renderRows(times, from, to, stringCode);
    if (fault?.kind === 'truncated-json')
      return answer(200, body.slice(0, Math.floor(body.length / 2)));
    return answer(200, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
    });
  });
  // Keep idle keep-alive sockets from holding `close` up.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    stats,
    totalRows: times.length,
    idsIn: (range) => idsInRange(times, range, rowId),
    setFaults: (next) => {
      rules = copyRules(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export const rowId = (index: number) => `C${String(index).padStart(7, '0')}`;

type LiveRule = FaultRule & { left: number };

function copyRules(rules: readonly FaultRule[]): LiveRule[] {
  return rules.map((rule) => ({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY }));
}

function takeFault(
  rules: LiveRule[],
  call: FakeCallRecord,
  range: FakeRange,
): FakeFault | undefined {
  for (const rule of rules) {
    if (rule.left <= 0) continue;
    if (rule.calls && !rule.calls.includes(call.n)) continue;
    if (rule.api && rule.api !== call.api) continue;
    if (rule.overlaps && (rule.overlaps.end < range.start || rule.overlaps.start > range.end))
      continue;
    rule.left--;
    return rule.fault;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'access-control-allow-origin': '*' });
  res.end(body);
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    406: 'Not Acceptable',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? 'Error';
}

// ---- data --------------------------------------------------------------------------------

const CHANNELS = ['whatsapp', 'web', 'facebook', 'instagram'];
const AGENTS = ['Ana Gómez', 'Luis Pérez', 'Marta Ríos', 'Jorge Díaz', 'Sofía Vélez'];
const NAMES = ['Camila', 'Andrés', 'Valentina', 'Mateo', 'Isabella', 'Santiago'];

function generateTimes(options: FakeWolkvoxOptions): Float64Array {
  const random = createRandom(options.seed ?? 1).next;
  const all: number[] = [];
  const spread = (range: FakeRange, count: number) => {
    const start = Math.ceil(range.start / SECOND) * SECOND;
    const seconds = Math.floor((range.end - start) / SECOND) + 1;
    for (let i = 0; i < count; i++) all.push(start + Math.floor(random() * seconds) * SECOND);
  };
  if (options.range && options.rows) spread(options.range, options.rows);
  for (const burst of options.bursts ?? []) spread(burst.range, burst.rows);
  for (const time of options.times ?? []) all.push(Math.floor(time / SECOND) * SECOND);
  return Float64Array.from(all).sort();
}

/** The envelope of rows `from`..`to` - 1; every value a string, `code` and `error` in both spellings. */
function renderRows(times: Float64Array, from: number, to: number, stringCode: boolean): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const time = times[i]!;
    const h = hash(i);
    const duration = 30 + (h % 1800);
    const agent = h % 7 === 0 ? -1 : (h >>> 3) % AGENTS.length;
    parts.push(
      JSON.stringify({
        conn_id: rowId(i),
        channel: CHANNELS[(h >>> 5) % CHANNELS.length],
        date: formatRowDate(time),
        date_close: formatRowDate(time + duration * SECOND),
        customer_name: NAMES[(h >>> 8) % NAMES.length],
        customer_phone: `57300${String(h % 10_000_000).padStart(7, '0')}`,
        agent_id: agent < 0 ? '' : String(1000 + agent),
        agent_name: agent < 0 ? '' : AGENTS[agent],
        chat_duration: hms(duration),
        transfer: h % 11 === 0 ? 'yes' : 'no',
      }),
    );
  }
  const code = stringCode ? '"200"' : '200';
  const error = stringCode ? '"null"' : 'null';
  return `{"code":${code},"error":${error},"msg":"${to - from} records were found","data":[${parts.join(',')}]}`;
}

/** "2026-08-12 10:31:05", as the API writes date-times. */
function formatRowDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

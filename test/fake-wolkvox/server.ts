import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTimeline, timelineRowId } from '../../src/mocks/timeline';
import {
  createWolkvoxApi,
  envelopes,
  tableAnswer,
  timelineRows,
  type WolkvoxAnswer,
  type WolkvoxState,
} from '../../src/mocks/wolkvox-api';
import { REPORTS_PATH } from '../../src/report-model/wire/build-request';
import { parseWireDate } from '../../src/report-model/wire/wire-date';
import { cachedGeneratedRows } from './generated-rows';

/**
 * The one fake wolkvox (src/mocks/wolkvox-api.ts) over real HTTP (plain
 * node:http), for tests run by vitest and the live browser tests:
 *
 *   const fake = await startFakeWolkvox({ range, rows: 10_000 });
 *   … fetch(`${fake.url}/api/v2/reports_manager.php?api=chat_1&date_ini=…&date_end=…`,
 *           { headers: { 'wolkvox-token': fake.token } })
 *   await fake.close();
 *
 * What it answers is the core's: the real wire format and wolkvox's published
 * error table (401 no token, 403 bad token, 403 a third simultaneous report call,
 * 403 daily quota used up, the HTML 403 of maintenance, 400 unknown api or missing
 * parameters, 404 "Validate dates entered" for no rows), `information.php`
 * (`connectors`, `token_info`), at most 31 days and the first 60,000 rows a call.
 * See the core for what it decides where wolkvox's answer is not documented.
 *
 * Rows sit on a timeline (src/mocks/timeline.ts), deterministic from `seed`:
 * `rows` rows spread over `range`, `bursts` (e.g. a "capped" day with more than
 * 60,000 rows) and rows at exact `times`, each a row of the report asked for as
 * the mock generators make it, numbered in time order: `conn_id` is unique
 * (`C0000000`, `C0000001`, …) so tests can check that every row arrives exactly
 * once (`idsIn(range)` lists what a complete load must return).
 *
 * This transport adds what only a test needs: latency, a record of every report
 * call (and of `information.php` calls apart), and faults injected on chosen
 * calls by rules (first matching rule with `times` left fires): an error status,
 * a call that never answers, a slow answer, an HTML page, truncated JSON, `data`
 * that is not a list, a dropped connection, or an answer of wolkvox's error table.
 * A rule matching a period stays broken for every call that overlaps it until
 * `times` runs out (default: forever) or `setFaults` changes the rules.
 */

export { REPORTS_PATH };

export interface FakeRange {
  /** Wall-clock ms (local time read as UTC), inclusive. */
  start: number;
  end: number;
}

export type FakeFault =
  /** The wolkvox envelope with this error code (500, 503, 429 …). */
  | { kind: 'status'; status: number; msg?: string }
  /** An answer of wolkvox's published error table. */
  | { kind: 'refuse'; as: 'no-token' | 'bad-token' | 'busy' | 'quota' | 'maintenance' }
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
  | { kind: 'reset' }
  /**
   * This exact answer (hostile rows, a 404 that carries rows, a proxy's refusal…),
   * marked `x-fake-verbatim` so that a relay in between passes it on untouched.
   */
  | { kind: 'body'; status: number; body: string };

export interface FaultRule {
  fault: FakeFault;
  /** Report calls by number (1-based, in arrival order, refused ones included). */
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
  /**
   * Instead of the timeline: the dev app's generated operation at this many interactions per
   * weekday (a chat universe a day behind reports 1, 2, 8, 10 and 11, `?mockRowsPerDay=`),
   * for volume runs; `idsIn` and `totalRows` then know nothing.
   */
  rowsPerDay?: number;
  /** Rows per answer at most (default 60,000). */
  rowCap?: number;
  /** Days per call at most (default 31). */
  maxDays?: number;
  /** Simultaneous report calls per token (default 2). */
  maxConcurrent?: number;
  /** Calls per day (default 4,800), and those already made today (default 0). */
  dailyQuota?: number;
  usedToday?: number;
  /** Start in wolkvox's maintenance window. */
  maintenance?: boolean;
  faults?: readonly FaultRule[];
  /** Delay before every report answer, ms (default 0). */
  latencyMs?: number;
  /** Reports served (default every report of the catalog). */
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
  /** Report calls holding a slot when this one was admitted, itself included (0 if refused). */
  concurrent: number;
  status?: number;
  /** wolkvox's `msg`, for an error answer. */
  msg?: string;
  rows?: number;
  /** The kind of the fault injected, if any. */
  fault?: FakeFault['kind'];
  /** The client went away before the answer. */
  abandoned?: boolean;
  durationMs?: number;
}

export interface FakeStats {
  /** Report calls (reports_manager.php). */
  calls: FakeCallRecord[];
  /** information.php calls: `api` and status. */
  informationCalls: { api: string | null; status: number }[];
  /**
   * Report calls in progress now. A call ends when its answer is written, or when
   * the client goes away (a call that hangs ends only then).
   */
  active: number;
  /** Most admitted report calls in progress at once. */
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
  /** The core's own counters: today's use of the quota, among others. */
  wolkvox: Readonly<WolkvoxState>;
  /** conn_ids of the rows in `range`, in time order: what a complete load returns. */
  idsIn(range: FakeRange): string[];
  /** Rows held, all periods. */
  totalRows: number;
  setFaults(rules: readonly FaultRule[]): void;
  setMaintenance(on: boolean): void;
  setUsedToday(calls: number): void;
  close(): Promise<void>;
}

export async function startFakeWolkvox(options: FakeWolkvoxOptions = {}): Promise<FakeWolkvox> {
  const timeline = createTimeline(options);
  const api = createWolkvoxApi({
    token: options.token,
    rows:
      options.rowsPerDay === undefined
        ? timelineRows(timeline)
        : cachedGeneratedRows(options.rowsPerDay),
    apis: options.apis,
    maxDays: options.maxDays,
    rowCap: options.rowCap,
    maxSimultaneous: options.maxConcurrent,
    dailyQuota: options.dailyQuota,
    usedToday: options.usedToday,
    maintenance: options.maintenance,
  });
  const latencyMs = options.latencyMs ?? 0;
  let rules = copyRules(options.faults ?? []);
  const stats: FakeStats = {
    calls: [],
    informationCalls: [],
    active: 0,
    maxConcurrent: 0,
    rejected: 0,
    rowsServed: 0,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const header = req.headers['wolkvox-token'];
    const admission = api.admit({
      method: req.method,
      url,
      token: Array.isArray(header) ? header[0] : header,
    });
    if (!url.pathname.endsWith(REPORTS_PATH)) {
      const answer = admission.admitted ? admission.call.answer() : admission.answer;
      if (admission.admitted) admission.call.release();
      stats.informationCalls.push({ api: url.searchParams.get('api'), status: answer.status });
      return send(res, answer);
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
    // Gives the call's slot back; set once the call is admitted.
    let release = () => {};
    const answer = (reply: WolkvoxAnswer, body = reply.body) => {
      call.status = reply.status;
      call.durationMs = Date.now() - started;
      if (reply.status !== 200) call.msg = readMsg(reply.body);
      if (reply.rows) {
        call.rows = reply.rows;
        stats.rowsServed += reply.rows;
      }
      send(res, { ...reply, body });
      // Done once its answer is written, as a PHP script is done when it exits,
      // even if the client is still reading the body.
      release();
    };

    // A verbatim answer (the `body` fault) comes before wolkvox's own checks, so that a
    // test can make any report, served or not, answer anything.
    const asked = {
      start: parseWireDate(call.dateIni ?? '') ?? Number.NaN,
      end: parseWireDate(call.dateEnd ?? '') ?? Number.NaN,
    };
    const verbatim = takeFault(
      rules.filter((rule) => rule.fault.kind === 'body'),
      call,
      asked,
    );
    if (verbatim?.kind === 'body') {
      call.fault = 'body';
      if (admission.admitted) admission.call.release();
      return answer({
        status: verbatim.status,
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-fake-verbatim': '1' },
        body: verbatim.body,
      });
    }

    if (!admission.admitted) {
      if (admission.reason === 'busy') stats.rejected++;
      return answer(admission.answer);
    }
    const admitted = admission.call;
    // From here on the call holds a slot of the token, until answered or abandoned.
    stats.active++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.active);
    call.concurrent = stats.active;
    let ended = false;
    release = () => {
      if (ended) return;
      ended = true;
      stats.active--;
      admitted.release();
    };
    res.once('close', () => {
      if (!res.writableFinished) call.abandoned = true;
      release();
    });

    if (admitted.invalid || !admitted.range) return answer(admitted.answer());
    const range = admitted.range;
    call.range = range;

    const fault = takeFault(rules, call, range);
    if (fault) call.fault = fault.kind;
    if (latencyMs > 0) await sleep(latencyMs);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (res.destroyed) return;

    const wire = envelopes(admission.n);
    switch (fault?.kind) {
      case 'hang':
        return; // `release` runs when the client closes the connection.
      case 'reset':
        call.durationMs = Date.now() - started;
        req.socket.destroy();
        return;
      case 'status':
        return answer(
          wire.error(fault.status, statusText(fault.status), fault.msg ?? statusText(fault.status)),
        );
      case 'refuse':
        return answer(tableAnswer(fault.as, admission.n));
      case 'html':
        return answer({
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: '<html><head><title>Error</title></head><body>Fatal error</body></html>',
        });
      case 'body': // taken above, before admission
        return answer({ status: fault.status, headers: {}, body: fault.body });
      case 'data-not-list': {
        const ok = wire.ok('1 records were found', []);
        return answer(ok, ok.body.replace(/"data":\[\]/, '"data":"Array"'));
      }
    }

    const reply = admitted.answer();
    if (fault?.kind === 'truncated-json' && reply.status === 200)
      return answer(reply, reply.body.slice(0, Math.floor(reply.body.length / 2)));
    return answer(reply);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    });
  });
  // Keep idle keep-alive sockets from holding `close` up.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token: api.token,
    stats,
    wolkvox: api.state,
    totalRows: timeline.times.length,
    idsIn: (range) => timeline.idsIn(range),
    setFaults: (next) => {
      rules = copyRules(next);
    },
    setMaintenance: (on) => api.setMaintenance(on),
    setUsedToday: (calls) => api.setUsedToday(calls),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export const rowId = timelineRowId;

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

function send(res: ServerResponse, answer: WolkvoxAnswer) {
  if (res.destroyed) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

function readMsg(body: string): string | undefined {
  try {
    const msg = (JSON.parse(body) as { msg?: unknown }).msg;
    return typeof msg === 'string' ? msg : undefined;
  } catch {
    return undefined;
  }
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

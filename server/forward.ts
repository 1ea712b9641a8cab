import { COLUMNS_MEDIA_TYPE } from '../src/report-model/wire/column-chunk-binary.ts';
import { readHere, type AnswerReader } from './answer-reader';
import type { ForwardDecision } from './forward-guard';
import { PASSED_RESPONSE_HEADERS, upstreamRequestHeaders } from './forward-guard';
import type { QuotaCounter } from './quota-counter';
import { reportCacheKey, type ReportCache } from './report-cache';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import type { TokenGate } from './token-gate';

/**
 * Every call to wolkvox passes through `callWolkvox`: the one place where the token is
 * added, the call is timed and audited, and where the token's limits are kept for the
 * whole team (server/README.md, "One token, a whole team"):
 * - a closed period's answer comes from the cache, without wolkvox;
 * - a used-up quota is answered here, with wolkvox's own answer, until the reset;
 * - the same closed period asked by several supervisors at once is fetched once;
 * - the per-token gate keeps at most 2 calls in flight, queued round-robin by user;
 * - wolkvox's "busy" (403 simultaneous requests, 429) is retried here, with backoff.
 */
export type AllowedCall = Extract<ForwardDecision, { ok: true }>;

export interface WolkvoxAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One line per upstream call. Never the token, never a phone number (none is in these fields). */
export interface AuditLine {
  time: string;
  user: string;
  api: string;
  from: string | null;
  to: string | null;
  status: number;
  rows: number | null;
  ms: number;
  /**
   * Where the answer came from: wolkvox; the closed-period cache; another supervisor's
   * call for the same closed period in flight; the remembered used-up quota.
   */
  source: 'wolkvox' | 'cache' | 'shared' | 'quota';
  /** Calls sent to wolkvox for this request (0 from the cache; more than 1 when retried busy). */
  calls: number;
  /** Time waiting for the token's gate. */
  queuedMs: number;
}

export interface BusyRetry {
  /** Calls at most, the first included. */
  attempts: number;
  /** First wait; doubled each time, ±25 %, capped at `maxMs` (Retry-After too). */
  baseMs: number;
  maxMs: number;
}

/** 6 calls over ~8 s at most, then the browser gets the busy answer (and waits longer). */
export const DEFAULT_BUSY_RETRY: BusyRetry = { attempts: 6, baseMs: 250, maxMs: 4_000 };

export interface WolkvoxClient {
  baseUrl: string;
  token: string;
  audit: (line: AuditLine) => void;
  /** wolkvox stops a query after 60 s; a little more before giving up. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  gate?: TokenGate;
  quota?: QuotaCounter;
  cache?: ReportCache;
  /** A period ending at this wire date (`date_end`) is closed: its answer is kept. */
  isClosed?: (dateEnd: string) => boolean;
  busyRetry?: BusyRetry;
  /** Closed periods being fetched now, by cache key (one call for everyone who asks). */
  flights?: Map<string, Flight>;
  /**
   * Closed periods answered and being written to the cache now, by cache key: a call for one
   * waits for the write and is then a hit, not a second call to wolkvox.
   */
  keeping?: Map<string, Promise<void>>;
  /** Reads report answers (complete? compact form), in worker threads when built. */
  reader?: AnswerReader;
}

export interface CallOptions {
  /** The page's Refresh (`cache-control: no-cache`): not from the cache, nor a shared call. */
  fresh?: boolean;
  /** The client takes gzip: a complete answer is sent gzipped once (the cache's bytes on a hit). */
  acceptsGzip?: boolean;
  /**
   * The client's Accept names the compact form (`acceptsColumns`): a report answer read
   * complete, from the cache or from wolkvox, is sent so; anything else as wolkvox sent it.
   */
  columns?: boolean;
}

export type CacheOutcome = 'hit' | 'stored' | 'bypass' | 'shared' | 'none';

export interface GatedAnswer extends WolkvoxAnswer {
  cache: CacheOutcome;
}

interface Upstream {
  answer: WolkvoxAnswer;
  rows: number | null;
  calls: number;
  queuedMs: number;
  stored: boolean;
  /**
   * The body gzipped, when it was read complete: compressed once, when first asked for (by a
   * caller that takes the JSON, or by the cache write after the answer).
   */
  gzip?: () => Promise<Buffer>;
  /** The compact form, gzipped, when it was read complete: sent to a page that asks for it. */
  columnsGzip?: Buffer;
}

export interface Flight {
  result: Promise<Upstream>;
  /** Callers still waiting; when the last gives up, the call is cancelled. */
  waiting: number;
  controller: AbortController;
}

export async function callWolkvox(
  client: WolkvoxClient,
  call: AllowedCall,
  user: string,
  signal: AbortSignal,
  options: CallOptions = {},
): Promise<GatedAnswer> {
  const started = performance.now();
  const audit = (source: AuditLine['source'], answer: WolkvoxAnswer, more: Partial<Upstream>) =>
    client.audit({
      time: new Date().toISOString(),
      user,
      api: call.api,
      from: call.from ?? null,
      to: call.to ?? null,
      status: answer.status,
      rows: more.rows ?? null,
      ms: Math.round(performance.now() - started),
      source,
      calls: more.calls ?? 0,
      queuedMs: Math.round(more.queuedMs ?? 0),
    });

  const key =
    call.from !== undefined && call.to !== undefined
      ? reportCacheKey(client.baseUrl, call.api, call.from, call.to)
      : undefined;
  const cacheable =
    key !== undefined && client.cache !== undefined && client.isClosed?.(call.to!) === true;
  if (cacheable && !options.fresh) {
    const read = async () => {
      await client.keeping?.get(key);
      return client.cache!.get(key).catch(() => undefined);
    };
    // A miss read while the period's call was ending may find it being kept now: read again.
    const hit = (await read()) ?? (client.keeping?.has(key) ? await read() : undefined);
    const answer =
      hit &&
      (await sentForm(hit, { 'content-type': hit.contentType }, options).catch(() => undefined));
    if (hit && answer) {
      audit('cache', answer, { rows: hit.rows });
      return { ...answer, cache: 'hit' };
    }
  }

  // token_info is still answered when the quota is used up: Settings reads when it restarts.
  const remembered = call.api === 'token_info' ? undefined : client.quota?.remembered();
  if (remembered) {
    const answer = { ...remembered, headers: { ...remembered.headers } };
    audit('quota', answer, {});
    return { ...answer, cache: 'none' };
  }

  let outcome: Upstream;
  let source: AuditLine['source'] = 'wolkvox';
  if (cacheable && !options.fresh && client.flights) {
    const flights = client.flights;
    let flight = flights.get(key);
    // A call all its callers gave up on is being cancelled: not joined, a new one starts.
    if (flight?.controller.signal.aborted) flight = undefined;
    if (flight) source = 'shared';
    else {
      const controller = new AbortController();
      const created: Flight = {
        controller,
        waiting: 0,
        result: fetchUpstream(client, call, user, controller.signal, key, true).finally(() => {
          // Only this call's entry: a newer call may have taken the key meanwhile.
          if (flights.get(key) === created) flights.delete(key);
        }),
      };
      flights.set(key, created);
      flight = created;
    }
    outcome = await waitForFlight(flight, signal);
    if (source === 'shared') outcome = { ...outcome, calls: 0, queuedMs: 0 };
  } else {
    // A report call is read here when it is kept, or when the page takes the compact form.
    const read = key !== undefined && (cacheable || options.columns === true);
    outcome = await fetchUpstream(client, call, user, signal, cacheable ? key : undefined, read);
  }
  audit(source, outcome.answer, outcome);
  const cache: CacheOutcome = !cacheable
    ? 'none'
    : options.fresh
      ? 'bypass'
      : source === 'shared'
        ? 'shared'
        : outcome.stored
          ? 'stored'
          : 'none';
  const answer = outcome.gzip
    ? await sentForm(
        { status: outcome.answer.status, gzip: outcome.gzip, columnsGzip: outcome.columnsGzip },
        outcome.answer.headers,
        options,
        outcome.answer.body,
      )
    : outcome.answer;
  return { ...answer, cache };
}

/**
 * A complete answer (from wolkvox or the cache) as this caller takes it: the compact form to
 * a page that asks for it, else the JSON; gzipped to a browser that takes gzip (compressed
 * once, the bytes the cache keeps), else inflated (or `plain`, the JSON as wolkvox sent it).
 */
async function sentForm(
  complete: { status: number; gzip: Buffer | (() => Promise<Buffer>); columnsGzip?: Buffer },
  headers: Record<string, string>,
  options: CallOptions,
  plain?: Buffer,
): Promise<WolkvoxAnswer> {
  const compact = options.columns === true && complete.columnsGzip !== undefined;
  const sent = { ...headers };
  if (compact) sent['content-type'] = COLUMNS_MEDIA_TYPE;
  if (options.acceptsGzip) sent['content-encoding'] = 'gzip';
  let body: Buffer;
  if (!compact && plain && !options.acceptsGzip) body = plain;
  else {
    const gzipped = compact
      ? complete.columnsGzip!
      : typeof complete.gzip === 'function'
        ? await complete.gzip()
        : complete.gzip;
    body = options.acceptsGzip ? gzipped : await gunzipAsync(gzipped);
  }
  return { status: complete.status, headers: sent, body };
}

const gzipAsync = promisify(gzipCallback);
const gunzipAsync = promisify(gunzipCallback);

/** Resolves once every answer being kept has been written to the cache (or failed to). */
export async function whenKept(client: WolkvoxClient): Promise<void> {
  await Promise.all(client.keeping?.values() ?? []);
}

/** A caller's wait for a shared call; its giving up cancels the call only if it was the last. */
function waitForFlight(flight: Flight, signal: AbortSignal): Promise<Upstream> {
  flight.waiting++;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: Upstream) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      flight.waiting--;
      resolve(value);
    };
    const onAbort = () => {
      finish({ answer: gaveUpAnswer(), rows: null, calls: 0, queuedMs: 0, stored: false });
      if (flight.waiting === 0) flight.controller.abort();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    flight.result.then(finish, () =>
      finish({ answer: failedAnswer(502), rows: null, calls: 0, queuedMs: 0, stored: false }),
    );
  });
}

/**
 * Through the gate, retrying busy answers; then counted, remembered, read (`read`: parsed,
 * and in the compact form when complete) and stored (with `cacheKey`).
 */
async function fetchUpstream(
  client: WolkvoxClient,
  call: AllowedCall,
  user: string,
  signal: AbortSignal,
  cacheKey: string | undefined,
  read: boolean,
): Promise<Upstream> {
  const queuedAt = performance.now();
  let release: () => void = () => {};
  if (client.gate) {
    try {
      release = await client.gate.acquire(user, signal);
    } catch {
      return { answer: gaveUpAnswer(), rows: null, calls: 0, queuedMs: 0, stored: false };
    }
  }
  const queuedMs = performance.now() - queuedAt;
  const retry = client.busyRetry ?? DEFAULT_BUSY_RETRY;
  let calls = 0;
  let sent: Sent;
  try {
    for (;;) {
      sent = await sendOnce(client, call, signal);
      calls++;
      // token_info is free once the quota is used up (it says when the count restarts).
      const free = call.api === 'token_info' && client.quota?.remembered() !== undefined;
      if (sent.fromWolkvox && !isRefusal(sent.answer) && !free) client.quota?.count();
      const busy = isBusy(sent.answer);
      if (!busy || calls >= retry.attempts || signal.aborted) break;
      const wait = Math.min(
        retry.maxMs,
        retryAfterMs(sent.answer) ?? retry.baseMs * 2 ** (calls - 1) * (0.75 + Math.random() / 2),
      );
      if (!(await sleep(wait, signal))) break;
    }
  } finally {
    release();
  }
  const { answer } = sent;
  const rows = countRows(answer.status, answer.body);
  if (client.quota) {
    if (messageOf(answer) === 'TOKEN LIMIT EXCEEDED') client.quota.exhausted(answer);
    if (call.api === 'token_info' && answer.status === 200) {
      const row = firstRow(answer.body);
      if (row) client.quota.read(row);
    }
  }
  // One parse of the answer tells whether it is complete; the encrypted write follows the
  // answer, so the page is not kept waiting for it (x-wolkvox-cache: stored = complete, and
  // being kept for the team).
  // The compact form is built here, from that parse: the cache keeps it, and a page that asks
  // for it gets it now instead of the JSON, whether the period is kept or not (60,000 rows:
  // 60-110 ms here, against 150-450 ms less of parsing in the page's worker, on the path of
  // the load's next call).
  // The JSON is gzipped once, for the cache and the callers that take it (compressing it
  // again per response cost ~100 ms of a 2-core server per 60,000-row answer), when first
  // needed: a page that takes the compact form does not wait for it (measured: 80-200 ms of
  // waiting for zlib per answer when both were compressed before answering). Level 3: a 10 MB
  // answer of report 10 in 41 ms to 1.33 MB, where level 6 takes 115 ms for 1.17 MB.
  const cacheable = cacheKey !== undefined && client.cache !== undefined;
  const { complete, columns: columnsGzip } = read
    ? await (client.reader ?? readHere).read({
        api: call.api,
        status: answer.status,
        contentType: answer.headers['content-type'] ?? '',
        body: answer.body,
        rows,
        noRecords: messageOf(answer) === 'VALIDATE DATES ENTERED',
      })
    : { complete: false, columns: undefined };
  const stored = cacheable && complete;
  let gzipping: Promise<Buffer> | undefined;
  const gzip = complete ? () => (gzipping ??= gzipAsync(answer.body, { level: 3 })) : undefined;
  if (stored) {
    const cache = client.cache!;
    // After the write of the same period still under way, if any: the newer answer wins.
    const before = client.keeping?.get(cacheKey!) ?? Promise.resolve();
    const keeping = before
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () =>
        cache.put(cacheKey!, {
          status: answer.status,
          contentType: answer.headers['content-type'] ?? 'application/json; charset=utf-8',
          body: answer.body,
          rows,
          gzip: await gzip!(),
          columnsGzip,
        }),
      )
      .catch(() => {})
      .finally(() => {
        if (client.keeping?.get(cacheKey!) === keeping) client.keeping.delete(cacheKey!);
      });
    (client.keeping ??= new Map()).set(cacheKey!, keeping);
  }
  return { answer, rows, calls, queuedMs, stored, gzip, columnsGzip };
}

interface Sent {
  answer: WolkvoxAnswer;
  /** wolkvox answered (or timed out); false when it could not be reached or the caller left. */
  fromWolkvox: boolean;
}

async function sendOnce(
  client: WolkvoxClient,
  call: AllowedCall,
  signal: AbortSignal,
): Promise<Sent> {
  let answer: WolkvoxAnswer;
  try {
    const response = await (client.fetch ?? fetch)(client.baseUrl + call.upstreamPath, {
      headers: upstreamRequestHeaders(client.token),
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(client.timeoutMs ?? 65_000)]),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      // fetch has already decoded the body: its length and encoding are ours to set.
      if (
        PASSED_RESPONSE_HEADERS.has(name) &&
        name !== 'content-length' &&
        name !== 'content-encoding'
      )
        headers[name] = value;
    });
    // A redirect from wolkvox (a login page, maintenance) is not the page's to follow.
    const status = response.status >= 300 && response.status < 400 ? 502 : response.status;
    answer = { status, headers, body };
    return { answer, fromWolkvox: true };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    if (signal.aborted) return { answer: gaveUpAnswer(), fromWolkvox: false };
    return { answer: failedAnswer(timedOut ? 504 : 502), fromWolkvox: timedOut };
  }
}

function jsonAnswer(status: number, msg: string): WolkvoxAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify({ code: status, error: 'Bad Gateway', msg })),
  };
}

function gaveUpAnswer(): WolkvoxAnswer {
  return jsonAnswer(499, 'The browser gave up on this call');
}

function failedAnswer(status: 502 | 504): WolkvoxAnswer {
  return jsonAnswer(
    status,
    status === 504 ? 'wolkvox did not answer in time' : 'Could not reach the wolkvox server',
  );
}

/** wolkvox's `msg` of a small JSON answer, trimmed and upper case ('' when none). */
function messageOf(answer: WolkvoxAnswer): string {
  if (answer.status === 200 || answer.body.length > 4096) return '';
  try {
    const msg = (JSON.parse(answer.body.toString('utf8')) as { msg?: unknown }).msg;
    return typeof msg === 'string' ? msg.trim().toUpperCase() : '';
  } catch {
    return '';
  }
}

/** wolkvox's "busy": a call beyond the token's 2 simultaneous ones, or a 429. */
export function isBusy(answer: WolkvoxAnswer): boolean {
  if (answer.status === 429) return true;
  return (
    answer.status === 403 &&
    messageOf(answer).startsWith('EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS')
  );
}

/** Answers wolkvox refuses before counting a call (its table; the maintenance page). */
function isRefusal(answer: WolkvoxAnswer): boolean {
  return answer.status === 401 || answer.status === 403 || answer.status === 429;
}

function retryAfterMs(answer: WolkvoxAnswer): number | undefined {
  const value = answer.headers['retry-after'];
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value) * 1000;
}

/** Resolves true after `ms`, false at once if the caller gives up first. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function firstRow(body: Buffer): Record<string, unknown> | undefined {
  try {
    const data = (JSON.parse(body.toString('utf8')) as { data?: unknown }).data;
    const row: unknown = Array.isArray(data) ? data[0] : data;
    return row && typeof row === 'object' ? (row as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rows in an answer, without parsing up to 256 MB again: wolkvox's `msg` says
 * "<n> records were found"; no rows is its 404. Unknown (null) otherwise.
 */
export function countRows(status: number, body: Buffer): number | null {
  if (status === 404) return 0;
  if (status !== 200) return null;
  const head = body.subarray(0, 2048).toString('utf8');
  const match = /"msg"\s*:\s*"\s*(\d+)\s+records?\b/i.exec(head);
  if (match) return Number(match[1]);
  const tail = body.subarray(Math.max(0, body.length - 2048)).toString('utf8');
  const late = /"msg"\s*:\s*"\s*(\d+)\s+records?\b/i.exec(tail);
  return late ? Number(late[1]) : null;
}

export function stdoutAudit(line: AuditLine): void {
  process.stdout.write(`${JSON.stringify({ audit: 'wolkvox-call', ...line })}\n`);
}

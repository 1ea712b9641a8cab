import type { ColumnDef, ReportDef } from '../catalog';
import type { ReportRow } from '../column-types';
import type { TimeRange } from '../time-range';
import { fetchReport, type FetchReportOptions } from '../wire/fetch-report';
import type { ParsedRows } from '../wire/normalize-rows';
import { WolkvoxError, type WolkvoxErrorKind } from '../wire/wolkvox-error';
import type { ChunkCache } from './chunk-cache';
import type { DensityMemory } from './density';
import {
  budgetFor,
  checkLoadRange,
  estimateCalls,
  LoadLimitError,
  quotaShortfall,
  type LoadBudget,
} from './load-limits';
import { completePrefix, noneInside } from './range-column';
import {
  alignRange,
  describeRange,
  halveRange,
  rangeSeconds,
  splitRange,
  type SplitOptions,
} from './split-range';
import { SECOND } from '../time-range';

/**
 * Loading a report over any range: the range is cut into API-sized chunks
 * (split-range.ts), the chunks are fetched at most `concurrency` at a time (the
 * API allows 2 simultaneous calls per token), and the answers are merged in
 * chronological order.
 *
 * - Call sizes. Each calendar chunk is fetched in calls sized from the density
 *   already seen (`density`, rows per second near where the call starts, per
 *   report): a period expected to hold more than TARGET_SHARE of the cap is cut
 *   into pieces of equal expected rows, so that at an even density almost no call
 *   meets the cap; a period of unknown density is asked whole (a month of 500
 *   rows is one call). Where answers can be cut (below), sizes lean large after a
 *   burst: a capped answer keeps its rows, a call too small is a call more.
 * - Row cap. A chunk that comes back with `rowCap` (60,000) rows or more may be
 *   truncated by the API. When the answer shows it is the period's first rows in
 *   time order (range-column.ts: every row's range column inside the period, in
 *   order), its rows strictly before the last second it holds are kept and only
 *   the rest of the period is fetched. Otherwise (wolkvox's order is not
 *   documented, and report 2 has no range column) it is halved by time and both
 *   halves are fetched again. A one-second period still at the cap, or a capped
 *   answer with no row inside its period, stops the load: "the API ignored the
 *   range" (halving would go on to 172,800 calls for a day).
 * - Budget. A range over MAX_LOAD_DAYS is refused before any call; every load
 *   has a ceiling of calls and bytes from its range (and the quota left, when
 *   known): load-limits.ts. When it is reached no other call is made and the
 *   periods left are listed as failures. When the quota left is known and the
 *   load needs more calls than remain, it is refused before it starts.
 * - Cache. With `cache`, the periods of the range already loaded (and fresh) are
 *   reused and only the rest is fetched; every answer is kept there
 *   (chunk-cache.ts).
 * - Retries. Retryable errors (5xx, network, timeout, rate limit) are retried
 *   with exponential backoff and jitter, `maxAttempts` calls in all. Every call
 *   has its own timeout. A chunk that fails for good (retries exhausted, or a
 *   non-retryable answer such as a malformed body) is listed in `failures` with
 *   its period, and the other chunks carry on; `retryFailed` fetches only those.
 * - Timeout. Each call gets `timeoutMs` from the request to the last byte of
 *   the answer (parsing the rows is not counted), enforced with an
 *   AbortController even against a fetcher that ignores its signal. A call we
 *   give up on may still run on wolkvox for a while (up to its 60 s limit) and
 *   take one of the token's two slots: the next call may then be refused as
 *   simultaneous ("busy"), which is retried after the backoff.
 * - Stop. An answer every chunk would get the same way (no token sent, token
 *   refused, daily quota used up, unknown report: `WolkvoxError.stopsLoad`)
 *   stops the whole load at once: in-flight calls are cancelled, no other call
 *   is made, and the promise rejects with that WolkvoxError.
 * - Busy and maintenance. wolkvox's "simultaneous requests" 403 (or a 429) and
 *   its maintenance page are retried with the same backoff, for longer
 *   (`PATIENCE`); a chunk still refused after that is listed as failed, and the
 *   rows already loaded are kept.
 * - Cancel. Aborting `signal` cancels in-flight calls and backoff waits; the
 *   promise rejects with the signal's reason.
 * - Aggregates. Reports with `aggregate: true` (3, 5, 7, 13, 15, 16) total over
 *   the requested range, and some of their columns are averages (closing
 *   times), so per-chunk answers cannot be added up. Whether the counts could be
 *   is not documented either: if wolkvox counts an interaction in every range it
 *   overlaps, a sum would count it twice. So an aggregate is loaded in exactly
 *   one call, and a range that needs more than one (over 31 days, or across a
 *   calendar month) is refused with an AggregateRangeError before any request.
 *   A capped aggregate answer cannot be split either: it is listed in `truncated`.
 */

export type FetchChunk = (
  report: ReportDef,
  range: TimeRange,
  options: FetchReportOptions,
) => Promise<ParsedRows>;

export interface LoadProgress {
  /** Chunks finished, loaded or failed for good. */
  chunksDone: number;
  /** Calls known so far (done, in flight, and one for each period left): never shrinks. */
  chunksTotal: number;
  /** Rows loaded so far (by this run: retryFailed counts its own). */
  rows: number;
  /** When the oldest call still waiting for its answer was sent (Date.now()), if any. */
  waitingSince?: number;
  /** Calls made again after a failure so far (each also counts against the quota). */
  retries: number;
}

export interface LoadOptions {
  /** Where wolkvox is served: `/wolkvox` behind the proxy. */
  baseUrl: string;
  signal?: AbortSignal;
  /** HTTP (default globalThis.fetch), handed to the chunk fetcher (a worker fetches with its own). */
  fetch?: typeof fetch;
  /** One API call; fetchReport unless a test counts or scripts calls. */
  fetchChunk?: FetchChunk;
  /** Calls in flight at once: 1 or 2 (default 2, the API's per-token limit). */
  concurrency?: number;
  /** Calls per chunk in all, first one included (default 3). */
  maxAttempts?: number;
  /**
   * Per-call timeout in ms, from sending the request to the last byte of the answer
   * (default 70 s: the API stops a query at 60 s, the dev proxy at 65 s).
   */
  timeoutMs?: number;
  /** First backoff delay in ms (default 1,000), doubled on each retry. */
  retryBaseMs?: number;
  /** Longest backoff delay in ms (default 30,000). */
  retryMaxMs?: number;
  /** Waits `ms`, rejecting when `signal` aborts; injectable so tests need not wait. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Random number in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
  /** A chunk answering this many rows or more is taken as truncated (default 60,000). */
  rowCap?: number;
  /** How the range is cut before any call (default: by month, ≤ 31 days). */
  split?: SplitOptions;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Each chunk as soon as it is kept (the periods reused from `cache` first), so the page can
   * show rows while the rest loads (`mergeChunks` puts them in order). Its rows are the ones
   * the result will hold.
   */
  onChunk?: (chunk: LoadedChunk) => void;
  /** Periods already loaded (reused, and filled with this load's answers). */
  cache?: ChunkCache;
  /** Densities seen by earlier loads (and updated by this one); default: none known. */
  density?: DensityMemory;
  /**
   * Another call the page needs with this load (the connector names): made in a slot the
   * load's own calls leave free (a period of unknown density is first asked in one call, so
   * the other slot waits for its answer anyway), or once they are done. It counts among the
   * calls in flight, so the token's two are never exceeded (not in the progress: it is not a
   * period), and the load ends when it does. `signal` aborts when the load stops, whichever
   * way; a rejection is ignored.
   */
  alongside?: (signal: AbortSignal) => Promise<unknown>;
  /** Calls left today, when known (token_info): caps the budget; a load needing more is refused. */
  quotaLeft?: number;
  /** The load's ceiling; default budgetFor(range, quotaLeft). */
  budget?: LoadBudget;
  /** The clock (Date.now), for the cache's freshness. */
  now?: () => number;
}

export interface ChunkFailure {
  /** The period whose rows are missing from the result. */
  range: TimeRange;
  error: WolkvoxError | LoadLimitError;
  /** Calls made for this chunk. */
  attempts: number;
}

export interface TruncatedChunk {
  /** An aggregate range that hit the cap (a report of rows stops instead: ignoredRange). */
  range: TimeRange;
  /** Rows kept from it (the API's first `rowCap`). */
  rows: number;
}

/** One chunk's answer, kept so that `retryFailed` can slot new chunks in order. */
export interface LoadedChunk {
  range: TimeRange;
  columns: readonly ColumnDef[];
  rows: ReportRow[];
  /** Rows of an answer that also said "not found" (HTTP or `code` 404): kept, and said. */
  notFoundWithRows?: number;
}

export interface LoadResult {
  report: ReportDef;
  range: TimeRange;
  /** The catalog's columns, then extra columns in the order the chunks brought them. */
  columns: ColumnDef[];
  /** All loaded rows, chunk by chunk in chronological order, each chunk in the API's order. */
  rows: ReportRow[];
  /** Chunks that could not be loaded: their periods are missing from `rows`. */
  failures: ChunkFailure[];
  /** Chunks whose rows may be incomplete because of the row cap. */
  truncated: TruncatedChunk[];
  /** No failure and no truncation: `rows` is everything the API holds for `range`. */
  complete: boolean;
  /** The loaded chunks, in chronological order. */
  chunks: LoadedChunk[];
  /** API calls made, retries included (they count against the daily quota). */
  requests: number;
  /** Rows kept from answers that also said "not found" (404): see parse-envelope.ts. */
  notFoundWithRows: number;
  /** Rows (and periods) taken from earlier loads (`cache`), with no call. */
  reusedRows: number;
  reusedChunks: number;
}

/** An aggregate report over a range the API cannot answer in one call. */
export class AggregateRangeError extends Error {
  override readonly name = 'AggregateRangeError';

  constructor(
    readonly report: ReportDef,
    readonly range: TimeRange,
    /** Calls the range would need. */
    readonly chunks: number,
  ) {
    super(
      `Report ${report.number} (${report.name.en}) totals over the whole range, so it cannot be ` +
        `loaded in pieces and added up. Choose a range within one calendar month and at most ` +
        `31 days (${describeRange(range)} would need ${chunks} calls).`,
    );
  }
}

export const DEFAULT_CONCURRENCY = 2;
export const MAX_CONCURRENCY = 2;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_TIMEOUT_MS = 70_000;
export const DEFAULT_ROW_CAP = 60_000;
/**
 * A call is sized to hold this share of the cap (57,000 rows): a month expected at 55,000
 * stays one call, and a piece sized from a density a few percent off still fits.
 */
export const TARGET_SHARE = 0.95;

/**
 * Calls a chunk may take when wolkvox is busy (another call of the same token, from
 * another user or integration, holds its two slots) or in its maintenance window:
 * both pass, so they get more patience than a failing server (about 1 and 2 minutes
 * of backoff with the default delays).
 */
const PATIENCE: Partial<Record<WolkvoxErrorKind, number>> = { busy: 6, maintenance: 7 };

/** Loads `report` over `range`; see the top of this file for the rules. */
export async function loadReport(
  report: ReportDef,
  range: TimeRange,
  options: LoadOptions,
): Promise<LoadResult> {
  const aligned = alignRange(range);
  checkLoadRange(aligned);
  const now = options.now ?? Date.now;
  let chunks: TimeRange[];
  let reused: LoadedChunk[] = [];
  if (report.aggregate) {
    // The API's own limits, whatever chunk size the caller prefers for row reports.
    const needed = splitRange(aligned).length;
    if (needed > 1) throw new AggregateRangeError(report, aligned, needed);
    chunks = [aligned];
  } else {
    const plan = options.cache?.plan(report, aligned, now()) ?? { reused: [], gaps: [aligned] };
    reused = plan.reused;
    chunks = plan.gaps.flatMap((gap) => splitRange(gap, options.split));
  }
  const rowCap = options.rowCap ?? DEFAULT_ROW_CAP;
  const shortfall = quotaShortfall(
    estimateCalls(
      chunks,
      options.density && ((at) => options.density!.rowsPerSecond(report, at)),
      Math.floor(rowCap * TARGET_SHARE),
    ),
    options.quotaLeft,
  );
  if (chunks.length > 0 && shortfall) throw new LoadLimitError(shortfall);
  const budget = options.budget ?? budgetFor(aligned, options.quotaLeft);
  for (const chunk of reused) options.onChunk?.(chunk);
  const outcome = await runChunks(report, chunks, options, budget);
  storeLoaded(report, outcome, options);
  return buildResult(
    report,
    aligned,
    [...reused, ...outcome.loaded],
    outcome.failures,
    outcome.truncated,
    outcome.requests,
    reused,
  );
}

/**
 * Fetches again only the failed chunks of `previous` and merges them into its
 * rows in chronological order. Same options and rules as loadReport.
 */
export async function retryFailed(previous: LoadResult, options: LoadOptions): Promise<LoadResult> {
  if (previous.failures.length === 0) return previous;
  const ranges = previous.failures.map((failure) => failure.range);
  const budget = options.budget ?? budgetFor(previous.range, options.quotaLeft);
  const outcome = await runChunks(previous.report, ranges, options, budget);
  storeLoaded(previous.report, outcome, options);
  return buildResult(
    previous.report,
    previous.range,
    [...previous.chunks, ...outcome.loaded],
    outcome.failures,
    [...previous.truncated, ...outcome.truncated],
    previous.requests + outcome.requests,
    [],
    previous,
  );
}

/**
 * Keeps each answer in the cache, stamped with the time that answer arrived (not the end of
 * the load): a chunk fetched while its period was still open must not pass for closed
 * because the load went on for hours after it.
 */
function storeLoaded(report: ReportDef, outcome: Outcome, options: LoadOptions) {
  if (!options.cache || report.aggregate) return;
  for (const chunk of outcome.loaded)
    options.cache.store(report, chunk, outcome.fetchedAt.get(chunk)!);
}

interface Outcome {
  loaded: LoadedChunk[];
  /** When each loaded chunk's answer arrived (options.now). */
  fetchedAt: Map<LoadedChunk, number>;
  failures: ChunkFailure[];
  truncated: TruncatedChunk[];
  requests: number;
}

type Attempt = { parsed: ParsedRows; fetchedAt: number } | { failure: ChunkFailure };

async function runChunks(
  report: ReportDef,
  initial: readonly TimeRange[],
  options: LoadOptions,
  budget: LoadBudget,
): Promise<Outcome> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new RangeError(`concurrency must be 1 or ${MAX_CONCURRENCY} (got ${concurrency})`);
  }
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number from 1 (got ${maxAttempts})`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const rowCap = options.rowCap ?? DEFAULT_ROW_CAP;
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const fetchChunk = options.fetchChunk ?? fetchReport;
  const density = options.density;
  let alongside = options.alongside;
  const target = Math.max(1, Math.floor(rowCap * TARGET_SHARE));
  const outer = options.signal;
  outer?.throwIfAborted();

  // Aborted by the caller's signal (with its reason) or by a token error: either
  // way every in-flight call and backoff wait is cancelled and nothing new starts.
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });

  const now = options.now ?? Date.now;
  const outcome: Outcome = {
    loaded: [],
    fetchedAt: new Map(),
    failures: [],
    truncated: [],
    requests: 0,
  };
  let bytes = 0;
  const overBudget = () => outcome.requests >= budget.calls || bytes >= budget.bytes;
  const budgetFailure = (range: TimeRange, attempts: number): ChunkFailure => ({
    range,
    error: new LoadLimitError({ code: 'budget', calls: budget.calls, bytes: budget.bytes }),
    attempts,
  });
  const progress: LoadProgress = {
    chunksDone: 0,
    chunksTotal: initial.length,
    rows: 0,
    retries: 0,
  };
  // Send times of the calls waiting for an answer: the page shows how long the oldest waits.
  const waiting = new Set<{ at: number }>();
  const emit = () => {
    let since: number | undefined;
    for (const call of waiting) since = since === undefined ? call.at : Math.min(since, call.at);
    progress.waitingSince = since;
    options.onProgress?.({ ...progress });
  };

  const callOnce = async (range: TimeRange): Promise<ParsedRows> => {
    const call = new AbortController();
    const timer = setTimeout(
      () =>
        call.abort(
          new WolkvoxError(
            'timeout',
            `No answer within ${Math.round(timeoutMs / 1000)} s`,
            undefined,
            { code: 'noAnswer', seconds: Math.round(timeoutMs / 1000) },
          ),
        ),
      timeoutMs,
    );
    const relay = () => call.abort(stop.signal.reason);
    stop.signal.addEventListener('abort', relay, { once: true });
    // The timeout is the server's: it stops once the whole answer has arrived, so
    // that parsing the answer (in a worker, or on the page without one) never turns it into a
    // timeout: the fetcher says when the whole answer is in (`onBody`).
    const onBody = (size: number) => {
      clearTimeout(timer);
      bytes += size;
    };
    try {
      // Raced against the call's own signal, so that a timeout or a cancel is
      // effective even with a fetcher that ignores the signal.
      return await Promise.race([
        fetchChunk(report, range, {
          baseUrl: options.baseUrl,
          fetch: options.fetch,
          signal: call.signal,
          onBody,
        }),
        rejectOnAbort(call.signal),
      ]);
    } finally {
      clearTimeout(timer);
      stop.signal.removeEventListener('abort', relay);
    }
  };

  const fetchWithRetry = async (range: TimeRange): Promise<Attempt> => {
    for (let attempt = 1; ; attempt++) {
      stop.signal.throwIfAborted();
      if (overBudget()) return { failure: budgetFailure(range, attempt - 1) };
      outcome.requests++;
      if (attempt > 1) progress.retries++;
      const call = { at: Date.now() };
      waiting.add(call);
      emit();
      try {
        const parsed = await callOnce(range);
        waiting.delete(call);
        return { parsed, fetchedAt: now() };
      } catch (caught) {
        waiting.delete(call);
        if (stop.signal.aborted) throw stop.signal.reason;
        emit();
        const error = asWolkvoxError(caught);
        if (error.stopsLoad) throw error;
        if (!error.retryable || attempt >= Math.max(maxAttempts, PATIENCE[error.kind] ?? 0)) {
          return { failure: { range, error, attempts: attempt } };
        }
        const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempt - 1));
        // "Equal jitter": half fixed, half random, so that two workers that failed
        // together (a rate limit) do not come back together.
        await sleep(delay / 2 + random() * (delay / 2), stop.signal);
      }
    }
  };

  /**
   * Periods not asked for yet, in chronological order. Each is a chain: its calls are cut
   * from its front one at a time (`busy` while one is in flight), so that the rest of a
   * capped answer joins the period it was cut from and is asked with it, not as a fragment.
   * A second call in flight takes another chain; when there is none, the largest remainder
   * still needing more than one call is split in two.
   */
  interface Span {
    start: number;
    end: number;
    busy: boolean;
    /** Where the call in flight starts: the density there sized it, and sizes what follows. */
    from?: number;
  }
  const queue: Span[] = initial.map((range) => ({ ...range, busy: false }));
  const empty = (span: Span) => span.end < span.start;
  /** The load's calls in flight; the `alongside` call; kept chunks being handed to onChunk. */
  let active = 0;
  let side = 0;
  let handing = 0;
  let total = initial.length;
  const countTotal = () => {
    // Calls done or in flight, plus at least one for each period still to ask.
    const pending = queue.filter((span) => !empty(span)).length;
    total = Math.max(total, progress.chunksDone + active + pending);
    progress.chunksTotal = total;
  };

  const expectedRows = (range: TimeRange, at = range.start): number | undefined => {
    if (report.aggregate) return undefined;
    const perSecond = density?.rowsPerSecond(report, at);
    return perSecond === undefined ? undefined : perSecond * rangeSeconds(range);
  };

  /** The next call and the chain it comes from, or undefined when every chain is busy. */
  const nextCall = (): { range: TimeRange; span: Span } | undefined => {
    let span = queue.find((candidate) => !candidate.busy && !empty(candidate));
    if (!span) {
      // Both slots on one chain would leave the first call's rest as a fragment: split one
      // expected to need another call or more after the one in flight, so that neither half
      // is a call of a few rows (each holds over half a call) and the second slot is not idle.
      let widest: Span | undefined;
      for (const candidate of queue) {
        if (empty(candidate) || (expectedRows(candidate, candidate.from) ?? 0) <= target) continue;
        if (!widest || rangeSeconds(candidate) > rangeSeconds(widest)) widest = candidate;
      }
      if (!widest || rangeSeconds(widest) < 2) return undefined;
      const mid = widest.start + Math.floor(rangeSeconds(widest) / 2) * SECOND;
      span = { start: mid, end: widest.end, busy: false };
      widest.end = mid - SECOND;
      queue.splice(queue.indexOf(widest) + 1, 0, span);
    }
    const expected = expectedRows(span) ?? 0;
    let range: TimeRange;
    if (expected <= target) {
      range = { start: span.start, end: span.end };
    } else {
      const seconds = rangeSeconds(span);
      const pieceSeconds = Math.max(1, Math.floor(seconds / Math.ceil(expected / target)));
      range = { start: span.start, end: span.start + (pieceSeconds - 1) * SECOND };
    }
    span.start = range.end + SECOND;
    span.busy = true;
    span.from = range.start;
    return { range, span };
  };

  /** The call cut from `span` is over; `rest` (the unasked end of a capped answer) rejoins it. */
  const release = (span: Span, rest?: TimeRange) => {
    span.busy = false;
    if (rest) span.start = rest.start;
    if (empty(span)) queue.splice(queue.indexOf(span), 1);
  };

  /** Kept; the caller hands it to `onChunk` once the next calls are out. */
  const keep = (chunk: LoadedChunk, fetchedAt: number): LoadedChunk => {
    outcome.loaded.push(chunk);
    outcome.fetchedAt.set(chunk, fetchedAt);
    if (!report.aggregate) density?.observe(report, chunk.range, chunk.rows);
    progress.chunksDone++;
    progress.rows += chunk.rows.length;
    return chunk;
  };

  /** One call and what follows from its answer; the chunk it kept, if any. */
  const runOne = async (range: TimeRange, span: Span): Promise<LoadedChunk | undefined> => {
    const attempt = await fetchWithRetry(range);
    if ('failure' in attempt) {
      outcome.failures.push(attempt.failure);
      progress.chunksDone++;
      release(span);
      return;
    }
    const { columns, rows, notFoundWithRows } = attempt.parsed;
    if (rows.length < rowCap || report.aggregate) {
      // An aggregate cannot be split: a capped one is kept and said.
      if (rows.length >= rowCap) outcome.truncated.push({ range, rows: rows.length });
      release(span);
      return keep({ range, columns, rows, notFoundWithRows }, attempt.fetchedAt);
    }
    if (rangeSeconds(range) < 2 || noneInside(report, range, rows)) {
      throw new LoadLimitError({ code: 'ignoredRange', range });
    }
    const prefix = completePrefix(report, range, rows);
    if (prefix && prefix.cut === range.start) {
      // Every row in the first second: that second alone is over the cap.
      throw new LoadLimitError({
        code: 'ignoredRange',
        range: { start: range.start, end: range.start },
      });
    }
    if (prefix) {
      const kept = keep(
        {
          range: { start: range.start, end: prefix.cut - SECOND },
          columns,
          rows: prefix.rows,
          notFoundWithRows: notFoundWithRows ? prefix.rows.length : undefined,
        },
        attempt.fetchedAt,
      );
      release(span, { start: prefix.cut, end: range.end });
      return kept;
    }
    // Not known to be the period's first rows: halved, and the density is at least this.
    density?.observe(report, range, rows);
    const [first, second] = halveRange(range)!;
    release(span);
    const at = queue.findIndex((pending) => pending.start > range.start);
    queue.splice(
      at < 0 ? queue.length : at,
      0,
      { ...first, busy: false },
      { ...second, busy: false },
    );
  };

  emit();
  try {
    await new Promise<void>((resolve, reject) => {
      const pump = () => {
        if (stop.signal.aborted) {
          // Settle only once every in-flight call has wound down.
          if (active + side + handing === 0) reject(stop.signal.reason);
          return;
        }
        if (overBudget() && queue.some((span) => !empty(span))) {
          // The ceiling is reached: nothing more is asked, the periods left are listed.
          for (const span of queue) {
            if (empty(span)) continue;
            outcome.failures.push(budgetFailure({ start: span.start, end: span.end }, 0));
            progress.chunksDone++;
            span.end = span.start - SECOND;
          }
          for (let i = queue.length - 1; i >= 0; i--)
            if (!queue[i]!.busy && empty(queue[i]!)) queue.splice(i, 1);
        }
        while (active + side < concurrency) {
          const next = nextCall();
          if (!next) break;
          active++;
          countTotal();
          runOne(next.range, next.span).then(
            (kept) => {
              active--;
              countTotal();
              emit();
              // The next calls go out first: what the page does with the rows (labels,
              // checks, showing) took ~50 ms of 60,000 rows that the next round waited for.
              handing++;
              pump();
              try {
                if (kept) options.onChunk?.(kept);
              } catch (error) {
                if (!stop.signal.aborted) stop.abort(error);
              }
              handing--;
              pump();
            },
            (error: unknown) => {
              active--;
              if (!stop.signal.aborted) stop.abort(error);
              pump();
            },
          );
        }
        if (alongside && active + side < concurrency) {
          // No call of the load's own needs this slot now.
          const call = alongside;
          alongside = undefined;
          side++;
          void Promise.resolve()
            .then(() => call(stop.signal))
            .catch(() => {})
            .finally(() => {
              side--;
              pump();
            });
        }
        countTotal();
        emit();
        if (active + side + handing === 0 && queue.length === 0) resolve();
      };
      pump();
    });
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  return outcome;
}

function buildResult(
  report: ReportDef,
  range: TimeRange,
  loaded: readonly LoadedChunk[],
  failures: ChunkFailure[],
  truncated: TruncatedChunk[],
  requests: number,
  reused: readonly LoadedChunk[],
  previous?: LoadResult,
): LoadResult {
  const { chunks, columns, rows } = mergeChunks(report, loaded);

  failures.sort((a, b) => a.range.start - b.range.start);
  truncated.sort((a, b) => a.range.start - b.range.start);
  return {
    report,
    range,
    columns,
    rows,
    failures,
    truncated,
    complete: failures.length === 0 && truncated.length === 0,
    chunks,
    requests,
    notFoundWithRows: chunks.reduce((sum, chunk) => sum + (chunk.notFoundWithRows ?? 0), 0),
    reusedRows:
      (previous?.reusedRows ?? 0) + reused.reduce((sum, chunk) => sum + chunk.rows.length, 0),
    reusedChunks: (previous?.reusedChunks ?? 0) + reused.length,
  };
}

/**
 * Loaded chunks as one table: in chronological order, each chunk in the API's order, with the
 * catalog's columns and then the extra columns in the order the chunks brought them; every row
 * is given every extra column (null where its chunk did not have it).
 */
export function mergeChunks(
  report: ReportDef,
  loaded: readonly LoadedChunk[],
): { chunks: LoadedChunk[]; columns: ColumnDef[]; rows: ReportRow[] } {
  const chunks = [...loaded].sort((a, b) => a.range.start - b.range.start);
  const columns: ColumnDef[] = [...report.columns];
  const known = new Set(columns.map((column) => column.key));
  for (const chunk of chunks) {
    for (const column of chunk.columns) {
      if (known.has(column.key)) continue;
      known.add(column.key);
      columns.push(column);
    }
  }
  const extras = columns.slice(report.columns.length).map((column) => column.key);

  const rows: ReportRow[] = [];
  for (const chunk of chunks) {
    const have = new Set(chunk.columns.map((column) => column.key));
    const missing = extras.filter((key) => !have.has(key));
    for (const row of chunk.rows) {
      for (const key of missing) if (!(key in row)) row[key] = null;
      rows.push(row);
    }
  }
  return { chunks, columns, rows };
}

function asWolkvoxError(error: unknown): WolkvoxError {
  if (error instanceof WolkvoxError) return error;
  // A fetcher that throws something else (a TypeError from fetch): no HTTP answer.
  const message = error instanceof Error ? error.message : String(error);
  return new WolkvoxError('network', `Could not reach the wolkvox server (${message})`, undefined, {
    code: 'unreachable',
    cause: message,
  });
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

import { createRandom } from '../../../src/mocks/random';
import { createTimeline, timelineRowId } from '../../../src/mocks/timeline';
import { MAX_ROWS_PER_CALL } from '../../../src/mocks/wolkvox-api';
import { findReport } from '../../../src/report-model/catalog';
import type { ReportRow } from '../../../src/report-model/column-types';
import type { FetchChunk } from '../../../src/report-model/load/load-report';
import type { TimeRange } from '../../../src/report-model/time-range';
import { SECOND } from '../../../src/report-model/time-range';

/**
 * An in-memory stand-in for one API call at the loader's seam (`fetchChunk`, below
 * the wire), instrumented: the rows are those of the one fake wolkvox's timeline
 * (src/mocks/timeline.ts: the rows whose time falls in the requested range,
 * inclusive at second resolution, the first `cap` of them when more match, ids
 * `C0000000`… in time order), and it records every call and how many were in
 * flight at once. `script` injects faults into chosen calls. The rows carry only
 * their id and time: the loader reads nothing else, and parsing the generators'
 * full rows would cost seconds per test (the wire path of the loader is tested
 * against the same fake over HTTP, test/fake-wolkvox/load-report-http.test.ts).
 */

export const CHATS = findReport(1)!;
export const CLOSED_BY_CHANNEL = findReport(3)!;

export const at = (iso: string) => Date.parse(`${iso}Z`);

export interface FakeCall {
  n: number;
  range: TimeRange;
  signal: AbortSignal | undefined;
  /** Set when the call settles. */
  outcome?: 'rows' | 'error' | 'aborted';
  rows?: number;
}

export type Fault =
  | Error
  /** Never answers; with `honourAbort` false it ignores the signal too. */
  | { hang: true; honourAbort?: boolean }
  /** Answers these rows instead (with these extra columns). */
  | { rows: ReportRow[]; extraColumns?: string[] };

export interface FakeApiOptions {
  /** Row times (wall-clock ms, whole seconds); sorted here. */
  times: number[];
  cap?: number;
  /** Delay before answering, in ms (real timers). */
  delay?: (call: FakeCall) => number;
  script?: (call: FakeCall) => Fault | undefined;
  /**
   * Rows also carry the report's range column (`rangeKey`: DATE_CLOSE for report 1) at their
   * instant, as the real rows do; without it the loader cannot trust a capped answer's order.
   */
  rangeColumn?: boolean;
  /** The order of an answer: the fake core's (time, default) or shuffled (an unknown order). */
  order?: 'time' | 'shuffled';
  /** Answers the first `cap` rows of the whole timeline to every call (an API ignoring the range). */
  ignoreRange?: boolean;
}

export function fakeApi({
  times,
  cap = MAX_ROWS_PER_CALL,
  delay,
  script,
  rangeColumn = false,
  order = 'time',
  ignoreRange = false,
}: FakeApiOptions) {
  const timeline = createTimeline({ times });
  const sorted = timeline.times;
  const stats = { calls: [] as FakeCall[], inFlight: 0, maxInFlight: 0 };

  const fetchChunk: FetchChunk = async (report, range, { signal }) => {
    const call: FakeCall = { n: stats.calls.length + 1, range, signal };
    stats.calls.push(call);
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      await wait(delay?.(call) ?? 0, signal);
      const fault = script?.(call);
      if (fault instanceof Error) throw fault;
      if (fault && 'hang' in fault) {
        await wait(Number.POSITIVE_INFINITY, fault.honourAbort === false ? undefined : signal);
      }
      let rows: ReportRow[];
      const columns = [...report.columns];
      if (fault && 'rows' in fault) {
        rows = fault.rows;
        for (const key of fault.extraColumns ?? []) {
          columns.push({ key, header: key.toUpperCase(), type: 'text', extra: true });
        }
      } else {
        const { from, to: end } = ignoreRange
          ? { from: 0, to: sorted.length }
          : timeline.span(range);
        const to = Math.min(end, from + cap);
        rows = [];
        const key = rangeColumn ? report.rangeKey : undefined;
        for (let i = from; i < to; i++) rows.push(makeRow(sorted[i]!, i, key));
        if (order === 'shuffled') shuffle(rows, call.n);
      }
      call.outcome = 'rows';
      call.rows = rows.length;
      return { columns, rows };
    } catch (error) {
      call.outcome = signal?.aborted ? 'aborted' : 'error';
      throw error;
    } finally {
      stats.inFlight--;
    }
  };

  /** The ids a complete load of `range` must return, in order. */
  const idsIn = (range: TimeRange) => timeline.idsIn(range);

  return { fetchChunk, stats, idsIn, total: sorted.length };
}

function makeRow(time: number, index: number, rangeKey?: string): ReportRow {
  const row: ReportRow = { conn_id: timelineRowId(index), date: time };
  if (rangeKey) row[rangeKey] = time;
  return row;
}

function shuffle(rows: ReportRow[], seed: number) {
  const random = createRandom(seed).next;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `count` row times spread over `range` at whole seconds, deterministic. */
export function spreadTimes(range: TimeRange, count: number, seed = 1): number[] {
  const random = createRandom(seed).next;
  const seconds = (range.end - range.start) / SECOND + 1;
  return Array.from({ length: count }, () => range.start + Math.floor(random() * seconds) * SECOND);
}

/** Ids of the rows of a load, for exactly-once checks. */
export const idsOf = (rows: readonly ReportRow[]) => rows.map((row) => String(row.conn_id));

/** A sleep that records the delays asked for and does not wait. */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal) => {
    signal.throwIfAborted();
    delays.push(ms);
  };
  return { sleep, delays };
}

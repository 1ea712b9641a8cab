import { createRandom } from '../../../src/mocks/random';
import { findReport } from '../../../src/report-model/catalog';
import type { ReportRow } from '../../../src/report-model/column-types';
import type { FetchChunk } from '../../../src/report-model/load/load-report';
import type { TimeRange } from '../../../src/report-model/time-range';
import { SECOND } from '../../../src/report-model/time-range';
import { idsInRange, lowerBound } from '../../fake-wolkvox/row-times';

/**
 * An in-memory stand-in for one API call, instrumented: it answers the rows whose
 * time falls in the requested range (inclusive, at second resolution), the first
 * `cap` of them when more match, and records every call and how many were in
 * flight at once. `script` injects faults into chosen calls.
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
}

export function fakeApi({ times, cap = 60_000, delay, script }: FakeApiOptions) {
  const sorted = Float64Array.from(times).sort();
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
        const from = lowerBound(sorted, range.start);
        const to = Math.min(lowerBound(sorted, range.end + SECOND), from + cap);
        rows = [];
        for (let i = from; i < to; i++) rows.push(makeRow(sorted[i]!, i));
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
  const idsIn = (range: TimeRange) => idsInRange(sorted, range, rowId);

  return { fetchChunk, stats, idsIn, total: sorted.length };
}

const rowId = (index: number) => `c${index}`;

function makeRow(time: number, index: number): ReportRow {
  return { conn_id: rowId(index), date: time };
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

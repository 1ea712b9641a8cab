import { findReport } from '../../report-model/catalog';
import {
  DEFAULT_ROW_CAP,
  loadReport,
  type FetchChunk,
  type LoadProgress,
  type LoadResult,
} from '../../report-model/load/load-report';
import { DensityMemory } from '../../report-model/load/density';
import { budgetFor } from '../../report-model/load/load-limits';
import type { ReportDef } from '../../report-model/catalog';
import type { ReportRow } from '../../report-model/column-types';
import { knownQuotaLeft, noteCalls } from '../../report-model/quota';
import { SECOND, type TimeRange } from '../../report-model/time-range';
import { fetchReport } from '../../report-model/wire/fetch-report';
import { addMessages, newMessageTally, type MessageTally } from '../model/message-counts';
import { planMessageLoad } from '../model/message-load-plan';

/**
 * The loader learns rows per second from each answer to size its next call; it is handed
 * empty answers here, so the real rows are recorded before they are dropped and the loader's
 * own (empty) observation is ignored. Before any answer near a call is known, the plan's high
 * estimate spread over the range sizes it: without it the first call asks for the whole
 * month, and it and each half down to a few hours come back over the cap, are parsed and
 * thrown away (measured: 3 of a 3-day load's 7 answers, two thirds of the rows parsed).
 */
class FoldedDensity extends DensityMemory {
  constructor(private readonly planned?: number) {
    super();
  }

  override observe(): void {}

  override rowsPerSecond(report: ReportDef, at: number): number | undefined {
    return super.rowsPerSecond(report, at) ?? this.planned;
  }

  record(report: ReportDef, range: TimeRange, rows: readonly ReportRow[]): void {
    super.observe(report, range, rows);
  }
}

const REPORT_2 = findReport(2)!;

/**
 * Report 2 over `range` through the loader (its chunks, 2 calls in flight, retries, the
 * quota), folding each answer into per-chat counts as it arrives: an answer below the row cap
 * is counted and handed to the loader empty, so no message row is kept. A capped answer goes
 * to the loader whole (it halves the chunk and asks again; the capped rows are dropped); rows
 * the loader still keeps (a chunk it could not split) are counted at the end.
 */
export async function loadMessageCounts(
  range: TimeRange,
  options: {
    baseUrl: string;
    /** Report 10's rows for the range: sizes the call budget (3–9 messages a chat). */
    interactions: number;
    signal?: AbortSignal;
    onProgress?: (p: LoadProgress) => void;
    /** HTTP (default globalThis.fetch); a measurement counts calls in flight through it. */
    fetch?: typeof fetch;
  },
): Promise<{ tally: MessageTally; load: LoadResult }> {
  const tally = newMessageTally();
  const plan = planMessageLoad(range, options.interactions);
  const seconds = (range.end - range.start) / SECOND + 1;
  const density = new FoldedDensity(plan.rows.high > 0 ? plan.rows.high / seconds : undefined);
  const fetchChunk: FetchChunk = async (report, chunkRange, fetchOptions) => {
    const parsed = await fetchReport(report, chunkRange, fetchOptions);
    if (parsed.rows.length >= DEFAULT_ROW_CAP) return parsed;
    density.record(report, chunkRange, parsed.rows);
    addMessages(tally, parsed.rows);
    return { ...parsed, rows: [] };
  };
  // Report 2 needs several times report 10's calls: the budget follows the plan's high
  // estimate ×3 (the loader packs answers below the cap; measured ≈ 40 % of it); answers are dropped once counted, so the
  // bytes budget (meant for rows kept in the tab) does not apply. The quota still caps it.
  const quotaLeft = knownQuotaLeft(Date.now());
  const base = budgetFor(range, quotaLeft);
  const planned = Math.ceil(plan.calls.high * 3) + 16;
  const calls = Math.max(
    base.calls,
    quotaLeft === undefined ? planned : Math.min(planned, quotaLeft),
  );
  const load = await loadReport(REPORT_2, range, {
    baseUrl: options.baseUrl,
    signal: options.signal,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    fetchChunk,
    density,
    quotaLeft,
    budget: { calls, bytes: Number.MAX_SAFE_INTEGER },
    onProgress: options.onProgress,
  });
  noteCalls(load.requests);
  if (load.rows.length > 0) addMessages(tally, load.rows);
  return { tally, load };
}

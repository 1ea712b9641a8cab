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
import { DAY, SECOND, type TimeRange } from '../../report-model/time-range';
import { fetchReport } from '../../report-model/wire/fetch-report';
import { workerFetchChunk } from '../../report-model/worker/worker-fetch-chunk';
import { addMessages, newMessageTally, type MessageTally } from '../model/message-counts';
import { planMessageLoad } from '../model/message-load-plan';

/**
 * The loader learns rows per second from each answer to size its next call; it is handed
 * empty answers here, so the real rows are recorded before they are dropped, and of the
 * loader's own observations only those of a capped answer (its rows are real) count.
 *
 * Sizing: report 2 has no column the API filters on (it filters chats, its rows are
 * messages), so the loader's memory knows only each answer's average, and a call sized from
 * the day's average over the busy hours comes back over the cap, parsed and thrown away
 * (measured at 1M interactions: 110 of 393 answers, half the rows parsed). So the density is
 * the highest of: the loader's (the day before), the same hours of the day before (the next
 * call's hours, `AHEAD`), and, before any answer near a call is known, the plan's high
 * estimate spread over the range (without it the first call asks for the whole month, and it
 * and each half down to a few hours come back over the cap).
 */
const AHEAD = 3 * 3_600_000;

class FoldedDensity extends DensityMemory {
  private readonly answers: { start: number; end: number; rows: number }[] = [];

  constructor(private readonly planned?: number) {
    super();
  }

  override observe(report: ReportDef, range: TimeRange, rows: readonly ReportRow[]): void {
    if (rows.length >= DEFAULT_ROW_CAP) this.record(report, range, rows);
  }

  override rowsPerSecond(report: ReportDef, at: number): number | undefined {
    const known = super.rowsPerSecond(report, at);
    if (known === undefined) return this.planned;
    return Math.max(known, this.answeredOver(at - DAY, at - DAY + AHEAD) ?? 0);
  }

  record(report: ReportDef, range: TimeRange, rows: readonly ReportRow[]): void {
    super.observe(report, range, rows);
    this.answers.push({ start: range.start, end: range.end + SECOND, rows: rows.length });
  }

  /** Rows per second answered over [from, to), each answer's rows spread over its period. */
  private answeredOver(from: number, to: number): number | undefined {
    let rows = 0;
    let covered = 0;
    for (const a of this.answers) {
      const overlap = Math.min(a.end, to) - Math.max(a.start, from);
      if (overlap <= 0) continue;
      rows += (a.rows * overlap) / (a.end - a.start);
      covered += overlap;
    }
    return covered > 0 ? rows / (covered / SECOND) : undefined;
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
  // Fetched and read in the fetch workers where they run (the page's thread then only counts:
  // reading a 60,000-message answer here held it 0.3-0.5 s).
  const fetchOne = (!options.fetch && workerFetchChunk()) || fetchReport;
  const fetchChunk: FetchChunk = async (report, chunkRange, fetchOptions) => {
    const parsed = await fetchOne(report, chunkRange, fetchOptions);
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

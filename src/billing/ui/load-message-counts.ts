import { findReport } from '../../report-model/catalog';
import {
  DEFAULT_ROW_CAP,
  loadReport,
  type FetchChunk,
  type LoadProgress,
  type LoadResult,
} from '../../report-model/load/load-report';
import { knownQuotaLeft, noteCalls } from '../../report-model/quota';
import type { TimeRange } from '../../report-model/time-range';
import { fetchReport } from '../../report-model/wire/fetch-report';
import { addMessages, newMessageTally, type MessageTally } from '../model/message-counts';

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
    signal?: AbortSignal;
    onProgress?: (p: LoadProgress) => void;
    /** HTTP (default globalThis.fetch); a measurement counts calls in flight through it. */
    fetch?: typeof fetch;
  },
): Promise<{ tally: MessageTally; load: LoadResult }> {
  const tally = newMessageTally();
  const fetchChunk: FetchChunk = async (report, chunkRange, fetchOptions) => {
    const parsed = await fetchReport(report, chunkRange, fetchOptions);
    if (parsed.rows.length >= DEFAULT_ROW_CAP) return parsed;
    addMessages(tally, parsed.rows);
    return { ...parsed, rows: [] };
  };
  const load = await loadReport(REPORT_2, range, {
    baseUrl: options.baseUrl,
    signal: options.signal,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    fetchChunk,
    quotaLeft: knownQuotaLeft(Date.now()),
    onProgress: options.onProgress,
  });
  noteCalls(load.requests);
  if (load.rows.length > 0) addMessages(tally, load.rows);
  return { tally, load };
}

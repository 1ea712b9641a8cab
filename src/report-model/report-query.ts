import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiBaseUrl } from '../shared/env';
import type { ReportDef } from './catalog';
import { countUnparsed, type ReportRow } from './column-types';
import {
  nameConnectors,
  withConnector,
  withConnectorColumn,
  type WithConnector,
} from './connector-column';
import { arrivingRows, type ArrivedRows } from './arriving-rows';
import {
  arrivedRowsWatched,
  clearArrivedRows,
  setArrivedRows,
  setLoadProgress,
} from './load-progress';
import { loadReport, retryFailed, type LoadResult } from './load/load-report';
import { checkLoadedRowsInSlices, type ArrivalChecks } from './load/row-checks';
import { ChunkCache, isClosedPeriod } from './load/chunk-cache';
import { DensityMemory } from './load/density';
import { knownQuotaLeft, noteCalls, noteQuota, readServerQuota } from './quota';
import { yieldToMain } from '../shared/yield-to-main';
import { dayRange } from './time-range';
import { fetchConnectorNames } from './wire/fetch-connectors';
import { workerFetchChunk } from './worker/worker-fetch-chunk';

/** wolkvox asks clients to poll no more often than every 5 minutes; calls count against a quota. */
export const REPORT_STALE_MS = 5 * 60_000;

/** A loaded report: typed rows (with derived columns) and how the load went. */
export interface ReportData extends WithConnector {
  load: LoadResult;
  /** Cells kept as wolkvox sent them because they did not parse (flagged ⚠ in the table). */
  unparsedCells: number;
  /** Copies of an already loaded CONN_ID, removed from `rows` (load/row-checks.ts). */
  duplicates: ReportRow[];
  /** Rows of `rows` dated outside the period their call asked for: shown and flagged. */
  outOfRange: ReportRow[];
}

/**
 * The periods already loaded and the densities seen, per QueryClient (the page has one; each
 * test its own): a range is assembled from loaded periods, calls are sized from what was seen.
 */
interface LoadMemory {
  cache: ChunkCache;
  density: DensityMemory;
}
const memories = new WeakMap<QueryClient, LoadMemory>();

export function loadMemory(client: QueryClient): LoadMemory {
  let memory = memories.get(client);
  if (!memory) {
    memory = { cache: new ChunkCache(REPORT_STALE_MS), density: new DensityMemory() };
    memories.set(client, memory);
  }
  return memory;
}

/** Refresh: the loaded periods of the range are forgotten, so the next load asks wolkvox again. */
export function forgetLoaded(client: QueryClient, report: ReportDef, from: string, to: string) {
  const range = dayRange(from, to);
  if (range) loadMemory(client).cache.forget(report, range);
}

/** How long the rows of a finished load stay for a page that has not taken the load yet. */
const FORGET_ARRIVED_MS = 10_000;

export const reportQueryKey = (report: ReportDef, from: string, to: string) =>
  ['report', report.api, from, to] as const;

export const progressKey = (key: readonly unknown[]) => JSON.stringify(key);

/**
 * The finished load as the page shows it. `arrived`: every chunk went through arrivingRows,
 * which counted its unparsed cells, checked its rows and saw the CONNECTOR ids on them (put
 * there by the fetch worker, or by arrivingRows itself), so only the connector names are added
 * here (at a million rows, reading every SESSION_ID again took about half a second at the end
 * of the load).
 */
async function enrich(
  load: LoadResult,
  names: ReadonlyMap<string, string> | undefined,
  arrived?: { unparsedCells: number; checks: ArrivalChecks },
): Promise<ReportData> {
  // Checked as they arrived; else (or when a CONN_ID repeats) here, in slices: a million rows
  // of report 10 are checked without one long task.
  const checked =
    arrived?.checks.result(load.chunks, load.rows) ??
    (await checkLoadedRowsInSlices(load.report, load.chunks, yieldToMain));
  const rows = { columns: load.columns, rows: checked.rows };
  let data: WithConnector;
  let unparsedCells: number;
  if (arrived) {
    data = { columns: withConnector(load.columns), rows: checked.rows, connectorNames: names };
    await nameConnectors(checked.rows, names, yieldToMain);
    unparsedCells = arrived.unparsedCells - countUnparsed(data.columns, checked.duplicates);
  } else {
    data = withConnectorColumn(rows, names);
    // Counted once per load, not on every render of the page.
    unparsedCells = countUnparsed(data.columns, data.rows);
  }
  return {
    ...data,
    load,
    unparsedCells,
    duplicates: checked.duplicates,
    outOfRange: checked.outOfRange,
  };
}

export function reportQueryOptions(report: ReportDef, from: string, to: string) {
  const queryKey = reportQueryKey(report, from, to);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal, client }): Promise<ReportData> => {
      const range = dayRange(from, to);
      if (!range) throw new Error(`Invalid range ${from}..${to}`);
      const baseUrl = apiBaseUrl();
      const hasConnector = report.columns.some((column) => column.key === 'session_id');
      const key = progressKey(queryKey);
      // Rows shown as they arrive, to a page that shows this range and has no load of it yet
      // (a Refresh keeps showing the last load; a comparison period is not shown as a table).
      let shown: ArrivedRows | undefined;
      const showArrived = (rows: ArrivedRows) => {
        if (!arrivedRowsWatched(key)) return;
        setArrivedRows(key, (shown = rows));
      };
      const arrived = arrivingRows(
        report,
        client.getQueryData(queryKey) === undefined ? showArrived : undefined,
      );
      // Names are a nicety: without them the connector shows as its id.
      let names: Promise<ReadonlyMap<string, string> | undefined> = Promise.resolve(undefined);
      // Its signal stops it with the load (the page's, or the load's own error).
      const fetchNames = (loadSignal: AbortSignal) =>
        (names = fetchConnectorNames(baseUrl, { signal: loadSignal }).catch(() => undefined));
      try {
        const { cache, density } = loadMemory(client);
        // The server's status, if the page already read it (Settings): no call is made for it.
        const status = client.getQueryState(['proxy-status']);
        if (status?.data) noteQuota(readServerQuota(status.data, status.dataUpdatedAt));
        const load = await loadReport(report, range, {
          baseUrl,
          signal,
          fetchChunk: workerFetchChunk(),
          cache,
          density,
          quotaLeft: knownQuotaLeft(Date.now()),
          onProgress: (progress) => setLoadProgress(key, progress),
          onChunk: arrived.add,
          // In a slot the load leaves free: a token may run only 2 calls at once.
          alongside: hasConnector ? fetchNames : undefined,
        });
        arrived.stop();
        noteCalls(load.requests);
        const data = await enrich(load, await names, arrived);
        // Normally the page clears them once it shows `data`; this is for a page gone meanwhile
        // (only these rows: a later load of the range may be showing its own by then).
        const last = shown;
        setTimeout(() => clearArrivedRows(key, last), FORGET_ARRIVED_MS);
        return data;
      } catch (error) {
        clearArrivedRows(key, shown);
        throw error;
      } finally {
        // On success the rows in so far stay until the page holds the finished load
        // (`useShownRows`): cleared now, the table would blink out for a frame.
        arrived.stop();
        setLoadProgress(key, undefined);
      }
    },
    // A range wolkvox no longer changes never goes stale; a recent one follows the 5 minutes.
    staleTime: () => {
      const range = dayRange(from, to);
      return range && isClosedPeriod(range, Date.now()) ? Infinity : REPORT_STALE_MS;
    },
  });
}

/**
 * Loads again the chunks that failed (all of them, or one), keeping every row
 * already loaded; the periods not retried stay listed as failures.
 */
export async function retryChunks(
  data: ReportData,
  which?: number,
  client?: QueryClient,
): Promise<ReportData> {
  const { load } = data;
  const chosen = which === undefined ? load.failures : [load.failures[which]!];
  const kept = load.failures.filter((failure) => !chosen.includes(failure));
  const memory = client ? loadMemory(client) : undefined;
  const retried = await retryFailed(
    { ...load, failures: chosen },
    {
      baseUrl: apiBaseUrl(),
      fetchChunk: workerFetchChunk(),
      cache: memory?.cache,
      density: memory?.density,
      quotaLeft: knownQuotaLeft(Date.now()),
    },
  );
  noteCalls(retried.requests - load.requests);
  const failures = [...kept, ...retried.failures].sort((a, b) => a.range.start - b.range.start);
  const merged: LoadResult = {
    ...retried,
    failures,
    complete: retried.complete && kept.length === 0,
  };
  return enrich(merged, data.connectorNames);
}

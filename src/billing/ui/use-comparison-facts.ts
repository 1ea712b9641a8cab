import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReportDef } from '../../report-model/catalog';
import type { ReportRow } from '../../report-model/column-types';
import { useLoadProgress } from '../../report-model/load-progress';
import { loadMemory, progressKey, reportQueryKey } from '../../report-model/report-query';
import { dayRange } from '../../report-model/time-range';
import { yieldToMain } from '../../shared/yield-to-main';
import {
  FactsWhileLoading,
  hasBillingFacts,
  prepareBillingFactsFrom,
} from '../model/billing-facts';

/**
 * Whether the billing facts of a period loaded on request (the comparison period) are
 * ready. They are read while the period loads: each time a call is answered, the pieces of
 * the period kept by the loader (the page's chunk cache, the same row objects the load hands
 * over) are queued and read in background slices between the answers. When the load's rows
 * arrive only the rest is read and the pieces are copied into place, so the comparison is
 * priced right away instead of a million rows being read after the load (1–2 s).
 */
export function useComparisonFacts(
  report: ReportDef,
  period: { from: string; to: string } | undefined,
  fetching: boolean,
  rows: readonly ReportRow[],
): boolean {
  const client = useQueryClient();
  const key = period ? progressKey(reportQueryKey(report, period.from, period.to)) : '';
  const progress = useLoadProgress(key);
  // One reader per period asked (a new period starts afresh).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const facts = useMemo(() => new FactsWhileLoading(), [key]);

  // While it loads: queue the pieces kept so far and read them in the background.
  useEffect(() => {
    const range = period && dayRange(period.from, period.to);
    if (!fetching || !range) return;
    for (const piece of loadMemory(client).cache.plan(report, range, Date.now()).reused)
      facts.offer(piece.rows);
    let stopped = false;
    void (async () => {
      while (!stopped && facts.step()) await yieldToMain();
    })();
    return () => {
      stopped = true;
    };
  }, [client, report, period, fetching, progress, facts]);

  // Once loaded: the rest, then the pieces put in place.
  const [, setReady] = useState<readonly ReportRow[] | null>(null);
  useEffect(() => {
    if (rows.length === 0 || hasBillingFacts(rows)) return;
    const controller = new AbortController();
    const started = performance.now();
    prepareBillingFactsFrom(facts, rows, controller.signal).then(
      () => {
        performance.measure('comparison facts', { start: started });
        setReady(rows);
      },
      () => undefined, // aborted: another period was asked, or the section closed
    );
    return () => controller.abort();
  }, [rows, facts]);
  return hasBillingFacts(rows);
}

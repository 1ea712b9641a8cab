import { billingFactsOf } from '../../../src/billing/model/billing-facts';
import { billingTotals } from '../../../src/billing/model/billing-totals';
import { estimateCost } from '../../../src/billing/model/estimate-cost';
import { aggregateUsage } from '../../../src/billing/model/usage-aggregates';
import { cloneRateCard, DEFAULT_RATE_CARD } from '../../../src/billing/model/rate-card';
import type { ReportRow } from '../../../src/report-model/column-types';
import { report10Rows } from '../../engine/bench/report10-data';

/**
 * The pricing pass of report 10 at scale: what changing a filter or an assumption costs
 * (billingTotals = usage aggregates for the charts + the estimate), on 1M rows of October
 * 2026 (the 2026-10 rules: service charged, in-window utility switch), 10 % of customers as
 * BSUIDs. Median of `runs` after one warm-up.
 */
export function runPricingBench({ size, runs }: { size: number; runs: number }) {
  const rows: ReportRow[] = report10Rows(size, 14);
  for (let i = 0; i < rows.length; i += 10) {
    const row = rows[i]!;
    const id = `CO.2026${String(i).padStart(12, '0')}`;
    row.customer_phone = id;
    row.session_id = `${id}.op.${i % 40}`;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => (gc?.(), process.memoryUsage().heapUsed / 1e6);
  const heapBefore = heap();
  let t = performance.now();
  billingFactsOf(rows);
  const factsMs = performance.now() - t;
  const heapFacts = heap() - heapBefore;

  const tiered = cloneRateCard(DEFAULT_RATE_CARD);
  tiered.periods[3]!.tiers = {
    CO: { utility: [{ above: 10_000, rate: 0.0006 }] },
    MX: { utility: [{ above: 5_000, rate: 0.007 }], authentication: [{ above: 1, rate: 0.008 }] },
  };
  const subset = Uint32Array.from({ length: Math.floor(size * 0.6) }, (_, k) =>
    Math.floor(k / 0.6),
  );
  const base = { mix: { marketing: 50, utility: 30, authentication: 20 }, markupPercent: 15 };
  const cases: [string, () => void][] = [];
  let flip = false;
  const toggle = () => (flip = !flip);
  const all = Uint32Array.from({ length: size }, (_, k) => k);
  // A new assumptions object each time: the kept all-rows totals are not reused.
  const assumption =
    (card = DEFAULT_RATE_CARD) =>
    () => {
      flip = !flip;
      billingTotals(rows, all, {
        card,
        assumptions: {
          ...base,
          assumptions: { utilityInWindowBilled: flip, serviceAllowance: !flip },
        },
      });
    };
  cases.push(['assumption change, all rows', assumption()]);
  cases.push(['assumption change, all rows, tiers', assumption(tiered)]);
  cases.push([
    'filter change (60 % of rows)',
    () => {
      flip = !flip;
      billingTotals(rows, flip ? subset : subset.subarray(1), {
        card: DEFAULT_RATE_CARD,
        assumptions: base,
      });
    },
  ]);
  cases.push([
    'estimateCost, a new selection each time (row pass), all rows',
    () =>
      void estimateCost(rows, {
        card: DEFAULT_RATE_CARD,
        ...base,
        indices: toggle() ? all : undefined,
      }),
  ]);
  cases.push(['aggregateUsage only, all rows', () => void aggregateUsage(rows, undefined, {})]);
  cases.push([
    'estimateCost, a new selection each time (row pass), 60 %',
    () =>
      void estimateCost(rows, {
        card: DEFAULT_RATE_CARD,
        ...base,
        indices: toggle() ? subset : subset.subarray(1),
      }),
  ]);
  cases.push(['aggregateUsage only, 60 %', () => void aggregateUsage(rows, subset, {})]);
  const results: Record<string, number> = {};
  for (const [name, run] of cases) {
    run();
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results[name] = times[Math.floor(times.length / 2)]!;
  }
  return { size, factsMs, heapFactsMb: heapFacts, heapTotalMb: heap(), results };
}

// @vitest-environment node
/**
 * Issue 15's performance figures at 1M interactions per period (run on demand:
 * `PERF=1 npx vitest run test/billing/explain-bill.perf.test.ts`). Pure parts in Node, as the
 * page runs them: the billing facts of the comparison period (prepared in slices in the page
 * after its load), the comparison (the previous period's estimate and usage, its figures, the
 * effects), and the pack (sheets and write-excel-file).
 */
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { billingPackSheets } from '../../src/billing/model/billing-pack';
import { billingFactsOf, FactsWhileLoading } from '../../src/billing/model/billing-facts';
import { billingTotals } from '../../src/billing/model/billing-totals';
import { estimateCost } from '../../src/billing/model/estimate-cost';
import { forecastMonth } from '../../src/billing/model/forecast';
import { monthOverMonth, periodFigures } from '../../src/billing/model/month-over-month';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import type { ReportRow } from '../../src/report-model/column-types';
import { translator } from '../../src/shared/i18n/i18n';
import { packLabels } from '../../src/billing/ui/billing-pack-labels';

const COUNTRIES = ['Colombia', 'Mexico', 'Peru', 'Chile', 'Brazil', 'Ecuador', 'Spain', 'Panama'];

function rows(count: number, firstDay: number, days: number, seed: number): ReportRow[] {
  let s = seed;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  const out: ReportRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const phone = `57${3_000_000_000 + Math.floor(rand() * 600_000)}`;
    const connector = 3580 + Math.floor(rand() * 6);
    out[i] = {
      conn_id: String(seed * 10_000_000 + i),
      session_id: `${phone}.op.${connector}`,
      date: firstDay + Math.floor((i / count) * days * 86_400_000),
      customer_phone: phone,
      template: rand() < 0.6,
      destiny: COUNTRIES[Math.floor(rand() * rand() * COUNTRIES.length)]!,
    };
  }
  return out;
}

const ms = (start: number) => Math.round(performance.now() - start);

describe.runIf(process.env.PERF)('explain the bill at 1M interactions per period', () => {
  it('measures the comparison and the pack', async () => {
    const inputs = {
      card: DEFAULT_RATE_CARD,
      assumptions: { mix: { marketing: 100, utility: 0, authentication: 0 }, markupPercent: 0 },
    };
    const current = rows(1_000_000, Date.UTC(2026, 9, 1), 31, 7);
    const previous = rows(1_000_000, Date.UTC(2026, 8, 1), 30, 11);
    billingFactsOf(current);
    const all = (r: ReportRow[]) => ({ length: r.length });
    const cur = billingTotals(current, all(current), inputs);
    const curFigures = periodFigures(current, cur.estimate, cur.usage, '2026-10-01', '2026-10-31');

    let t = performance.now();
    billingFactsOf(previous);
    const facts = ms(t);

    // As the page does it: the previous period's pieces (~57,000 rows a call) read while it
    // loads, then, once its rows are in, only the pieces put in place.
    const loaded = [...previous];
    const loading = new FactsWhileLoading();
    t = performance.now();
    for (let at = 0; at < loaded.length; at += 57_000) {
      loading.offer(loaded.slice(at, at + 57_000));
      while (loading.step());
    }
    const factsWhileLoading = ms(t);
    // The load's rows are the pieces' row objects (a new array, as the loader hands them).
    const pieces: ReportRow[] = [];
    for (let at = 0; at < loaded.length; at += 57_000)
      pieces.push(...loaded.slice(at, at + 57_000));
    t = performance.now();
    const steps = loading.assemble(pieces);
    while (!steps.next().done);
    const factsAfterLoad = ms(t);
    t = performance.now();
    const prev = billingTotals(previous, all(previous), inputs);
    const prevFigures = periodFigures(
      previous,
      prev.estimate,
      prev.usage,
      '2026-09-01',
      '2026-09-30',
    );
    const mom = monthOverMonth(prevFigures, curFigures);
    const comparison = ms(t);
    expect(mom.effects.volume + mom.effects.mix + mom.effects.rate).toBe(mom.effects.change);

    // What the sections add on the current period after a change of assumptions: its figures
    // (a customers pass) and, only while billed figures are imported, the all-marketing and
    // all-utility estimates of the reconciliation.
    t = performance.now();
    periodFigures(current, cur.estimate, cur.usage, '2026-10-01', '2026-10-31');
    for (const mix of [
      { marketing: 100, utility: 0, authentication: 0 },
      { marketing: 0, utility: 100, authentication: 0 },
    ])
      estimateCost(current, { card: DEFAULT_RATE_CARD, mix });
    const sectionExtra = ms(t);

    t = performance.now();
    const sheets = billingPackSheets(
      {
        figures: curFigures,
        costLow: cur.estimate.totals.cost.low,
        costHigh: cur.estimate.totals.cost.high,
        assumptions: [['Category mix', '100% marketing']],
        monthOverMonth: mom,
        forecast: forecastMonth(curFigures.days.slice(0, 20), '2026-10'),
        countryName: (key) => key,
      },
      packLabels(translator('en')),
    );
    const buffer = await writeXlsxFile(
      sheets.map(({ sheet, data }) => ({ sheet, data })),
    ).toBuffer();
    const pack = ms(t);
    console.log(
      JSON.stringify({
        factsOfComparisonPeriodMs: facts,
        factsReadWhileLoadingMs: factsWhileLoading,
        factsAfterLoadMs: factsAfterLoad,
        withBilledFiguresExtraMs: sectionExtra,
        comparisonMs: comparison,
        packMs: pack,
        packBytes: buffer.length,
        heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      }),
    );
    expect(comparison).toBeLessThan(500);
    expect(pack).toBeLessThan(3000);
  }, 120_000);
});

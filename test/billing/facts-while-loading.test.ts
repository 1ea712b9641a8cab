import { describe, expect, it } from 'vitest';
import {
  billingFactsOf,
  FactsWhileLoading,
  hasBillingFacts,
  prepareBillingFactsFrom,
} from '../../src/billing/model/billing-facts';
import { estimateCost } from '../../src/billing/model/estimate-cost';
import { periodFigures } from '../../src/billing/model/month-over-month';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { aggregateUsage } from '../../src/billing/model/usage-aggregates';
import type { CellValue, ReportRow } from '../../src/report-model/column-types';
import { Rng } from '../engine/random-data';
import { at } from './fixtures';

/*
 * The comparison period's billing facts are read while its load runs, piece by piece, then
 * assembled for the load's rows. Whatever arrived, in whatever order, and whatever the load
 * then dropped or added, the assembled facts must price and count exactly as facts built
 * from scratch on the same rows.
 */

const SESSIONS: CellValue[] = [
  '573001.acme.111',
  '573002.acme.111',
  '525551.acme.222',
  'CO.2026206508304015.acme.111',
  'garbage',
  null,
];
const PHONES: CellValue[] = ['573001', '+57 300-2', '', null, 'CO.2026206508304015', '0573'];
const TEMPLATES: CellValue[] = [true, false, true, 'no', null];
const DESTINIES: CellValue[] = ['Colombia', 'México', 'Perú', 'Narnia', '', null];
const DAYS = ['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-31'];

function randomRows(rng: Rng, count: number, first = 0): ReportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    conn_id: String(first + i),
    session_id: rng.pick(SESSIONS),
    date: rng.chance(0.05)
      ? null
      : at(`${rng.pick(DAYS)}T${String(rng.int(24)).padStart(2, '0')}:00`),
    customer_phone: rng.pick(PHONES),
    template: rng.pick(TEMPLATES),
    destiny: rng.pick(DESTINIES),
  }));
}

const options = {
  card: DEFAULT_RATE_CARD,
  mix: { marketing: 50, utility: 30, authentication: 20 },
  markupPercent: 10,
  connectorNames: { '111': 'Ventas' },
};

function results(rows: readonly ReportRow[]) {
  const estimate = estimateCost(rows, options);
  const usage = aggregateUsage(rows, undefined, {});
  const figures = periodFigures(rows, estimate, usage, '2026-09-29', '2026-10-31');
  return { estimate, usage, figures };
}

function drain(steps: Generator<void, unknown>) {
  let yields = 0;
  while (!steps.next().done) yields++;
  return yields;
}

describe('facts read while a load runs', () => {
  it('price and count exactly as facts built from scratch, whatever arrived', () => {
    const rng = new Rng(15);
    for (let round = 0; round < 150; round++) {
      const pieces: ReportRow[][] = [];
      for (let p = 0, count = 1 + rng.int(6); p < count; p++)
        pieces.push(randomRows(rng, rng.int(60), p * 1000));
      const loading = new FactsWhileLoading();
      // Some pieces arrive (in any order, some twice), some are read before the load ends.
      for (const piece of [...pieces].sort(() => rng.int(3) - 1))
        if (rng.chance(0.7)) {
          loading.offer(piece);
          if (rng.chance(0.3)) loading.offer(piece);
          loading.step(rng.int(80));
        }
      // The load's rows: the pieces in order, now and then a row dropped (a duplicate) or a
      // row that no piece had.
      const rows: ReportRow[] = [];
      for (const piece of pieces) {
        const kept = rng.chance(0.15) ? piece.filter(() => rng.chance(0.9)) : piece;
        rows.push(...kept);
        if (rng.chance(0.1)) rows.push(...randomRows(rng, 1 + rng.int(5), 9000));
      }
      // An assembly given up half way (another period asked, then this one again).
      if (rng.chance(0.3)) loading.assemble([...rows]).next();
      drain(loading.assemble(rows));
      expect(hasBillingFacts(rows)).toBe(true);
      const expected = results([...rows]);
      expect(results(rows)).toEqual(expected);
    }
  });

  it('copies what it read: no row is read again when the load is its pieces', () => {
    const rng = new Rng(7);
    const pieces = [randomRows(rng, 500), randomRows(rng, 300, 1000)];
    const loading = new FactsWhileLoading();
    for (const piece of pieces) loading.offer(piece);
    while (loading.step(100));
    expect(loading.pending).toBe(false);
    const rows = [...pieces[0]!, ...pieces[1]!];
    drain(loading.assemble(rows));
    const assembled = billingFactsOf(rows);
    const fresh = billingFactsOf([...rows]);
    expect(assembled.customer.length).toBe(800);
    expect(Array.from(assembled.template)).toEqual(Array.from(fresh.template));
    expect(Array.from(assembled.time)).toEqual(Array.from(fresh.time));
    expect(Array.from(assembled.chronological)).toEqual(Array.from(fresh.chronological));
  });

  it('prepares in slices and stops when aborted', async () => {
    const rng = new Rng(3);
    const piece = randomRows(rng, 120_000);
    const loading = new FactsWhileLoading();
    loading.offer(piece);
    const rows = [...piece];
    const controller = new AbortController();
    const preparing = prepareBillingFactsFrom(loading, rows, controller.signal);
    controller.abort();
    await expect(preparing).rejects.toBeDefined();
    expect(hasBillingFacts(rows)).toBe(false);
    await prepareBillingFactsFrom(new FactsWhileLoading(), rows);
    expect(hasBillingFacts(rows)).toBe(true);
  });
});

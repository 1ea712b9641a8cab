import { describe, expect, it } from 'vitest';
import { estimateCost, type CategoryMix } from '../../src/billing/model/estimate-cost';
import { cloneRateCard, DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { aggregateUsage } from '../../src/billing/model/usage-aggregates';
import type { CellValue, ReportRow } from '../../src/report-model/column-types';
import { Rng } from '../engine/random-data';
import { at } from './fixtures';
import { naiveEstimateCost } from './naive-estimate';
import { naiveAggregateUsage } from './naive-usage';

/*
 * The estimate and the usage charts read typed per-row facts prepared once per load; the
 * straightforward versions (parse every row on every call) are the reference. Random report-10
 * rows around the rule changes: the per-conversation → per-message switch (2025-07-01) and the
 * monthly service allowance (from 2026-10-01, made small here so it runs out, and its new month), with equal instants,
 * unreadable SESSION_IDs, missing phones, odd TEMPLATE and DESTINY values and unparsed dates.
 */

const SESSIONS: CellValue[] = [
  '573001.acme.111',
  '573002.acme.111',
  '525551.acme.111',
  '573001.acme.222',
  '34600.acme.co.222',
  ' 51999 .acme. 333 ',
  '.acme.333',
  'garbage',
  '1.2',
  null,
  573001,
  // BSUIDs (docs §5.3): the id may stand where the phone was.
  'CO.2026206508304015.acme.111',
  'PE.777.acme.222',
  'US.ENT.88123.acme.333',
];
const PHONES: CellValue[] = [
  '573001',
  '+57 300-1',
  '0573001',
  '573002',
  '525551',
  '5730012345678901',
  '573001234567890',
  '',
  null,
  '34600',
  51999,
  'CO.2026206508304015',
  ' co.2026206508304015',
  'US.ENT.88123',
  'XX.5',
  '2026206508304015',
];
const TEMPLATES: CellValue[] = [true, false, false, true, 'sí', 'no', 'maybe', null, ''];
const DESTINIES: CellValue[] = [
  'Colombia',
  'colombia ',
  'CO',
  'México',
  'Perú',
  'Chile',
  'Ecuador',
  'España',
  'Alemania',
  'Narnia',
  '',
  null,
  57,
];
const DAYS = [
  '2025-06-29',
  '2025-06-30',
  '2025-07-01',
  '2026-06-30',
  '2026-07-01',
  '2026-09-30',
  '2026-10-01',
  '2026-10-31',
  '2026-11-01',
];

function randomRows(rng: Rng, count: number): ReportRow[] {
  return Array.from({ length: count }, (_, i) => {
    let date: CellValue = at(`${rng.pick(DAYS)}T${String(rng.int(24)).padStart(2, '0')}:00`);
    if (rng.chance(0.05)) date = rng.pick([null, 'ayer', '2025-13-40']);
    return {
      conn_id: String(i),
      session_id: rng.pick(SESSIONS),
      date,
      customer_phone: rng.pick(PHONES),
      template: rng.pick(TEMPLATES),
      destiny: rng.pick(DESTINIES),
    };
  });
}

/** Distinct row indices in a random order (as a sorted view would give them). */
function randomSubset(rng: Rng, count: number): Uint32Array {
  const picked = Array.from({ length: count }, (_, i) => i).filter(() => rng.chance(0.6));
  for (let i = picked.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [picked[i], picked[j]] = [picked[j] as number, picked[i] as number];
  }
  return Uint32Array.from(picked);
}

const card = cloneRateCard(DEFAULT_RATE_CARD);
for (const period of card.periods) {
  if (period.serviceFreePerConnectorMonth !== null) period.serviceFreePerConnectorMonth = 3;
  if (period.id === 'pmp-2026-10' || period.id === 'pmp-2025-07') {
    period.tiers = {
      MX: {
        utility: [
          { above: 2, rate: 0.004 },
          { above: 5, rate: 0.001 },
        ],
      },
      CO: { utility: [{ above: 0, rate: 0.0005 }], authentication: [{ above: 1, rate: 0.0002 }] },
      LATAM: { authentication: [{ above: 1, rate: 0 }] },
      PE: { utility: [{ above: 0, rate: 0.001 }] },
    };
  }
}
const ASSUMPTIONS = [
  undefined,
  { utilityInWindowBilled: false },
  { serviceAllowance: true },
  { utilityInWindowBilled: false, serviceAllowance: true },
];
const MIXES: CategoryMix[] = [
  { marketing: 100, utility: 0, authentication: 0 },
  { marketing: 50, utility: 30, authentication: 20 },
  { marketing: 0, utility: 1, authentication: 0 },
  { marketing: 33.33, utility: 33.33, authentication: 33.34 },
];

describe('billing over prepared facts equals the straightforward reference', () => {
  it('estimates every connector, country and count alike on random rows and subsets', () => {
    const rng = new Rng(20261124);
    const seen = {
      templates: 0,
      billableServiceRows: 0,
      templatesInServiceWindow: 0,
      conversations: 0,
      tierDiscount: 0,
    };
    for (let round = 0; round < 60; round++) {
      const rows = randomRows(rng, 1 + rng.int(400));
      const options = {
        card: rng.chance(0.5) ? card : { ...card, applyRegionFallback: false },
        mix: rng.pick(MIXES),
        markupPercent: rng.pick([0, 12.5, 40]),
        assumptions: rng.pick(ASSUMPTIONS),
        connectorNames: { '111': 'Ventas' },
        indices: rng.chance(0.3) ? undefined : randomSubset(rng, rows.length),
      };
      const fast = estimateCost(rows, options);
      expect(fast).toEqual(naiveEstimateCost(rows, options));
      for (const key of Object.keys(seen) as (keyof typeof seen)[]) seen[key] += fast.totals[key];
    }
    // The random data did exercise every pricing rule, not only the counting.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(20);
  });

  it('re-prices alike when only the assumptions change (the kept tally is reused)', () => {
    const rng = new Rng(1414);
    for (let round = 0; round < 10; round++) {
      const rows = randomRows(rng, 1 + rng.int(400));
      const indices = rng.chance(0.5) ? undefined : randomSubset(rng, rows.length);
      for (const assumptions of [...ASSUMPTIONS, ...ASSUMPTIONS.slice().reverse()]) {
        const options = { card, mix: rng.pick(MIXES), markupPercent: 10, assumptions, indices };
        expect(estimateCost(rows, options)).toEqual(naiveEstimateCost(rows, options));
      }
    }
  });

  it('aggregates usage alike on random rows and subsets', () => {
    const rng = new Rng(7);
    for (let round = 0; round < 40; round++) {
      const rows = randomRows(rng, 1 + rng.int(300));
      const indices = rng.chance(0.3) ? undefined : randomSubset(rng, rows.length);
      const options = { connectorNames: { '222': 'Soporte' }, maxFillDays: rng.pick([3, 400]) };
      expect(aggregateUsage(rows, indices, options)).toEqual(
        naiveAggregateUsage(rows, indices, options),
      );
    }
  });

  it('tells tens of thousands of customers apart (campaign traffic)', () => {
    const rng = new Rng(3);
    const rows = randomRows(rng, 40_000).map((row, i) => ({
      ...row,
      // Every customer writes once and gets a template later: windows per customer matter.
      customer_phone: String(573_000_000_000 + Math.floor(i / 2)),
      session_id: `${573_000_000_000 + Math.floor(i / 2)}.acme.${i % 3}`,
    }));
    const options = { card, mix: MIXES[1] };
    expect(estimateCost(rows, options)).toEqual(naiveEstimateCost(rows, options));
  });

  it('reuses the facts of a row set and rebuilds them for a different one', () => {
    const rows = randomRows(new Rng(1), 50);
    const first = estimateCost(rows, { card });
    expect(estimateCost(rows, { card })).toEqual(first);
    const more = [...rows, ...randomRows(new Rng(2), 10)];
    expect(estimateCost(more, { card })).toEqual(naiveEstimateCost(more, { card }));
  });
});

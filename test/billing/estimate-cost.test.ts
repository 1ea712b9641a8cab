import { UNKNOWN_CONNECTOR } from '../../src/report-model/connector';
import { estimateCost, type ConnectorCost } from '../../src/billing/model/estimate-cost';
import { cloneRateCard, DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { at, row } from './fixtures';

const byId = (list: ConnectorCost[], id: string): ConnectorCost => {
  const found = list.find((c) => c.connectorId === id);
  if (!found) throw new Error(`no connector ${id}`);
  return found;
};

/*
 * Hand-computed fixture, DEFAULT_RATE_CARD, mix 50 % marketing / 30 % utility /
 * 20 % authentication, markup 40 %. Amounts in µUSD (1 cent = 10,000 µUSD).
 *
 * Rates used (marketing / utility / authentication, µUSD):
 *   CO 12500 / 800 / 800      MX 30500 / 8500 / 8500     PE 70300 / 20000 / 20000
 *   EC → LATAM 74000 / 11300 / 11300                      ES 61500 / 20000 / 20000
 * Expected per template = 0.5 m + 0.3 u + 0.2 a; low = cheapest; high = dearest.
 *   CO: low 800, exp 6250+240+160 = 6650, high 12500
 *   CO inside the service window (utility free): low 0, exp 6250+0+160 = 6410, high 12500
 *   MX: low 8500, exp 15250+2550+1700 = 19500, high 30500
 *   PE: low 20000, exp 35150+6000+4000 = 45150, high 70300
 *   EC: low 11300, exp 37000+3390+2260 = 42650, high 74000
 *   ES: low 20000, exp 30750+6000+4000 = 40750, high 61500
 *
 * Connector 111:
 *   r1 2025-06-29 08:00 PE yes  per-conversation, opens      20000 / 45150 / 70300
 *   r2 2025-06-30 10:00 CO yes  per-conversation, opens        800 /  6650 / 12500
 *   r3 2025-06-30 20:00 CO yes  same phone, inside r2's 24 h     0 /     0 /     0
 *   r4 2025-07-01 09:00 CO yes  per-message (new model)        800 /  6650 / 12500
 *   r5 2025-07-01 12:00 CO no   customer writes: service, free
 *   r6 2025-07-01 13:00 CO yes  1 h after r5: utility free       0 /  6410 / 12500
 *   r7 2025-07-02 08:00 MX yes                                 8500 / 19500 / 30500
 *   r8 2025-07-02 09:00 "Narnia" yes  → no rate (not priced)
 *   r9 2025-07-03 10:00 EC yes  via "Rest of Latin America"   11300 / 42650 / 74000
 *   sum                                                       41400 /127010 /212300
 *   × 1.4                                                     57960 /177814 /297220
 *   cents (half up)                                               6 /    18 /    30
 * Connector 222:
 *   r10 2025-07-05 ES yes                                     20000 / 40750 / 61500
 *   r11 2025-07-05 "Alemania" yes → DE, not on the card: no rate
 *   r12 date null → undated;  r13 2024-10-15 → before the card: outside
 *   r14 TEMPLATE "maybe" → unknown template
 *   × 1.4 = 28000 / 57050 / 86100 → cents 3 / 6 / 9
 * Unreadable SESSION_ID "garbage":
 *   r15 2025-07-06 CO yes per-message                          800 /  6650 / 12500
 *   × 1.4 = 1120 / 9310 / 17500 → cents 0 / 1 / 2
 * Totals, rounded once from the exact sum:
 *   low 62200 × 1.4 = 87080 → 9;  exp 174410 × 1.4 = 244174 → 24 (lines add to 25);
 *   high 286300 × 1.4 = 400820 → 40 (lines add to 41)
 */
const fixture = [
  row('51999.acme.111', '2025-06-29T08:00', '51999', true, 'Perú'),
  row('573001.acme.111', '2025-06-30T10:00', '573001', true, 'Colombia'),
  row('573001.acme.111', '2025-06-30T20:00', '573001', true, 'colombia'),
  row('573001.acme.111', '2025-07-01T09:00', '573001', true, 'CO'),
  row('573001.acme.111', '2025-07-01T12:00', '573001', false, 'Colombia'),
  row('573001.acme.111', '2025-07-01T13:00', '+57 3001', true, 'COLOMBIA'),
  row('525551.acme.111', '2025-07-02T08:00', '525551', true, 'México'),
  row('999.acme.111', '2025-07-02T09:00', '999', true, 'Narnia'),
  row('59399.acme.111', '2025-07-03T10:00', '59399', true, 'Ecuador'),
  row('34600.acme.222', '2025-07-05T10:00', '34600', true, 'España'),
  row('4917.acme.222', '2025-07-05T11:00', '4917', true, 'Alemania'),
  row('573002.acme.222', null, '573002', true, 'Colombia'),
  row('573003.acme.222', '2024-10-15T10:00', '573003', true, 'Colombia'),
  row('573004.acme.222', '2025-07-05T12:00', '573004', 'maybe', 'Colombia'),
  row('garbage', '2025-07-06T10:00', '573005', true, 'Colombia'),
];

describe('estimateCost — hand-computed fixture across 2025-07-01', () => {
  const estimate = estimateCost(fixture, {
    card: DEFAULT_RATE_CARD,
    mix: { marketing: 50, utility: 30, authentication: 20 },
    markupPercent: 40,
    connectorNames: { '111': 'Sales line' },
  });

  it('prices connector 111 to the cent', () => {
    const c = byId(estimate.connectors, '111');
    expect(c.name).toBe('Sales line');
    expect(c.cost).toEqual({ low: 6, expected: 18, high: 30 });
    expect(c).toMatchObject({
      interactions: 9,
      templates: 8,
      serviceRows: 1,
      conversations: 2,
      templatesInServiceWindow: 1,
      noRateRows: 1,
      undatedRows: 0,
      outsideCardRows: 0,
    });
    expect(c.countries).toEqual(['CO', 'EC', 'MX', 'Narnia', 'PE']);
  });

  it('breaks connector 111 down by country, with the region fallback and the no-rate value', () => {
    const c = byId(estimate.connectors, '111');
    const country = (key: string) => c.byCountry.find((entry) => entry.key === key);
    // CO: r2 + r4 + r6 = low 1600, exp 19710, high 37500 µUSD; × 1.4 = 2240 / 27594 / 52500
    expect(country('CO')?.cost).toEqual({ low: 0, expected: 3, high: 5 });
    expect(country('EC')).toMatchObject({ market: 'EC', viaRegion: 'LATAM', templates: 1 });
    // EC × 1.4 = 15820 / 59710 / 103600 µUSD
    expect(country('EC')?.cost).toEqual({ low: 2, expected: 6, high: 10 });
    expect(country('Narnia')).toMatchObject({
      noRateRows: 1,
      cost: { low: 0, expected: 0, high: 0 },
    });
    expect(country('Narnia')?.market).toBeUndefined();
  });

  it('counts what it cannot price on connector 222 instead of pricing it at zero', () => {
    const c = byId(estimate.connectors, '222');
    expect(c.cost).toEqual({ low: 3, expected: 6, high: 9 });
    expect(c).toMatchObject({
      interactions: 5,
      templates: 4,
      noRateRows: 1,
      undatedRows: 1,
      outsideCardRows: 1,
      unknownTemplateRows: 1,
    });
    expect(c.byCountry.find((entry) => entry.key === 'DE')).toMatchObject({
      market: 'DE',
      noRateRows: 1,
    });
  });

  it('keeps the row with an unreadable SESSION_ID under the unknown connector', () => {
    const c = byId(estimate.connectors, UNKNOWN_CONNECTOR);
    expect(c.readable).toBe(false);
    expect(c.cost).toEqual({ low: 0, expected: 1, high: 2 });
    expect(estimate.unreadableSessionRows).toBe(1);
  });

  it('rounds totals once from the exact sum', () => {
    expect(estimate.totals.cost).toEqual({ low: 9, expected: 24, high: 40 });
    expect(estimate.totals).toMatchObject({
      connectors: 3,
      interactions: 15,
      templates: 13,
      noRateRows: 2,
      conversations: 2,
    });
    expect(estimate.periodsUsed).toEqual(['pcp-2024-11', 'pmp-2025-07']);
    // r10 is priced with Spain's pre-July-2026 marketing rate, flagged "reported" on the card.
    expect(estimate.usesReportedRules).toBe(true);
    expect(estimate.connectors.map((c) => c.connectorId)).toEqual([
      '111',
      '222',
      UNKNOWN_CONNECTOR,
    ]);
  });

  it('prices only the rows of the given indices (filtered view)', () => {
    // r7 (MX) alone, all-marketing default mix, no markup: 0.0305 USD → 3.05 → 3 cents.
    const subset = estimateCost(fixture, { card: DEFAULT_RATE_CARD, indices: [6] });
    expect(subset.totals.interactions).toBe(1);
    expect(subset.totals.cost).toEqual({ low: 1, expected: 3, high: 3 });
  });
});

describe('estimateCost — rules', () => {
  it('rounds half a cent up from exact integers (floats would give 3)', () => {
    // 2 CO marketing templates × 0.0125 × 1.4 = 0.035 USD = 3.5 cents → 4.
    // (0.0125 * 1.4 * 2 * 100 === 3.4999999999999996 in floating point.)
    const rows = [
      row('1.op.C', '2025-08-01T10:00', '1', true, 'Colombia'),
      row('2.op.C', '2025-08-01T10:00', '2', true, 'Colombia'),
    ];
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD, markupPercent: 40 });
    expect(estimate.totals.cost.expected).toBe(4);
  });

  it('keeps a per-conversation window anchored at the template that opened it', () => {
    // t0 opens; t0+20h inside; t0+30h is after t0+24h → second conversation,
    // although only 10 h after the previous template. 2 × 0.0125 = 2.5 cents → 3.
    const rows = [
      row('1.op.C', '2025-03-01T00:00', '1', true, 'CO'),
      row('1.op.C', '2025-03-01T20:00', '1', true, 'CO'),
      row('1.op.C', '2025-03-02T06:00', '1', true, 'CO'),
    ];
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD });
    expect(estimate.totals.conversations).toBe(2);
    expect(estimate.totals.cost.expected).toBe(3);
  });

  it('prices at volume exactly: 1,500 MX templates, 40 % markup', () => {
    // expected 1500 × 0.0305 × 1.4 = 64.05 USD; low 1500 × 0.0085 × 1.4 = 17.85 USD.
    const rows = Array.from({ length: 1500 }, (_, i) =>
      row(`52${i}.op.M`, '2025-09-10T10:00', `52${i}`, true, 'mexico'),
    );
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD, markupPercent: 40 });
    expect(estimate.totals.cost).toEqual({ low: 1785, expected: 6405, high: 6405 });
  });

  it('with the reported allowance on, charges service rows beyond 1,000 per connector per month from 2026-10-01', () => {
    // Connector P:
    //   Sept 2026: 5 service rows, free (old rule; not counted toward October).
    //   Oct 2026: 1,003 service rows to Peru → 3 beyond the allowance × 0.0300 = 9 cents.
    //   Nov 2026: 1 service row → new month, free.
    // Connector Q (own allowance): the customer writes at 09:00, an MX template follows at
    //   10:00. From 2026-10 (utilityInWindowBilled, the default) the window no longer makes utility free:
    //   low 0.0085 → 0.85 → 1 cent; expected/high (all marketing) 0.0397 → 3.97 → 4 cents.
    // Totals from the exact sum: low 9 + 0.85 = 9.85 → 10; expected/high 12.97 → 13.
    const rows = [
      ...Array.from({ length: 5 }, (_, i) =>
        row(`51${i}.op.P`, '2026-09-30T10:00', `51${i}`, false, 'Peru'),
      ),
      ...Array.from({ length: 1003 }, (_, i) =>
        row(
          `51${i}.op.P`,
          `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00`,
          `51${i}`,
          false,
          'Perú',
        ),
      ),
      row('510.op.P', '2026-11-01T10:00', '510', false, 'Peru'),
      row('5255.op.Q', '2026-10-05T09:00', '5255', false, 'MX'),
      row('5255.op.Q', '2026-10-05T10:00', '5255', true, 'MX'),
    ];
    const estimate = estimateCost(rows, {
      card: DEFAULT_RATE_CARD,
      assumptions: { serviceAllowance: true },
    });
    const p = byId(estimate.connectors, 'P');
    expect(p.billableServiceRows).toBe(3);
    expect(p.cost).toEqual({ low: 9, expected: 9, high: 9 });
    const q = byId(estimate.connectors, 'Q');
    expect(q).toMatchObject({ billableServiceRows: 0, templatesInServiceWindow: 1 });
    expect(q.cost).toEqual({ low: 1, expected: 4, high: 4 });
    expect(estimate.totals.cost).toEqual({ low: 10, expected: 13, high: 13 });
    expect(estimate.periodsUsed).toEqual(['pmp-2026-10']);
    expect(estimate.usesReportedRules).toBe(true);
  });

  it('honours a service-window rule in a per-conversation period when the card says so', () => {
    // Customer writes at 09:00, a template at 10:00 opens a conversation; utility-only mix.
    // Default card (flag off): 0.0008 USD each → 100 pairs = 0.08 USD = 8 cents.
    // Card with the flag on: the utility conversation is free → 0.
    const rows = Array.from({ length: 100 }, (_, i) => [
      row(`573${i}.op.C`, '2025-03-01T09:00', `573${i}`, false, 'CO'),
      row(`573${i}.op.C`, '2025-03-01T10:00', `573${i}`, true, 'CO'),
    ]).flat();
    const mix = { marketing: 0, utility: 100, authentication: 0 };
    expect(estimateCost(rows, { card: DEFAULT_RATE_CARD, mix }).totals.cost.expected).toBe(8);
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    (card.periods[0] as { utilityFreeInServiceWindow: boolean }).utilityFreeInServiceWindow = true;
    const estimate = estimateCost(rows, { card, mix });
    expect(estimate.totals).toMatchObject({ conversations: 100, templatesInServiceWindow: 100 });
    expect(estimate.totals.cost.expected).toBe(0);
  });

  it('reports region members as no rate when the fallback is off', () => {
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.applyRegionFallback = false;
    const rows = [row('1.op.C', '2025-08-01T10:00', '1', true, 'Ecuador')];
    const estimate = estimateCost(rows, { card });
    expect(estimate.totals.noRateRows).toBe(1);
    expect(estimate.totals.cost).toEqual({ low: 0, expected: 0, high: 0 });
  });

  it('stays exact when the sums outgrow float integers', () => {
    // Mix given as raw counts: weight 1,000,000 → 100,000,000 bp; one CO template adds
    // 12,500 µUSD × 1e8 = 1.25e12 units, 8,000 of them 1e16 > 2^53. Expected:
    // 8,000 × 0.0125 = 100 USD; with 10 % markup 110.00 USD.
    const rows = Array.from({ length: 8000 }, (_, i) =>
      row(`57${i}.op.C`, '2025-08-01T10:00', `57${i}`, true, 'Colombia'),
    );
    const estimate = estimateCost(rows, {
      card: DEFAULT_RATE_CARD,
      mix: { marketing: 1_000_000, utility: 0, authentication: 0 },
      markupPercent: 10,
    });
    expect(estimate.totals.cost).toEqual({ low: 704, expected: 11000, high: 11000 });
  });

  it('rejects a mix without weight and a negative markup', () => {
    expect(() =>
      estimateCost([], {
        card: DEFAULT_RATE_CARD,
        mix: { marketing: 0, utility: 0, authentication: 0 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      estimateCost([], {
        card: DEFAULT_RATE_CARD,
        mix: { marketing: 2_000_000, utility: 0, authentication: 0 },
      }),
    ).toThrow(/from 0 to 1000000/);
    expect(() => estimateCost([], { card: DEFAULT_RATE_CARD, markupPercent: -5 })).toThrow(
      /Markup/,
    );
  });

  it('uses the service-window time of the same phone only', () => {
    // The customer 573 wrote at 09:00; a utility-only mix template to 574 at 10:00 is not
    // inside any window: 0.0008 USD; to 573 it is free. Sum = 0.0008 → 0.08 cents → 0.
    // With 100 such pairs: 100 × 0.0008 = 0.08 USD = 8 cents.
    const rows = Array.from({ length: 100 }, (_, i) => [
      row(`573${i}.op.C`, '2025-08-01T09:00', `573${i}`, false, 'CO'),
      row(`573${i}.op.C`, '2025-08-01T10:00', `573${i}`, true, 'CO'),
      row(`574${i}.op.C`, '2025-08-01T10:00', `574${i}`, true, 'CO'),
    ]).flat();
    const estimate = estimateCost(rows, {
      card: DEFAULT_RATE_CARD,
      mix: { marketing: 0, utility: 100, authentication: 0 },
    });
    expect(estimate.totals.templatesInServiceWindow).toBe(100);
    expect(estimate.totals.cost.expected).toBe(8);
  });
});

it('fixture helper reads local wall-clock time as UTC', () => {
  expect(new Date(at('2025-07-01T00:00')).toISOString()).toBe('2025-07-01T00:00:00.000Z');
});

import { beforeEach, describe, expect, it } from 'vitest';
import { parseAmountCents, readBilledCsv } from '../../src/billing/model/billed-import';
import type { CostEstimate } from '../../src/billing/model/estimate-cost';
import {
  MAX_STORED_PERIODS,
  readStoredBilled,
  reconcile,
  writeStoredBilled,
} from '../../src/billing/model/reconciliation';
import { readFixture } from '../fixtures/read-fixture';
import { problemText } from '../../src/billing/ui/reconciliation-section';
import { translator } from '../../src/shared/i18n/i18n';

const fixture = (name: string) => readFixture(`billed/${name}`);

describe('readBilledCsv', () => {
  it('reads the plain connector,country,category,amount sheet', () => {
    const result = readBilledCsv(fixture('plain.csv'));
    expect(result).toEqual({
      ok: true,
      value: {
        format: 'plain',
        lines: [
          { connector: 'Ventas', country: 'CO', category: 'marketing', cents: 1250 },
          { connector: 'Ventas', country: 'MX', category: 'marketing', cents: 103970 },
          { connector: 'Soporte', country: 'PE', category: 'utility', cents: 300 },
        ],
      },
    });
  });

  it("reads pricing analytics' data points", () => {
    const result = readBilledCsv(fixture('pricing-analytics.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.value.format).toBe('pricingAnalytics');
    expect(result.value.lines.map((l) => [l.country, l.category, l.cents, l.phone])).toEqual([
      ['CO', 'marketing', 1250, '+57 601 5550100'],
      ['MX', 'marketing', 397, '+57 601 5550100'],
      ['PE', 'service', 0, '+57 601 5550100'],
      ['PE', 'utility', 300, '+57 601 5550100'],
    ]);
  });

  it("reads WhatsApp Manager's download (semicolons, decimal commas, BOM, CRLF)", () => {
    const result = readBilledCsv(fixture('whatsapp-manager.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.value.format).toBe('whatsappManager');
    expect(result.value.lines).toEqual([
      { phone: '+57 601 5550100', country: 'CO', category: 'marketing', cents: 1250 },
      { phone: '+57 601 5550100', country: 'PE', category: 'utility', cents: 300 },
    ]);
  });

  it('refuses a malformed file naming the line and the value', () => {
    expect(readBilledCsv(fixture('malformed.csv'))).toEqual({
      ok: false,
      problem: { code: 'badAmount', line: 3, column: 'amount', value: 'twelve' },
    });
    expect(readBilledCsv(fixture('unknown-layout.csv'))).toEqual({
      ok: false,
      problem: { code: 'unknownLayout', line: 1, header: ['fecha', 'valor'] },
    });
    expect(readBilledCsv('connector,country,amount\nVentas,CO,3\n')).toEqual({
      ok: false,
      problem: { code: 'missingColumns', line: 1, format: 'plain', missing: ['category'] },
    });
    expect(readBilledCsv('connector,country,category,amount\nVentas,CO,marketing\n')).toEqual({
      ok: false,
      problem: { code: 'wrongFieldCount', line: 2, expected: 4, got: 3 },
    });
    expect(readBilledCsv('')).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it('reads amounts exactly', () => {
    expect(parseAmountCents('0.125', false)).toBe(13);
    expect(parseAmountCents('0.124', false)).toBe(12);
    expect(parseAmountCents('US$ 1,234.5', false)).toBe(123450);
    expect(parseAmountCents('1.234,56', true)).toBe(123456);
    expect(parseAmountCents('12 dollars', false)).toBeUndefined();
  });

  it('reads the decimal separator from the number, whatever the delimiter', () => {
    const cases: [string, number][] = [
      ['1234.56', 123456],
      ['1.234,56', 123456],
      ['1,234.56', 123456],
      ['1234,5', 123450],
      ['12', 1200],
    ];
    for (const delimiter of [',', ';']) {
      const text =
        `connector${delimiter}country${delimiter}category${delimiter}amount\n` +
        cases
          .map(([amount]) => ['Ventas', 'CO', 'marketing', `"${amount}"`].join(delimiter))
          .join('\n');
      const result = readBilledCsv(text);
      expect(result.ok, `delimiter ${delimiter}`).toBe(true);
      if (!result.ok) continue;
      expect(
        result.value.lines.map((line) => line.cents),
        `delimiter ${delimiter}`,
      ).toEqual(cases.map(([, cents]) => cents));
    }
    // Unquoted where the delimiter allows it.
    const semicolon = readBilledCsv(
      'country;category;amount\nCO;marketing;1234.56\nCO;marketing;1,234.56\n',
    );
    expect(semicolon.ok && semicolon.value.lines.map((line) => line.cents)).toEqual([
      123456, 123456,
    ]);
    const comma = readBilledCsv('country,category,amount\nCO,marketing,1234.56\n');
    expect(comma.ok && comma.value.lines[0]!.cents).toBe(123456);
  });

  it('refuses a lone separator before exactly three digits, naming the line', () => {
    for (const delimiter of [',', ';'])
      for (const amount of ['1,234', '1.234']) {
        const text =
          `connector${delimiter}country${delimiter}category${delimiter}amount\n` +
          ['Ventas', 'CO', 'marketing', '5'].join(delimiter) +
          '\n' +
          ['Ventas', 'CO', 'marketing', `"${amount}"`].join(delimiter) +
          '\n';
        expect(readBilledCsv(text), `${amount} with ${delimiter}`).toEqual({
          ok: false,
          problem: { code: 'badAmount', line: 3, column: 'amount', value: amount },
        });
      }
    expect(parseAmountCents('1,234')).toBeUndefined();
    expect(parseAmountCents('1.234')).toBeUndefined();
    expect(parseAmountCents('0.125')).toBe(13);
    expect(parseAmountCents('1.234.567')).toBe(123456700);
    expect(parseAmountCents('1,234,567.891')).toBe(123456789);
    expect(parseAmountCents('1,23,4.5')).toBeUndefined();
    expect(parseAmountCents('1.234.5')).toBeUndefined();
    expect(parseAmountCents('1,234', false)).toBe(123400);
    expect(parseAmountCents('1.234', true)).toBe(123400);
  });
});

/** The fields of an estimate the reconciliation reads. */
function estimate(
  total: number,
  countries: Record<string, number>,
  connectors: Record<string, number>,
): CostEstimate {
  return {
    totals: {
      cost: { low: 0, expected: total, high: 0 },
      byCountry: Object.entries(countries).map(([key, cents]) => ({
        key,
        cost: { low: 0, expected: cents, high: 0 },
      })),
    },
    connectors: Object.entries(connectors).map(([id, cents]) => ({
      connectorId: id,
      name: id === 'c1' ? 'Ventas' : id,
      cost: { low: 0, expected: cents, high: 0 },
    })),
  } as unknown as CostEstimate;
}

describe('reconcile', () => {
  it('sets estimate against billed with the explaining marketing share (hand-computed)', () => {
    // Colombia: expected (50 % marketing) 650 ¢, all-marketing 1,250, all-utility 50.
    // Billed 1,010 → variance +360 (+55.4 %); share = (1010 − 50) / (1250 − 50) = 0.8.
    // Peru: expected 300, both bounds 300 (only utility rates apply) → no share to tell.
    const result = reconcile(
      [
        { connector: 'Ventas', country: 'CO', category: 'marketing', cents: 1010 },
        { connector: 'c2', country: 'PE', category: 'utility', cents: 400 },
      ],
      estimate(950, { CO: 650, PE: 300 }, { c1: 650, c2: 300 }),
      estimate(1550, { CO: 1250, PE: 300 }, { c1: 1250, c2: 300 }),
      estimate(350, { CO: 50, PE: 300 }, { c1: 50, c2: 300 }),
    );
    const co = result.countries.find((l) => l.key === 'CO')!;
    expect(co).toMatchObject({ estimate: 650, billed: 1010, variance: 360, unexplained: false });
    expect(co.marketingShare).toBeCloseTo(0.8, 12);
    expect(co.varianceShare).toBeCloseTo(360 / 650, 12);
    const pe = result.countries.find((l) => l.key === 'PE')!;
    expect(pe).toMatchObject({ variance: 100, marketingShare: null });
    // "Ventas" is connector c1's name.
    expect(result.connectors.map((l) => [l.key, l.label, l.billed])).toEqual([
      ['c1', 'Ventas', 1010],
      ['c2', 'c2', 400],
    ]);
    // Total: billed 1,410 against 950; share (1410 − 350) / (1550 − 350) = 0.8833….
    expect(result.total.variance).toBe(460);
    expect(result.total.marketingShare).toBeCloseTo(1060 / 1200, 12);
  });

  it('says when the mix cannot explain the bill', () => {
    const result = reconcile(
      [{ country: 'CO', category: 'marketing', cents: 2000 }],
      estimate(650, { CO: 650 }, {}),
      estimate(1250, { CO: 1250 }, {}),
      estimate(50, { CO: 50 }, {}),
    );
    expect(result.countries[0]).toMatchObject({ marketingShare: 1, unexplained: true });
    expect(result.connectors).toEqual([]);
  });
});

describe('stored billed figures', () => {
  beforeEach(() => localStorage.clear());
  it('are remembered per period', () => {
    const lines = [{ country: 'CO', category: 'marketing', cents: 1250 }];
    writeStoredBilled('2026-10-01', '2026-10-31', { format: 'plain', fileName: 'a.csv', lines });
    expect(readStoredBilled('2026-10-01', '2026-10-31')).toEqual({
      format: 'plain',
      fileName: 'a.csv',
      lines,
    });
    expect(readStoredBilled('2026-11-01', '2026-11-30')).toBeUndefined();
    localStorage.setItem('wolkvox.billed.v1.2026-09-01_2026-09-30', '{"lines":[{"cents":"x"}]}');
    expect(readStoredBilled('2026-09-01', '2026-09-30')).toBeUndefined();
  });

  it('forget a cleared period: the key is removed, not set to "null"', () => {
    const lines = [{ country: 'CO', category: 'marketing', cents: 1250 }];
    writeStoredBilled('2026-10-01', '2026-10-31', { format: 'plain', lines });
    writeStoredBilled('2026-10-01', '2026-10-31', null);
    expect(localStorage.getItem('wolkvox.billed.v1.2026-10-01_2026-10-31')).toBeNull();
    expect(readStoredBilled('2026-10-01', '2026-10-31')).toBeUndefined();
    expect(localStorage.length).toBe(0);
  });

  it('keep only the 24 most recent periods', () => {
    const lines = [{ country: 'CO', category: 'marketing', cents: 1 }];
    localStorage.setItem('wolkvox.other', '1');
    const month = (i: number) => {
      const y = 2024 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, '0');
      return [`${y}-${m}-01`, `${y}-${m}-28`] as const;
    };
    for (let i = 0; i < 30; i++) writeStoredBilled(...month(i), { format: 'plain', lines });
    const kept = Object.keys(localStorage).filter((k) => k.startsWith('wolkvox.billed.v1.'));
    expect(kept).toHaveLength(MAX_STORED_PERIODS);
    expect(MAX_STORED_PERIODS).toBe(24);
    for (let i = 0; i < 6; i++) expect(readStoredBilled(...month(i))).toBeUndefined();
    for (let i = 6; i < 30; i++) expect(readStoredBilled(...month(i))).toBeDefined();
    expect(localStorage.getItem('wolkvox.other')).toBe('1');
    // An older period written now is kept; the oldest of the rest goes.
    writeStoredBilled(...month(0), { format: 'plain', lines });
    expect(readStoredBilled(...month(0))).toBeDefined();
    expect(readStoredBilled(...month(6))).toBeUndefined();
    expect(readStoredBilled(...month(7))).toBeDefined();
  });
});

describe('what a refused file is told', () => {
  it('names the line and what is missing, in en and es', () => {
    const en = translator('en');
    const es = translator('es');
    const missing = readBilledCsv('connector,country,amount\nVentas,CO,3\n');
    if (missing.ok) throw new Error('read');
    expect(problemText(missing.problem, en)).toBe(
      'Line 1: looks like a plain sheet file but has no column category.',
    );
    const bad = readBilledCsv(readFixture('billed/malformed.csv'));
    if (bad.ok) throw new Error('read');
    expect(problemText(bad.problem, en)).toBe('Line 3: amount “twelve” is not an amount.');
    expect(problemText(bad.problem, es)).toBe('Línea 3: amount «twelve» no es un monto.');
    const fields = readBilledCsv('connector,country,category,amount\nVentas,CO,marketing\n');
    if (fields.ok) throw new Error('read');
    expect(problemText(fields.problem, en)).toBe('Line 2: 3 fields where the header has 4.');
    const currency = readBilledCsv(
      'start,end,phone_number,country,pricing_type,pricing_category,volume,cost,currency\n' +
        '2026-10-01,2026-10-31,+57 1,CO,regular,marketing,1,0.5,EUR\n',
    );
    if (currency.ok) throw new Error('read');
    expect(problemText(currency.problem, en)).toBe(
      'Line 2: currency EUR; only USD amounts can be compared.',
    );
    const quote = readBilledCsv('connector,country,category,amount\n"Ventas,CO,marketing,1\n');
    if (quote.ok) throw new Error('read');
    expect(problemText(quote.problem, en)).toBe('Line 2: a quoted field is never closed.');
  });
});

// @vitest-environment node
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { billingPackSheets, type PackInput } from '../../src/billing/model/billing-pack';
import { estimateCost } from '../../src/billing/model/estimate-cost';
import { forecastMonth } from '../../src/billing/model/forecast';
import {
  monthOverMonth,
  periodFigures,
  type PeriodFigures,
} from '../../src/billing/model/month-over-month';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { reconcile } from '../../src/billing/model/reconciliation';
import { aggregateUsage } from '../../src/billing/model/usage-aggregates';
import type { ReportRow } from '../../src/report-model/column-types';
import { translator } from '../../src/shared/i18n/i18n';
import { packLabels } from '../../src/billing/ui/billing-pack-labels';
import { row } from './fixtures';

const previousRows = [
  row('573001.op.c1', '2026-10-01T10:00', '573001', 'yes', 'Colombia'),
  row('523001.op.c2', '2026-10-02T11:00', '523001', 'yes', 'Mexico'),
];
const currentRows = [
  row('573001.op.c1', '2026-10-03T10:00', '573001', 'yes', 'Colombia'),
  row('523001.op.c2', '2026-10-04T11:00', '523001', 'yes', 'Mexico'),
  row('523002.op.c2', '2026-10-04T12:00', '523002', 'yes', 'Mexico'),
];

function figures(rows: ReportRow[], from: string, to: string) {
  const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD });
  return { estimate, figures: periodFigures(rows, estimate, aggregateUsage(rows), from, to) };
}

async function pack(language: 'en' | 'es', input: PackInput) {
  const sheets = billingPackSheets(input, packLabels(translator(language)));
  const buffer = await writeXlsxFile(
    sheets.map(({ sheet, data, columns }) => ({ sheet, data, columns })),
  ).toBuffer();
  return readXlsxFile(buffer);
}

const cellOf = (data: unknown[][], label: string) => data.find((r) => r[0] === label)?.[1];

describe('billing pack', () => {
  const prev = figures(previousRows, '2026-10-01', '2026-10-02');
  const cur = figures(currentRows, '2026-10-03', '2026-10-04');
  const current: PeriodFigures = cur.figures;
  const mom = monthOverMonth(prev.figures, current);
  const rec = reconcile(
    [{ connector: 'c2', country: 'MX', category: 'marketing', cents: 1000 }],
    cur.estimate,
    cur.estimate,
    estimateCost(currentRows, {
      card: DEFAULT_RATE_CARD,
      mix: { marketing: 0, utility: 100, authentication: 0 },
    }),
  );
  const input: PackInput = {
    figures: current,
    costLow: cur.estimate.totals.cost.low,
    costHigh: cur.estimate.totals.cost.high,
    assumptions: [['Category mix', '100% marketing']],
    monthOverMonth: mom,
    reconciliation: rec,
    forecast: forecastMonth(current.days, '2026-10'),
    budget: 500,
    countryName: (key) => ({ CO: 'Colombia', MX: 'Mexico' })[key] ?? key,
  };

  it('has the seven sheets, typed cells and the page’s totals (English)', async () => {
    const book = await pack('en', input);
    expect(book.map((s) => s.sheet)).toEqual([
      'Summary',
      'Assumptions',
      'Connectors',
      'Countries',
      'Days',
      'Month over month',
      'Reconciliation',
    ]);
    const [summary, , connectors, countries, days, momSheet, recSheet] = book.map((s) => s.data);
    // Colombia 1.25 ¢ + 2 × Mexico 3.97 ¢ = 9.19 ¢ → $0.09 on the page.
    expect(current.cents).toBe(9);
    expect(cellOf(summary!, 'Estimated cost')).toBe(0.09);
    expect(cellOf(summary!, 'Interactions')).toBe(3);
    expect(cellOf(summary!, 'Template share')).toBe(1);
    expect(cellOf(summary!, 'Customers')).toBe(3);
    expect(cellOf(summary!, 'Budget (USD)')).toBe(5);
    expect(connectors![0]).toEqual([
      'Connector',
      'Interactions',
      'Templates',
      'Template share',
      'Estimated cost',
    ]);
    expect(connectors!.at(-1)).toEqual(['Total', 3, 3, 1, 0.09]);
    const connectorSum = connectors!.slice(1, -1).reduce((a, r) => a + Number(r[4]) * 100, 0);
    expect(Math.round(connectorSum)).toBe(current.connectors.reduce((a, c) => a + c.cents, 0));
    expect(countries!.map((r) => r[0])).toEqual(['Country', 'Mexico', 'Colombia', 'Total']);
    // Days are dates; their allocated cost adds up to the total.
    expect(days![1]![0]).toEqual(new Date('2026-10-03T00:00:00Z'));
    expect(days![1]![0]).toBeInstanceOf(Date);
    const daySum = days!.slice(1, -1).reduce((a, r) => a + Math.round(Number(r[3]) * 100), 0);
    expect(daySum).toBe(current.cents);
    expect(cellOf(momSheet!, 'Volume')).toBe(mom.effects.volume / 100);
    const steps = ['Volume', 'Mix', 'Rate'].map((k) =>
      Math.round(Number(cellOf(momSheet!, k)) * 100),
    );
    expect(steps.reduce((a, b) => a + b, 0)).toBe(mom.effects.change);
    expect(recSheet![0]![0]).toBe('Country');
    expect(recSheet!.find((r) => r[0] === 'Total')).toEqual([
      'Total',
      0.09,
      10,
      9.91,
      rec.total.varianceShare,
      rec.total.marketingShare,
    ]);
  });

  it('writes its headers in Spanish', async () => {
    const book = await pack('es', { ...input, monthOverMonth: undefined });
    expect(book.map((s) => s.sheet)).toEqual([
      'Resumen',
      'Supuestos',
      'Conectores',
      'Países',
      'Días',
      'Mes contra mes',
      'Conciliación',
    ]);
    expect(book[2]!.data[0]![0]).toBe('Conector');
    expect(cellOf(book[0]!.data, 'Costo estimado')).toBe(0.09);
    expect(book[5]!.data[0]![0]).toBe('No se calculó en la página para este periodo.');
  });
});

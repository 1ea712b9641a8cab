import { aggregateChart } from '../../src/charts/aggregate-chart';
import { chartSpecs } from '../../src/charts/chart-specs';
import { specChartView } from '../../src/charts/spec-chart-view';
import { findReport } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';
import { translator } from '../../src/shared/i18n/i18n';

const REPORT = findReport(16)!;
const spec = (id: string) => chartSpecs(16).find((item) => item.id === id)!;

function view(id: string, rows: ReportRow[], language: 'en' | 'es' = 'en') {
  const order = Uint32Array.from(rows.keys());
  const data = aggregateChart(spec(id), REPORT.columns, rows, order);
  const locale = language === 'en' ? 'en-US' : 'es-CO';
  return specChartView(spec(id), data, {
    columns: REPORT.columns,
    language,
    locale,
    t: translator(language, locale),
  });
}

// Every agent's TMO between 2:01:00 and 2:08:00 (auto-closed chats inflate them all alike).
const close: ReportRow[] = [7260, 7330, 7410, 7480, 7680].map((tmo, i) => ({
  agent_name: `Agent ${i}`,
  total_chats: 500 + i * 10,
  tmo,
  percent_transfer: 10 + i,
}));

describe('the report-16 charts’ value axes', () => {
  it('fit the TMO axis to bars that sit close together, and say it does not start at 0', () => {
    const tmo = view('tmo', close);
    const [from, to] = tmo.axis.domain!;
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThan(7260);
    expect(to).toBeGreaterThanOrEqual(7680);
    expect(tmo.notes).toContain(
      'The axis starts at 2:00:00, not at 0, so that close values can be told apart: compare the figures, not the bar lengths.',
    );
    expect(view('tmo', close, 'es').notes.join(' ')).toMatch(/El eje empieza en 2:00:00, no en 0/);
  });

  it('keep a zero baseline for counts and rates, and for TMOs far apart', () => {
    expect(view('chats', close).axis.domain?.[0] ?? 0).toBe(0);
    expect(view('transfer-rate', close).axis.domain?.[0] ?? 0).toBe(0);
    const apart = close.map((row, i) => ({ ...row, tmo: 300 + i * 900 }));
    const tmo = view('tmo', apart);
    expect(tmo.axis.domain?.[0]).toBe(0);
    expect(tmo.notes.join(' ')).not.toMatch(/axis starts/);
  });
});

describe('percent axes', () => {
  it('tick small transfer rates on whole percents, each label once', () => {
    const low = close.map((row, i) => ({ ...row, percent_transfer: 0.4 + i * 0.6 }));
    const axis = view('transfer-rate', low).axis;
    const labels = axis.ticks!.map(axis.tickFormatter);
    expect(labels).toEqual([...new Set(labels)]);
    expect(labels.every((label) => /^\d+%$/.test(label))).toBe(true);
    expect(axis.ticks!.at(-1)).toBeGreaterThanOrEqual(0.4 + 4 * 0.6);
  });
});

describe('column names in the charts', () => {
  it('head the data table with the column’s human name in the UI language', () => {
    expect(view('tmo', close).table.categoryHeader).toBe('Agent');
    expect(view('tmo', close, 'es').table.categoryHeader).toBe('Agente');
  });
});

import { bench, describe } from 'vitest';
import { aggregateChart } from '../../src/charts/aggregate-chart';
import { chartSpecs, type ChartSpec } from '../../src/charts/chart-specs';
import { findReport } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';

/**
 * aggregateChart over 1,000,000 synthetic rows: `npx vitest bench --run test/charts`.
 * (A benchmark, not a timed unit test: machines differ.)
 */

const N = 1_000_000;
const CHANNELS = ['facebook', 'instagram', 'web', 'whatsapp'];
const FEELINGS = ['very negative', 'negative', 'neutral', 'positive', 'very positive'];
const AGENTS = Array.from({ length: 120 }, (_, i) => `Agent ${i}`);
const START = Date.UTC(2026, 0, 1);

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

const rows: ReportRow[] = [];
for (let i = 0; i < N; i++) {
  const date = START + Math.floor(random() * 90 * 86_400_000);
  rows.push({
    conn_id: String(i),
    channel: pick(CHANNELS),
    date,
    date_close: random() < 0.02 ? null : date + Math.floor(random() * 3_600_000),
    agent_name: random() < 0.01 ? null : pick(AGENTS),
    feeling: pick(FEELINGS),
    go_to_agent: random() < 0.6,
    chat_duration: Math.floor(random() * 3_600),
  });
}
const all = Uint32Array.from({ length: N }, (_, i) => i);
// Every other row: a filtered view.
const half = Uint32Array.from({ length: N / 2 }, (_, i) => i * 2);

const chats = findReport(1)!;
const columns = [...chats.columns];
const spec = (id: string) => chartSpecs(1).find((item) => item.id === id)!;
const stacked: ChartSpec = {
  id: 'stacked',
  kind: 'stacked',
  title: { en: '', es: '' },
  by: 'agent_name',
  split: 'channel',
  sort: 'value',
  max: 15,
};
const mean: ChartSpec = {
  id: 'mean',
  kind: 'mean-by',
  title: { en: '', es: '' },
  by: 'agent_name',
  value: 'chat_duration',
  sort: 'value',
  max: 15,
};

describe('aggregateChart, 1,000,000 rows', () => {
  bench('count-by channel', () => void aggregateChart(spec('by-channel'), columns, rows, all));
  bench('count-by agent (top 15)', () => void aggregateChart(spec('by-agent'), columns, rows, all));
  bench('per-day (close date)', () => void aggregateChart(spec('per-day'), columns, rows, all));
  bench('mean-by agent', () => void aggregateChart(mean, columns, rows, all));
  bench('stacked agent × channel', () => void aggregateChart(stacked, columns, rows, all));
  bench('the 4 charts of report 1', () => {
    for (const item of chartSpecs(1)) aggregateChart(item, columns, rows, all);
  });
  bench(
    'count-by agent, 500,000-row view',
    () => void aggregateChart(spec('by-agent'), columns, rows, half),
  );
});

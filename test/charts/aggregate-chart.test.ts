import { aggregateChart, OTHER_KEY, type ChartData } from '../../src/charts/aggregate-chart';
import type { ChartSpec } from '../../src/charts/chart-specs';
import { FEELINGS, type ColumnDef } from '../../src/report-model/catalog';
import type { ReportRow } from '../../src/report-model/column-types';

const columns: ColumnDef[] = [
  { key: 'channel', header: 'CHANNEL', type: 'enum', values: ['facebook', 'web', 'whatsapp'] },
  { key: 'agent', header: 'AGENT_NAME', type: 'enum' },
  { key: 'feeling', header: 'FEELING', type: 'enum', values: FEELINGS },
  { key: 'n', header: 'INTERACTIONS', type: 'count' },
  { key: 'secs', header: 'TMO', type: 'duration' },
  { key: 'when', header: 'DATE', type: 'datetime' },
  { key: 'day', header: 'DAY', type: 'date' },
  { key: 'bot', header: 'GO_TO_AGENT', type: 'yesno' },
];

const title = { en: 't', es: 't' };
const all = (rows: readonly unknown[]) => Uint32Array.from(rows.keys());
const at = (iso: string) => Date.parse(`${iso}Z`);
const pairs = (data: ChartData) => data.bars.map((bar) => [bar.key, bar.value]);

describe('count-by', () => {
  const rows: ReportRow[] = [
    { channel: 'web' },
    { channel: 'whatsapp' },
    { channel: null },
    { channel: 'whatsapp' },
    {}, // a missing key counts as empty
    { channel: 'facebook' },
    { channel: 'whatsapp' },
  ];
  const spec: ChartSpec = { id: 'c', title, kind: 'count-by', by: 'channel', sort: 'value' };

  it('counts rows per value, largest first, with empty cells under key ""', () => {
    const data = aggregateChart(spec, columns, rows, all(rows));
    expect(pairs(data)).toEqual([
      ['whatsapp', 3],
      ['', 2],
      ['facebook', 1],
      ['web', 1],
    ]);
    expect(data.bars[1]).toMatchObject({ key: '', label: '(empty)', rows: 2 });
    expect(data).toMatchObject({ total: 7, rows: 7, skipped: 0, otherValues: 0, mean: false });
    expect(data.valueType).toBe('count');
    expect(data.series).toEqual([]);
  });

  it('follows the order given (the filtered view), as an array or a typed array', () => {
    expect(pairs(aggregateChart(spec, columns, rows, [0, 5, 6]))).toEqual([
      ['facebook', 1],
      ['web', 1],
      ['whatsapp', 1],
    ]);
    const data = aggregateChart(spec, columns, rows, Uint32Array.of(1, 3));
    expect(pairs(data)).toEqual([['whatsapp', 2]]);
    expect(data.rows).toBe(2);
    expect(aggregateChart(spec, columns, rows, []).bars).toEqual([]);
  });

  it('labels the empty bucket as told', () => {
    const data = aggregateChart(spec, columns, rows, all(rows), { emptyLabel: '(vacío)' });
    expect(data.bars.find((bar) => bar.key === '')?.label).toBe('(vacío)');
  });

  it('orders enum values as the catalog lists them: unknown values next, empty last', () => {
    const feelings: ReportRow[] = [
      { feeling: 'positive' },
      { feeling: null },
      { feeling: 'odd' },
      { feeling: 'very negative' },
      { feeling: 'positive' },
      { feeling: 'neutral' },
    ];
    const data = aggregateChart(
      { id: 'f', title, kind: 'count-by', by: 'feeling', sort: 'enum' },
      columns,
      feelings,
      all(feelings),
    );
    expect(pairs(data)).toEqual([
      ['very negative', 1],
      ['neutral', 1],
      ['positive', 2],
      ['odd', 1],
      ['', 1],
    ]);
  });

  it('writes yes/no as the filters do and merges an unparsed "yes" with true', () => {
    const flags: ReportRow[] = [{ bot: true }, { bot: false }, { bot: 'yes' }, { bot: null }];
    const data = aggregateChart(
      { id: 'b', title, kind: 'count-by', by: 'bot', sort: 'key' },
      columns,
      flags,
      all(flags),
    );
    expect(pairs(data)).toEqual([
      ['no', 1],
      ['yes', 2],
      ['', 1],
    ]);
  });
});

describe('top N + Other', () => {
  const rows: ReportRow[] = [];
  const add = (agent: string | null, times: number) => {
    for (let i = 0; i < times; i++) rows.push({ agent, n: 10 });
  };
  add('Ana', 5);
  add('Bea', 4);
  add('Cruz', 2);
  add('Dora', 2);
  add(null, 1);
  const spec = (max: number): ChartSpec => ({
    id: 'a',
    title,
    kind: 'count-by',
    by: 'agent',
    sort: 'value',
    max,
  });

  it('keeps the N largest and sums the rest into one Other bar', () => {
    const data = aggregateChart(spec(2), columns, rows, all(rows), { otherLabel: 'Otros' });
    expect(pairs(data)).toEqual([
      ['Ana', 5],
      ['Bea', 4],
      [OTHER_KEY, 5],
    ]);
    expect(data.bars[2]).toMatchObject({ label: 'Otros', other: true, rows: 5 });
    expect(data.otherValues).toBe(3);
    expect(data.total).toBe(14);
  });

  it('breaks ties by key and never makes an Other bar of a single value', () => {
    // 5 values, max 4: showing all five beats an "Other" standing for one.
    expect(aggregateChart(spec(4), columns, rows, all(rows)).bars).toHaveLength(5);
    const three = aggregateChart(spec(3), columns, rows, all(rows));
    expect(pairs(three)).toEqual([
      ['Ana', 5],
      ['Bea', 4],
      ['Cruz', 2],
      [OTHER_KEY, 3],
    ]);
  });

  it('sums a numeric column per value, Other included', () => {
    const data = aggregateChart(
      { id: 's', title, kind: 'sum-by', by: 'agent', value: 'n', sort: 'value', max: 1 },
      columns,
      rows,
      all(rows),
    );
    expect(pairs(data)).toEqual([
      ['Ana', 50],
      [OTHER_KEY, 90],
    ]);
    expect(data.total).toBe(140);
  });
});

describe('sum-by and mean-by', () => {
  const rows: ReportRow[] = [
    { channel: 'web', n: 3, secs: 100 },
    { channel: 'web', n: 1, secs: 300 },
    { channel: 'whatsapp', n: 2, secs: 60 },
    { channel: 'whatsapp', n: 'n/a', secs: 'n/a' }, // unparsed: not charted
    { channel: 'facebook', n: null, secs: null },
    { channel: 'facebook', n: 0, secs: 30 },
    { channel: 'facebook', n: 0, secs: 90 },
  ];

  it('sums numbers and counts the rows that had none', () => {
    const data = aggregateChart(
      { id: 's', title, kind: 'sum-by', by: 'channel', value: 'n', sort: 'value' },
      columns,
      rows,
      all(rows),
    );
    expect(pairs(data)).toEqual([
      ['web', 4],
      ['whatsapp', 2],
      ['facebook', 0],
    ]);
    expect(data).toMatchObject({ total: 6, skipped: 2, valueType: 'count' });
  });

  it('averages, weighted when told; rows without a weight fall back to the plain mean', () => {
    const weighted = aggregateChart(
      {
        id: 'm',
        title,
        kind: 'mean-by',
        by: 'channel',
        value: 'secs',
        weight: 'n',
        sort: 'value',
      },
      columns,
      rows,
      all(rows),
    );
    // web: (100×3 + 300×1) / 4 = 150; whatsapp: 60; facebook: weights 0 → (30 + 90) / 2.
    expect(pairs(weighted)).toEqual([
      ['web', 150],
      ['facebook', 60],
      ['whatsapp', 60],
    ]);
    // Overall: (300 + 300 + 120) / 6, the weighted rows only.
    expect(weighted.total).toBe(120);
    expect(weighted).toMatchObject({ mean: true, valueType: 'duration', skipped: 2 });
    const plain = aggregateChart(
      { id: 'm', title, kind: 'mean-by', by: 'channel', value: 'secs', sort: 'value' },
      columns,
      rows,
      all(rows),
    );
    expect(pairs(plain)).toEqual([
      ['web', 200],
      ['facebook', 60],
      ['whatsapp', 60],
    ]);
  });
});

describe('per-day', () => {
  const rows: ReportRow[] = [
    { when: at('2026-08-01T23:59:59'), n: 1 },
    { when: at('2026-08-02T00:00:00'), n: 2 },
    { when: at('2026-08-02T12:30:00'), n: 4 },
    { when: null, n: 8 },
    { when: 'garbage', n: 16 },
    { when: at('2026-08-04T00:00:01'), n: 32 },
    { when: at('2026-07-31T10:00:00'), n: 64 },
  ];
  const count: ChartSpec = { id: 'd', title, weekTitle: title, kind: 'per-day', by: 'when' };

  it('buckets by wall-clock day (split at midnight), fills gaps, skips rows without a date', () => {
    const data = aggregateChart(count, columns, rows, all(rows));
    expect(pairs(data)).toEqual([
      ['2026-07-31', 1],
      ['2026-08-01', 1],
      ['2026-08-02', 2],
      ['2026-08-03', 0],
      ['2026-08-04', 1],
    ]);
    expect(data.bars[3]).toMatchObject({ rows: 0, label: '2026-08-03' });
    expect(data).toMatchObject({ total: 5, skipped: 2, rows: 7 });
  });

  it('sums a column per day and follows the order', () => {
    const data = aggregateChart({ ...count, value: 'n' }, columns, rows, [1, 2, 3, 5]);
    expect(pairs(data)).toEqual([
      ['2026-08-02', 6],
      ['2026-08-03', 0],
      ['2026-08-04', 32],
    ]);
    expect(data.skipped).toBe(1);
  });

  it('handles date columns and days before 1970', () => {
    const days: ReportRow[] = [
      { day: at('1969-12-31T00:00:00') },
      { day: at('1970-01-01T00:00:00') },
    ];
    const data = aggregateChart(
      { id: 'd', title, weekTitle: title, kind: 'per-day', by: 'day' },
      columns,
      days,
      [0, 1],
    );
    expect(pairs(data)).toEqual([
      ['1969-12-31', 1],
      ['1970-01-01', 1],
    ]);
  });

  it('lists only the days with rows when the span is too long to fill', () => {
    const far: ReportRow[] = [
      { when: at('2026-01-01T00:00:00') },
      { when: at('2026-03-01T00:00:00') },
    ];
    const data = aggregateChart(count, columns, far, [0, 1], { maxFillDays: 30 });
    expect(data.bars.map((bar) => bar.key)).toEqual(['2026-01-01', '2026-03-01']);
  });
});

describe('per-day beyond a quarter', () => {
  const count: ChartSpec = { id: 'd', title, weekTitle: title, kind: 'per-day', by: 'when' };

  it('draws weeks, Monday to Sunday, clipped to the charted days, with the same total', () => {
    // 1969-12-25 (a Thursday) … 1970-04-03 (a Friday): 100 days, two rows a day.
    const rows: ReportRow[] = Array.from({ length: 200 }, (_, i) => ({
      when: at('1969-12-25T12:00:00') + Math.floor(i / 2) * 86_400_000,
    }));
    const data = aggregateChart(count, columns, rows, all(rows));
    expect(data.unit).toBe('week');
    expect(data.total).toBe(200);
    expect(data.bars[0]).toMatchObject({ key: '1969-12-25', to: '1969-12-28', value: 8, rows: 8 });
    expect(data.bars[1]).toMatchObject({ key: '1969-12-29', to: '1970-01-04', value: 14 });
    expect(data.bars.at(-1)).toMatchObject({ key: '1970-03-30', to: '1970-04-03', value: 10 });
    // Thu–Sun, 13 full weeks, Mon–Fri.
    expect(data.bars).toHaveLength(15);
  });

  it('keeps one bar per day up to 92 days', () => {
    const rows: ReportRow[] = Array.from({ length: 92 }, (_, i) => ({
      when: at('2026-01-01T08:00:00') + i * 86_400_000,
    }));
    const data = aggregateChart(count, columns, rows, all(rows));
    expect(data).toMatchObject({ unit: 'day', total: 92 });
    expect(data.bars).toHaveLength(92);
  });
});

describe('stacked', () => {
  const rows: ReportRow[] = [
    { channel: 'web', bot: true },
    { channel: 'web', bot: false },
    { channel: 'web', bot: false },
    { channel: 'whatsapp', bot: true },
    { channel: 'facebook', bot: null },
  ];

  it('splits each bar by the second column, series in the order asked', () => {
    const data = aggregateChart(
      {
        id: 's',
        title,
        kind: 'stacked',
        by: 'channel',
        split: 'bot',
        splitOrder: ['no', 'yes'],
        sort: 'value',
      },
      columns,
      rows,
      all(rows),
    );
    expect(data.series.map((item) => item.key)).toEqual(['no', 'yes', '']);
    expect(data.bars.map((bar) => [bar.key, bar.value, bar.parts])).toEqual([
      ['web', 3, [2, 1, 0]],
      ['facebook', 1, [0, 0, 1]],
      ['whatsapp', 1, [0, 1, 0]],
    ]);
  });

  it('folds extra series and extra bars into Other, keeping their parts', () => {
    const many: ReportRow[] = [];
    const agents = ['A', 'B', 'C', 'D'];
    const channels = ['web', 'whatsapp', 'facebook'];
    agents.forEach((agent, a) =>
      channels.forEach((channel, c) => {
        for (let i = 0; i < (4 - a) * (3 - c); i++) many.push({ agent, channel, n: 1 });
      }),
    );
    const data = aggregateChart(
      {
        id: 's',
        title,
        kind: 'stacked',
        by: 'agent',
        split: 'channel',
        value: 'n',
        sort: 'value',
        max: 2,
      },
      columns,
      many,
      all(many),
      { maxSeries: 1 },
    );
    // Series: the largest (web), then Other (whatsapp + facebook).
    expect(data.series.map((item) => item.key)).toEqual(['web', OTHER_KEY]);
    expect(data.series[1]).toMatchObject({ other: true, label: 'Other' });
    expect(data.bars.map((bar) => [bar.key, bar.value, bar.parts])).toEqual([
      ['A', 24, [12, 12]],
      ['B', 18, [9, 9]],
      // C + D
      [OTHER_KEY, 18, [9, 9]],
    ]);
    expect(data.total).toBe(60);
  });
});

describe('columns', () => {
  it('sums fixed columns into grouped series (report 15)', () => {
    const cols: ColumnDef[] = ['a1', 'a2', 'b1', 'b2'].map((key) => ({
      key,
      header: key,
      type: 'count',
    }));
    const rows: ReportRow[] = [
      { a1: 1, a2: 2, b1: 3, b2: 4 },
      { a1: 10, a2: null, b1: 30, b2: 40 },
      { a1: null, a2: null, b1: null, b2: null },
    ];
    const data = aggregateChart(
      {
        id: 'c',
        title,
        kind: 'columns',
        groups: [
          { key: 'a', label: { en: 'A', es: 'A' }, columns: ['a1', 'a2'] },
          { key: 'b', label: { en: 'B', es: 'B' }, columns: ['b1', 'b2'] },
        ],
        series: [
          { key: 'x', label: { en: 'X', es: 'X' } },
          { key: 'y', label: { en: 'Y', es: 'Y' } },
        ],
      },
      cols,
      rows,
      all(rows),
    );
    expect(data.bars.map((bar) => [bar.key, bar.value, bar.parts])).toEqual([
      ['a', 13, [11, 2]],
      ['b', 77, [33, 44]],
    ]);
    expect(data.series.map((item) => item.key)).toEqual(['x', 'y']);
    expect(data).toMatchObject({ total: 90, skipped: 1 });
    // Only the empty row in view: zero bars, still drawn as the two groups.
    const none = aggregateChart(
      {
        id: 'c',
        title,
        kind: 'columns',
        groups: [{ key: 'a', label: title, columns: ['a1'] }],
        series: [{ key: 'x', label: title }],
      },
      cols,
      rows,
      [2],
    );
    expect(none.bars.map((bar) => [bar.key, bar.value, bar.parts])).toEqual([['a', 0, [0]]]);
  });
});

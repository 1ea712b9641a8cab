import {
  chartSpecs,
  drillColumn,
  hasCharts,
  specColumnKeys,
  type ChartSpec,
} from '../../src/charts/chart-specs';
import { REPORTS, type ColumnDef } from '../../src/report-model/catalog';
import type { ColumnType } from '../../src/report-model/column-types';

const CATEGORY: readonly ColumnType[] = ['enum', 'yesno', 'country', 'text'];
const FIGURE: readonly ColumnType[] = ['count', 'duration', 'percent'];
const DATES: readonly ColumnType[] = ['datetime', 'date'];

/** [column key, types it may have] for every column a spec reads. */
function expectedTypes(spec: ChartSpec): [string, readonly ColumnType[]][] {
  switch (spec.kind) {
    case 'count-by':
      return [[spec.by, CATEGORY]];
    case 'sum-by':
      return [
        [spec.by, CATEGORY],
        [spec.value, FIGURE],
      ];
    case 'mean-by':
      return [
        [spec.by, CATEGORY],
        [spec.value, FIGURE],
        ...(spec.weight ? [[spec.weight, ['count']] as [string, ColumnType[]]] : []),
      ];
    case 'per-day':
      return [
        [spec.by, DATES],
        ...(spec.value ? [[spec.value, FIGURE] as [string, ColumnType[]]] : []),
      ];
    case 'stacked':
      return [
        [spec.by, CATEGORY],
        [spec.split, CATEGORY],
        ...(spec.value ? [[spec.value, FIGURE] as [string, ColumnType[]]] : []),
      ];
    case 'columns':
      return spec.groups.flatMap((group) =>
        group.columns.map((key) => [key, ['count']] as [string, ColumnType[]]),
      );
  }
}

describe('chart specs', () => {
  it('give every report a chart except 2 (Conversations) and 10 (billing, charted elsewhere)', () => {
    const withCharts = REPORTS.filter((report) => hasCharts(report.number)).map((r) => r.number);
    expect(withCharts).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16]);
    expect(chartSpecs(2)).toEqual([]);
    expect(chartSpecs(10)).toEqual([]);
    expect(chartSpecs(99)).toEqual([]);
  });

  for (const report of REPORTS) {
    const specs = chartSpecs(report.number);
    if (specs.length === 0) continue;
    it(`read columns of report ${report.number} that exist, with suitable types`, () => {
      const byKey = new Map<string, ColumnDef>(report.columns.map((c) => [c.key, c]));
      expect(new Set(specs.map((spec) => spec.id)).size).toBe(specs.length);
      for (const spec of specs) {
        expect(spec.title.en, spec.id).not.toBe('');
        expect(spec.title.es, spec.id).not.toBe('');
        const keys = expectedTypes(spec);
        expect(keys.map(([key]) => key).sort()).toEqual([...specColumnKeys(spec)].sort());
        for (const [key, types] of keys) {
          const column = byKey.get(key);
          expect(column, `${report.number}/${spec.id}: ${key}`).toBeDefined();
          expect(types, `${report.number}/${spec.id}: ${key}`).toContain(column!.type);
        }
        if (spec.kind !== 'columns' && spec.kind !== 'per-day' && spec.sort === 'enum') {
          expect(byKey.get(spec.by)?.values, `${spec.id} sorts by catalog values`).toBeDefined();
        }
        if (spec.kind === 'columns') {
          for (const group of spec.groups) expect(group.columns).toHaveLength(spec.series.length);
          expect(drillColumn(spec)).toBeUndefined();
        } else {
          expect(drillColumn(spec)).toBe(spec.by);
        }
      }
    });
  }

  it('chart sentiment in the catalog order, very negative → very positive', () => {
    const feeling = chartSpecs(1).find((spec) => spec.kind === 'count-by' && spec.by === 'feeling');
    expect(feeling).toMatchObject({ sort: 'enum' });
  });

  it('cap agent charts with a top N', () => {
    for (const report of REPORTS) {
      for (const spec of chartSpecs(report.number)) {
        if (spec.kind !== 'columns' && spec.kind !== 'per-day' && spec.by.endsWith('agent_name'))
          expect(spec.max, `${report.number}/${spec.id}`).toBeGreaterThan(0);
      }
    }
  });
});

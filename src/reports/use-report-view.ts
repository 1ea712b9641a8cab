import { useMemo } from 'react';
import { cellText, digitsOf, foldText } from '../engine/cell-text';
import type { ColumnDef } from './catalog';
import type { CellValue, ReportRow } from './column-types';
import type { ViewState } from './view-state';

export interface FacetCount {
  value: string;
  count: number;
}

export interface ReportView {
  /** Row indices in on-screen order (after every filter and the sort). */
  order: Uint32Array;
  /** Values of a column with their row counts, under every filter except that column's own. */
  facet(key: string): FacetCount[];
}

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

function compare(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' || typeof a === 'boolean') return -1;
  if (typeof b === 'number' || typeof b === 'boolean') return 1;
  return collator.compare(String(a), String(b));
}

/** Temporary straightforward implementation; the data engine replaces it. */
export function useReportView(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  view: Pick<ViewState, 'sort' | 'phone' | 'q' | 'filters'>,
  visibleKeys: readonly string[],
): ReportView {
  return useMemo(() => {
    const byKey = new Map(columns.map((column) => [column.key, column]));
    const phoneKeys = columns
      .filter((column) => column.type === 'phone')
      .map((column) => column.key);
    const digits = digitsOf(view.phone);
    const needle = foldText(view.q.trim());

    const matches = (row: ReportRow, skip?: string) => {
      if (digits && !phoneKeys.some((key) => digitsOf(String(row[key] ?? '')).includes(digits)))
        return false;
      if (
        needle &&
        !visibleKeys.some((key) =>
          foldText(cellText(byKey.get(key)!.type, row[key] ?? null)).includes(needle),
        )
      ) {
        return false;
      }
      for (const [key, filter] of Object.entries(view.filters)) {
        if (key === skip) continue;
        const column = byKey.get(key);
        if (!column) continue;
        const value = row[key] ?? null;
        if (filter.values && !filter.values.includes(cellText(column.type, value))) return false;
        if (filter.min !== undefined && !(typeof value === 'number' && value >= filter.min))
          return false;
        if (filter.max !== undefined && !(typeof value === 'number' && value <= filter.max))
          return false;
      }
      return true;
    };

    const kept: number[] = [];
    rows.forEach((row, i) => {
      if (matches(row)) kept.push(i);
    });
    const order = Uint32Array.from(kept);
    if (view.sort.length) {
      order.sort((i, j) => {
        for (const { id, desc } of view.sort) {
          const a = rows[i]![id] ?? null;
          const b = rows[j]![id] ?? null;
          if (a === null || b === null) {
            if (a !== b) return a === null ? 1 : -1;
            continue;
          }
          const c = compare(a, b);
          if (c !== 0) return desc ? -c : c;
        }
        return i - j;
      });
    }

    const facet = (key: string) => {
      const column = byKey.get(key)!;
      const counts = new Map<string, number>();
      for (const row of rows) {
        if (!matches(row, key)) continue;
        const text = cellText(column.type, row[key] ?? null);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      return [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count);
    };
    return { order, facet };
  }, [columns, rows, view.sort, view.phone, view.q, view.filters, visibleKeys]);
}

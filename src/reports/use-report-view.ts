import { useMemo } from 'react';
import type { ColumnDef } from './catalog';
import type { CellValue, ReportRow } from './column-types';
import type { SortEntry } from './view-state';

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

function compare(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' || typeof a === 'boolean') return -1;
  if (typeof b === 'number' || typeof b === 'boolean') return 1;
  return collator.compare(a, b);
}

/** Row indices in on-screen order. */
export function useReportView(
  _columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  sort: readonly SortEntry[],
): Uint32Array {
  return useMemo(() => {
    const order = Uint32Array.from(rows.keys());
    if (sort.length === 0) return order;
    return order.sort((i, j) => {
      for (const { id, desc } of sort) {
        const a = rows[i]![id] ?? null;
        const b = rows[j]![id] ?? null;
        // nulls stay last whatever the direction
        if (a === null || b === null) {
          if (a !== b) return a === null ? 1 : -1;
          continue;
        }
        const c = compare(a, b);
        if (c !== 0) return desc ? -c : c;
      }
      return i - j;
    });
  }, [rows, sort]);
}

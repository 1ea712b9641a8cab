import type { ColumnDef } from '../report-model/catalog';
import type { ReportRow } from '../report-model/column-types';

/** One column's figure in the totals row. */
export interface ColumnTotalValue {
  kind: 'sum' | 'mean';
  /** The sum, or the (weighted) mean; null when no row has a number in the column. */
  value: number | null;
  /** The weighting column's key (weighted means only). */
  weight?: string;
  /** Rows counted (with a number, and for weighted means a positive weight). */
  rows: number;
}

/** True when some column says how it totals: the table then gets a totals row. */
export function hasTotals(columns: readonly ColumnDef[]): boolean {
  return columns.some((column) => column.total !== undefined);
}

const usable = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * The totals row over the rows in view (`order`: after filters): per column the catalog
 * marks, the sum, or the mean weighted by its weight column (rows whose weight is not a
 * positive number are left out; with no weight at all, the plain mean). Cells that are
 * not numbers (empty, or text wolkvox sent that could not be read) are skipped, never
 * read as 0. One pass over the rows.
 */
export function columnTotals(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  order: ArrayLike<number>,
): Record<string, ColumnTotalValue> {
  const totalled = columns.filter((column) => column.total !== undefined);
  const sums = new Float64Array(totalled.length);
  const weights = new Float64Array(totalled.length);
  const counts = new Uint32Array(totalled.length);
  const weightKeys = totalled.map((column) =>
    column.total?.kind === 'mean' ? column.total.weight : undefined,
  );
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i]!]!;
    for (let c = 0; c < totalled.length; c++) {
      const value = row[totalled[c]!.key];
      if (!usable(value)) continue;
      const weightKey = weightKeys[c];
      let weight = 1;
      if (weightKey !== undefined) {
        const w = row[weightKey];
        if (!usable(w) || w <= 0) continue;
        weight = w;
      }
      sums[c]! += value * weight;
      weights[c]! += weight;
      counts[c]!++;
    }
  }
  const result: Record<string, ColumnTotalValue> = {};
  totalled.forEach((column, c) => {
    const total = column.total!;
    const rowsCounted = counts[c]!;
    if (total.kind === 'sum') {
      result[column.key] = { kind: 'sum', value: rowsCounted ? sums[c]! : null, rows: rowsCounted };
    } else {
      result[column.key] = {
        kind: 'mean',
        value: weights[c]! > 0 ? sums[c]! / weights[c]! : null,
        rows: rowsCounted,
        ...(total.weight !== undefined && { weight: total.weight }),
      };
    }
  });
  return result;
}

import type { ColumnDef } from '../../src/report-model/catalog';
import type { CellValue, ColumnType, ReportRow } from '../../src/report-model/column-types';
import { isNumericType } from '../../src/report-model/column-types';
import { cellText, classifyCell, foldText } from '../../src/engine/cell-text';
import { compareText } from '../../src/engine/collation';
import { parsePhoneQuery, phoneCellMatches } from '../../src/engine/phone';
import { orderKind } from '../../src/engine/sort-keys';
import type {
  ColumnFilter,
  FacetEntry,
  FacetOrder,
  ReportQuery,
  SortSpec,
} from '../../src/engine/types';

/**
 * The straightforward reference: Array.prototype.filter and a comparator sort over the
 * cells, with exactly the engine's semantics written out plainly. Property tests hold the
 * engine to it; the benchmark measures what the engine saves.
 */

/** Class of a cell in its column's order: values, then unparsed raw text, then empty. */
function cellClass(type: ColumnType, value: CellValue): 0 | 1 | 2 {
  const kind = classifyCell(type, value).kind;
  return kind === 'null' ? 2 : kind === 'unparsed' ? 1 : 0;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

/** Ids: digit strings first by numeric value (then code units), then others by code units. */
export function compareIds(a: string, b: string): number {
  const da = isDigits(a);
  const db = isDigits(b);
  if (da !== db) return da ? -1 : 1;
  if (!da) return compareCodeUnits(a, b);
  const sa = a.replace(/^0+/, '');
  const sb = b.replace(/^0+/, '');
  if (sa.length !== sb.length) return sa.length - sb.length;
  return compareCodeUnits(sa, sb) || compareCodeUnits(a, b);
}

/**
 * A column's comparator. Ascending: values, then unparsed raw text (code-unit order), then
 * empty cells. Descending reverses the order inside each class, never the classes.
 */
export function compareCells(type: ColumnType, a: CellValue, b: CellValue, desc = false): number {
  const ca = classifyCell(type, a);
  const cb = classifyCell(type, b);
  const classA = cellClass(type, a);
  const classB = cellClass(type, b);
  if (classA !== classB) return classA - classB;
  let c = 0;
  if (ca.kind === 'number' && cb.kind === 'number')
    c = ca.value < cb.value ? -1 : ca.value > cb.value ? 1 : 0;
  else if (ca.kind === 'boolean' && cb.kind === 'boolean') c = Number(ca.value) - Number(cb.value);
  else if (ca.kind === 'unparsed' && cb.kind === 'unparsed')
    c = compareCodeUnits(ca.value, cb.value);
  else if (ca.kind === 'text' && cb.kind === 'text') {
    const kind = orderKind(type);
    if (kind === 'collated') c = Math.sign(compareText(ca.value, cb.value));
    else if (kind === 'id') c = Math.sign(compareIds(ca.value, cb.value));
    else c = compareCodeUnits(ca.value, cb.value);
  }
  return desc ? -c : c;
}

function columnMap(columns: readonly ColumnDef[]): Map<string, ColumnDef> {
  const map = new Map<string, ColumnDef>();
  for (const column of columns) if (!map.has(column.key)) map.set(column.key, column);
  return map;
}

export function naiveSort(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  spec: SortSpec,
  subset?: ArrayLike<number>,
): number[] {
  const byKey = columnMap(columns);
  const seen = new Set<string>();
  const steps = spec.filter((s) => byKey.has(s.key) && !seen.has(s.key) && seen.add(s.key));
  const order = subset ? Array.from(subset) : rows.map((_, i) => i);
  return order.sort((x, y) => {
    for (const step of steps) {
      const type = byKey.get(step.key)!.type;
      const c = compareCells(
        type,
        rows[x]![step.key] ?? null,
        rows[y]![step.key] ?? null,
        step.desc === true,
      );
      if (c !== 0) return c;
    }
    return 0;
  });
}

function matchesFilter(type: ColumnType, value: CellValue, filter: ColumnFilter): boolean {
  if (filter.values && filter.values.length > 0 && !filter.values.includes(cellText(type, value)))
    return false;
  if (isNumericType(type) && (filter.min !== undefined || filter.max !== undefined)) {
    if (typeof value !== 'number' || Number.isNaN(value)) return false;
    if (filter.min !== undefined && value < filter.min) return false;
    if (filter.max !== undefined && value > filter.max) return false;
  }
  return true;
}

export function naiveQuery(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  query: ReportQuery,
): number[] {
  const byKey = columnMap(columns);
  const phone = parsePhoneQuery(query.phone ?? '');
  const phoneKeys = columns.filter((c) => c.type === 'phone').map((c) => c.key);
  const needle = foldText((query.search ?? '').trim());
  const searchKeys = (query.searchKeys ?? columns.map((c) => c.key)).filter((k) => byKey.has(k));
  const filters = Object.entries(query.filters ?? {}).filter(([key, f]) => f && byKey.has(key));
  const kept = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => {
      if (phone && !phoneKeys.some((key) => phoneCellMatches(row[key] ?? null, phone)))
        return false;
      if (
        needle !== '' &&
        !searchKeys.some((key) =>
          foldText(cellText(byKey.get(key)!.type, row[key] ?? null)).includes(needle),
        )
      ) {
        return false;
      }
      return filters.every(([key, filter]) =>
        matchesFilter(byKey.get(key)!.type, row[key] ?? null, filter!),
      );
    })
    .map(({ index }) => index);
  return naiveSort(columns, rows, query.sort ?? [], kept);
}

export function naiveFacets(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  key: string,
  indices?: ArrayLike<number>,
  order: FacetOrder = 'value',
): FacetEntry[] {
  const type = columnMap(columns).get(key)!.type;
  const firstRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const text = cellText(type, row[key] ?? null);
    if (!firstRow.has(text)) firstRow.set(text, index);
  });
  const counts = new Map<string, number>();
  for (const index of indices ? Array.from(indices) : rows.map((_, i) => i)) {
    const text = cellText(type, rows[index]![key] ?? null);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(
      ([ta], [tb]) =>
        compareCells(
          type,
          rows[firstRow.get(ta)!]![key] ?? null,
          rows[firstRow.get(tb)!]![key] ?? null,
        ) || compareCodeUnits(ta, tb),
    )
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (order === 'count' ? b.count - a.count : 0));
}

import type { Cell, SheetData } from 'write-excel-file/universal';
import type { ColumnDef } from '../report-model/catalog';
import type { CellValue, ReportRow } from '../report-model/column-types';
import { DAY } from '../report-model/time-range';

/**
 * The Excel export of exactly the view, as sheet data for write-excel-file: every
 * cell typed the way a supervisor pasting into Excel needs it. Phones and ids stay
 * text (a 12-digit phone as a number shows as 5.73511E+11 and loses its digits),
 * dates are dates, durations are times, numbers are numbers. Text cells are stored
 * as strings, never formulas, so they need no formula guard and stay exact.
 */

/** Excel's row limit per sheet (1,048,576), header included. */
export const XLSX_MAX_ROWS = 1_048_576;

/**
 * Rows above which the workbook is not offered: write-excel-file builds the sheet's XML in
 * memory, about 5 s per 100,000 rows of report 10 in headless Chromium on our 2-core machines
 * (159,448 rows: 7.8 s from the click to the file). Under this budget a workbook is ready
 * within 10 s; above it CSV is offered instead.
 */
export const XLSX_ROW_BUDGET = 150_000;

/** Days between Excel's epoch (1899-12-30) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

const FORMATS = {
  datetime: 'yyyy-mm-dd hh:mm:ss',
  date: 'yyyy-mm-dd',
  duration: '[h]:mm:ss',
  count: '#,##0',
  percent: '0.00"%"',
} as const;

/**
 * The view, column by column: what crosses to the worker that writes the file (arrays
 * of plain values clone much faster than a row object per row).
 */
export interface XlsxView {
  columns: readonly ColumnDef[];
  /** values[c][i]: column c of the i-th row on screen. */
  values: CellValue[][];
}

/** The visible columns of the rows on screen, in screen order. */
export function viewColumns(
  columns: readonly ColumnDef[],
  rows: readonly ReportRow[],
  order?: ArrayLike<number>,
): XlsxView {
  const count = order ? order.length : rows.length;
  const values = columns.map((column) => {
    const out: CellValue[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = rows[order ? order[i]! : i]![column.key] ?? null;
    return out;
  });
  return { columns, values };
}

/** Excel's limit on the text of one cell; longer text is cut (the CSV keeps it whole). */
export const XLSX_CELL_CHARS = 32_767;

/**
 * Header row (Manager's names, as on screen) and one row per shown row, with the number
 * of cells whose text was cut to Excel's limit (said on the second sheet).
 */
export function reportSheet({ columns, values }: XlsxView): { data: SheetData; cutCells: number } {
  const count = values[0]?.length ?? 0;
  const data: SheetData = new Array(count + 1);
  data[0] = columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const }));
  let cutCells = 0;
  for (let i = 0; i < count; i++) {
    const cells: Cell[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const value = values[c]![i];
      if (typeof value === 'string' && value.length > XLSX_CELL_CHARS) {
        cutCells++;
        cells[c] = { value: value.slice(0, XLSX_CELL_CHARS), type: String };
      } else {
        cells[c] = xlsxCell(columns[c]!, value);
      }
    }
    data[i + 1] = cells;
  }
  return { data, cutCells };
}

/** One typed cell. A value the parser kept as raw text stays that text. */
export function xlsxCell(column: ColumnDef, value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { value, type: String };
  if (typeof value === 'boolean') return { value: value ? 'yes' : 'no', type: String };
  if (!Number.isFinite(value)) return null;
  switch (column.type) {
    case 'datetime':
    case 'date':
      // Wall-clock ms are the operation's local time read as UTC: as an Excel serial
      // (days since 1899-12-30, no zone) they show the same wall-clock time.
      return { value: value / DAY + EXCEL_EPOCH_DAYS, type: Number, format: FORMATS[column.type] };
    case 'duration':
      return { value: value / 86_400, type: Number, format: FORMATS.duration };
    case 'count':
      return { value, type: Number, format: FORMATS.count };
    case 'percent':
      return { value, type: Number, format: FORMATS.percent };
    default:
      return { value: String(value), type: String };
  }
}

/** Why the view cannot be a workbook, if it cannot: then CSV is offered. */
export function xlsxRefusal(rowCount: number): 'sheet-limit' | 'too-large' | undefined {
  if (rowCount + 1 > XLSX_MAX_ROWS) return 'sheet-limit';
  if (rowCount > XLSX_ROW_BUDGET) return 'too-large';
  return undefined;
}

/** Sheet of the period and filters, label–value pairs in the UI language. */
export function aboutSheet(pairs: ReadonlyArray<readonly [string, string]>): SheetData {
  return pairs.map(([label, value]) => [{ value: label, fontWeight: 'bold' }, value]);
}

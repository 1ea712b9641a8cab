import type { ColumnDef } from '../catalog';
import type { CellValue, ReportRow } from '../column-types';
import type { ParsedRows } from './normalize-rows';

/**
 * Parsed rows as columns, the form in which a Web Worker hands an answer to the page
 * (report-model/worker/): typed arrays and one string dictionary per text column, so that
 * the answer crosses threads as a few transferred buffers and short string lists instead of
 * a structured clone of 60,000 objects. `decodeColumns(encodeColumns(x))` gives back `x`
 * exactly, every cell's type and value included (the property test holds it to that).
 */
export interface ColumnChunk {
  columns: ColumnDef[];
  rowCount: number;
  /** One per column, in the order of `columns`. */
  cells: EncodedColumn[];
  notFoundWithRows?: number;
  /**
   * Each row's CONNECTOR (connector-column.ts), worked out where the answer was read (the
   * worker): `decodeColumns` builds the rows with it, so the page does not add it to every row
   * afterwards (~50 ms of the page's thread per 60,000 rows). Not one of `columns`.
   */
  connector?: EncodedColumn;
}

/**
 * A column's cells by their most common type; cells of another type (an unparsed text in a
 * numeric column, a number in a text column, NaN) are listed in `other`, by row.
 */
export type EncodedColumn =
  /** NaN = empty. */
  | { kind: 'number'; values: Float64Array; other?: OtherCells }
  /** 0 = empty, else `dictionary[code - 1]`. */
  | { kind: 'string'; codes: Uint32Array; dictionary: string[]; other?: OtherCells }
  /** 0 = no, 1 = yes, 2 = empty. */
  | { kind: 'boolean'; values: Uint8Array; other?: OtherCells };

interface OtherCells {
  rows: Uint32Array;
  values: CellValue[];
}

type Kind = EncodedColumn['kind'];

/** The columns of `parsed`, and the buffers to transfer with them (`postMessage(x, transfer)`). */
export function encodeColumns(parsed: ParsedRows): {
  chunk: ColumnChunk;
  transfer: ArrayBuffer[];
} {
  const { columns, rows } = parsed;
  const cells = columns.map((column) => encodeColumn(rows, column.key));
  const transfer: ArrayBuffer[] = [];
  for (const cell of cells) {
    transfer.push((cell.kind === 'string' ? cell.codes : cell.values).buffer as ArrayBuffer);
    if (cell.other) transfer.push(cell.other.rows.buffer as ArrayBuffer);
  }
  const chunk: ColumnChunk = { columns, rowCount: rows.length, cells };
  if (parsed.notFoundWithRows !== undefined) chunk.notFoundWithRows = parsed.notFoundWithRows;
  return { chunk, transfer };
}

/** The rows again, every row carrying every column in the order of `columns`. */
export function decodeColumns(chunk: ColumnChunk): ParsedRows {
  const { columns, rowCount, cells } = chunk;
  const template: ReportRow = {};
  for (const column of columns) template[column.key] = null;
  if (chunk.connector) template.connector = null;
  const rows: ReportRow[] = new Array<ReportRow>(rowCount);
  // One shape for every row (the template's), then filled column by column.
  for (let i = 0; i < rowCount; i++) rows[i] = { ...template };
  columns.forEach((column, c) => decodeColumn(rows, column.key, cells[c]!));
  if (chunk.connector) decodeColumn(rows, 'connector', chunk.connector);
  const parsed: ParsedRows = { columns, rows };
  if (chunk.notFoundWithRows !== undefined) parsed.notFoundWithRows = chunk.notFoundWithRows;
  return parsed;
}

function encodeColumn(rows: readonly ReportRow[], key: string): EncodedColumn {
  const kind = mostCommonKind(rows, key);
  const otherRows: number[] = [];
  const otherValues: CellValue[] = [];
  const other = (row: number, value: CellValue) => {
    otherRows.push(row);
    otherValues.push(value);
  };
  const n = rows.length;
  let encoded: EncodedColumn;
  if (kind === 'number') {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const value = rows[i]![key] ?? null;
      if (typeof value === 'number' && value === value) values[i] = value;
      else {
        values[i] = NaN;
        if (value !== null) other(i, value);
      }
    }
    encoded = { kind, values };
  } else if (kind === 'boolean') {
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const value = rows[i]![key] ?? null;
      if (typeof value === 'boolean') values[i] = value ? 1 : 0;
      else {
        values[i] = 2;
        if (value !== null) other(i, value);
      }
    }
    encoded = { kind, values };
  } else {
    const codes = new Uint32Array(n);
    const dictionary: string[] = [];
    const codeOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const value = rows[i]![key] ?? null;
      if (typeof value === 'string') {
        let code = codeOf.get(value);
        if (code === undefined) {
          code = dictionary.push(value);
          codeOf.set(value, code);
        }
        codes[i] = code;
      } else if (value !== null) other(i, value);
    }
    encoded = { kind: 'string', codes, dictionary };
  }
  if (otherRows.length) encoded.other = { rows: Uint32Array.from(otherRows), values: otherValues };
  return encoded;
}

function mostCommonKind(rows: readonly ReportRow[], key: string): Kind {
  let numbers = 0;
  let strings = 0;
  let booleans = 0;
  for (const row of rows) {
    const type = typeof row[key];
    if (type === 'number') numbers++;
    else if (type === 'string') strings++;
    else if (type === 'boolean') booleans++;
  }
  if (numbers > strings && numbers >= booleans) return 'number';
  if (booleans > strings) return 'boolean';
  return 'string';
}

function decodeColumn(rows: ReportRow[], key: string, cell: EncodedColumn): void {
  const n = rows.length;
  if (cell.kind === 'number') {
    const { values } = cell;
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      if (value === value) rows[i]![key] = value;
    }
  } else if (cell.kind === 'boolean') {
    const { values } = cell;
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      if (value !== 2) rows[i]![key] = value === 1;
    }
  } else {
    const { codes, dictionary } = cell;
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      if (code !== 0) rows[i]![key] = dictionary[code - 1]!;
    }
  }
  if (cell.other) {
    const { rows: at, values } = cell.other;
    for (let j = 0; j < at.length; j++) rows[at[j]!]![key] = values[j]!;
  }
}

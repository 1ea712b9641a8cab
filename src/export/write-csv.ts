import type { ColumnDef } from '../report-model/catalog';
import type { ReportRow } from '../report-model/column-types';
import { guardFormula } from './csv-cell';
import { yieldToMain } from '../shared/yield-to-main';
import { createCsvRowWriter } from './csv-bytes';
import { Utf8Sink } from './utf8-sink';

/**
 * RFC 4180 CSV writer for "export exactly what is on screen": the visible
 * columns in their on-screen order, the filtered rows in their sorted order.
 * Cells are typed values (csv-cell.ts), not display text.
 *
 * One writer ships: buildCsvBlob, the fast byte writer (csv-bytes.ts). The straightforward
 * string writer built on the quoting and record rules below (test/export/reference-csv.ts)
 * is the reference the byte writer is held to (test/export/csv-bytes.property.test.ts).
 */

/** `,` is the standard; `;` is what Excel expects in comma-decimal locales (es-CO, es-ES). */
export type CsvDelimiter = ',' | ';';

/**
 * UTF-8 byte order mark (EF BB BF once encoded). Without it Excel on Windows
 * decodes the file as ANSI and "María José Peña" turns into mojibake (mui-x #1440).
 */
export const UTF8_BOM = '\uFEFF';

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** RFC 4180 line break, also after the last record (as Excel writes it). */
const CRLF = '\r\n';

/**
 * Rows per slice between two yields to the event loop. Measured in headless
 * Chromium on the 2-core VM (report-10 rows): the longest main-thread block was
 * ~110 ms at 10,000 rows against ~280 ms at 20,000, for the same total time.
 */
export const DEFAULT_CHUNK_ROWS = 10_000;

export interface CsvInput {
  /** The visible columns, in on-screen order. Headers are column.header, as wolkvox Manager names them. */
  columns: readonly ColumnDef[];
  rows: readonly ReportRow[];
  /**
   * Indices into `rows` in on-screen order (the table's filtered and sorted
   * Uint32Array permutation). Omitted: every row, in array order.
   */
  order?: ArrayLike<number>;
  /** Default `,`. */
  delimiter?: CsvDelimiter;
  /** Start with the UTF-8 BOM (default true: the file is meant for Excel). */
  bom?: boolean;
}

export interface CsvExportOptions extends CsvInput {
  /** Cancels the export between two slices; the promise/iterator rejects with signal.reason. */
  signal?: AbortSignal;
  /** Called after the header and after every slice of rows, for a progress bar. */
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
  /** Rows per slice, default DEFAULT_CHUNK_ROWS. */
  chunkRows?: number;
}

/**
 * Wraps a field in double quotes when RFC 4180 requires it (delimiter, quote,
 * CR or LF inside), doubling embedded quotes. A field starting with the
 * formula-guard apostrophe is quoted too, as OWASP's CSV-injection advice and
 * anchors.md 2.6 ask ("prefix a ' ... and quote them").
 */
export function makeFieldQuoter(delimiter: CsvDelimiter): (text: string) => string {
  const special = delimiter === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return (text) => {
    if (text === '') return text;
    if (special.test(text) || text.charCodeAt(0) === 0x27 /* ' */) {
      return `"${text.replace(/"/g, '""')}"`;
    }
    return text;
  };
}

/**
 * Joins already-quoted fields into one record with its CRLF. With a single
 * column, an empty record would be a blank line, which many readers (Papa Parse
 * with skipEmptyLines, pandas) drop; `""` keeps it as a row with one empty field.
 */
export function record(fields: string, columnCount: number): string {
  return (columnCount === 1 && fields === '' ? '""' : fields) + CRLF;
}

/** A duration is exported in seconds: the header says so ("TIME_ON_AGENT (s)"). */
export function csvHeader(column: ColumnDef): string {
  return column.type === 'duration' ? `${column.header} (s)` : column.header;
}

/** The header record: column.header, guarded and quoted like any string cell (extra columns carry API-made headers). */
export function csvHeaderLine(
  columns: readonly ColumnDef[],
  delimiter: CsvDelimiter = ',',
): string {
  const quote = makeFieldQuoter(delimiter);
  return record(
    columns.map((column) => quote(guardFormula(csvHeader(column)))).join(delimiter),
    columns.length,
  );
}

/**
 * The CSV file as one Blob (UTF-8, BOM first by default), the same bytes as the reference
 * writer in test/export/reference-csv.ts encoded, written by the fast byte writer (csv-bytes.ts) in slices of `chunkRows` rows
 * with a yield to the event loop after each. The bytes gather in one reused buffer and
 * become a Blob part every BLOB_PART_BYTES or so: the browser holds them outside the JS
 * heap, and there is never one 90 MB string to build, flatten and encode.
 */
export async function buildCsvBlob(options: CsvExportOptions): Promise<Blob> {
  const { columns, rows, order, delimiter = ',', bom = true, signal, onProgress } = options;
  signal?.throwIfAborted();
  if (columns.length === 0) throw new RangeError('CSV export needs at least one column');
  const chunkRows = Math.max(1, Math.floor(options.chunkRows ?? DEFAULT_CHUNK_ROWS));
  const total = order === undefined ? rows.length : order.length;
  const writeRow = createCsvRowWriter(columns, delimiter);
  const sink = new Utf8Sink(BLOB_PART_BYTES + (BLOB_PART_BYTES >> 1));
  const parts: Blob[] = [];
  const flush = () => {
    parts.push(new Blob([sink.view()])); // copies the bytes: the buffer is reused
    sink.clear();
  };

  sink.text((bom ? UTF8_BOM : '') + csvHeaderLine(columns, delimiter));
  onProgress?.(0, total);
  await yieldToMain();
  signal?.throwIfAborted();

  for (let start = 0; start < total; start += chunkRows) {
    const end = Math.min(start + chunkRows, total);
    for (let i = start; i < end; i++) {
      const index = order === undefined ? i : order[i]!;
      const row = rows[index];
      if (row === undefined) throw new RangeError(`CSV export: no row at index ${index}`);
      writeRow(sink, row);
    }
    if (sink.length >= BLOB_PART_BYTES) flush();
    onProgress?.(end, total);
    await yieldToMain();
    signal?.throwIfAborted();
  }
  flush();
  return new Blob(parts, { type: CSV_MIME_TYPE });
}

/** Bytes gathered before they become one Blob part (~40,000 report-10 rows). */
const BLOB_PART_BYTES = 4 << 20;

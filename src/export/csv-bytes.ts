import type { ColumnDef } from '../report-model/catalog';
import type { CellValue, ReportRow } from '../report-model/column-types';
import { csvValue } from './csv-cell';
import { writeTextField } from './csv-field-bytes';
import type { Utf8Sink } from './utf8-sink';

/**
 * The CSV export's fast writer: rows straight into UTF-8 bytes (utf8-sink.ts). It writes
 * the same bytes as the reference writer (test/export/reference-csv.ts, then UTF-8),
 * which the property test test/export/csv-bytes.property.test.ts holds it to.
 *
 * Each column gets its cell writer once, by type; the per-cell work is then a `typeof` and
 * a copy. String cells (any column: an unparsed value stays its raw text) go through
 * writeTextField (guard, quoting, UTF-8 in one pass); typed values through csvValue, whose
 * text is plain ASCII that never needs quoting.
 */
type CellWriter = (sink: Utf8Sink, value: CellValue | undefined) => void;

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

function cellWriter(column: ColumnDef, delimiter: number): CellWriter {
  if (column.type === 'datetime' || column.type === 'date') return dateWriter(column, delimiter);
  return (sink, value) => {
    if (typeof value === 'string') writeTextField(sink, value, delimiter);
    else if (value !== null && value !== undefined) sink.ascii(csvValue(column, value));
  };
}

/**
 * Dates and date-times: the engine's wall-clock text (csvValue → cellText), remembered for
 * the last value, since rows in date order often repeat it (several rows in one second).
 */
function dateWriter(column: ColumnDef, delimiter: number): CellWriter {
  let lastValue = Number.NaN;
  let lastText = '';
  return (sink, value) => {
    if (typeof value === 'number') {
      if (value !== lastValue) {
        lastText = csvValue(column, value);
        lastValue = value;
      }
      sink.ascii(lastText);
    } else if (typeof value === 'string') writeTextField(sink, value, delimiter);
    else if (value !== null && value !== undefined) sink.ascii(csvValue(column, value));
  };
}

/** Writes one row as a CSV record, CRLF included. */
export type CsvRowWriter = (sink: Utf8Sink, row: ReportRow) => void;

/** The row writer for these columns, built once per export. */
export function createCsvRowWriter(
  columns: readonly ColumnDef[],
  delimiter: ',' | ';',
): CsvRowWriter {
  const separator = delimiter.charCodeAt(0);
  const keys = columns.map((column) => column.key);
  const writers = columns.map((column) => cellWriter(column, separator));
  const count = columns.length;
  return (sink, row) => {
    const start = sink.length;
    for (let c = 0; c < count; c++) {
      if (c > 0) {
        sink.reserve(1);
        sink.bytes[sink.length++] = separator;
      }
      writers[c]!(sink, row[keys[c]!]);
    }
    sink.reserve(4);
    const bytes = sink.bytes;
    // One column and an empty cell: `""`, not a blank line readers would drop (write-csv.ts).
    if (count === 1 && sink.length === start) {
      bytes[sink.length++] = QUOTE;
      bytes[sink.length++] = QUOTE;
    }
    bytes[sink.length++] = CR;
    bytes[sink.length++] = LF;
  };
}

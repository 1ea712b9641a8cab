import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../../../src/report-model/catalog';
import { findReport } from '../../../src/report-model/catalog';
import type { CellValue, ReportRow } from '../../../src/report-model/column-types';
import { decodeColumns, encodeColumns } from '../../../src/report-model/wire/column-chunk';
import {
  readColumnChunk,
  writeColumnChunk,
} from '../../../src/report-model/wire/column-chunk-binary';
import { normalizeRows } from '../../../src/report-model/wire/normalize-rows';

/** Rows → columns → bytes (as the server sends them) → columns → rows (as the page gets them). */
function throughBytes(columns: ColumnDef[], rows: ReportRow[], notFoundWithRows?: number) {
  const { chunk } = encodeColumns({ columns, rows, notFoundWithRows });
  const bytes = writeColumnChunk(chunk);
  // A fresh buffer, as fetch's arrayBuffer() gives it.
  const { chunk: read, transfer } = readColumnChunk(bytes.slice().buffer);
  // The worker transfers the buffers the columns hold.
  const back = decodeColumns(structuredClone(read, { transfer }));
  expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
  return back;
}

const hostile = fc.constantFrom(
  '',
  ' ',
  '0',
  'null',
  'NaN',
  '-0',
  '["NaN"]',
  '=SUM(A1)',
  '+57 300 123 4567',
  'CO.2026206508304015',
  '\u0000',
  '\ud800', // a lone surrogate
  '\udfff\ud800',
  '"},{"',
  '\\u0000',
  '__proto__',
  '\u2028\u2029',
  'a'.repeat(300),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(), // NaN, ±0, ±Infinity included
  fc.integer(),
  fc.string({ unit: 'binary' }), // any code unit: lone surrogates too
  hostile,
);

const columnKey = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.constantFrom('__proto__', 'constructor', 'wire___proto__'),
);

describe('the compact form of a ColumnChunk', () => {
  it('gives back exactly what decodeColumns gives, every cell with its type, whatever the mix', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.uniqueArray(columnKey, { minLength: width, maxLength: width }),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 60 }),
              fc.option(fc.nat(), { nil: undefined }),
            ),
          ),
        ([keys, table, notFound]) => {
          const columns: ColumnDef[] = keys.map((key) => ({
            key,
            header: key.toUpperCase(),
            type: 'text',
            extra: true,
          }));
          const rows = table.map((cells) => {
            const row: ReportRow = {};
            cells.forEach((value, c) =>
              Object.defineProperty(row, keys[c]!, { value, enumerable: true, writable: true }),
            );
            return row;
          });
          const { chunk } = encodeColumns({ columns, rows, notFoundWithRows: notFound });
          const expected = decodeColumns(chunk);
          const back = throughBytes(columns, rows, notFound);
          expect(back.columns).toEqual(columns);
          expect(back.notFoundWithRows).toBe(notFound);
          expect(back.rows).toHaveLength(expected.rows.length);
          // Object.is: -0 stays -0, NaN stays NaN, a number never comes back as a string.
          back.rows.forEach((row, i) =>
            keys.forEach((key) =>
              expect(Object.is(row[key], expected.rows[i]![key]), key).toBe(true),
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a report 10 answer exactly: catalog columns, unparsed cells, an extra column, a 404 with rows', () => {
    const report = findReport(10)!;
    const wire: Record<string, string>[] = [
      {
        date: '2026-10-01 08:00:05',
        conn_id: 'C1',
        customer_phone: '573001234567',
        template: 'yes',
      },
      { date: 'ayer', conn_id: 'C2', customer_phone: 'CO.2026206508304015', template: 'quizá' },
      { DATE: '2026-10-01 08:00:07', conn_id: 'C3', __proto__x: 'extra', constructor: 'x' },
    ];
    const parsed = normalizeRows(report, wire);
    const back = throughBytes(parsed.columns, parsed.rows, 3);
    expect(back.columns).toEqual(parsed.columns);
    expect(back.rows).toEqual(parsed.rows);
    expect(back.notFoundWithRows).toBe(3);
    expect(Object.keys(back.rows[2]!)).toEqual(parsed.columns.map((c) => c.key));
  });

  it('puts every typed section on a multiple of 8, values and codes in byte planes', () => {
    const rows = [
      { n: 1.5, s: 'a', b: true },
      { n: 'x', s: 2, b: null },
      { n: NaN, s: null, b: false },
    ];
    const columns = ['n', 's', 'b'].map((key): ColumnDef => ({ key, header: key, type: 'text' }));
    const bytes = writeColumnChunk(encodeColumns({ columns, rows }).chunk);
    const header = new DataView(bytes.buffer).getUint32(4, true);
    const first = Math.ceil((8 + header) / 8) * 8;
    expect(bytes.length % 8).toBe(0);
    // 1.5 as little-endian bytes 00 00 00 00 00 00 f8 3f, three values a plane: byte 6 of
    // each value (0xf8 for 1.5) starts at 6 × 3.
    expect(bytes[first + 6 * 3]).toBe(0xf8);
    expect(bytes[first + 7 * 3]).toBe(0x3f);
    const { chunk, transfer } = readColumnChunk(bytes);
    expect(transfer[0]).toBe(bytes.buffer);
    const yesNo = chunk.cells[2]!;
    expect(yesNo.kind === 'boolean' && yesNo.values.buffer).toBe(bytes.buffer);
  });

  it('refuses what is not a well-formed chunk', () => {
    const rows = [{ s: 'a' }, { s: 'b' }];
    const columns: ColumnDef[] = [{ key: 's', header: 'S', type: 'text' }];
    const good = writeColumnChunk(encodeColumns({ columns, rows }).chunk);
    expect(() => readColumnChunk(new TextEncoder().encode('{"code":200}'))).toThrow();
    expect(() => readColumnChunk(good.subarray(0, good.length - 4))).toThrow(/past the end/);
    // A code past its dictionary.
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(bad.length - 8, 9, true);
    expect(() => readColumnChunk(bad)).toThrow(/dictionary/);
    // A header that claims more bytes than there are.
    const long = good.slice();
    new DataView(long.buffer).setUint32(4, 1e6, true);
    expect(() => readColumnChunk(long)).toThrow();
  });
});

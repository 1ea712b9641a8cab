import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaLikeSlow, isFormulaLike } from '../../src/export/csv-cell';
import { buildCsvBlob, type CsvDelimiter } from '../../src/export/write-csv';
import { toCsvString } from './reference-csv';
import { writeUtf8 } from '../../src/export/utf8-sink';
import type { ColumnDef } from '../../src/report-model/catalog';
import type { CellValue, ColumnType, ReportRow } from '../../src/report-model/column-types';
import { blobBytes, HOSTILE_PIECES } from './csv-test-utils';

/*
 * The export's fast byte writer (csv-bytes.ts, csv-field-bytes.ts, utf8-sink.ts) against
 * the straightforward one (write-csv.ts's toCsvString, encoded by TextEncoder): the same
 * bytes for random rows of hostile text, every value type in every column type, either
 * delimiter, with and without BOM, in slices of any size.
 */

const pieces = fc.constantFrom(...HOSTILE_PIECES);
/** ASCII only: the fast path's own loop (no UTF-8 encoder), with every character it must see. */
const ascii = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '5',
    ' ',
    '\r',
    '\n',
    '\t',
    '"',
    ',',
    ';',
    '=',
    '+',
    '-',
    '@',
    "'",
  ),
  maxLength: 10,
});
const text = fc.oneof(
  ascii,
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(pieces, { maxLength: 6 }).map((parts) => parts.join('')),
);
const value: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  text,
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -2e15, max: 2e15 }),
  fc.constantFrom(0, -0, 1e21, 1e-7, 8.64e15, 8.64e15 + 1, Date.UTC(2026, 9, 1, 8, 0, 5)),
);
const TYPES: ColumnType[] = [
  'id',
  'text',
  'datetime',
  'date',
  'duration',
  'count',
  'percent',
  'enum',
  'phone',
  'country',
  'email',
  'url',
  'yesno',
];
const table = fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 5 }).chain((types) =>
  fc.record({
    columns: fc.constant(
      types.map((type, i): ColumnDef => ({ key: `c${i}`, header: `C${i}`, type })),
    ),
    rows: fc.array(fc.array(value, { minLength: types.length, maxLength: types.length }), {
      maxLength: 12,
    }),
    delimiter: fc.constantFrom<CsvDelimiter>(',', ';'),
    bom: fc.boolean(),
    chunkRows: fc.integer({ min: 1, max: 5 }),
    reversed: fc.boolean(),
  }),
);

describe('CSV fast writer', () => {
  it('writes the same bytes as the reference writer, encoded', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        async ({ columns, rows: cells, delimiter, bom, chunkRows, reversed }) => {
          const rows: ReportRow[] = cells.map(
            (row) => Object.fromEntries(row.map((cell, i) => [`c${i}`, cell])) as ReportRow,
          );
          const order = rows.map((_, i) => (reversed ? rows.length - 1 - i : i));
          const expected = new TextEncoder().encode(
            toCsvString({ columns, rows, order, delimiter, bom }),
          );
          const blob = await buildCsvBlob({ columns, rows, order, delimiter, bom, chunkRows });
          expect([...(await blobBytes(blob))]).toEqual([...expected]);
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });

  it('encodes any UTF-16 text as TextEncoder does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const bytes = new Uint8Array(s.length * 3);
        const end = writeUtf8(bytes, 0, s, 0, s.length);
        expect([...bytes.subarray(0, end)]).toEqual([...new TextEncoder().encode(s)]);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('decides the formula guard from the first character exactly as the full NFKC check does', () => {
    // Every first character below U+0100, every second below U+0300 (the shortcut's domain),
    // and a third that could compose with the second.
    const thirds = ['', 'x', '\u0301', '\u0338', '\u3099'];
    for (let first = 0; first < 0x100; first++) {
      for (let second = -1; second < 0x300; second++) {
        const head = String.fromCharCode(first) + (second < 0 ? '' : String.fromCharCode(second));
        for (const third of second < 0 ? [''] : thirds) {
          const cell = head + third;
          if (isFormulaLike(cell) !== formulaLikeSlow(cell)) {
            expect.fail(`differs for ${JSON.stringify(cell)}`);
          }
        }
      }
    }
    // Outside the shortcut: a combining mark second goes to the full check.
    expect(isFormulaLike('=\u0338')).toBe(false); // "≠"
    expect(isFormulaLike('=\u0301')).toBe(true);
  });
});

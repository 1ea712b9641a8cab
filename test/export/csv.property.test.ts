import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { unguardFormula } from '../../src/export/csv-cell';
import type { CsvDelimiter } from '../../src/export/write-csv';
import { HOSTILE_PIECES } from './csv-test-utils';
import { toCsvString } from './reference-csv';
import type { ColumnDef } from '../../src/report-model/catalog';
import type { CellValue, ColumnType, ReportRow } from '../../src/report-model/column-types';

/*
 * Fuzz of the CSV writer (issue 18): random text in any encoding (whole Unicode, lone
 * surrogates, control characters, bidi controls, zero-width and compatibility forms of
 * formula characters, quotes, delimiters, line breaks), numbers, booleans and empty cells,
 * in random columns, with either delimiter. Properties: it never throws; an RFC 4180
 * reader gets back every row and every cell (text after removing the guard's one
 * apostrophe, numbers as the same number); and no text cell starts, after white space
 * and zero-width characters and NFKC normalisation, with a formula character.
 */

const IGNORABLE = /^[\s\u200B-\u200D\u2060\u180E\u00AD]+/;
const formulaStart = (cell: string) => {
  if (/^[\t\r]/.test(cell)) return true;
  const head = cell.replace(IGNORABLE, '').slice(0, 8).normalize('NFKC').replace(IGNORABLE, '');
  return /^[=+\-@]/.test(head);
};

const pieces = fc.constantFrom(...HOSTILE_PIECES);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(pieces, { maxLength: 6 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.array(pieces, { maxLength: 3 }), fc.string({ maxLength: 8 }))
    .map(([a, b]) => a.join('') + b),
);
const TYPES: ColumnType[] = [
  'text',
  'id',
  'phone',
  'enum',
  'count',
  'duration',
  'percent',
  'yesno',
  'url',
];

function cellFor(type: ColumnType): fc.Arbitrary<CellValue> {
  const numeric = type === 'count' || type === 'duration' || type === 'percent';
  return fc.oneof(
    text,
    fc.constant(null),
    numeric ? fc.double({ noNaN: true, noDefaultInfinity: true }) : text,
    type === 'yesno' ? fc.boolean() : text,
  );
}

const table = fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 5 }).chain((types) =>
  fc.record({
    columns: fc.constant(
      types.map((type, i): ColumnDef => ({ key: `c${i}`, header: `C${i}`, type })),
    ),
    rows: fc.array(fc.tuple(...types.map(cellFor)), { maxLength: 8 }),
    delimiter: fc.constantFrom<CsvDelimiter>(',', ';'),
  }),
);

describe('CSV writer, fuzzed', () => {
  it('round-trips every cell through a real reader, and no text cell starts a formula', () => {
    fc.assert(
      fc.property(table, ({ columns, rows: tuples, delimiter }) => {
        const rows: ReportRow[] = tuples.map((cells) =>
          Object.fromEntries(cells.map((cell, i) => [`c${i}`, cell])),
        );
        const csv = toCsvString({ columns, rows, delimiter });
        const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
          delimiter,
          newline: '\r\n',
        });
        expect(parsed.errors).toEqual([]);
        const [header, ...records] = parsed.data.slice(0, -1); // the file ends with CRLF
        expect(header).toHaveLength(columns.length);
        expect(records).toHaveLength(rows.length);
        records.forEach((record, r) => {
          expect(record).toHaveLength(columns.length);
          columns.forEach((column, c) => {
            const original = rows[r]![column.key];
            const cell = record[c]!;
            if (original === null || original === undefined) expect(cell).toBe('');
            else if (typeof original === 'string') {
              expect(unguardFormula(cell)).toBe(original);
              expect(formulaStart(cell), JSON.stringify(cell)).toBe(false);
            } else if (typeof original === 'boolean') expect(cell).toBe(original ? 'yes' : 'no');
            else expect(Number(cell)).toBe(original === 0 ? 0 : original); // -0 prints as "0"
          });
        });
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});

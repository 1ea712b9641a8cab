import type { ColumnDef } from '../report-model/catalog';
import type { CellValue } from '../report-model/column-types';
import { cellText } from '../engine/cell-text';

/**
 * One cell of the CSV export, as text, before RFC 4180 quoting (see write-csv.ts).
 *
 * We export the typed value, not the on-screen display text: a spreadsheet or a
 * script re-reading the file needs ISO dates and dot-decimal numbers, not
 * "12/08/2026 10:31" or "1.234,5" in whatever locale the screen used
 * (anchors.md 2.6, "Raw or formatted"; mui-x #8193, ag-grid #6960).
 */
export function csvValue(column: ColumnDef, value: CellValue | undefined): string {
  // Dispatch on the value's JS type first: the parser keeps a value it could not
  // parse as its raw string (isUnparsed), so a string can sit in any column and
  // must then be exported as the text it is, guard included.
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return guardFormula(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // A typed number. Never guarded: `-12.5` is data, not a formula, and a leading
  // quote would turn it into text in Excel (mui-x #13790, adaltas/node-csv #503).
  if (!Number.isFinite(value)) return ''; // the parser never produces NaN/Infinity
  // A wall-clock number beyond what Date can hold (±8.64e15 ms, as cell-text.ts guards):
  // toISOString would throw mid-export, so it is written as the plain number it is.
  if ((column.type === 'datetime' || column.type === 'date') && Math.abs(value) > MAX_DATE_MS)
    return plainNumber(value);
  switch (column.type) {
    case 'datetime':
    case 'date':
      // "2026-08-12 10:31:05" / "2026-08-12": the wall clock as stored, the same text the
      // search and filters read (engine/cell-text.ts). A space, not ISO's "T": Excel reads
      // it as a date-time and keeps the "T" form as text; CSV readers and Date.parse take both.
      return cellText(column.type, value);
    default:
      // duration (seconds), count, percent: as JS prints them, i.e. dot decimal
      // and no thousands separators.
      return plainNumber(value);
  }
}

/** The largest |ms| a Date holds (ECMA-262 TimeClip). */
const MAX_DATE_MS = 8.64e15;

/**
 * Characters a spreadsheet may skip before it reads a formula, or that a reader does not
 * see: Unicode white space (`\s`: spaces, NBSP, the BOM, tabs, line feeds…) and the
 * zero-width ones (ZWSP, ZWNJ, ZWJ, word joiner, Mongolian vowel separator, soft hyphen).
 */
const LEADING_IGNORABLE = /^[\s\u200B-\u200D\u2060\u180E\u00AD]+/;

/**
 * Formula starts (OWASP "CSV Injection", CWE-1236): = + - @, plus the guard's own
 * apostrophe, so that a cell that really starts with `'` is guarded too and a reader can
 * always remove exactly one leading apostrophe (unguardFormula) to get the text back.
 */
const FORMULA_CHARS = /^[=+\-@']/;

/**
 * Whether a spreadsheet could read this text as a formula: it starts with TAB or CR (as
 * OWASP lists), or, after the leading white space and zero-width characters, with a
 * formula character once the start is NFKC-normalised (fullwidth ＝ ＋ － ＠ and the small
 * ﹦ ﹢ ﹣ fold to = + - @). Only the first few characters are normalised: a 10 MB
 * cell costs no more than a short one.
 */
export function isFormulaLike(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  // Fast answer from the first character alone when the second cannot change what NFKC makes
  // of it: below U+0300 every character is a starter that composes with nothing before it
  // ("=\u0338" composes to "≠", so a combining mark second takes the full check). Checked
  // against the full check for every such pair (test/export/csv-cell.test.ts).
  if (first < 0x100 && (text.length === 1 || text.charCodeAt(1) < 0x300)) {
    const start = FIRST_CHAR[first]!;
    if (start !== UNSURE) return start === FORMULA;
  }
  return formulaLikeSlow(text);
}

const UNSURE = 0;
const PLAIN = 1;
const FORMULA = 2;

/**
 * What a first character below U+0100 says on its own: a formula character (= + - @ '),
 * a letter or digit that NFKC keeps (ASCII, Latin-1 letters), or unsure (white space,
 * controls, symbols: the full check decides).
 */
const FIRST_CHAR = (() => {
  const table = new Uint8Array(0x100);
  for (let c = 0; c < 0x100; c++) {
    const isAsciiAlnum = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
    const isLatin1Letter = c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
    if (isAsciiAlnum || isLatin1Letter) table[c] = PLAIN;
  }
  for (const c of "=+-@'") table[c.charCodeAt(0)] = FORMULA;
  return table;
})();

/** isFormulaLike without the first-character shortcut (exported for the test that pins it). */
export function formulaLikeSlow(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  if (first === 0x09 || first === 0x0d) return true;
  const trimmed = LEADING_IGNORABLE.exec(text);
  const from = trimmed ? trimmed[0].length : 0;
  const head = text
    .slice(from, from + 8)
    .normalize('NFKC')
    .replace(LEADING_IGNORABLE, '');
  return FORMULA_CHARS.test(head);
}

/**
 * Prefixes a single quote to a string cell that a spreadsheet could run as a formula
 * (isFormulaLike). Applied to every *string* cell and only to those: text, ids, enums,
 * phones and unparsed raw text; typed numbers are never guarded, so they stay numbers.
 * write-csv.ts then wraps the guarded cell in double quotes, as anchors.md 2.6 asks.
 *
 * Phones "+57 300 123 4567" get the quote too, on purpose. The other way, digits in one
 * column and the "+" in another, was weighed and not taken: the file would no longer
 * be the table's visible columns, a phone is not always digits (BSUIDs such as
 * "CO.2026206508304015" share the column), and Excel turns 12 bare digits into
 * 5.73E+11 anyway. With the quote the text survives every reader exactly (a script
 * removes one leading apostrophe, unguardFormula); unguarded, Excel computes
 * "+57-300-123" as a sum (iris-connect/iris-client #443).
 */
export function guardFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** The inverse of guardFormula: what a script re-reading the file does to a text cell. */
export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && isFormulaLike(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * `String(n)` switches to exponent notation below 1e-6 and from 1e21. A strict
 * reader (or a human) may not take "1e-7" as a number, so those rare values are
 * spelled out with the same significant digits. Everything in normal ranges is
 * `String(n)`: dot decimal, no grouping, the shortest text that reads back as
 * the same double. (toLocaleString cannot do this: Node 20 caps
 * maximumFractionDigits at 20, which rounds 1e-25 to 0.)
 */
export function plainNumber(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = value < 0 ? '-' : '';
  const [whole = '', fraction = ''] = text.slice(sign.length, e).split('.');
  const digits = whole + fraction;
  // Where the decimal point falls within `digits` ("e+21" reads as 21).
  const point = whole.length + Number(text.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

import type { ColumnDef } from '../report-model/catalog';
import type { CellValue } from '../report-model/column-types';
import { DAY, toIsoDate } from '../report-model/time-range';

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
  switch (column.type) {
    case 'datetime':
      return isoDateTime(value);
    case 'date':
      return isoDay(Math.floor(value / DAY));
    default:
      // duration (seconds), count, percent: as JS prints them, i.e. dot decimal
      // and no thousands separators.
      return plainNumber(value);
  }
}

/**
 * "2026-08-12T10:31:05" from wall-clock ms: the operation's local time stored as
 * if it were UTC, so its UTC fields are the local wall-clock fields (the same
 * text as time-range.ts toIsoDateTime). No zone suffix: wolkvox gives none.
 *
 * Not `new Date(ms).toISOString()` per cell: that costs ~650 ns in V8 against
 * ~70 ns here, and a 1,000,000-row export has a million of them. The calendar
 * day comes from a small cache (an export spans at most a few dozen days);
 * the time of day is plain arithmetic. Sub-second parts are dropped, as
 * toIsoDateTime does.
 */
function isoDateTime(ms: number): string {
  const day = Math.floor(ms / DAY);
  const second = Math.floor((ms - day * DAY) / 1000);
  return (
    isoDay(day) +
    'T' +
    TWO_DIGITS[Math.floor(second / 3600)] +
    ':' +
    TWO_DIGITS[Math.floor(second / 60) % 60] +
    ':' +
    TWO_DIGITS[second % 60]
  );
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) =>
  String(n).padStart(2, '0'),
);

const dayCache = new Map<number, string>();
/** Enough for years of daily data; cleared rather than grown without bound. */
const DAY_CACHE_LIMIT = 4096;

/** "2026-08-12" for a day number (wall-clock ms / DAY), memoised. */
function isoDay(day: number): string {
  let text = dayCache.get(day);
  if (text === undefined) {
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    text = toIsoDate(day * DAY);
    dayCache.set(day, text);
  }
  return text;
}

/**
 * First characters that make Excel, LibreOffice or Google Sheets treat a cell as
 * a formula (OWASP "CSV Injection", ASVS, CWE-1236): = + - @ TAB CR.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a single quote to a string cell that a spreadsheet would run as a
 * formula. Applied to every *string* cell and only to those: text, ids, enums,
 * phones and unparsed raw text. Phones such as "+57 300 123 4567" do get the
 * quote; that is on purpose (strings are strings) and it also stops Excel from
 * turning them into numbers (iris-connect/iris-client #443). write-csv.ts then
 * wraps the guarded cell in double quotes, as anchors.md 2.6 asks.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
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

import { parseBsuid } from '../report-model/bsuid';
import type { CellValue } from '../report-model/column-types';
import { digitsOf } from './cell-text';
import { markCandidatesContaining, markRowsContaining } from './row-text';

/**
 * What a phone search looks for, after reading the user's input as digits only.
 *
 * Rule: a row matches when the digits of any of its phone cells
 * - contain `contains` (so "1234567", "300-123-4567" and "573001234567" all find the stored
 *   "573001234567"), or
 * - start with one of `startsWith`: when the input has more than 10 digits it carries a
 *   country code, so the input without its first 1, 2 or 3 digits (a country code) also
 *   matches a number stored without one ("+57 300 123 4567" finds "3001234567"), as long as
 *   at least 7 digits are left. Anchoring at the start keeps "+57 300…" from finding any
 *   number that merely contains "001234567". A leading international prefix "00" is dropped
 *   first ("0057 300 123 4567" = "+57 300 123 4567").
 * Input without digits means no phone filter.
 *
 * BSUIDs (business-scoped user ids, `CO.2026206508304015`, `US.ENT.…`: report-model/bsuid.ts)
 * are ids, not numbers: a cell holding one is matched as written (case-insensitive), and an
 * input that starts like one (two letters and a dot) looks for that text inside BSUID cells
 * only. Digits alone still find a BSUID's digits ("2026206508" finds `CO.2026206508304015`).
 */
export interface PhoneQuery {
  readonly contains: string;
  readonly startsWith: readonly string[];
}

const NATIONAL_DIGITS = 10;
const MIN_NATIONAL_DIGITS = 7;
const MAX_COUNTRY_CODE_DIGITS = 3;

const BSUID_QUERY = /^[A-Za-z]{2}\./;

/** The input as a BSUID search text (upper case, no spaces), when it starts like one. */
function bsuidQuery(input: string): string | undefined {
  const text = asciiDigits(input).replace(/\s+/g, '').toUpperCase();
  return BSUID_QUERY.test(text) && text.length > 3 ? text : undefined;
}

export function parsePhoneQuery(input: string): PhoneQuery | undefined {
  const bsuid = bsuidQuery(input);
  if (bsuid !== undefined) return { contains: bsuid, startsWith: [] };
  let digits = digitsOf(asciiDigits(input));
  if (digits.length === 0) return undefined;
  const startsWith: string[] = [];
  if (digits.length > NATIONAL_DIGITS) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    for (let cut = 1; cut <= MAX_COUNTRY_CODE_DIGITS; cut++) {
      if (digits.length - cut >= MIN_NATIONAL_DIGITS) startsWith.push(digits.slice(cut));
    }
  }
  return { contains: digits, startsWith };
}

const NON_ASCII = /[^ -~]/;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * Decimal digits of any script as ASCII: fullwidth "３００" (a Japanese or Chinese input
 * method), Arabic-Indic "٣٠٠" and Eastern Arabic-Indic "۳۰۰" (an Arabic keyboard) all read as
 * "300". Unicode puts every script's 0–9 in one run of ten code points, runs that may sit
 * side by side (the mathematical digits), so a digit's value is its distance from the run's
 * start, modulo 10. Other characters are kept as they are.
 */
export function asciiDigits(text: string): string {
  if (!NON_ASCII.test(text)) return text; // printable ASCII: nothing to convert
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || !DECIMAL_DIGIT.test(char)) {
      out += char;
      continue;
    }
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    out += String((code - start) % 10);
  }
  return out;
}

/**
 * Whether every cell matching `next` also matches `previous`, so the rows of `next` are among
 * those of `previous` (a digit typed at the end, or inside, of the input): each of `next`'s
 * patterns must imply a match of `previous`. A cell containing (or starting with) a text that
 * contains `previous.contains` contains it; a cell starting with a text that starts with one of
 * `previous.startsWith` starts with it.
 */
export function phoneQueryNarrows(next: PhoneQuery, previous: PhoneQuery): boolean {
  if (!next.contains.includes(previous.contains)) return false;
  return next.startsWith.every(
    (prefix) =>
      prefix.includes(previous.contains) ||
      previous.startsWith.some((earlier) => prefix.startsWith(earlier)),
  );
}

/** Whether a phone filter input holds any digit to match (in any script). */
export function hasPhoneDigits(input: string): boolean {
  return bsuidQuery(input) !== undefined || digitsOf(asciiDigits(input)).length > 0;
}

/** The rule above for one phone cell, written plainly (the reference the index must equal). */
export function phoneCellMatches(value: CellValue, query: PhoneQuery): boolean {
  if (value === null || value === undefined) return false;
  const digits = cellKey(value);
  if (digits.includes(query.contains)) return true;
  return query.startsWith.some((prefix) => digits.startsWith(prefix));
}

/** What a phone cell is matched on: a BSUID as written (upper case), a phone by its digits. */
function cellKey(value: CellValue): string {
  const bsuid = parseBsuid(value);
  if (bsuid) return bsuid.key;
  return digitsOf(typeof value === 'string' ? value : String(value));
}

const SEPARATOR = '|';

/**
 * All phone digits of the report in one string: every cell is written as "|" + its digits,
 * the cells of a row one after another, so a digit pattern never spans two cells and "|" +
 * pattern means "a cell starting with pattern". A match position maps back to its row by
 * binary search over the rows' start offsets. One native indexOf scan per pattern.
 */
export class PhoneIndex {
  private constructor(
    private readonly text: string,
    private readonly rowStart: Uint32Array,
  ) {}

  static build(columns: readonly (readonly CellValue[])[], rowCount: number): PhoneIndex {
    const parts = new Array<string>(rowCount);
    const rowStart = new Uint32Array(rowCount + 1);
    let length = 0;
    for (let row = 0; row < rowCount; row++) {
      rowStart[row] = length;
      let part = '';
      for (const column of columns) {
        const v = column[row];
        const digits = v === null || v === undefined ? '' : cellKey(v);
        part += SEPARATOR + digits;
      }
      parts[row] = part;
      length += part.length;
    }
    rowStart[rowCount] = length;
    return new PhoneIndex(parts.join(''), rowStart);
  }

  /** Rows matching the query, flagged in `mask` (1 = match). Returns the number of matches. */
  match(query: PhoneQuery, mask: Uint8Array): number {
    let count = this.scan(query.contains, mask);
    for (const prefix of query.startsWith) count += this.scan(SEPARATOR + prefix, mask);
    return count;
  }

  /**
   * The same as `match`, checking only `candidates` (rows known to hold every match, e.g. the
   * matches of a query this one narrows: phoneQueryNarrows).
   */
  matchAmong(query: PhoneQuery, candidates: ArrayLike<number>, mask: Uint8Array): number {
    const patterns = [query.contains, ...query.startsWith.map((prefix) => SEPARATOR + prefix)];
    return markCandidatesContaining(this.text, this.rowStart, patterns, candidates, mask);
  }

  private scan(pattern: string, mask: Uint8Array): number {
    return markRowsContaining(this.text, this.rowStart, pattern, mask);
  }
}

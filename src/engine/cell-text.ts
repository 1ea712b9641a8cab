import type { CellValue, ColumnType } from '../report-model/column-types';
import { isNumericType } from '../report-model/column-types';
import { DAY } from '../report-model/time-range';

/**
 * The display-independent string form of a cell, shared by text search, multi-select
 * filters and facets (never localized, so a bookmark means the same in every language):
 * - null → '' (shown by the UI as "(empty)");
 * - datetime → 'YYYY-MM-DD HH:mm:ss', date → 'YYYY-MM-DD' (the wall-clock value as stored);
 * - other numbers → String(n) (seconds for durations, 34.5 for percents);
 * - booleans → 'yes' / 'no';
 * - strings (including unparsed raw text) → themselves.
 */
export function cellText(type: ColumnType, value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (type === 'datetime') return formatWallClock(value, true);
  if (type === 'date') return formatWallClock(value, false);
  return String(value);
}

const MAX_DATE_MS = 8.64e15;
let dayCache = new Map<number, string>();

function formatWallClock(ms: number, withTime: boolean): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return String(ms);
  const day = Math.floor(ms / DAY);
  let date = dayCache.get(day);
  if (date === undefined) {
    if (dayCache.size > 50_000) dayCache = new Map();
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dayCache.set(day, date);
  }
  if (!withTime) return date;
  const second = Math.floor((ms - day * DAY) / 1000);
  return `${date} ${(clock ??= buildClock())[second]}`;
}

/** "HH:mm:ss" for every second of a day, built on first use (formatting a million dates). */
let clock: string[] | undefined;

function buildClock(): string[] {
  const out = new Array<string>(86_400);
  for (let s = 0; s < 86_400; s++) {
    out[s] =
      `${TWO_DIGITS[Math.floor(s / 3600)]}:${TWO_DIGITS[Math.floor(s / 60) % 60]}:${TWO_DIGITS[s % 60]}`;
  }
  return out;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

const MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Search folding: canonical decomposition, combining accents removed, lower case. "Ábaco",
 * "ABACO" and "abaco" fold alike; "ñ" folds to "n" (search is lenient, sorting is not).
 */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const TABLE_SIZE = 0x250;
const NO_FOLD = 0xffff;
let foldTable: Uint16Array | undefined;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: TextDecoder | undefined;

/**
 * foldText for long strings (a batch of rows): the same result, computed with a table for
 * U+0000–U+024F. Below U+0300 every character is a starter whose fold does not depend on its
 * neighbours, so a per-character table is exact; a character it cannot fold alone sends the
 * string back to foldText.
 */
export function foldLongText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  if (!LITTLE_ENDIAN || typeof TextDecoder === 'undefined') return foldText(text);
  if (!foldTable) {
    foldTable = new Uint16Array(TABLE_SIZE);
    for (let c = 0; c < TABLE_SIZE; c++) {
      const folded = foldText(String.fromCharCode(c));
      foldTable[c] = folded.length === 1 ? folded.charCodeAt(0) : NO_FOLD;
    }
  }
  const table = foldTable;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const folded = c < TABLE_SIZE ? table[c]! : NO_FOLD;
    if (folded === NO_FOLD) return foldText(text);
    codes[i] = folded;
  }
  utf16 ??= new TextDecoder('utf-16le');
  return utf16.decode(codes);
}

/** Only the ASCII digits of a string ("+57 300-123" → "57300123"). */
export function digitsOf(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return text.replace(/[^0-9]+/g, '');
  }
  return text;
}

/** How a cell takes part in its column's order (see naive.ts for the written-out comparator). */
export type CellClass =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'unparsed'; value: string }
  | { kind: 'null' };

/**
 * Numeric columns: numbers (NaN counts as empty), any other value is unparsed raw text.
 * Yes/no: booleans, anything else unparsed. Every other type: the value's string form.
 */
export function classifyCell(type: ColumnType, value: CellValue): CellClass {
  if (value === null || value === undefined) return { kind: 'null' };
  if (isNumericType(type)) {
    if (typeof value === 'number')
      return Number.isNaN(value) ? { kind: 'null' } : { kind: 'number', value };
    return { kind: 'unparsed', value: String(value) };
  }
  if (type === 'yesno') {
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    return { kind: 'unparsed', value: String(value) };
  }
  return { kind: 'text', value: String(value) };
}

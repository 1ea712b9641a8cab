import type { CellValue, ColumnType } from '../column-types';

/**
 * Turns one API string into a typed value. A value that does not parse is
 * returned as its raw text (the "unparsed" flag, see isUnparsed), never dropped.
 */
export function parseValue(type: ColumnType, raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  const text =
    typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  const trimmed = text.trim();
  if (trimmed === '') return null;

  switch (type) {
    case 'datetime':
    case 'date': {
      const ms = plainDateTime(trimmed) ?? parseDateTime(trimmed);
      return ms === undefined ? text : ms;
    }
    case 'duration':
      return parseDuration(trimmed) ?? text;
    case 'count':
      return parseNumber(trimmed) ?? text;
    case 'percent':
      return parseNumber(trimmed.replace(/\s*%$/, '')) ?? text;
    case 'yesno':
      return parseYesNo(trimmed) ?? text;
    case 'text':
    case 'url':
      return text;
    default:
      return trimmed;
  }
}

const DATE_TIME = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T]?(\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?$/;

/** "2026-08-12 10:31:05", "2026-08-12T10:31", "20260818", "20260818103105" → wall-clock ms. */
export function parseDateTime(text: string): number | null | undefined {
  if (/^0000-?00-?00/.test(text)) return null; // MySQL's "no date"
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

/**
 * The form wolkvox sends ("2026-08-12 10:31:05") read by character codes, without the regular
 * expression and its arrays: a million rows carry several million of these. Undefined for
 * anything else, an impossible date and years before 100 included, which parseDateTime then
 * reads (or refuses) as it always has: the two agree on every input (property test).
 */
export function plainDateTime(text: string): number | undefined {
  if (text.length !== 19) return undefined;
  const c = (at: number) => text.charCodeAt(at);
  if (c(4) !== 45 || c(7) !== 45 || c(10) !== 32 || c(13) !== 58 || c(16) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined; // -1: not a digit
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The number written by `length` ASCII digits from `at`; -1 if one is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "01:02:03" (hours may pass 24), "02:03", "123" or "123.5" seconds → seconds. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (seconds > 59 || (match[1] !== undefined && minutes > 59)) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
}

function parseNumber(text: string): number | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^-?\d+,\d+$/.test(text)) return Number(text.replace(',', '.')); // "34,64" decimal comma
  return undefined;
}

function parseYesNo(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (['yes', 'si', 'sí', 'true', '1', 'y', 's'].includes(lower)) return true;
  if (['no', 'false', '0', 'n'].includes(lower)) return false;
  return undefined;
}

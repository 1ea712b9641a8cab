import type { CellValue } from './column-types';

/**
 * WhatsApp business-scoped user ids (BSUID, docs §5.3): since mid-2026 a user may be known as
 * `CC.<id>` (e.g. `CO.2026206508304015`; enterprise parents `US.ENT.<id>`) instead of a phone
 * number, in report 10's CUSTOMER_PHONE and in SESSION_ID's first segment. The prefix is the
 * user's country (ISO 3166-1 alpha-2). A BSUID is an id, never a phone number: it is kept as
 * written and never reduced to its digits.
 */

const BSUID = /^([A-Za-z]{2})\.((?:ENT\.)?[A-Za-z0-9][A-Za-z0-9_-]*)$/i;
/** A SESSION_ID starting with a BSUID: the BSUID ends where this match ends. */
const BSUID_START = /^\s*[A-Za-z]{2}\.(?:ENT\.)?[A-Za-z0-9][A-Za-z0-9_-]*(?=\.)/i;

export interface Bsuid {
  /** ISO-2 country, upper case. */
  country: string;
  /** The id as a key: trimmed, upper case (`CO.2026206508304015`). */
  key: string;
}

/** The BSUID in a cell, if the cell holds one. Cheap for phone numbers (first character). */
export function parseBsuid(value: CellValue | undefined): Bsuid | undefined {
  if (typeof value !== 'string') return undefined;
  const first = value.charCodeAt(0) | 0x20;
  if ((first < 97 || first > 122) && value.charCodeAt(0) !== 32) return undefined;
  const text = value.trim();
  const match = BSUID.exec(text);
  if (!match) return undefined;
  return { country: (match[1] as string).toUpperCase(), key: text.toUpperCase() };
}

/** Length of a BSUID at the start of a SESSION_ID (0 when it does not start with one). */
export function bsuidPrefixLength(text: string): number {
  const first = text.charCodeAt(0) | 0x20;
  if ((first < 97 || first > 122) && text.charCodeAt(0) !== 32) return 0;
  return BSUID_START.exec(text)?.[0].length ?? 0;
}

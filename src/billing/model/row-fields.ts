import type { CellValue } from '../../report-model/column-types';
import { countryOfCustomerId, resolveCountry } from './country';

/** Readers of report 10 cells shared by the estimate and the aggregates. */

/**
 * TEMPLATE as a flag: booleans as parsed; raw text that the column parser did
 * not turn into a boolean is read defensively (yes/sí/si/true/1, no/false/0);
 * anything else (null, other text) is undefined = unknown.
 */
export function readTemplateFlag(value: CellValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (['yes', 'y', 'si', 'sí', 'true', '1'].includes(text)) return true;
    if (['no', 'n', 'false', '0'].includes(text)) return false;
  }
  return undefined;
}

/** Grouping key of a DESTINY value: the market (ISO-2) when it resolves, else its trimmed text. */
export function readCountryKey(value: CellValue | undefined): {
  key: string;
  market?: string;
  raw: string;
} {
  const raw = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  const market = resolveCountry(value);
  return market === undefined ? { key: raw, raw } : { key: market, market, raw };
}

/**
 * The country key of a row: its DESTINY when that resolves; otherwise the prefix of a BSUID in
 * CUSTOMER_PHONE or SESSION_ID's first segment (a BSUID names its country); otherwise DESTINY's
 * text, unresolved.
 */
export function readRowCountryKey(
  destiny: CellValue | undefined,
  ...customerIds: (CellValue | undefined)[]
): { key: string; market?: string; raw: string } {
  const read = readCountryKey(destiny);
  if (read.market !== undefined) return read;
  for (const id of customerIds) {
    const country = countryOfCustomerId(id);
    if (country !== undefined) return readCountryKey(country);
  }
  return read;
}

import { parseBsuid } from '../../report-model/bsuid';
import type { CellValue } from '../../report-model/column-types';

/**
 * DESTINY (report 10) → market key. The API sends the destination country as
 * free text: Spanish names with or without accents ("México", "Perú"), English
 * names, ISO codes, odd abbreviations ("EE.UU."). A market key is the upper-case
 * ISO 3166-1 alpha-2 code (CO, MX, …). A value that does not resolve stays
 * unresolved: the estimate reports it as "no rate", it is never priced.
 *
 * Resolution, case-, accent- and punctuation-insensitive:
 * 1. hand-written aliases (the markets that matter for wolkvox operations and
 *    their usual spellings, ISO-3 codes, country calling codes);
 * 2. ISO-2 codes;
 * 3. every region name `Intl.DisplayNames` knows in Spanish, English and
 *    Portuguese (built lazily, once).
 * Calling code "+1" is ambiguous (USA, Canada, Dominican Republic, Puerto
 * Rico…) and deliberately stays unresolved. There is no fuzzy or partial
 * matching ("Costa de Marfil" must not become "DE"): a value is either a known
 * spelling or unresolved.
 */

export type MarketKey = string;

/** Lower-case, accents stripped, punctuation as spaces, spaces collapsed. */
export function normalizeCountryText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.,;:'’"()[\]{}_/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MANUAL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  CO: ['colombia', 'col', '+57', '57'],
  MX: ['mexico', 'mejico', 'mex', 'estados unidos mexicanos', '+52', '52'],
  BR: ['brasil', 'brazil', 'bra', '+55', '55'],
  PE: ['peru', 'per', '+51', '51'],
  CL: ['chile', 'chl', '+56', '56'],
  AR: ['argentina', 'arg', '+54', '54'],
  US: [
    'estados unidos',
    'estados unidos de america',
    'united states',
    'united states of america',
    'ee uu',
    'eeuu',
    'e e u u',
    'usa',
    'u s a',
    'u s',
    'us',
  ],
  CA: ['canada', 'can'],
  ES: ['espana', 'spain', 'esp', '+34', '34'],
  EC: ['ecuador', 'ecu', '+593', '593'],
  PA: ['panama', 'pan', '+507', '507'],
  CR: ['costa rica', 'cri', '+506', '506'],
  GT: ['guatemala', 'gtm', '+502', '502'],
  DO: ['republica dominicana', 'rep dominicana', 'rep dom', 'dominican republic', 'dom', 'rd'],
  VE: ['venezuela', 'ven', '+58', '58'],
  BO: ['bolivia', 'bol', '+591', '591'],
  PY: ['paraguay', 'pry', '+595', '595'],
  UY: ['uruguay', 'ury', '+598', '598'],
  SV: ['el salvador', 'salvador', 'slv', '+503', '503'],
  HN: ['honduras', 'hnd', '+504', '504'],
  NI: ['nicaragua', 'nic', '+505', '505'],
  CU: ['cuba', 'cub', '+53', '53'],
  PR: ['puerto rico', 'pri'],
  GB: ['reino unido', 'united kingdom', 'uk', 'gbr', 'inglaterra'],
};

/** Deprecated, exceptional or pseudo regions that are not markets. */
const NOT_COUNTRIES = new Set([
  'AC',
  'AN',
  'BU',
  'CP',
  'CS',
  'DD',
  'DG',
  'EA',
  'EU',
  'EZ',
  'FX',
  'IC',
  'QO',
  'SU',
  'TA',
  'TP',
  'UN',
  'XA',
  'XB',
  'YD',
  'YU',
  'ZR',
  'ZZ',
]);

let aliasTable: Map<string, MarketKey> | undefined;
let isoCodes: Set<string> | undefined;

function allIsoCodes(): Set<string> {
  if (isoCodes) return isoCodes;
  const codes = new Set<string>();
  const english = displayNames('en');
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      if (english === undefined || safeOf(english, code) !== undefined) codes.add(code);
    }
  }
  // Without Intl.DisplayNames, at least the hand-written markets are codes.
  if (english === undefined) {
    codes.clear();
    for (const code of Object.keys(MANUAL_ALIASES)) codes.add(code);
  }
  isoCodes = codes;
  return codes;
}

function displayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    return undefined;
  }
}

function safeOf(names: Intl.DisplayNames, code: string): string | undefined {
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

function aliases(): Map<string, MarketKey> {
  if (aliasTable) return aliasTable;
  const table = new Map<string, MarketKey>();
  const add = (alias: string, code: MarketKey) => {
    const key = normalizeCountryText(alias);
    if (key !== '' && !table.has(key)) table.set(key, code);
  };
  for (const [code, list] of Object.entries(MANUAL_ALIASES)) {
    for (const alias of list) add(alias, code);
  }
  const codes = allIsoCodes();
  for (const code of codes) add(code, code);
  for (const locale of ['es', 'en', 'pt']) {
    const names = displayNames(locale);
    if (!names) continue;
    for (const code of codes) {
      const name = safeOf(names, code);
      if (name !== undefined) add(name, code);
    }
  }
  aliasTable = table;
  return table;
}

const resolved = new Map<string, MarketKey | undefined>();

/** The market key (ISO-2) of a DESTINY value, or undefined when it does not resolve. */
export function resolveCountry(value: CellValue | undefined): MarketKey | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  // A report repeats a handful of spellings over thousands of rows: remember them.
  if (resolved.has(text)) return resolved.get(text);
  const market = text.trim() === '' ? undefined : aliases().get(normalizeCountryText(text));
  if (resolved.size >= 5000) resolved.clear();
  resolved.set(text, market);
  return market;
}

/** True when `code` is an ISO-2 country code this module knows. */
export function isCountryCode(code: string): boolean {
  return allIsoCodes().has(code);
}

const nameCache = new Map<string, Intl.DisplayNames | null>();

/** Localized name of a market key ("MX" → "México" in es), the key itself when unknown. */
export function countryDisplayName(key: string, locale = 'en'): string {
  if (!/^[A-Z]{2}$/.test(key)) return key;
  let names = nameCache.get(locale);
  if (names === undefined) {
    names = displayNames(locale) ?? null;
    nameCache.set(locale, names);
  }
  return (names && safeOf(names, key)) ?? key;
}

/**
 * The country of a customer id that is a BSUID (`CO.2026206508304015` → CO; docs §5.3: its
 * prefix is the country), undefined for a phone number or an unknown prefix.
 */
export function countryOfCustomerId(value: CellValue | undefined): string | undefined {
  const bsuid = parseBsuid(value);
  return bsuid && isCountryCode(bsuid.country) ? bsuid.country : undefined;
}

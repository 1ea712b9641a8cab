import { resolveCountry } from './country';

/**
 * What was actually billed, read from a CSV the supervisor imports (nothing leaves the
 * browser). Three layouts, told apart by their header row:
 *
 * - `plain`: `connector,country,category,amount` (amount in USD).
 * - `pricingAnalytics`: Meta's pricing analytics data points written out as rows — the
 *   field names of the WhatsApp Business Management API's `pricing_analytics` (docs §5.5:
 *   COST and VOLUME by PRICING_CATEGORY, PRICING_TYPE, PHONE, COUNTRY; parameter names
 *   `pricing_categories`, `phone_numbers`, `country_codes` as documented by a provider,
 *   github.com/positusapps/quick-docs analytics/pricing-analytics): `start`, `end`,
 *   `phone_number`, `country`, `pricing_type`, `pricing_category`, `volume`, `cost`.
 *   Needed: country, pricing_category, cost.
 * - `whatsappManager`: WhatsApp Manager's Insights download. Its exact headers could not be
 *   confirmed from a public source; matched loosely: a country column, a "pricing category"
 *   column and a cost column ("Cost", "Approximate charges", "Amount spent"…), plus an
 *   optional "Phone number".
 *
 * Amounts are read as decimal text into integer cents (half up at the third decimal), never
 * through a float. A file that fits no layout, or a line that cannot be read, is refused
 * with a code naming the line and what is missing: the UI words it.
 */

export type BilledFormat = 'plain' | 'pricingAnalytics' | 'whatsappManager';

export interface BilledLine {
  /** Connector id or name (plain sheets only). */
  connector?: string;
  /** Business phone number (Meta's exports). */
  phone?: string;
  /** ISO-2 when resolved, else the text as written. */
  country: string;
  /** marketing | utility | authentication | service | … as written, lower case. */
  category: string;
  cents: number;
}

export interface BilledImport {
  format: BilledFormat;
  lines: BilledLine[];
}

export type BilledImportProblem =
  | { code: 'empty' }
  | { code: 'unknownLayout'; line: 1; header: string[] }
  | { code: 'missingColumns'; line: 1; format: BilledFormat; missing: string[] }
  | { code: 'wrongFieldCount'; line: number; expected: number; got: number }
  | { code: 'badAmount'; line: number; column: string; value: string }
  | { code: 'emptyField'; line: number; column: string }
  | { code: 'notUsd'; line: number; value: string }
  | { code: 'unclosedQuote'; line: number };

export type BilledImportResult =
  { ok: true; value: BilledImport } | { ok: false; problem: BilledImportProblem };

/** Splits CSV text into records of fields; each record keeps its first line number. */
export function parseCsv(
  text: string,
  delimiter: string,
): { records: { line: number; fields: string[] }[]; unclosedAt?: number } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoteStart = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === ''))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      quoteStart = line;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) return { records, unclosedAt: quoteStart };
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

interface Layout {
  format: BilledFormat;
  /** Column role → accepted normalized headers. */
  needs: Record<'country' | 'category' | 'amount', readonly string[]>;
  optional: Partial<Record<'connector' | 'phone' | 'currency', readonly string[]>>;
  /** Header names shown when a required column is missing. */
  names: Record<'country' | 'category' | 'amount', string>;
  /** Other headers that mark this layout (at least one must be present to claim the file). */
  marks: readonly string[];
}

const LAYOUTS: readonly Layout[] = [
  {
    format: 'pricingAnalytics',
    needs: { country: ['country'], category: ['pricing_category'], amount: ['cost'] },
    optional: { phone: ['phone_number', 'phone'], currency: ['currency'] },
    names: { country: 'country', category: 'pricing_category', amount: 'cost' },
    marks: ['pricing_category', 'pricing_type', 'volume'],
  },
  {
    format: 'whatsappManager',
    needs: {
      country: ['country', 'pais', 'country_code'],
      category: ['pricing_category', 'category', 'conversation_category', 'categoria'],
      amount: ['approximate_charges', 'cost', 'amount_spent', 'charges', 'cost_usd', 'costo'],
    },
    optional: { phone: ['phone_number', 'business_phone_number', 'numero_de_telefono'] },
    names: { country: 'Country', category: 'Pricing category', amount: 'Approximate charges' },
    marks: ['approximate_charges', 'amount_spent', 'phone_number', 'business_phone_number'],
  },
  {
    format: 'plain',
    needs: { country: ['country'], category: ['category'], amount: ['amount'] },
    optional: { connector: ['connector'] },
    names: { country: 'country', category: 'category', amount: 'amount' },
    marks: ['connector', 'amount'],
  },
];

/**
 * Money text → cents; undefined if not money. The decimal separator is read from the number
 * itself, never from the CSV delimiter: "1234.56", "1.234,56", "1,234.56", "1234,5", "12",
 * "$12", "1.234.567" all read as written. When both `.` and `,` appear, the last one is the
 * decimal and the other groups thousands (groups of exactly three digits). A separator
 * followed by 1–2 digits (or more than 3) is the decimal. A lone separator followed by exactly
 * three digits ("1,234" / "1.234") could be either: it is refused (undefined) unless
 * `ambiguousIsComma` says how to read it (`false`: `.` is the decimal and `,` thousands, as
 * typed into an English form; `true`: the reverse). "0.125" is not ambiguous (no thousands
 * group starts with 0).
 */
export function parseAmountCents(text: string, ambiguousIsComma?: boolean): number | undefined {
  const t = text
    .trim()
    .replace(/^(US)?\$\s*/i, '')
    .replace(/\s*USD$/i, '');
  const match = /^(-?)(\d[\d.,]*)$/.exec(t);
  if (!match) return undefined;
  const [, sign, body] = match as unknown as [string, string, string];
  const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  let whole: string;
  let frac = '';
  if (last < 0) whole = body;
  else {
    const sep = body[last]!;
    const other = sep === '.' ? ',' : '.';
    const before = body.slice(0, last);
    const after = body.slice(last + 1);
    if (!/^\d*$/.test(after)) return undefined;
    let decimal: boolean;
    if (before.includes(sep))
      decimal = false; // "1,234,567": the repeated one groups thousands
    else if (before.includes(other))
      decimal = true; // "1.234,56", "1,234.5"
    else if (after.length !== 3)
      decimal = true; // "1234,5", "12.", "1.2345"
    else if (/^0+$/.test(before))
      decimal = true; // "0.125"
    else if (ambiguousIsComma === undefined)
      return undefined; // "1,234" / "1.234"
    else decimal = sep === (ambiguousIsComma ? ',' : '.');
    const grouped = decimal ? before : body;
    const thousands = decimal ? other : sep;
    if (decimal && before.includes(sep)) return undefined;
    if (grouped.includes(thousands) && !/^\d{1,3}(?:[.,]\d{3})+$/.test(grouped)) return undefined;
    if (grouped.includes(decimal ? sep : other)) return undefined;
    whole = grouped.split(thousands).join('');
    if (decimal) frac = after;
  }
  if (whole === '') return undefined;
  const digits = (frac + '000').slice(0, 3);
  let cents = Number(whole) * 100 + Number(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return undefined;
  return sign === '-' ? -cents : cents;
}

function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

export function readBilledCsv(text: string): BilledImportResult {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const { records, unclosedAt } = parseCsv(text, delimiter);
  if (unclosedAt !== undefined)
    return { ok: false, problem: { code: 'unclosedQuote', line: unclosedAt } };
  if (records.length === 0) return { ok: false, problem: { code: 'empty' } };
  const header = records[0]!.fields.map(normalizeHeader);
  const find = (names: readonly string[] | undefined) =>
    names ? header.findIndex((h) => names.includes(h)) : -1;

  // The layout whose marks the header has, most required columns first.
  let best: { layout: Layout; found: number } | undefined;
  for (const layout of LAYOUTS) {
    if (!layout.marks.some((mark) => header.includes(mark))) continue;
    const found = (['country', 'category', 'amount'] as const).filter(
      (role) => find(layout.needs[role]) >= 0,
    ).length;
    if (!best || found > best.found) best = { layout, found };
  }
  if (!best)
    return {
      ok: false,
      problem: { code: 'unknownLayout', line: 1, header: records[0]!.fields.map((h) => h.trim()) },
    };
  const { layout } = best;
  const missing = (['country', 'category', 'amount'] as const)
    .filter((role) => find(layout.needs[role]) < 0)
    .map((role) => layout.names[role]);
  if (missing.length > 0)
    return {
      ok: false,
      problem: { code: 'missingColumns', line: 1, format: layout.format, missing },
    };
  const at = {
    country: find(layout.needs.country),
    category: find(layout.needs.category),
    amount: find(layout.needs.amount),
    connector: find(layout.optional.connector),
    phone: find(layout.optional.phone),
    currency: find(layout.optional.currency),
  };
  const headerText = records[0]!.fields.map((h) => h.trim());
  const lines: BilledLine[] = [];
  for (const { line, fields } of records.slice(1)) {
    if (fields.length !== header.length)
      return {
        ok: false,
        problem: { code: 'wrongFieldCount', line, expected: header.length, got: fields.length },
      };
    for (const role of ['country', 'amount'] as const) {
      if ((fields[at[role]] ?? '').trim() === '')
        return {
          ok: false,
          problem: { code: 'emptyField', line, column: headerText[at[role]]! },
        };
    }
    const raw = fields[at.amount]!;
    const cents = parseAmountCents(raw);
    if (cents === undefined)
      return {
        ok: false,
        problem: { code: 'badAmount', line, column: headerText[at.amount]!, value: raw.trim() },
      };
    if (at.currency >= 0) {
      const currency = fields[at.currency]!.trim().toUpperCase();
      if (currency !== '' && currency !== 'USD')
        return { ok: false, problem: { code: 'notUsd', line, value: currency } };
    }
    const countryText = fields[at.country]!.trim();
    const entry: BilledLine = {
      country: resolveCountry(countryText) ?? countryText,
      category: fields[at.category]!.trim().toLowerCase(),
      cents,
    };
    if (at.connector >= 0) entry.connector = fields[at.connector]!.trim();
    if (at.phone >= 0) entry.phone = fields[at.phone]!.trim();
    lines.push(entry);
  }
  return { ok: true, value: { format: layout.format, lines } };
}

import { parseIsoDate } from '../../report-model/time-range';
import { isCountryCode, resolveCountry } from './country';

/**
 * A dated WhatsApp Business Platform rate card, in USD (docs §3).
 *
 * The card is a list of non-overlapping pricing periods. Each period says which
 * pricing model was in force (per-conversation until 2025-06-30, per delivered
 * template message from 2025-07-01), how service (non-template) traffic and
 * utility templates inside a customer-service window are treated, and the
 * rates per market. A row is priced with the period covering ITS date.
 *
 * Markets are ISO 3166-1 alpha-2 codes, or a region key (3+ characters, e.g.
 * `LATAM` = Meta's "Rest of Latin America") whose rates apply to its member
 * countries that have no rates of their own, only while
 * `applyRegionFallback` is on. A country that is neither in the period's
 * rates nor (with the fallback on) a member of a region with rates has
 * "no rate": it is reported, never priced.
 */

export const TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];
export const RATE_CATEGORIES = [...TEMPLATE_CATEGORIES, 'service'] as const;
export type RateCategory = (typeof RATE_CATEGORIES)[number];

export const PRICING_MODELS = ['per-conversation', 'per-message'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** How sure the figures and rules of a period are (docs' confidence markers). */
export const RATE_STATUSES = ['confirmed', 'reported', 'uncertain'] as const;
export type RateStatus = (typeof RATE_STATUSES)[number];

/** USD per billable unit (conversation or delivered message) of each category. */
export interface MarketRates {
  marketing: number;
  utility: number;
  authentication: number;
  /** Per service (non-template) message beyond the period's free allowance. */
  service: number;
  note?: string;
}

export interface RatePeriod {
  /** Stable id, e.g. `pmp-2025-07`. */
  id: string;
  label: string;
  /** First day in force (ISO date, inclusive, operation local time). */
  from: string;
  /** Last day in force (ISO date, inclusive), null when open-ended. */
  to: string | null;
  model: PricingModel;
  /**
   * Utility templates delivered inside an open customer-service window are free.
   * The estimate sees a window as open for 24 h after a `template = no`
   * (customer-initiated) row of the same customer phone on the same connector.
   */
  utilityFreeInServiceWindow: boolean;
  /**
   * Service (`template = no`) rows free per connector per calendar month;
   * beyond it each costs the market's `service` rate. null = always free.
   */
  serviceFreePerConnectorMonth: number | null;
  status: RateStatus;
  /** When the figures were last checked (ISO date). */
  asOf: string;
  sources: string[];
  notes?: string;
  /** Market key (ISO-2 or region key) → rates. */
  rates: Record<string, MarketRates>;
}

export interface RateRegion {
  name: string;
  /** ISO-2 codes priced at this region's rates when they have none of their own. */
  members: string[];
}

export interface RateCard {
  version: 1;
  name: string;
  currency: 'USD';
  asOf: string;
  /** Price members of `regions` at the region's rates (user's choice). */
  applyRegionFallback: boolean;
  regions: Record<string, RateRegion>;
  periods: RatePeriod[];
}

// ---------------------------------------------------------------------------
// Default card (docs §3.1/§3.2)
// ---------------------------------------------------------------------------

type Triple = readonly [marketing: number, utility: number, authentication: number];

function market(
  [marketing, utility, authentication]: Triple,
  service: number,
  note?: string,
): MarketRates {
  return note === undefined
    ? { marketing, utility, authentication, service }
    : { marketing, utility, authentication, service, note };
}

const NA_NOTE =
  'Meta does not deliver marketing templates to +1 US numbers (2026 reference): utility/auth only in practice.';
const ES_PRE_2026_10_NOTE =
  'Spain marketing before Oct 2026 not confirmed (≈0.0615 from memory) [uncertain].';

/** "Apr 2026" USD card as transcribed in docs §3.2 (also used, unverified, before Jul 2025). */
const BASE: Readonly<Record<string, Triple>> = {
  CO: [0.0125, 0.0008, 0.0008],
  MX: [0.0305, 0.0085, 0.0085],
  BR: [0.0625, 0.0068, 0.0068],
  PE: [0.0703, 0.02, 0.02],
  CL: [0.0889, 0.02, 0.02],
  AR: [0.0618, 0.026, 0.026],
  US: [0.025, 0.0034, 0.0034],
  CA: [0.025, 0.0034, 0.0034],
  ES: [0.0615, 0.02, 0.02],
  LATAM: [0.074, 0.0113, 0.0113],
};

/** docs §3.1: Mexico marketing 0.0397, Peru utility/auth 0.0300; Spain 0.0707 is the Oct-2026 card. */
const OCT_2026: Readonly<Record<string, Triple>> = {
  ...BASE,
  MX: [0.0397, 0.0085, 0.0085],
  PE: [0.0703, 0.03, 0.03],
  ES: [0.0707, 0.02, 0.02],
};

function noteFor(key: string, periodId: string): string | undefined {
  if (key === 'US' || key === 'CA') return NA_NOTE;
  if (key === 'ES' && periodId !== 'pmp-2026-10') return ES_PRE_2026_10_NOTE;
  return undefined;
}

function ratesOf(
  table: Readonly<Record<string, Triple>>,
  periodId: string,
  serviceAtUtility: boolean,
): Record<string, MarketRates> {
  const out: Record<string, MarketRates> = {};
  for (const [key, triple] of Object.entries(table)) {
    out[key] = market(triple, serviceAtUtility ? triple[1] : 0, noteFor(key, periodId));
  }
  return out;
}

const META_PRICING = 'https://developers.facebook.com/docs/whatsapp/pricing';
const RATE_SOURCES = [
  META_PRICING,
  'Public GitHub rate-card constants ("Apr 2026" USD card; "effective 2026-10-01" card reviewed 2026-09-29 on Meta\'s page), as transcribed in shared/docs/wolkvox-reports.md §3.2',
  'https://huggingface.co/datasets/tobachat/whatsapp-api-rates (AED cross-check)',
];

export const LATAM_REGION = 'LATAM';

/**
 * The rates of docs §3.2 in three periods. Rows dated before 2024-11-01 fall
 * outside the card (service conversations were still charged then; no rates
 * are on record), so they are reported, not priced.
 */
export const DEFAULT_RATE_CARD: RateCard = deepFreeze({
  version: 1,
  name: 'Meta WhatsApp Business Platform (docs §3.2)',
  currency: 'USD',
  asOf: '2026-09-29',
  applyRegionFallback: true,
  regions: {
    [LATAM_REGION]: {
      name: 'Rest of Latin America',
      // EC, PA, CR, GT, DO are named by the docs; the others follow Meta's
      // "Rest of Latin America" list as remembered [uncertain]. Edit via JSON.
      members: ['EC', 'PA', 'CR', 'GT', 'DO', 'BO', 'SV', 'HN', 'NI', 'PY', 'UY', 'VE'],
    },
  },
  periods: [
    {
      id: 'pcp-2024-11',
      label: 'Per-conversation (24 h windows), service free',
      from: '2024-11-01',
      to: '2025-06-30',
      model: 'per-conversation',
      utilityFreeInServiceWindow: false,
      serviceFreePerConnectorMonth: null,
      status: 'uncertain',
      asOf: '2026-09-29',
      sources: [
        'https://developers.facebook.com/docs/whatsapp/pricing/conversation-based-pricing',
        'https://docs.aws.amazon.com/social-messaging/latest/userguide/charged-per-conversation.html',
        ...RATE_SOURCES,
      ],
      notes:
        'Per-conversation rates assumed equal to the 2026 per-message figures (docs: "broadly the same numbers" [uncertain]). Service conversations free and unlimited from 2024-11-01.',
      rates: ratesOf(BASE, 'pcp-2024-11', false),
    },
    {
      id: 'pmp-2025-07',
      label: 'Per delivered template message',
      from: '2025-07-01',
      to: '2026-09-30',
      model: 'per-message',
      utilityFreeInServiceWindow: true,
      serviceFreePerConnectorMonth: null,
      status: 'confirmed',
      asOf: '2026-04-01',
      sources: [
        META_PRICING,
        'https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing',
        'https://docs.ycloud.com/zh/api-reference/getting-started/changelog/whatsapp-pricing-2025.md',
        ...RATE_SOURCES.slice(1),
      ],
      notes:
        'Marketing and authentication billed per delivered template; utility only outside the customer-service window; free-form service messages free. Volume tiers and authentication-international rates are not modelled.',
      rates: ratesOf(BASE, 'pmp-2025-07', false),
    },
    {
      id: 'pmp-2026-10',
      label: 'Per message, service beyond 1,000/month charged (reported)',
      from: '2026-10-01',
      to: null,
      model: 'per-message',
      utilityFreeInServiceWindow: false,
      serviceFreePerConnectorMonth: 1000,
      status: 'reported',
      asOf: '2026-09-29',
      sources: ['https://huggingface.co/datasets/WhaTools/whatsapp-open-data', ...RATE_SOURCES],
      notes:
        "Reported, verify on Meta's page: service messages at the utility rate beyond 1,000 free per business phone number (connector) per month; utility templates inside the service window no longer free; Mexico marketing 0.0397, Peru utility/auth 0.0300.",
      rates: ratesOf(OCT_2026, 'pmp-2026-10', true),
    },
  ],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A deep, mutable copy of a card (e.g. of the frozen default before editing). */
export function cloneRateCard(card: RateCard): RateCard {
  return structuredClone(card) as RateCard;
}

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

/** The period in force on an ISO date, if any. */
export function findPeriod(card: RateCard, isoDate: string): RatePeriod | undefined {
  return card.periods.find(
    (period) => period.from <= isoDate && (period.to === null || isoDate <= period.to),
  );
}

export interface ResolvedRates {
  rates: MarketRates;
  /** The region whose rates were used, when the market has none of its own. */
  viaRegion?: string;
}

/** The rates of a market in a period, through the region fallback when enabled. */
export function lookupRates(
  card: RateCard,
  period: RatePeriod,
  marketKey: string,
): ResolvedRates | undefined {
  const own = period.rates[marketKey];
  if (own) return { rates: own };
  if (!card.applyRegionFallback) return undefined;
  for (const [regionKey, region] of Object.entries(card.regions)) {
    const regional = period.rates[regionKey];
    if (regional && region.members.includes(marketKey)) {
      return { rates: regional, viaRegion: regionKey };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Validation (import) and serialization (export)
// ---------------------------------------------------------------------------

export interface RateCardIssue {
  /** Where, e.g. `periods[1].rates.MX.marketing`. */
  path: string;
  message: string;
}

export type RateCardResult = { ok: true; card: RateCard } | { ok: false; issues: RateCardIssue[] };

/** Highest believable rate; anything above is almost surely a typo (e.g. cents for dollars). */
export const MAX_RATE_USD = 10;

const REGION_KEY = /^[A-Z][A-Z0-9_]{2,}$/;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && parseIsoDate(value) !== undefined;
const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** Parses exported JSON text; syntax errors become an issue at path `$`. */
export function parseRateCardJson(text: string): RateCardResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '$', message: `Not valid JSON: ${detail}` }] };
  }
  return validateRateCard(value);
}

/**
 * Checks an imported card and returns a clean copy (unknown fields dropped,
 * market keys upper-cased or resolved from names such as "México"), or every
 * problem found with its path.
 */
export function validateRateCard(value: unknown): RateCardResult {
  const issues: RateCardIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  if (!isObj(value)) {
    issue('$', `Expected a rate card object, got ${describe(value)}.`);
    return { ok: false, issues };
  }
  if (value.version !== 1) {
    issue('version', `Unsupported version ${JSON.stringify(value.version)}; expected 1.`);
  }
  if (value.currency !== 'USD') {
    issue('currency', `Only USD cards are supported, got ${JSON.stringify(value.currency)}.`);
  }
  const name =
    typeof value.name === 'string' && value.name.trim() !== ''
      ? value.name.trim()
      : 'Imported rate card';
  if (value.name !== undefined && typeof value.name !== 'string') {
    issue('name', `Expected text, got ${describe(value.name)}.`);
  }
  if (!isIsoDate(value.asOf)) issue('asOf', 'Expected an ISO date (YYYY-MM-DD).');
  const applyRegionFallback = value.applyRegionFallback ?? true;
  if (typeof applyRegionFallback !== 'boolean') {
    issue('applyRegionFallback', `Expected true or false, got ${describe(applyRegionFallback)}.`);
  }

  const regions: Record<string, RateRegion> = {};
  const rawRegions = value.regions ?? {};
  if (!isObj(rawRegions)) {
    issue('regions', `Expected an object of regions, got ${describe(rawRegions)}.`);
  } else {
    for (const [key, region] of Object.entries(rawRegions)) {
      const path = `regions.${key}`;
      if (!REGION_KEY.test(key)) {
        issue(
          path,
          'A region key must be 3+ upper-case letters/digits (ISO-2 keys are countries).',
        );
        continue;
      }
      if (!isObj(region)) {
        issue(path, `Expected a region object, got ${describe(region)}.`);
        continue;
      }
      if (typeof region.name !== 'string' || region.name.trim() === '') {
        issue(`${path}.name`, 'Expected a non-empty name.');
      }
      const members: string[] = [];
      if (!Array.isArray(region.members)) {
        issue(`${path}.members`, 'Expected a list of ISO-2 country codes.');
      } else {
        region.members.forEach((member, index) => {
          const code = typeof member === 'string' ? member.trim().toUpperCase() : '';
          if (!isCountryCode(code)) {
            issue(
              `${path}.members[${index}]`,
              `${JSON.stringify(member)} is not an ISO-2 country code.`,
            );
          } else if (!members.includes(code)) members.push(code);
        });
      }
      regions[key] = { name: typeof region.name === 'string' ? region.name.trim() : key, members };
    }
  }

  const periods: RatePeriod[] = [];
  if (!Array.isArray(value.periods) || value.periods.length === 0) {
    issue('periods', 'Expected a non-empty list of pricing periods.');
  } else {
    const ids = new Set<string>();
    value.periods.forEach((raw, index) => {
      const period = validatePeriod(raw, `periods[${index}]`, regions, issue);
      if (!period) return;
      if (ids.has(period.id)) issue(`periods[${index}].id`, `Duplicate period id "${period.id}".`);
      ids.add(period.id);
      periods.push(period);
    });
    periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 1; i < periods.length; i++) {
      const before = periods[i - 1];
      const after = periods[i];
      if (before && after && (before.to === null || before.to >= after.from)) {
        issue(
          'periods',
          `Periods "${before.id}" (${before.from}…${before.to ?? 'open'}) and "${after.id}" (from ${after.from}) overlap.`,
        );
      }
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    card: {
      version: 1,
      name,
      currency: 'USD',
      asOf: value.asOf as string,
      applyRegionFallback: applyRegionFallback as boolean,
      regions,
      periods,
    },
  };
}

function validatePeriod(
  raw: unknown,
  path: string,
  regions: Record<string, RateRegion>,
  issue: (path: string, message: string) => void,
): RatePeriod | undefined {
  if (!isObj(raw)) {
    issue(path, `Expected a period object, got ${describe(raw)}.`);
    return undefined;
  }
  const before = { count: 0 };
  const report = (where: string, message: string) => {
    before.count++;
    issue(`${path}.${where}`, message);
  };
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  if (id === '') report('id', 'Expected a non-empty period id.');
  if (!isIsoDate(raw.from)) report('from', 'Expected an ISO date (YYYY-MM-DD).');
  const to = raw.to ?? null;
  if (to !== null && !isIsoDate(to)) {
    report('to', 'Expected an ISO date (YYYY-MM-DD) or null for an open-ended period.');
  } else if (to !== null && isIsoDate(raw.from) && to < raw.from) {
    report('to', `Ends (${to}) before it starts (${raw.from}).`);
  }
  if (!PRICING_MODELS.includes(raw.model as PricingModel)) {
    report(
      'model',
      `Expected one of ${PRICING_MODELS.join(', ')}, got ${JSON.stringify(raw.model)}.`,
    );
  }
  const utilityFree = raw.utilityFreeInServiceWindow ?? false;
  if (typeof utilityFree !== 'boolean') {
    report('utilityFreeInServiceWindow', `Expected true or false, got ${describe(utilityFree)}.`);
  }
  const free = raw.serviceFreePerConnectorMonth ?? null;
  if (free !== null && !(typeof free === 'number' && Number.isInteger(free) && free >= 0)) {
    report('serviceFreePerConnectorMonth', 'Expected a whole number ≥ 0, or null (always free).');
  }
  const status = raw.status ?? 'uncertain';
  if (!RATE_STATUSES.includes(status as RateStatus)) {
    report('status', `Expected one of ${RATE_STATUSES.join(', ')}, got ${JSON.stringify(status)}.`);
  }
  if (raw.asOf !== undefined && !isIsoDate(raw.asOf)) {
    report('asOf', 'Expected an ISO date (YYYY-MM-DD).');
  }
  const sources = raw.sources ?? [];
  if (!Array.isArray(sources) || sources.some((source) => typeof source !== 'string')) {
    report('sources', 'Expected a list of texts.');
  }

  const rates: Record<string, MarketRates> = {};
  if (!isObj(raw.rates)) {
    report('rates', `Expected an object of market rates, got ${describe(raw.rates)}.`);
  } else {
    for (const [rawKey, rawRates] of Object.entries(raw.rates)) {
      const key = marketKeyOf(rawKey, regions);
      const where = `rates.${rawKey}`;
      if (key === undefined) {
        report(where, `"${rawKey}" is neither an ISO-2 country, a country name nor a region key.`);
        continue;
      }
      if (rates[key]) {
        report(where, `Market ${key} appears twice.`);
        continue;
      }
      if (!isObj(rawRates)) {
        report(
          where,
          `Expected {marketing, utility, authentication, service}, got ${describe(rawRates)}.`,
        );
        continue;
      }
      const values: Partial<Record<RateCategory, number>> = {};
      for (const category of RATE_CATEGORIES) {
        const rate = rawRates[category] ?? (category === 'service' ? 0 : undefined);
        if (typeof rate !== 'number' || !Number.isFinite(rate)) {
          report(`${where}.${category}`, `Expected a number of USD, got ${describe(rate)}.`);
        } else if (rate < 0) {
          report(`${where}.${category}`, `A rate cannot be negative (${rate}).`);
        } else if (rate > MAX_RATE_USD) {
          report(
            `${where}.${category}`,
            `${rate} USD looks wrong (above ${MAX_RATE_USD}); rates are USD per message, not cents.`,
          );
        } else values[category] = rate;
      }
      if (values.marketing === undefined) continue;
      if (values.utility === undefined || values.authentication === undefined) continue;
      if (values.service === undefined) continue;
      const note = typeof rawRates.note === 'string' ? rawRates.note : undefined;
      rates[key] = market(
        [values.marketing, values.utility, values.authentication],
        values.service,
        note,
      );
    }
  }

  if (before.count > 0) return undefined;
  const period: RatePeriod = {
    id,
    label: typeof raw.label === 'string' && raw.label.trim() !== '' ? raw.label.trim() : id,
    from: raw.from as string,
    to: to as string | null,
    model: raw.model as PricingModel,
    utilityFreeInServiceWindow: utilityFree as boolean,
    serviceFreePerConnectorMonth: free as number | null,
    status: status as RateStatus,
    asOf: (raw.asOf as string | undefined) ?? (raw.from as string),
    sources: [...(sources as string[])],
    rates,
  };
  if (typeof raw.notes === 'string') period.notes = raw.notes;
  return period;
}

function marketKeyOf(raw: string, regions: Record<string, RateRegion>): string | undefined {
  const trimmed = raw.trim();
  if (Object.prototype.hasOwnProperty.call(regions, trimmed)) return trimmed;
  const upper = trimmed.toUpperCase();
  if (isCountryCode(upper)) return upper;
  return resolveCountry(trimmed);
}

/** A rate typed by the user: "0.0125" or "0,0125" → 0.0125; undefined when not a plausible USD rate. */
export function parseRateText(text: string): number | undefined {
  const clean = text.trim().replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(clean)) return undefined;
  const value = Number(clean);
  return Number.isFinite(value) && value >= 0 && value <= MAX_RATE_USD ? value : undefined;
}

/** Pretty JSON for export; `parseRateCardJson` reads it back unchanged. */
export function serializeRateCard(card: RateCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

import { isRecord } from '../../shared/is-record';
import { parseIsoDate } from '../../report-model/time-range';
import { isCountryCode, resolveCountry } from './country';
import {
  marketRates,
  PRICING_MODELS,
  RATE_CATEGORIES,
  RATE_STATUSES,
  TIERED_CATEGORIES,
  type MarketRates,
  type MarketTiers,
  type VolumeTier,
  type PricingModel,
  type RateCard,
  type RateCategory,
  type RatePeriod,
  type RateRegion,
  type RateStatus,
} from './rate-card-types';

/**
 * Import checks and export of a rate card. A problem is a code with its values, never a
 * sentence: the UI says it in the user's language (billing/ui/rate-card-issue-text.ts).
 */

/** What a JSON value turned out to be, for "expected …, got …" problems. */
export type ValueKind = 'null' | 'array' | 'string' | 'number' | 'boolean' | 'object' | 'missing';

/** One problem of an imported card. Values are as found (JSON-quoted where they were text). */
export type RateCardIssueKind =
  | { code: 'invalidJson'; detail: string }
  | { code: 'notCard'; got: ValueKind }
  | { code: 'version'; value: string }
  | { code: 'currency'; value: string }
  | { code: 'notText'; got: ValueKind }
  | { code: 'notDate' }
  | { code: 'notBoolean'; got: ValueKind }
  | { code: 'notRegions'; got: ValueKind }
  | { code: 'regionKey' }
  | { code: 'notRegion'; got: ValueKind }
  | { code: 'regionName' }
  | { code: 'regionMembers' }
  | { code: 'notCountryCode'; value: string }
  | { code: 'noPeriods' }
  | { code: 'duplicatePeriod'; id: string }
  | {
      code: 'overlap';
      before: string;
      beforeFrom: string;
      /** null: the earlier period is open-ended. */
      beforeTo: string | null;
      after: string;
      afterFrom: string;
    }
  | { code: 'notPeriod'; got: ValueKind }
  | { code: 'periodId' }
  | { code: 'notDateOrNull' }
  | { code: 'endsBeforeStart'; from: string; to: string }
  | { code: 'notOneOf'; allowed: readonly string[]; value: string }
  | { code: 'notWholeNumber' }
  | { code: 'notTextList' }
  | { code: 'notMarkets'; got: ValueKind }
  | { code: 'unknownMarket'; key: string }
  | { code: 'duplicateMarket'; key: string }
  | { code: 'notRates'; got: ValueKind }
  | { code: 'notNumber'; got: ValueKind }
  | { code: 'negative'; rate: number }
  | { code: 'tooHigh'; rate: number; max: number };

export type RateCardIssue = RateCardIssueKind & {
  /** Where, e.g. `periods[1].rates.MX.marketing`. */
  path: string;
};

export type RateCardResult = { ok: true; card: RateCard } | { ok: false; issues: RateCardIssue[] };

/** Highest believable rate; anything above is almost surely a typo (e.g. cents for dollars). */
export const MAX_RATE_USD = 10;

const REGION_KEY = /^[A-Z][A-Z0-9_]{2,}$/;

type Report = (path: string, problem: RateCardIssueKind) => void;

const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && parseIsoDate(value) !== undefined;
const kindOf = (value: unknown): ValueKind => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return value === undefined ? 'missing' : 'object';
};
/** A value as written in JSON (`"EUR"`, `2`), for problems that quote it. */
const quoted = (value: unknown): string => String(JSON.stringify(value));

/** Parses exported JSON text; syntax errors become an issue at path `$`. */
export function parseRateCardJson(text: string): RateCardResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '$', code: 'invalidJson', detail }] };
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
  const issue: Report = (path, problem) => issues.push({ path, ...problem });

  if (!isRecord(value)) {
    issue('$', { code: 'notCard', got: kindOf(value) });
    return { ok: false, issues };
  }
  if (value.version !== 1) issue('version', { code: 'version', value: quoted(value.version) });
  if (value.currency !== 'USD') {
    issue('currency', { code: 'currency', value: quoted(value.currency) });
  }
  const name =
    typeof value.name === 'string' && value.name.trim() !== ''
      ? value.name.trim()
      : 'Imported rate card';
  if (value.name !== undefined && typeof value.name !== 'string') {
    issue('name', { code: 'notText', got: kindOf(value.name) });
  }
  if (!isIsoDate(value.asOf)) issue('asOf', { code: 'notDate' });
  const applyRegionFallback = value.applyRegionFallback ?? true;
  if (typeof applyRegionFallback !== 'boolean') {
    issue('applyRegionFallback', { code: 'notBoolean', got: kindOf(applyRegionFallback) });
  }

  const regions = validateRegions(value.regions ?? {}, issue);

  const periods: RatePeriod[] = [];
  if (!Array.isArray(value.periods) || value.periods.length === 0) {
    issue('periods', { code: 'noPeriods' });
  } else {
    const ids = new Set<string>();
    value.periods.forEach((raw, index) => {
      const period = validatePeriod(raw, `periods[${index}]`, regions, issue);
      if (!period) return;
      if (ids.has(period.id)) {
        issue(`periods[${index}].id`, { code: 'duplicatePeriod', id: period.id });
      }
      ids.add(period.id);
      periods.push(period);
    });
    periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 1; i < periods.length; i++) {
      const before = periods[i - 1];
      const after = periods[i];
      if (before && after && (before.to === null || before.to >= after.from)) {
        issue('periods', {
          code: 'overlap',
          before: before.id,
          beforeFrom: before.from,
          beforeTo: before.to,
          after: after.id,
          afterFrom: after.from,
        });
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

function validateRegions(rawRegions: unknown, issue: Report): Record<string, RateRegion> {
  const regions: Record<string, RateRegion> = {};
  if (!isRecord(rawRegions)) {
    issue('regions', { code: 'notRegions', got: kindOf(rawRegions) });
    return regions;
  }
  for (const [key, region] of Object.entries(rawRegions)) {
    const path = `regions.${key}`;
    if (!REGION_KEY.test(key)) {
      issue(path, { code: 'regionKey' });
      continue;
    }
    if (!isRecord(region)) {
      issue(path, { code: 'notRegion', got: kindOf(region) });
      continue;
    }
    if (typeof region.name !== 'string' || region.name.trim() === '') {
      issue(`${path}.name`, { code: 'regionName' });
    }
    const members: string[] = [];
    if (!Array.isArray(region.members)) {
      issue(`${path}.members`, { code: 'regionMembers' });
    } else {
      region.members.forEach((member, index) => {
        const code = typeof member === 'string' ? member.trim().toUpperCase() : '';
        if (!isCountryCode(code)) {
          issue(`${path}.members[${index}]`, { code: 'notCountryCode', value: quoted(member) });
        } else if (!members.includes(code)) members.push(code);
      });
    }
    regions[key] = { name: typeof region.name === 'string' ? region.name.trim() : key, members };
  }
  return regions;
}

function validatePeriod(
  raw: unknown,
  path: string,
  regions: Record<string, RateRegion>,
  issue: Report,
): RatePeriod | undefined {
  if (!isRecord(raw)) {
    issue(path, { code: 'notPeriod', got: kindOf(raw) });
    return undefined;
  }
  const before = { count: 0 };
  const report = (where: string, problem: RateCardIssueKind) => {
    before.count++;
    issue(`${path}.${where}`, problem);
  };
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  if (id === '') report('id', { code: 'periodId' });
  if (!isIsoDate(raw.from)) report('from', { code: 'notDate' });
  const to = raw.to ?? null;
  if (to !== null && !isIsoDate(to)) {
    report('to', { code: 'notDateOrNull' });
  } else if (to !== null && isIsoDate(raw.from) && to < raw.from) {
    report('to', { code: 'endsBeforeStart', from: raw.from, to });
  }
  if (!PRICING_MODELS.includes(raw.model as PricingModel)) {
    report('model', { code: 'notOneOf', allowed: PRICING_MODELS, value: quoted(raw.model) });
  }
  const utilityFree = raw.utilityFreeInServiceWindow ?? false;
  if (typeof utilityFree !== 'boolean') {
    report('utilityFreeInServiceWindow', { code: 'notBoolean', got: kindOf(utilityFree) });
  }
  const free = raw.serviceFreePerConnectorMonth ?? null;
  if (free !== null && !(typeof free === 'number' && Number.isInteger(free) && free >= 0)) {
    report('serviceFreePerConnectorMonth', { code: 'notWholeNumber' });
  }
  const status = raw.status ?? 'uncertain';
  if (!RATE_STATUSES.includes(status as RateStatus)) {
    report('status', { code: 'notOneOf', allowed: RATE_STATUSES, value: quoted(status) });
  }
  if (raw.asOf !== undefined && !isIsoDate(raw.asOf)) report('asOf', { code: 'notDate' });
  const sources = raw.sources ?? [];
  if (!Array.isArray(sources) || sources.some((source) => typeof source !== 'string')) {
    report('sources', { code: 'notTextList' });
  }

  const rates: Record<string, MarketRates> = {};
  if (!isRecord(raw.rates)) {
    report('rates', { code: 'notMarkets', got: kindOf(raw.rates) });
  } else {
    for (const [rawKey, rawRates] of Object.entries(raw.rates)) {
      const key = marketKeyOf(rawKey, regions);
      const where = `rates.${rawKey}`;
      if (key === undefined) {
        report(where, { code: 'unknownMarket', key: rawKey });
        continue;
      }
      if (rates[key]) {
        report(where, { code: 'duplicateMarket', key });
        continue;
      }
      if (!isRecord(rawRates)) {
        report(where, { code: 'notRates', got: kindOf(rawRates) });
        continue;
      }
      const values: Partial<Record<RateCategory, number>> = {};
      for (const category of RATE_CATEGORIES) {
        const rate = rawRates[category] ?? (category === 'service' ? 0 : undefined);
        if (typeof rate !== 'number' || !Number.isFinite(rate)) {
          report(`${where}.${category}`, { code: 'notNumber', got: kindOf(rate) });
        } else if (rate < 0) {
          report(`${where}.${category}`, { code: 'negative', rate });
        } else if (rate > MAX_RATE_USD) {
          report(`${where}.${category}`, { code: 'tooHigh', rate, max: MAX_RATE_USD });
        } else values[category] = rate;
      }
      if (values.marketing === undefined) continue;
      if (values.utility === undefined || values.authentication === undefined) continue;
      if (values.service === undefined) continue;
      const note = typeof rawRates.note === 'string' ? rawRates.note : undefined;
      const market = marketRates(
        [values.marketing, values.utility, values.authentication],
        values.service,
        note,
      );
      if (typeof rawRates.source === 'string' && rawRates.source !== '') {
        market.source = rawRates.source;
      }
      if (rawRates.reported === true) market.reported = true;
      rates[key] = market;
    }
  }
  const inWindowSwitch = raw.utilityInWindowSwitch ?? false;
  if (typeof inWindowSwitch !== 'boolean') {
    report('utilityInWindowSwitch', { code: 'notBoolean', got: kindOf(inWindowSwitch) });
  }
  const tiers = validateTiers(raw.tiers ?? {}, regions, report);

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
  if (inWindowSwitch === true) period.utilityInWindowSwitch = true;
  if (Object.keys(tiers).length > 0) period.tiers = tiers;
  return period;
}

/** `tiers`: market key → { utility?, authentication? } → [{ above, rate }], sorted by `above`. */
function validateTiers(
  raw: unknown,
  regions: Record<string, RateRegion>,
  report: (where: string, problem: RateCardIssueKind) => void,
): Record<string, MarketTiers> {
  const out: Record<string, MarketTiers> = {};
  if (!isRecord(raw)) {
    report('tiers', { code: 'notMarkets', got: kindOf(raw) });
    return out;
  }
  for (const [rawKey, rawTiers] of Object.entries(raw)) {
    const key = marketKeyOf(rawKey, regions);
    const where = `tiers.${rawKey}`;
    if (key === undefined) {
      report(where, { code: 'unknownMarket', key: rawKey });
      continue;
    }
    if (!isRecord(rawTiers)) {
      report(where, { code: 'notRates', got: kindOf(rawTiers) });
      continue;
    }
    const market: MarketTiers = {};
    for (const category of TIERED_CATEGORIES) {
      const list = rawTiers[category];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        report(`${where}.${category}`, { code: 'notRates', got: kindOf(list) });
        continue;
      }
      const steps: VolumeTier[] = [];
      list.forEach((step, index) => {
        const at = `${where}.${category}[${index}]`;
        if (!isRecord(step)) return report(at, { code: 'notRates', got: kindOf(step) });
        const { above, rate } = step;
        if (!(typeof above === 'number' && Number.isInteger(above) && above >= 0)) {
          return report(`${at}.above`, { code: 'notWholeNumber' });
        }
        if (typeof rate !== 'number' || !Number.isFinite(rate)) {
          return report(`${at}.rate`, { code: 'notNumber', got: kindOf(rate) });
        }
        if (rate < 0) return report(`${at}.rate`, { code: 'negative', rate });
        if (rate > MAX_RATE_USD) {
          return report(`${at}.rate`, { code: 'tooHigh', rate, max: MAX_RATE_USD });
        }
        steps.push({ above, rate });
      });
      if (steps.length > 0) market[category] = steps.sort((a, b) => a.above - b.above);
    }
    if (Object.keys(market).length > 0) out[key] = market;
  }
  return out;
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

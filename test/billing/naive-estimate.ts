import {
  DEFAULT_MIX,
  type CategoryMix,
  type ConnectorCost,
  type CostCounts,
  type CostEstimate,
  type CostRange,
  type CountryCost,
  type EstimateOptions,
} from '../../src/billing/model/estimate-cost';
import type { ReportRow } from '../../src/report-model/column-types';
import { DAY, toIsoDate } from '../../src/report-model/time-range';
import { connectorName, parseSessionId } from '../../src/report-model/connector';
import { divRoundHalfUp, usdToMicros } from '../../src/billing/model/money';
import {
  DEFAULT_ASSUMPTIONS,
  findPeriod,
  REPORTED_SERVICE_ALLOWANCE,
  lookupRates,
  TEMPLATE_CATEGORIES,
  type MarketRates,
  type RatePeriod,
  type TemplateCategory,
} from '../../src/billing/model/rate-card';
import { digitsOf } from '../../src/engine/cell-text';
import { readRowCountryKey, readTemplateFlag } from '../../src/billing/model/row-fields';
import { parseBsuid } from '../../src/report-model/bsuid';
import type { CellValue } from '../../src/report-model/column-types';

/** A customer id: a BSUID as written (upper case), a phone number by its digits. */
const phoneDigits = (value: CellValue | undefined): string =>
  parseBsuid(value)?.key ??
  (typeof value === 'string' || typeof value === 'number' ? digitsOf(String(value)) : '');

/**
 * The straightforward estimate (the implementation before the typed-array one): items
 * parsed per call, a comparator sort, Maps keyed by strings. Kept as the reference the fast
 * estimate must equal on random data (estimate-cost.property.test.ts).
 */
// ---------------------------------------------------------------------------

/**
 * An exact integer sum: a float part that stays a safe integer, spilled into a
 * BigInt when the next addition would not be exact (BigInt per row is slow).
 */
class ExactSum {
  private big = 0n;
  private small = 0;

  add(value: number): void {
    const next = this.small + value;
    if (Number.isSafeInteger(next)) this.small = next;
    else {
      this.big += BigInt(this.small);
      this.small = value;
    }
  }

  addSum(other: ExactSum): void {
    this.big += other.value();
  }

  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

interface Acc {
  low: ExactSum;
  expected: ExactSum;
  high: ExactSum;
}

const zeroAcc = (): Acc => ({
  low: new ExactSum(),
  expected: new ExactSum(),
  high: new ExactSum(),
});

function addAcc(target: Acc, source: Acc): void {
  target.low.addSum(source.low);
  target.expected.addSum(source.expected);
  target.high.addSum(source.high);
}

interface CountryAcc {
  key: string;
  market?: string;
  rows: number;
  templates: number;
  noRateRows: number;
  viaRegion?: string;
  acc: Acc;
}

interface CountsAcc {
  interactions: number;
  templates: number;
  serviceRows: number;
  unknownTemplateRows: number;
  undatedRows: number;
  outsideCardRows: number;
  noRateRows: number;
  conversations: number;
  templatesInServiceWindow: number;
  billableServiceRows: number;
  acc: Acc;
}

interface ConnectorAcc extends CountsAcc {
  id: string;
  readable: boolean;
  countries: Map<string, CountryAcc>;
}

const newCounts = (): CountsAcc => ({
  interactions: 0,
  templates: 0,
  serviceRows: 0,
  unknownTemplateRows: 0,
  undatedRows: 0,
  outsideCardRows: 0,
  noRateRows: 0,
  conversations: 0,
  templatesInServiceWindow: 0,
  billableServiceRows: 0,
  acc: zeroAcc(),
});

interface Item {
  index: number;
  time: number;
  template: boolean;
  connector: ConnectorAcc;
  country: CountryAcc;
  market?: string;
  /** connector + customer phone, when the phone is known. */
  pair?: string;
}

/** Keeps one row's amount (≤ 10 USD × 1e6 µ × weights) a safe integer. */
const MAX_MIX_VALUE = 1_000_000;

function weightsOf(mix: CategoryMix): Record<TemplateCategory, number> {
  const weights = {} as Record<TemplateCategory, number>;
  for (const category of TEMPLATE_CATEGORIES) {
    const pct = mix[category];
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > MAX_MIX_VALUE) {
      throw new RangeError(
        `Category mix: ${category} must be a number from 0 to ${MAX_MIX_VALUE}, got ${String(pct)}.`,
      );
    }
    weights[category] = Math.round(pct * 100);
  }
  if (weights.marketing + weights.utility + weights.authentication <= 0) {
    throw new RangeError('Category mix: at least one category must be above 0 %.');
  }
  return weights;
}

/** Template price in µUSD × W for the three figures. */
function templateAmounts(
  rates: MarketRates,
  weights: Record<TemplateCategory, number>,
  total: number,
  utilityFree: boolean,
): [low: number, expected: number, high: number] {
  const micro = {
    marketing: usdToMicros(rates.marketing),
    utility: utilityFree ? 0 : usdToMicros(rates.utility),
    authentication: usdToMicros(rates.authentication),
  };
  const values = [micro.marketing, micro.utility, micro.authentication];
  const expected =
    weights.marketing * micro.marketing +
    weights.utility * micro.utility +
    weights.authentication * micro.authentication;
  return [Math.min(...values) * total, expected, Math.max(...values) * total];
}

function add(acc: Acc, low: number, expected: number, high: number): void {
  acc.low.add(low);
  acc.expected.add(expected);
  acc.high.add(high);
}

export function naiveEstimateCost(
  rows: readonly ReportRow[],
  options: EstimateOptions,
): CostEstimate {
  const { card, connectorNames } = options;
  const mix = options.mix ?? DEFAULT_MIX;
  const markupPercent = options.markupPercent ?? 0;
  if (!Number.isFinite(markupPercent) || markupPercent < 0) {
    throw new RangeError(`Markup must be a number ≥ 0, got ${String(markupPercent)}.`);
  }
  const weights = weightsOf(mix);
  const weightTotal = weights.marketing + weights.utility + weights.authentication;
  const assumptions = { ...DEFAULT_ASSUMPTIONS, ...options.assumptions };
  // Tiered volume, messages × W, per "period|market key|YYYY-MM|category".
  const tieredVolume = new Map<string, number>();
  const addVolume = (key: string, amount: number) =>
    tieredVolume.set(key, (tieredVolume.get(key) ?? 0) + amount);
  const markupBp = BigInt(Math.round(markupPercent * 100));
  // cents = X × (10000 + bp) / (W × 1e6 µUSD/USD ÷ 100 cents/USD × 10000)
  const denominator = BigInt(weightTotal) * 100_000_000n;
  const toCents = (value: bigint): number =>
    Number(divRoundHalfUp(value * (10_000n + markupBp), denominator));
  const toRange = (acc: Acc): CostRange => ({
    low: toCents(acc.low.value()),
    expected: toCents(acc.expected.value()),
    high: toCents(acc.high.value()),
  });

  const connectors = new Map<string, ConnectorAcc>();
  const items: Item[] = [];
  let unreadableSessionRows = 0;

  const count = options.indices ? options.indices.length : rows.length;
  for (let k = 0; k < count; k++) {
    const index = options.indices ? (options.indices[k] as number) : k;
    const row = rows[index];
    if (!row) continue;
    const session = parseSessionId(row.session_id);
    if (!session.readable) unreadableSessionRows++;
    let connector = connectors.get(session.connectorId);
    if (!connector) {
      connector = {
        ...newCounts(),
        id: session.connectorId,
        readable: session.readable,
        countries: new Map(),
      };
      connectors.set(session.connectorId, connector);
    }
    const { key, market } = readRowCountryKey(row.destiny, row.customer_phone, session.phone);
    let country = connector.countries.get(key);
    if (!country) {
      country = { key, market, rows: 0, templates: 0, noRateRows: 0, acc: zeroAcc() };
      connector.countries.set(key, country);
    }
    connector.interactions++;
    country.rows++;
    const template = readTemplateFlag(row.template);
    if (template === true) {
      connector.templates++;
      country.templates++;
    } else if (template === false) connector.serviceRows++;
    else {
      connector.unknownTemplateRows++;
      continue;
    }
    if (typeof row.date !== 'number' || !Number.isFinite(row.date)) {
      connector.undatedRows++;
      continue;
    }
    const phone = phoneDigits(row.customer_phone) || phoneDigits(session.phone);
    items.push({
      index,
      time: row.date,
      template,
      connector,
      country,
      market,
      pair: phone === '' ? undefined : `${session.connectorId}\u0000${phone}`,
    });
  }

  // Chronological; at the same instant the customer's message comes first.
  items.sort(
    (a, b) => a.time - b.time || Number(a.template) - Number(b.template) || a.index - b.index,
  );

  const lastInbound = new Map<string, number>();
  const conversationStart = new Map<string, number>();
  const serviceCount = new Map<string, number>();
  const periodsUsed = new Set<string>();
  let reportedFigures = false;
  let cachedDay = Number.NaN;
  let date = '';
  let period: RatePeriod | undefined;

  for (const item of items) {
    const { connector, country, pair, time } = item;
    const day = Math.floor(time / DAY);
    if (day !== cachedDay) {
      cachedDay = day;
      date = toIsoDate(day * DAY);
      period = findPeriod(card, date);
    }

    if (!item.template) {
      if (pair !== undefined) lastInbound.set(pair, time);
      if (!period) {
        connector.outsideCardRows++;
        continue;
      }
      let free = period.serviceFreePerConnectorMonth;
      if (free === null) continue;
      if (assumptions.serviceAllowance && free < REPORTED_SERVICE_ALLOWANCE) {
        free = REPORTED_SERVICE_ALLOWANCE;
      }
      const monthKey = `${connector.id}\u0000${date.slice(0, 7)}`;
      const used = (serviceCount.get(monthKey) ?? 0) + 1;
      serviceCount.set(monthKey, used);
      if (used <= free) continue;
      connector.billableServiceRows++;
      const resolved = item.market ? lookupRates(card, period, item.market) : undefined;
      if (!resolved) {
        connector.noRateRows++;
        country.noRateRows++;
        continue;
      }
      const amount = usdToMicros(resolved.rates.service) * weightTotal;
      add(connector.acc, amount, amount, amount);
      if (resolved.rates.reported) reportedFigures = true;
      add(country.acc, amount, amount, amount);
      if (resolved.viaRegion) country.viaRegion = resolved.viaRegion;
      periodsUsed.add(period.id);
      continue;
    }

    if (!period) {
      connector.outsideCardRows++;
      continue;
    }
    if (period.model === 'per-conversation') {
      const start = pair === undefined ? undefined : conversationStart.get(pair);
      if (start !== undefined && time < start + DAY) continue; // inside a running conversation
      if (pair !== undefined) conversationStart.set(pair, time);
      connector.conversations++;
    }
    const inbound = pair === undefined ? undefined : lastInbound.get(pair);
    const inServiceWindow = inbound !== undefined && time - inbound < DAY;
    if (inServiceWindow) connector.templatesInServiceWindow++;
    const freeInWindow = period.utilityInWindowSwitch
      ? !assumptions.utilityInWindowBilled
      : period.utilityFreeInServiceWindow;
    const utilityFree = inServiceWindow && freeInWindow;
    const resolved = item.market ? lookupRates(card, period, item.market) : undefined;
    if (!resolved) {
      connector.noRateRows++;
      country.noRateRows++;
      continue;
    }
    const [low, expected, high] = templateAmounts(
      resolved.rates,
      weights,
      weightTotal,
      utilityFree,
    );
    add(connector.acc, low, expected, high);
    add(country.acc, low, expected, high);
    if (resolved.viaRegion) country.viaRegion = resolved.viaRegion;
    if (resolved.rates.reported) reportedFigures = true;
    periodsUsed.add(period.id);
    const marketKey = resolved.viaRegion ?? (item.market as string);
    const tierKey = `${period.id}|${marketKey}|${date.slice(0, 7)}`;
    if (!utilityFree) addVolume(`${tierKey}|utility`, weights.utility);
    addVolume(`${tierKey}|authentication`, weights.authentication);
  }

  // Volume tiers: each message × W unit of volume past a threshold saves (base − tier rate).
  let discount = 0n;
  for (const [key, volume] of tieredVolume) {
    const [periodId, marketKey, , category] = key.split('|') as [
      string,
      string,
      string,
      'utility' | 'authentication',
    ];
    const tierPeriod = card.periods.find((candidate) => candidate.id === periodId);
    const steps = tierPeriod?.tiers?.[marketKey]?.[category];
    if (!tierPeriod || !steps) continue;
    const base = lookupRates(card, tierPeriod, marketKey)?.rates ?? tierPeriod.rates[marketKey];
    if (!base) continue;
    // Message by message (each worth W units of volume, the last one maybe less).
    for (let message = 1; (message - 1) * weightTotal < volume; message++) {
      const units = Math.min(weightTotal, volume - (message - 1) * weightTotal);
      let rate = base[category];
      for (const step of steps) if (message > step.above) rate = step.rate;
      discount += BigInt(units) * BigInt(usdToMicros(base[category]) - usdToMicros(rate));
    }
  }

  // ---- Output -------------------------------------------------------------
  const totals = newCounts();
  const totalCountries = new Map<string, CountryAcc>();
  const countryOut = (c: CountryAcc): CountryCost => {
    const out: CountryCost = {
      key: c.key,
      rows: c.rows,
      templates: c.templates,
      noRateRows: c.noRateRows,
      cost: toRange(c.acc),
    };
    if (c.market !== undefined) out.market = c.market;
    if (c.viaRegion !== undefined) out.viaRegion = c.viaRegion;
    return out;
  };
  const byRows = (a: CountryCost, b: CountryCost) =>
    b.cost.expected - a.cost.expected || b.rows - a.rows || a.key.localeCompare(b.key);

  const list: ConnectorCost[] = [];
  for (const c of connectors.values()) {
    for (const field of COUNT_FIELDS) totals[field] += c[field];
    addAcc(totals.acc, c.acc);
    for (const country of c.countries.values()) {
      let total = totalCountries.get(country.key);
      if (!total) {
        total = { ...country, rows: 0, templates: 0, noRateRows: 0, acc: zeroAcc() };
        delete total.viaRegion;
        totalCountries.set(country.key, total);
      }
      total.rows += country.rows;
      total.templates += country.templates;
      total.noRateRows += country.noRateRows;
      addAcc(total.acc, country.acc);
      if (country.viaRegion) total.viaRegion = country.viaRegion;
    }
    const byCountry = [...c.countries.values()].map(countryOut).sort(byRows);
    list.push({
      connectorId: c.id,
      name: connectorName(c.id, connectorNames),
      readable: c.readable,
      ...pickCounts(c),
      cost: toRange(c.acc),
      countries: [...c.countries.keys()].sort(),
      byCountry,
    });
  }
  list.sort(
    (a, b) =>
      b.cost.expected - a.cost.expected ||
      b.interactions - a.interactions ||
      a.connectorId.localeCompare(b.connectorId),
  );

  const totalCost = toRange(totals.acc);
  const undiscounted = totalCost.expected;
  totalCost.expected = toCents(totals.acc.expected.value() - discount);
  const usesReportedRules =
    reportedFigures ||
    card.periods.some(
      (period) =>
        periodsUsed.has(period.id) &&
        (period.status === 'reported' ||
          (assumptions.serviceAllowance && period.serviceFreePerConnectorMonth !== null)),
    );
  return {
    connectors: list,
    assumptions,
    totals: {
      ...pickCounts(totals),
      cost: totalCost,
      tierDiscount: undiscounted - totalCost.expected,
      connectors: list.length,
      byCountry: [...totalCountries.values()].map(countryOut).sort(byRows),
    },
    unreadableSessionRows,
    periodsUsed: card.periods.filter((p) => periodsUsed.has(p.id)).map((p) => p.id),
    usesReportedRules,
    markupPercent,
    mix: { ...mix },
  };
}

const COUNT_FIELDS = [
  'interactions',
  'templates',
  'serviceRows',
  'unknownTemplateRows',
  'undatedRows',
  'outsideCardRows',
  'noRateRows',
  'conversations',
  'templatesInServiceWindow',
  'billableServiceRows',
] as const;

function pickCounts(c: CountsAcc): Omit<CostCounts, 'cost'> {
  const out = {} as Omit<CostCounts, 'cost'>;
  for (const field of COUNT_FIELDS) out[field] = c[field];
  return out;
}

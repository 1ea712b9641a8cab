import type { ReportRow } from '../../report-model/column-types';
import { DAY, toIsoDate } from '../../report-model/time-range';
import {
  billingFactsOf,
  chronologicalFacts,
  inc,
  selectionMask,
  type BillingFacts,
} from './billing-facts';
import { connectorName, type ConnectorNames } from '../../report-model/connector';
import { divRoundHalfUp, usdToMicros } from './money';
import {
  DEFAULT_ASSUMPTIONS,
  findPeriod,
  lookupRates,
  REPORTED_SERVICE_ALLOWANCE,
  TEMPLATE_CATEGORIES,
  TIERED_CATEGORIES,
  type MarketRates,
  type PricingAssumptions,
  type RateCard,
  type RatePeriod,
  type ResolvedRates,
  type TemplateCategory,
} from './rate-card';

/**
 * Cost estimate of report 10 rows (docs §3.3), per connector, in USD cents,
 * over the per-row facts read once per load (billing-facts.ts).
 *
 * Each row is priced by the rule of the rate-card period covering ITS date
 * (operation local date; Meta switches at its own clock, so rows within a few
 * hours of a boundary may be priced under the neighbouring rule).
 *
 * Rows:
 * - `template = yes` → a billable template. Category unknown (chat_10 does not
 *   give it), so three figures are produced:
 *   - expected: Σ mix[category] × rate[category] (default mix: all marketing);
 *   - high: the dearest category's rate;
 *   - low: the cheapest category's rate, where a utility template counts as
 *     free when the period has `utilityFreeInServiceWindow` and the same
 *     customer phone wrote on the same connector (a `template = no` row) in
 *     the previous 24 h — a service window was certainly open then. Windows
 *     reset by later customer messages inside an interaction, and 72 h
 *     free-entry-point (click-to-WhatsApp) windows, are invisible in chat_10,
 *     so the low bound is not a hard floor: Meta's true floor with all-utility
 *     traffic inside windows would be 0.
 *   The expected figure applies the same window rule to its utility share.
 * - Per-conversation periods (until 2025-06-30): a template opens a 24 h
 *   conversation unless one opened by an earlier template of the same
 *   customer phone on the same connector is still running (window anchored at
 *   the opening template, not sliding). Category windows are not separated and
 *   one conversation is counted per opening template: an approximation.
 * - `template = no` → service traffic: free while the period's
 *   `serviceFreePerConnectorMonth` is null; otherwise (reported rule from
 *   2026-10-01) the first N rows per connector per calendar month are free
 *   (in date order) and each further one costs the market's `service` rate
 *   (= utility in the default card). Note: chat_10 rows are interactions, not
 *   messages, so this undercounts service messages.
 * - Unreadable TEMPLATE, missing/unparsable DATE, or a date outside every
 *   period: counted, not priced. A country without a rate: counted as
 *   "no rate", not priced.
 *
 * - Assumptions (the user's, travelling with the link): `utilityInWindowBilled` decides the
 *   in-window utility rule of periods marked `utilityInWindowSwitch` (from 2026-10-01);
 *   `serviceAllowance` frees the reported 1,000 service rows per connector per month in
 *   periods that charge service.
 * - Volume tiers (period.tiers, per market key, per calendar month over all connectors,
 *   utility and authentication only): applied to the expected figure as a portfolio-wide
 *   discount (`tierDiscount`, in the totals only: Meta counts the month's volume over the
 *   business, so no connector owns it). The expected figure counts a template as
 *   mix[utility] of a utility message and mix[authentication] of an authentication one.
 *   Low and high bounds ignore tiers.
 *
 * Arithmetic: rates → integer micro-dollars; the mix → integer basis points
 * (W = Σ weights); rows are counted per price group (connector, country, rate
 * period, kind) and each group's amount, count × unit price in µUSD × W, is
 * summed in BigInt. Markup (0.01 % precision) and the division to cents happen once per
 * reported figure, rounding half up. Totals are rounded from the exact sum, so
 * a total may differ by a cent from the sum of its rounded lines.
 */

export interface CategoryMix {
  /** Percentages (any scale; normalised by their sum). */
  marketing: number;
  utility: number;
  authentication: number;
}

export const DEFAULT_MIX: Readonly<CategoryMix> = Object.freeze({
  marketing: 100,
  utility: 0,
  authentication: 0,
});

export interface EstimateOptions {
  card: RateCard;
  mix?: CategoryMix;
  /** BSP / wolkvox fee on top of Meta's rates, e.g. 40 for ×1.4. */
  markupPercent?: number;
  connectorNames?: ConnectorNames;
  /** Rows to price (e.g. the table's filtered view); all rows when omitted. */
  indices?: ArrayLike<number>;
  /** Where the sources disagree: the user's answers (DEFAULT_ASSUMPTIONS when omitted). */
  assumptions?: Partial<PricingAssumptions>;
}

/** USD cents (integers). */
export interface CostRange {
  low: number;
  expected: number;
  high: number;
}

export interface CountryCost {
  /** Market key (ISO-2) when resolved, else the raw DESTINY text ('' when empty). */
  key: string;
  /** Set when the value resolved to a market. */
  market?: string;
  rows: number;
  templates: number;
  /** Rows that needed a rate and had none. */
  noRateRows: number;
  /** Region whose rates priced this country (e.g. LATAM), when any did. */
  viaRegion?: string;
  cost: CostRange;
}

export interface CostCounts {
  /** Rows (interactions). */
  interactions: number;
  /** `template = yes` rows. */
  templates: number;
  /** `template = no` rows. */
  serviceRows: number;
  /** Rows whose TEMPLATE is neither yes nor no: not priced. */
  unknownTemplateRows: number;
  /** Rows without a usable DATE: not priced. */
  undatedRows: number;
  /** Dated rows outside every rate-card period: not priced. */
  outsideCardRows: number;
  /** Rows that needed a rate for their country and had none: not priced. */
  noRateRows: number;
  /** Conversations opened (per-conversation periods). */
  conversations: number;
  /**
   * Billable templates (conversation openers, or per-message templates) sent
   * within 24 h after the same customer wrote on the same connector.
   */
  templatesInServiceWindow: number;
  /** Service rows beyond the monthly free allowance. */
  billableServiceRows: number;
  cost: CostRange;
}

export interface ConnectorCost extends CostCounts {
  connectorId: string;
  name: string;
  /** False for the bucket of rows with an unreadable SESSION_ID. */
  readable: boolean;
  /** Country keys seen (sorted). */
  countries: string[];
  byCountry: CountryCost[];
}

export interface CostEstimate {
  /** Sorted by expected cost (desc), then interactions (desc), then id. */
  connectors: ConnectorCost[];
  totals: CostCounts & {
    connectors: number;
    byCountry: CountryCost[];
    /** Volume-tier discount already taken off `cost.expected` (cents, ≥ 0). */
    tierDiscount: number;
  };
  assumptions: PricingAssumptions;
  /** Rows whose SESSION_ID did not give a connector (grouped under UNKNOWN_CONNECTOR). */
  unreadableSessionRows: number;
  /** Period ids that priced at least one row. */
  periodsUsed: string[];
  /** True when a period flagged "reported" (not confirmed by Meta) priced something. */
  usesReportedRules: boolean;
  markupPercent: number;
  mix: CategoryMix;
}

// ---------------------------------------------------------------------------

/** Keeps one row's amount (≤ 10 USD × 1e6 µ × weights) a safe integer. */
const MAX_MIX_VALUE = 1_000_000;

export function weightsOf(mix: CategoryMix): Record<TemplateCategory, number> {
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

type Counts = Omit<CostCounts, 'cost'>;
/** One counter per connector for each count. */
type Counters = Record<keyof Counts, Uint32Array>;

/**
 * How a priced row was priced; rows of one kind, country and period cost the same. The kinds
 * do not depend on the user's switches (which are applied when money is computed), so a
 * switch, like the mix or the markup, re-prices without a pass over the rows.
 */
const TEMPLATE = 0;
/** A template sent inside the customer's service window (utility free if the rule says so). */
const TEMPLATE_IN_WINDOW = 1;
/** A service row beyond the free count with or without the reported allowance. */
const SERVICE = 2;
/** A service row beyond the card's free count but within the reported allowance. */
const SERVICE_UNLESS_ALLOWANCE = 3;
const KINDS = 4;

/**
 * The per-row work, as integer counters: counts per connector, rows per connector × country
 * ("cell"), and priced rows per cell × rate period × kind. Money is computed from these
 * counts at the end, once per group, so the pass itself never touches a rate or a BigInt.
 */
interface Tally {
  counters: Counters;
  cellRows: Uint32Array;
  cellTemplates: Uint32Array;
  cellNoRate: Uint32Array;
  priced: Uint32Array;
  /** Per connector / cell: SERVICE_UNLESS_ALLOWANCE rows, and those without a rate. */
  serviceUnlessAllowance: Uint32Array;
  noRateUnlessAllowance: Uint32Array;
  cellNoRateUnlessAllowance: Uint32Array;
  /**
   * Only when a period has tiers: priced templates per (country, month) × kind, and each
   * month's period index. Months are numbered in the order the pass meets them.
   */
  monthly?: { counts: Uint32Array[]; periodOfMonth: number[]; months: string[] };
}

/** The per-period rules after the user's assumptions. */
interface PeriodRules {
  utilityFree: boolean[];
  serviceAllowance: boolean;
  anyTiers: boolean;
}

function periodRules(card: RateCard, assumptions: PricingAssumptions): PeriodRules {
  return {
    utilityFree: card.periods.map((period) =>
      period.utilityInWindowSwitch
        ? !assumptions.utilityInWindowBilled
        : period.utilityFreeInServiceWindow,
    ),
    serviceAllowance: assumptions.serviceAllowance,
    anyTiers: card.periods.some(
      (period) => period.tiers !== undefined && Object.keys(period.tiers).length > 0,
    ),
  };
}

export function estimateCost(rows: readonly ReportRow[], options: EstimateOptions): CostEstimate {
  const { card, connectorNames } = options;
  const mix = options.mix ?? DEFAULT_MIX;
  const markupPercent = options.markupPercent ?? 0;
  if (!Number.isFinite(markupPercent) || markupPercent < 0) {
    throw new RangeError(`Markup must be a number ≥ 0, got ${String(markupPercent)}.`);
  }
  const weights = weightsOf(mix);
  const assumptions = { ...DEFAULT_ASSUMPTIONS, ...options.assumptions };
  const facts = billingFactsOf(rows);
  const rates = new RateTable(card, facts.countries);
  const rules = periodRules(card, assumptions);
  const tally = tallyOf(facts, options.indices, card, rates, rules.anyTiers);
  return report(facts, tally, rates, rules, {
    weights,
    markupPercent,
    mix,
    connectorNames,
    assumptions,
  });
}

/** Rates per (period, country), looked up once each. */
class RateTable {
  private readonly resolved: (ResolvedRates | null | undefined)[];

  constructor(
    readonly card: RateCard,
    private readonly countries: BillingFacts['countries'],
  ) {
    this.resolved = new Array<ResolvedRates | null | undefined>(
      card.periods.length * countries.length,
    );
  }

  get periods(): readonly RatePeriod[] {
    return this.card.periods;
  }

  /** The market (ISO-2) a country index resolved to, if any. */
  countryMarket(country: number): string | undefined {
    return this.countries[country]?.market;
  }

  /** Index of the period in force on an ISO date, -1 when none. */
  periodOn(isoDate: string): number {
    const period = findPeriod(this.card, isoDate);
    return period ? this.card.periods.indexOf(period) : -1;
  }

  /** Rates of a country in a period; undefined without a market or a rate. */
  lookup(period: number, country: number): ResolvedRates | undefined {
    const at = period * this.countries.length + country;
    let found = this.resolved[at];
    if (found === undefined) {
      const market = this.countries[country]?.market;
      const periodRates = this.card.periods[period] as RatePeriod;
      found = (market && lookupRates(this.card, periodRates, market)) || null;
      this.resolved[at] = found;
    }
    return found ?? undefined;
  }
}

/**
 * The last tally per row set, for the same selection (the same indices array) and card: an
 * assumption change (mix, markup, switches) re-prices from it without a pass over the rows.
 */
const lastTally = new WeakMap<
  BillingFacts,
  { indices: ArrayLike<number> | undefined; card: RateCard; tiers: boolean; tally: Tally }
>();

function tallyOf(
  facts: BillingFacts,
  indices: ArrayLike<number> | undefined,
  card: RateCard,
  rates: RateTable,
  tiers: boolean,
): Tally {
  const kept = lastTally.get(facts);
  if (kept && kept.indices === indices && kept.card === card && kept.tiers === tiers) {
    return kept.tally;
  }
  const tally = tallyRows(facts, selectionMask(facts.rowCount, indices), rates, tiers);
  lastTally.set(facts, { indices, card, tiers, tally });
  return tally;
}

function tallyRows(
  facts: BillingFacts,
  mask: Uint8Array | undefined,
  rates: RateTable,
  tiers: boolean,
): Tally {
  const connectorCount = facts.connectors.length;
  const countryCount = facts.countries.length;
  const periodCount = rates.periods.length;
  const cells = connectorCount * countryCount;
  const c = {} as Counters;
  for (const field of COUNT_FIELDS) c[field] = new Uint32Array(connectorCount);
  const tally: Tally = {
    counters: c,
    cellRows: new Uint32Array(cells),
    cellTemplates: new Uint32Array(cells),
    cellNoRate: new Uint32Array(cells),
    priced: new Uint32Array(cells * periodCount * KINDS),
    serviceUnlessAllowance: new Uint32Array(connectorCount),
    noRateUnlessAllowance: new Uint32Array(connectorCount),
    cellNoRateUnlessAllowance: new Uint32Array(cells),
  };
  const { connector, destiny, template, day } = facts;
  const countryOf = Uint32Array.from(facts.destinies, (d) => d.country);

  // Counts: every selected row, in any order.
  for (let r = 0; r < facts.rowCount; r++) {
    if (mask && mask[r] === 0) continue;
    const con = connector[r] as number;
    const cell = con * countryCount + (countryOf[destiny[r] as number] as number);
    inc(c.interactions, con);
    inc(tally.cellRows, cell);
    const flag = template[r];
    if (flag === 1) {
      inc(c.templates, con);
      inc(tally.cellTemplates, cell);
    } else if (flag === 0) inc(c.serviceRows, con);
    else {
      inc(c.unknownTemplateRows, con);
      continue;
    }
    if (day[r] === -1) inc(c.undatedRows, con);
  }

  // Pricing: dated rows with a readable TEMPLATE, in time order (windows and allowances).
  const lastInbound = new Float64Array(facts.customerCount).fill(-Infinity);
  const conversationStart = new Float64Array(facts.customerCount).fill(-Infinity);
  const serviceUsed = new Uint32Array(connectorCount);
  let currentDay = -1;
  let month = '';
  let p = -1;
  let period: RatePeriod | undefined;
  let monthCounts: Uint32Array | undefined;
  const monthly = tiers
    ? { counts: [] as Uint32Array[], periodOfMonth: [] as number[], months: [] as string[] }
    : undefined;
  if (monthly) tally.monthly = monthly;
  // Read in time order from copies laid out in that order (one cache line serves many rows).
  const chrono = chronologicalFacts(facts);
  const chronoRow = chrono.row;
  const chronoDay = chrono.day;
  for (let i = 0; i < chronoRow.length; i++) {
    if (mask && mask[chronoRow[i] as number] === 0) continue;
    if (chronoDay[i] !== currentDay) {
      currentDay = chronoDay[i] as number;
      const date = toIsoDate(facts.days[currentDay] as number);
      p = rates.periodOn(date);
      period = rates.periods[p];
      // Rows come in time order, so a new month starts every connector's allowance afresh.
      if (date.slice(0, 7) !== month) {
        month = date.slice(0, 7);
        serviceUsed.fill(0);
        if (monthly) {
          // Rates change on the 1st only, so one period prices a whole month.
          monthCounts = new Uint32Array(countryCount * KINDS);
          monthly.counts.push(monthCounts);
          monthly.periodOfMonth.push(p);
          monthly.months.push(month);
        }
      }
    }
    const con = chrono.connector[i] as number;
    const country = chrono.country[i] as number;
    const cell = con * countryCount + country;
    const who = chrono.customer[i] as number;
    const at = chrono.time[i] as number;

    if (chrono.template[i] === 0) {
      if (who >= 0) lastInbound[who] = at;
      if (!period) {
        inc(c.outsideCardRows, con);
        continue;
      }
      const free = period.serviceFreePerConnectorMonth;
      if (free === null) continue;
      const used = (serviceUsed[con] as number) + 1;
      serviceUsed[con] = used;
      if (used <= free) continue;
      const kind = used > REPORTED_SERVICE_ALLOWANCE ? SERVICE : SERVICE_UNLESS_ALLOWANCE;
      if (kind === SERVICE) inc(c.billableServiceRows, con);
      else inc(tally.serviceUnlessAllowance, con);
      if (!rates.lookup(p, country)) {
        if (kind === SERVICE) {
          inc(c.noRateRows, con);
          inc(tally.cellNoRate, cell);
        } else {
          inc(tally.noRateUnlessAllowance, con);
          inc(tally.cellNoRateUnlessAllowance, cell);
        }
        continue;
      }
      inc(tally.priced, (cell * periodCount + p) * KINDS + kind);
      continue;
    }

    if (!period) {
      inc(c.outsideCardRows, con);
      continue;
    }
    if (period.model === 'per-conversation') {
      // Inside a running conversation (opened by an earlier template less than 24 h ago).
      if (who >= 0 && at < (conversationStart[who] as number) + DAY) continue;
      if (who >= 0) conversationStart[who] = at;
      inc(c.conversations, con);
    }
    const inServiceWindow = who >= 0 && at - (lastInbound[who] as number) < DAY;
    if (inServiceWindow) inc(c.templatesInServiceWindow, con);
    if (!rates.lookup(p, country)) {
      inc(c.noRateRows, con);
      inc(tally.cellNoRate, cell);
      continue;
    }
    const kind = inServiceWindow ? TEMPLATE_IN_WINDOW : TEMPLATE;
    inc(tally.priced, (cell * periodCount + p) * KINDS + kind);
    if (monthCounts) inc(monthCounts, country * KINDS + kind);
  }
  return tally;
}

/** Exact amounts in µUSD × W (W = the mix's total weight). */
interface Money {
  low: bigint;
  expected: bigint;
  high: bigint;
}

const noMoney = (): Money => ({ low: 0n, expected: 0n, high: 0n });

function addMoney(target: Money, source: Money, times = 1n): void {
  target.low += source.low * times;
  target.expected += source.expected * times;
  target.high += source.high * times;
}

/** One row's price in µUSD × W for the three figures. */
function unitPrice(
  rates: MarketRates,
  kind: number,
  weights: Record<TemplateCategory, number>,
  total: number,
  utilityFreeInWindow: boolean,
): Money {
  if (kind === SERVICE || kind === SERVICE_UNLESS_ALLOWANCE) {
    const amount = BigInt(usdToMicros(rates.service) * total);
    return { low: amount, expected: amount, high: amount };
  }
  const micro = {
    marketing: usdToMicros(rates.marketing),
    utility: kind === TEMPLATE_IN_WINDOW && utilityFreeInWindow ? 0 : usdToMicros(rates.utility),
    authentication: usdToMicros(rates.authentication),
  };
  const values = [micro.marketing, micro.utility, micro.authentication];
  return {
    low: BigInt(Math.min(...values) * total),
    expected: BigInt(
      weights.marketing * micro.marketing +
        weights.utility * micro.utility +
        weights.authentication * micro.authentication,
    ),
    high: BigInt(Math.max(...values) * total),
  };
}

type CountryAcc = Omit<CountryCost, 'cost'> & { money: Money };

function report(
  facts: BillingFacts,
  tally: Tally,
  rates: RateTable,
  rules: PeriodRules,
  options: {
    weights: Record<TemplateCategory, number>;
    markupPercent: number;
    mix: CategoryMix;
    connectorNames?: ConnectorNames;
    assumptions: PricingAssumptions;
  },
): CostEstimate {
  const { weights, markupPercent } = options;
  const weightTotal = weights.marketing + weights.utility + weights.authentication;
  const markupBp = BigInt(Math.round(markupPercent * 100));
  // cents = X × (10000 + bp) / (W × 1e6 µUSD/USD ÷ 100 cents/USD × 10000)
  const denominator = BigInt(weightTotal) * 100_000_000n;
  const toCents = (value: bigint): number =>
    Number(divRoundHalfUp(value * (10_000n + markupBp), denominator));
  const toRange = (money: Money): CostRange => ({
    low: toCents(money.low),
    expected: toCents(money.expected),
    high: toCents(money.high),
  });
  const countryOut = (c: CountryAcc): CountryCost => {
    const out: CountryCost = {
      key: c.key,
      rows: c.rows,
      templates: c.templates,
      noRateRows: c.noRateRows,
      cost: toRange(c.money),
    };
    if (c.market !== undefined) out.market = c.market;
    if (c.viaRegion !== undefined) out.viaRegion = c.viaRegion;
    return out;
  };
  const byCost = (a: CountryCost, b: CountryCost) =>
    b.cost.expected - a.cost.expected || b.rows - a.rows || a.key.localeCompare(b.key);

  const countryCount = facts.countries.length;
  const periodCount = rates.periods.length;
  const periodsUsed = new Set<number>();
  let usesReportedFigures = false;
  const totals = { counts: {} as Counts, money: noMoney() };
  for (const field of COUNT_FIELDS) totals.counts[field] = 0;
  const totalCountries = new Map<string, CountryAcc>();
  const connectors: ConnectorCost[] = [];
  let unreadableSessionRows = 0;

  facts.connectors.forEach((connector, con) => {
    if (tally.counters.interactions[con] === 0) return;
    const counts = {} as Counts;
    for (const field of COUNT_FIELDS) counts[field] = tally.counters[field][con] as number;
    if (!rules.serviceAllowance) {
      counts.billableServiceRows += tally.serviceUnlessAllowance[con] as number;
      counts.noRateRows += tally.noRateUnlessAllowance[con] as number;
    }
    for (const field of COUNT_FIELDS) totals.counts[field] += counts[field];
    if (!connector.readable) unreadableSessionRows += counts.interactions;
    const money = noMoney();
    const countries: CountryAcc[] = [];
    for (let country = 0; country < countryCount; country++) {
      const cell = con * countryCount + country;
      const rows = tally.cellRows[cell] as number;
      if (rows === 0) continue;
      const acc: CountryAcc = {
        ...facts.countries[country],
        key: facts.countries[country]?.key ?? '',
        rows,
        templates: tally.cellTemplates[cell] as number,
        noRateRows:
          (tally.cellNoRate[cell] as number) +
          (rules.serviceAllowance ? 0 : (tally.cellNoRateUnlessAllowance[cell] as number)),
        money: noMoney(),
      };
      for (let p = 0; p < periodCount; p++) {
        for (let kind = 0; kind < KINDS; kind++) {
          const count = tally.priced[(cell * periodCount + p) * KINDS + kind] as number;
          if (count === 0) continue;
          if (kind === SERVICE_UNLESS_ALLOWANCE && rules.serviceAllowance) continue;
          const resolved = rates.lookup(p, country) as ResolvedRates;
          const unit = unitPrice(
            resolved.rates,
            kind,
            weights,
            weightTotal,
            rules.utilityFree[p] as boolean,
          );
          addMoney(acc.money, unit, BigInt(count));
          if (resolved.viaRegion) acc.viaRegion = resolved.viaRegion;
          if (resolved.rates.reported) usesReportedFigures = true;
          periodsUsed.add(p);
        }
      }
      addMoney(money, acc.money);
      countries.push(acc);

      let total = totalCountries.get(acc.key);
      if (!total) {
        total = { ...acc, rows: 0, templates: 0, noRateRows: 0, money: noMoney() };
        delete total.viaRegion;
        totalCountries.set(acc.key, total);
      }
      total.rows += acc.rows;
      total.templates += acc.templates;
      total.noRateRows += acc.noRateRows;
      addMoney(total.money, acc.money);
      if (acc.viaRegion) total.viaRegion = acc.viaRegion;
    }
    addMoney(totals.money, money);
    connectors.push({
      connectorId: connector.id,
      name: connectorName(connector.id, options.connectorNames),
      readable: connector.readable,
      ...counts,
      cost: toRange(money),
      countries: countries.map((c) => c.key).sort(),
      byCountry: countries.map(countryOut).sort(byCost),
    });
  });
  connectors.sort(
    (a, b) =>
      b.cost.expected - a.cost.expected ||
      b.interactions - a.interactions ||
      a.connectorId.localeCompare(b.connectorId),
  );

  const discount = tierDiscount(tally, rates, rules, weights, facts.countries.length);
  const totalCost = toRange(totals.money);
  const undiscounted = totalCost.expected;
  totalCost.expected = toCents(totals.money.expected - discount);
  const used = rates.periods.filter((_, p) => periodsUsed.has(p));
  return {
    connectors,
    assumptions: { ...options.assumptions },
    totals: {
      ...totals.counts,
      cost: totalCost,
      tierDiscount: undiscounted - totalCost.expected,
      connectors: connectors.length,
      byCountry: [...totalCountries.values()].map(countryOut).sort(byCost),
    },
    unreadableSessionRows,
    periodsUsed: used.map((p) => p.id),
    usesReportedRules:
      usesReportedFigures ||
      used.some((p) => p.status === 'reported') ||
      (options.assumptions.serviceAllowance &&
        used.some((p) => p.serviceFreePerConnectorMonth !== null)),
    markupPercent,
    mix: { ...options.mix },
  };
}

/**
 * The volume tiers' discount on the expected figure, in µUSD × W: per market key (a country's
 * own market, or the region whose rates priced it) and calendar month, the month's utility and
 * authentication volume (templates × their mix weight) is cut into the tiers' bands and each
 * band saves (base rate − tier rate). Utility templates inside a free service window add no
 * utility volume (they are free, not billed).
 */
function tierDiscount(
  tally: Tally,
  rates: RateTable,
  rules: PeriodRules,
  weights: Record<TemplateCategory, number>,
  countryCount: number,
): bigint {
  const monthly = tally.monthly;
  if (!monthly) return 0n;
  const W = BigInt(weights.marketing + weights.utility + weights.authentication);
  let discount = 0n;
  monthly.counts.forEach((counts, m) => {
    const p = monthly.periodOfMonth[m] as number;
    const period = rates.periods[p];
    if (!period?.tiers) return;
    // Volume per market key and category, in messages × W.
    const volume = new Map<
      string,
      { base: MarketRates; utility: bigint; authentication: bigint }
    >();
    for (let country = 0; country < countryCount; country++) {
      const outside = counts[country * KINDS + TEMPLATE] as number;
      const inside = counts[country * KINDS + TEMPLATE_IN_WINDOW] as number;
      // Utility volume: templates whose utility share is billed; authentication: all of them.
      const billed = rules.utilityFree[p] ? outside : outside + inside;
      const inWindow = rules.utilityFree[p] ? inside : 0;
      if (billed + inWindow === 0) continue;
      const resolved = rates.lookup(p, country);
      if (!resolved) continue;
      const key = resolved.viaRegion ?? rates.countryMarket(country);
      if (key === undefined || !period.tiers[key]) continue;
      let entry = volume.get(key);
      if (!entry) {
        entry = { base: resolved.rates, utility: 0n, authentication: 0n };
        volume.set(key, entry);
      }
      entry.utility += BigInt(billed) * BigInt(weights.utility);
      entry.authentication += BigInt(billed + inWindow) * BigInt(weights.authentication);
    }
    for (const [key, entry] of volume) {
      const tiers = period.tiers[key];
      for (const category of TIERED_CATEGORIES) {
        const steps = tiers?.[category];
        if (!steps || steps.length === 0) continue;
        const base = BigInt(usdToMicros(entry.base[category]));
        const total = entry[category];
        steps.forEach((step, i) => {
          const start = BigInt(step.above) * W;
          const next = steps[i + 1];
          const end = next ? BigInt(next.above) * W : total;
          const band = (total < end ? total : end) - start;
          if (band <= 0n) return;
          discount += band * (base - BigInt(usdToMicros(step.rate)));
        });
      }
    }
  });
  return discount;
}

import type { ReportRow } from '../../report-model/column-types';
import { toIsoDate } from '../../report-model/time-range';
import { billingFactsOf } from './billing-facts';
import { DEFAULT_MIX, weightsOf, type CategoryMix, type CostRange } from './estimate-cost';
import type { MessageTally } from './message-counts';
import { divRoundHalfUp, usdToMicros } from './money';
import {
  DEFAULT_ASSUMPTIONS,
  findPeriod,
  lookupRates,
  REPORTED_SERVICE_ALLOWANCE,
  type PricingAssumptions,
  type RateCard,
} from './rate-card';

/**
 * The per-message estimate: every business-sent message of report 2 (message-counts.ts)
 * priced by the rules of its date, with the connector and the country of its chat's report
 * 10 row (same CONN_ID). Meta bills delivered messages, so this is the closer figure; the
 * interaction estimate (estimate-cost.ts) prices one template per TEMPLATE = yes row.
 *
 * - Templates (business messages outside the service window): the mix's expected price,
 *   the cheapest and dearest category for the bounds (utility billed: outside the window).
 * - Service messages (inside the window): free while the period's service rule is null; from
 *   2026-10-01 at the market's service rate, after the card's free count per connector and
 *   month (raised to the reported 1,000 when `serviceAllowance` is on), in day order.
 * - Chats without a report 10 row (another channel, or outside report 10's range), dates
 *   outside the card and countries without a rate: counted, not priced.
 * Money as in estimate-cost: µUSD × mix weight in BigInt, markup and rounding once per figure.
 */
export interface PerMessageEstimate {
  cost: CostRange;
  templates: number;
  serviceMessages: number;
  billableServiceMessages: number;
  /** Chats of report 2 priced (found in report 10). */
  matchedChats: number;
  /** Chats of report 2 not in report 10: not priced. */
  unmatchedChats: number;
  /** Messages not priced: date outside the card or no rate for the country. */
  unpricedMessages: number;
}

export interface PerMessageOptions {
  card: RateCard;
  mix?: CategoryMix;
  markupPercent?: number;
  assumptions?: Partial<PricingAssumptions>;
}

export function estimatePerMessage(
  rows10: readonly ReportRow[],
  tally: MessageTally,
  options: PerMessageOptions,
): PerMessageEstimate {
  const { card } = options;
  const weights = weightsOf(options.mix ?? DEFAULT_MIX);
  const W = weights.marketing + weights.utility + weights.authentication;
  const assumptions = { ...DEFAULT_ASSUMPTIONS, ...options.assumptions };
  const facts = billingFactsOf(rows10);
  const out: PerMessageEstimate = {
    cost: { low: 0, expected: 0, high: 0 },
    templates: 0,
    serviceMessages: 0,
    billableServiceMessages: 0,
    matchedChats: 0,
    unmatchedChats: 0,
    unpricedMessages: 0,
  };
  const money = { low: 0n, expected: 0n, high: 0n };
  const service: { day: number; connector: number; country: number; count: number }[] = [];
  const seen = new Set<string>();
  const rateOf = (day: number, country: number) => {
    const period = findPeriod(card, toIsoDate(day));
    const market = facts.countries[country]?.market;
    const resolved = period && market ? lookupRates(card, period, market) : undefined;
    return { period, rates: resolved?.rates };
  };

  rows10.forEach((row, r) => {
    const id =
      typeof row.conn_id === 'string' || typeof row.conn_id === 'number'
        ? String(row.conn_id).trim()
        : '';
    const chat = tally.chats.get(id);
    if (!chat || seen.has(id)) return;
    seen.add(id);
    out.matchedChats++;
    const connector = facts.connector[r] as number;
    const country = facts.destinies[facts.destiny[r] as number]?.country as number;
    chat.days.forEach((day, k) => {
      const templates = chat.templates[k] as number;
      const services = chat.service[k] as number;
      out.templates += templates;
      out.serviceMessages += services;
      if (services > 0) service.push({ day, connector, country, count: services });
      if (templates === 0) return;
      const { rates } = rateOf(day, country);
      if (!rates) {
        out.unpricedMessages += templates;
        return;
      }
      const m = usdToMicros(rates.marketing);
      const u = usdToMicros(rates.utility);
      const a = usdToMicros(rates.authentication);
      const n = BigInt(templates);
      money.expected +=
        n * BigInt(weights.marketing * m + weights.utility * u + weights.authentication * a);
      money.low += n * BigInt(Math.min(m, u, a) * W);
      money.high += n * BigInt(Math.max(m, u, a) * W);
    });
  });
  out.unmatchedChats = tally.chats.size - out.matchedChats;

  // Service messages in day order: each connector's free count per calendar month first.
  service.sort((x, y) => x.day - y.day);
  const used = new Map<string, number>();
  for (const entry of service) {
    const { period, rates } = rateOf(entry.day, entry.country);
    if (!period) {
      out.unpricedMessages += entry.count;
      continue;
    }
    let free = period.serviceFreePerConnectorMonth;
    if (free === null) continue;
    if (assumptions.serviceAllowance) free = Math.max(free, REPORTED_SERVICE_ALLOWANCE);
    const key = `${entry.connector}|${toIsoDate(entry.day).slice(0, 7)}`;
    const before = used.get(key) ?? 0;
    used.set(key, before + entry.count);
    const billable = Math.max(0, before + entry.count - Math.max(free, before));
    if (billable === 0) continue;
    out.billableServiceMessages += billable;
    if (!rates) {
      out.unpricedMessages += billable;
      continue;
    }
    const amount = BigInt(billable) * BigInt(usdToMicros(rates.service) * W);
    money.low += amount;
    money.expected += amount;
    money.high += amount;
  }

  const markupBp = BigInt(Math.round((options.markupPercent ?? 0) * 100));
  const denominator = BigInt(W) * 100_000_000n;
  const cents = (value: bigint) =>
    Number(divRoundHalfUp(value * (10_000n + markupBp), denominator));
  out.cost = { low: cents(money.low), expected: cents(money.expected), high: cents(money.high) };
  return out;
}

import {
  findPeriod,
  lookupRates,
  type MarketRates,
  type MarketTiers,
  type RateCard,
  type RatePeriod,
} from './rate-card';

/**
 * Meta changes rates only on 1 January, April, July and October (docs §5.4): the rates in force
 * this quarter and from the next quarter's first day, side by side, per market of the card.
 */
export interface QuarterRates {
  current: { from: string; period?: RatePeriod };
  next: { from: string; period?: RatePeriod };
  markets: {
    key: string;
    current?: MarketRates;
    next?: MarketRates;
    /** The region whose rates apply (e.g. Chile via LATAM before July 2026). */
    currentVia?: string;
    nextVia?: string;
    nextTiers?: MarketTiers;
    changed: boolean;
  }[];
}

/** First day of the quarter of an ISO date, and of the next quarter. */
export function quarterStarts(isoDate: string): { current: string; next: string } {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const nextMonth = first + 3;
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    current: `${year}-${pad(first)}-01`,
    next: nextMonth > 12 ? `${year + 1}-01-01` : `${year}-${pad(nextMonth)}-01`,
  };
}

export function quarterRates(card: RateCard, today: string): QuarterRates {
  const starts = quarterStarts(today);
  const current = findPeriod(card, today);
  const next = findPeriod(card, starts.next);
  const keys = new Set([...Object.keys(current?.rates ?? {}), ...Object.keys(next?.rates ?? {})]);
  // Region members show through their region when they have no rates of their own.
  for (const region of Object.values(card.regions)) for (const m of region.members) keys.add(m);
  const same = (a?: MarketRates, b?: MarketRates) =>
    a?.marketing === b?.marketing &&
    a?.utility === b?.utility &&
    a?.authentication === b?.authentication &&
    a?.service === b?.service;
  const markets = [...keys]
    .map((key) => {
      const now = current ? lookupRates(card, current, key) : undefined;
      const then = next ? lookupRates(card, next, key) : undefined;
      const entry: QuarterRates['markets'][number] = {
        key,
        changed: !same(now?.rates, then?.rates),
      };
      if (now) entry.current = now.rates;
      if (then) entry.next = then.rates;
      if (now?.viaRegion) entry.currentVia = now.viaRegion;
      if (then?.viaRegion) entry.nextVia = then.viaRegion;
      const tiers = next?.tiers?.[then?.viaRegion ?? key];
      if (tiers) entry.nextTiers = tiers;
      return entry;
    })
    .filter((m) => m.current || m.next)
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    current: current ? { from: starts.current, period: current } : { from: starts.current },
    next: next ? { from: starts.next, period: next } : { from: starts.next },
    markets,
  };
}

import type { MarketRates, RateCard, RatePeriod } from './rate-card-types';

/**
 * The rate card: its types (rate-card-types.ts), the shipped card (default-rate-card.ts),
 * import checks and export (rate-card-validation.ts), and here the lookups the estimate
 * makes. Importers may take everything from this module.
 */
export * from './rate-card-types';
export * from './default-rate-card';
export * from './rate-card-validation';

/** A deep, mutable copy of a card (e.g. of the frozen default before editing). */
export function cloneRateCard(card: RateCard): RateCard {
  return structuredClone(card) as RateCard;
}

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

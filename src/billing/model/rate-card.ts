import type { MarketRates, RateCard, RatePeriod } from './rate-card-types';
import { DEFAULT_RATE_CARD } from './default-rate-card';
import { serializeRateCard } from './rate-card-validation';

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

/**
 * A short id of a card's content, for links (view-state's `card`): `default` for the shipped
 * card, else `c-` and a 32-bit FNV-1a hash of its JSON in hex. Two supervisors with the same
 * figures get the same id; a link priced with another card can say so.
 */
export function rateCardId(card: RateCard): string {
  if (card === DEFAULT_RATE_CARD) return 'default';
  const text = serializeRateCard(card);
  if (text === defaultText()) return 'default';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `c-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

let defaultJson: string | undefined;
const defaultText = () => (defaultJson ??= serializeRateCard(DEFAULT_RATE_CARD));

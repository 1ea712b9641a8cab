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
  /** Where these figures come from (a URL or a named transcription). */
  source?: string;
  /** True when no primary source confirms the figures (docs' "reported" / "from memory"). */
  reported?: boolean;
}

/**
 * A volume tier (Meta's "telescopic" discount): from the `above + 1`-th message of a
 * category in a market in a calendar month, each message costs `rate` instead of the base.
 */
export interface VolumeTier {
  above: number;
  rate: number;
}

/** Tiered categories: utility and authentication only (docs §5.4). */
export const TIERED_CATEGORIES = ['utility', 'authentication'] as const;
export type TieredCategory = (typeof TIERED_CATEGORIES)[number];
export type MarketTiers = Partial<Record<TieredCategory, VolumeTier[]>>;

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
   * The in-window utility rule of this period is disputed by the sources (2026-10: Meta's page
   * bills them, a rate file keeps them free): the user's `utilityInWindowBilled` assumption
   * decides, not `utilityFreeInServiceWindow`.
   */
  utilityInWindowSwitch?: boolean;
  /**
   * Volume tiers per market key (ISO-2 or region key), counted per calendar month over every
   * connector (Meta counts over the business portfolio). Empty by default: Latin American
   * thresholds are not published.
   */
  tiers?: Record<string, MarketTiers>;
  /**
   * Service (`template = no`) rows free per connector per calendar month;
   * beyond it each costs the market's `service` rate. null = always free; 0 = all charged
   * (the reported 1,000 allowance is a user assumption, `serviceAllowance`).
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

/** The three template rates of a market, in TEMPLATE_CATEGORIES order. */
export type TemplateRates = readonly [marketing: number, utility: number, authentication: number];

/** A market's rates from its template triple, service rate and optional note. */
export function marketRates(
  [marketing, utility, authentication]: TemplateRates,
  service: number,
  note?: string,
): MarketRates {
  return note === undefined
    ? { marketing, utility, authentication, service }
    : { marketing, utility, authentication, service, note };
}

/**
 * The user's answers where the sources disagree or are unconfirmed. They travel with the link
 * (view state) so a figure sent to finance can be reproduced.
 */
export interface PricingAssumptions {
  /**
   * Utility templates inside the service window are billed in periods marked
   * `utilityInWindowSwitch` (from 2026-10-01). Default on: Meta's own pricing page (updated
   * 2026-07-01) says so; only a provider's rate file (2026-10-09) keeps them free, and an
   * estimate that a bill may exceed is the worse surprise for finance.
   */
  utilityInWindowBilled: boolean;
  /** The reported 1,000 free service messages per business number per month (off by default). */
  serviceAllowance: boolean;
}

export const DEFAULT_ASSUMPTIONS: Readonly<PricingAssumptions> = Object.freeze({
  utilityInWindowBilled: true,
  serviceAllowance: false,
});

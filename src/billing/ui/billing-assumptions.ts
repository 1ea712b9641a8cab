import { useCallback, useEffect, useMemo, useState } from 'react';
import { readStored, writeStored } from '../../shared/local-store';
import { navigate, useLocationPart } from '../../shared/router';
import {
  MAX_MARKUP_PERCENT,
  parsePricingParams,
  pricingSearch,
  serializePricingParams,
  type PricingParams,
} from '../../report-model/view-state';
import type { BillingAssumptions } from '../model/billing-totals';
import { DEFAULT_MIX } from '../model/estimate-cost';
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_RATE_CARD,
  rateCardId,
  type PricingAssumptions,
  type RateCard,
} from '../model/rate-card';
import { deployedRateCard } from './rate-card-store';

const STORAGE_KEY = 'wolkvox.billingAssumptions.v1';
const DEFAULT: Required<BillingAssumptions> = {
  mix: { ...DEFAULT_MIX },
  markupPercent: 0,
  assumptions: { ...DEFAULT_ASSUMPTIONS },
};

function load(): Required<BillingAssumptions> {
  const saved = readStored(STORAGE_KEY) as Partial<BillingAssumptions> | undefined;
  const mix = saved?.mix;
  const valid =
    mix &&
    [mix.marketing, mix.utility, mix.authentication].every(
      (n) => typeof n === 'number' && n >= 0,
    ) &&
    mix.marketing + mix.utility + mix.authentication > 0;
  const markup = saved?.markupPercent;
  const switches = saved?.assumptions;
  const flag = (name: keyof PricingAssumptions): boolean =>
    typeof switches?.[name] === 'boolean' ? switches[name] : DEFAULT_ASSUMPTIONS[name];
  return {
    mix: valid ? mix : DEFAULT.mix,
    markupPercent: typeof markup === 'number' && markup >= 0 && markup <= 1000 ? markup : 0,
    assumptions: {
      utilityInWindowBilled: flag('utilityInWindowBilled'),
      serviceAllowance: flag('serviceAllowance'),
    },
  };
}

/** The supervisor's assumed template mix, provider markup and switches, remembered in this browser. */
export function useBillingAssumptions() {
  const [value, setValue] = useState(load);
  const update = useCallback((patch: Partial<BillingAssumptions>) => {
    setValue((current) => {
      const next = { ...current, ...patch };
      writeStored(STORAGE_KEY, next);
      return next;
    });
  }, []);
  return [value, update] as const;
}

/** Two decimals at most: what the URL can carry (view-state's pricing parameters). */
const twoDecimals = (n: number) => Math.round(n * 100) / 100;

function toParams(value: Required<BillingAssumptions>, card: string): PricingParams {
  const { mix, markupPercent, assumptions } = value;
  return {
    card,
    mix: [twoDecimals(mix.marketing), twoDecimals(mix.utility), twoDecimals(mix.authentication)],
    markup: Math.min(MAX_MARKUP_PERCENT, twoDecimals(markupPercent)),
    uiw: assumptions.utilityInWindowBilled,
    sa: assumptions.serviceAllowance,
  };
}

export interface PricingState {
  /** What the estimate uses: the link's assumptions where it has them, else the stored ones. */
  assumptions: Required<BillingAssumptions>;
  /** The card that prices: the link's when it names the shipped or the deployment's card. */
  card: RateCard;
  /** The link's card id when this browser does not have that card (the figure may differ). */
  unknownCard?: string;
  update: (patch: Partial<BillingAssumptions>) => void;
}

/**
 * Report 10's pricing assumptions, shared through the link: the URL's `card`, `mix`,
 * `markup`, `uiw` and `sa` win over this browser's stored choices, and every change is
 * written to both (the URL by replacement: assumptions are not a navigation). On first view
 * the URL gets the assumptions in force, so any link copied from the address bar carries them.
 */
export function usePricingAssumptions(activeCard: RateCard): PricingState {
  const [stored, store] = useBillingAssumptions();
  // Only the pricing parameters: a key typed into the phone filter changes the URL, and the
  // billing panel need not render again in that key's render (it did: ~4 ms of each key).
  const pathname = useLocationPart((path) => path);
  const search = useLocationPart((_, query) => pricingSearch(query));
  const { pricing } = useMemo(() => parsePricingParams(search), [search]);

  const { marketing, utility, authentication } = stored.mix;
  const [linkMarketing, linkUtility, linkAuthentication] = pricing.mix ?? [];
  const assumptions = useMemo<Required<BillingAssumptions>>(
    () => ({
      mix:
        linkMarketing === undefined
          ? { marketing, utility, authentication }
          : {
              marketing: linkMarketing,
              utility: linkUtility as number,
              authentication: linkAuthentication as number,
            },
      markupPercent: pricing.markup ?? stored.markupPercent,
      assumptions: {
        utilityInWindowBilled: pricing.uiw ?? stored.assumptions.utilityInWindowBilled,
        serviceAllowance: pricing.sa ?? stored.assumptions.serviceAllowance,
      },
    }),
    [
      marketing,
      utility,
      authentication,
      linkMarketing,
      linkUtility,
      linkAuthentication,
      pricing.markup,
      pricing.uiw,
      pricing.sa,
      stored.markupPercent,
      stored.assumptions.utilityInWindowBilled,
      stored.assumptions.serviceAllowance,
    ],
  );

  const activeId = useMemo(() => rateCardId(activeCard), [activeCard]);
  let card = activeCard;
  let unknownCard: string | undefined;
  if (pricing.card !== undefined && pricing.card !== activeId) {
    const deployed = deployedRateCard();
    if (pricing.card === 'default') card = DEFAULT_RATE_CARD;
    else if (deployed && rateCardId(deployed) === pricing.card) card = deployed;
    else unknownCard = pricing.card;
  }
  const cardId = unknownCard === undefined ? (pricing.card ?? activeId) : activeId;

  const update = useCallback(
    (patch: Partial<BillingAssumptions>) => {
      store(patch);
      const next = { ...assumptions, ...patch };
      navigate(pathname + serializePricingParams(toParams(next, cardId), window.location.search), {
        replace: true,
      });
    },
    [store, assumptions, pathname, cardId],
  );

  // The link always says what it was priced with.
  const complete =
    pricing.card !== undefined &&
    pricing.mix !== undefined &&
    pricing.markup !== undefined &&
    pricing.uiw !== undefined &&
    pricing.sa !== undefined;
  useEffect(() => {
    if (complete) return;
    navigate(
      pathname + serializePricingParams(toParams(assumptions, cardId), window.location.search),
      { replace: true },
    );
  }, [complete, assumptions, cardId, pathname]);

  return unknownCard === undefined
    ? { assumptions, card, update }
    : { assumptions, card, unknownCard, update };
}

import type { Translate } from '../../shared/i18n/i18n';
import { DEFAULT_RATE_CARD, type RateCard, type RatePeriod } from '../model/rate-card';

/**
 * The names a rate card shows (its name, region names, period labels and notes). The shipped
 * card's texts are data in English (exported with the card); while a card still says them, the
 * page shows the catalog's words for them in the user's language. A text the user edited or
 * imported is shown as written.
 */
export function cardTexts(card: RateCard, t: Translate) {
  const shipped = (id: string) => DEFAULT_RATE_CARD.periods.find((period) => period.id === id);
  return {
    name: card.name === DEFAULT_RATE_CARD.name ? t('rateCard.default.name') : card.name,
    regionName: (key: string): string | undefined => {
      const name = card.regions[key]?.name;
      if (name === undefined) return undefined;
      const isShipped = key === 'LATAM' && DEFAULT_RATE_CARD.regions[key]?.name === name;
      return isShipped ? t('rateCard.default.region.LATAM') : name;
    },
    periodLabel: (period: RatePeriod): string => {
      const id = period.id;
      if (!isShippedPeriod(id) || shipped(id)?.label !== period.label) return period.label;
      return t(`rateCard.default.label.${id}`);
    },
    periodNotes: (period: RatePeriod): string | undefined => {
      const id = period.id;
      if (!isShippedPeriod(id) || shipped(id)?.notes !== period.notes) return period.notes;
      return t(`rateCard.default.notes.${id}`);
    },
  };
}

const SHIPPED_PERIODS = ['pcp-2024-11', 'pmp-2025-07', 'pmp-2026-07', 'pmp-2026-10'] as const;
function isShippedPeriod(id: string): id is (typeof SHIPPED_PERIODS)[number] {
  return (SHIPPED_PERIODS as readonly string[]).includes(id);
}

import { useId, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { countryDisplayName } from '../model/country';
import {
  cloneRateCard,
  validateRateCard,
  TIERED_CATEGORIES,
  type RateCard,
  type TieredCategory,
  type VolumeTier,
} from '../model/rate-card';
import { cardTexts } from './card-texts';
import { describeRateCardIssue } from './rate-card-issue-text';

/** "1000: 0.007; 10000: 0.006" → tiers; undefined when a part does not read. '' → []. */
export function parseTiersText(text: string): VolumeTier[] | undefined {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const tiers: VolumeTier[] = [];
  for (const part of parts) {
    const match = /^(\d{1,12})\s*:\s*(\d+(?:[.,]\d+)?)$/.exec(part);
    if (!match) return undefined;
    tiers.push({ above: Number(match[1]), rate: Number(match[2]!.replace(',', '.')) });
  }
  return tiers;
}

export const tiersText = (tiers: readonly VolumeTier[] | undefined) =>
  (tiers ?? []).map((tier) => `${tier.above}: ${tier.rate}`).join('; ');

/**
 * Volume tiers of one period, market and category (utility or authentication; per calendar
 * month over every connector). Empty by default: Meta publishes no Latin American thresholds.
 */
export function TiersEditor({
  card,
  onChange,
}: {
  card: RateCard;
  onChange: (card: RateCard) => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const texts = cardTexts(card, t);
  const [periodId, setPeriodId] = useState(card.periods[card.periods.length - 1]?.id ?? '');
  const period = card.periods.find((p) => p.id === periodId) ?? card.periods[0];
  const markets = Object.keys(period?.rates ?? {}).sort();
  const [market, setMarket] = useState(markets[0] ?? '');
  const [category, setCategory] = useState<TieredCategory>('utility');
  const current = tiersText(period?.tiers?.[market]?.[category]);
  const [text, setText] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const shown = text ?? current;

  const apply = () => {
    if (!period) return;
    const tiers = parseTiersText(shown);
    if (!tiers) return setProblem(t('rateCard.tiers.unreadable'));
    const next = cloneRateCard(card);
    const target = next.periods.find((p) => p.id === period.id)!;
    const all = { ...(target.tiers ?? {}) };
    const own = { ...(all[market] ?? {}) };
    if (tiers.length > 0) own[category] = tiers;
    else delete own[category];
    if (Object.keys(own).length > 0) all[market] = own;
    else delete all[market];
    if (Object.keys(all).length > 0) target.tiers = all;
    else delete target.tiers;
    const result = validateRateCard(next);
    if (!result.ok) {
      return setProblem(result.issues.map((issue) => describeRateCardIssue(issue, t)).join(' '));
    }
    setProblem(undefined);
    setText(undefined);
    onChange(result.card);
  };

  const regionOr = (key: string) =>
    card.regions[key] ? (texts.regionName(key) ?? key) : countryDisplayName(key, locale);
  return (
    <section className="tiers-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rateCard.tiers.title')}</h2>
      <p>{t('rateCard.tiers.intro')}</p>
      <div className="assumption-controls">
        <label>
          {t('rateCard.tiers.period')}
          <select
            value={period?.id}
            onChange={(event) => {
              setPeriodId(event.target.value);
              setText(undefined);
            }}
          >
            {card.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {texts.periodLabel(p)} ({p.from})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rateCard.market')}
          <select
            value={market}
            onChange={(event) => {
              setMarket(event.target.value);
              setText(undefined);
            }}
          >
            {markets.map((key) => (
              <option key={key} value={key}>
                {regionOr(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rateCard.tiers.category')}
          <select
            value={category}
            onChange={(event) => {
              setCategory(event.target.value as TieredCategory);
              setText(undefined);
            }}
          >
            {TIERED_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(c === 'utility' ? 'rateCard.utility' : 'rateCard.authentication')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rateCard.tiers.steps')}
          <input
            type="text"
            value={shown}
            placeholder="1000: 0.0070; 10000: 0.0060"
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="button" onClick={apply}>
          {t('rateCard.tiers.apply')}
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}

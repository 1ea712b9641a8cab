import { useI18n } from '../../shared/i18n/i18n';
import { useSettings } from '../../shared/settings';
import { todayIn } from '../../report-model/date-presets';
import { countryDisplayName } from '../model/country';
import type { MarketRates, MarketTiers, RateCard } from '../model/rate-card';
import { quarterRates } from '../model/quarter-rates';
import { cardTexts } from './card-texts';

/** "0.0125 / 0.0008 / 0.0008 / 0.0008": marketing / utility / authentication / service. */
const figures = (rates: MarketRates) =>
  [rates.marketing, rates.utility, rates.authentication, rates.service].join(' / ');

const tierText = (tiers: MarketTiers) =>
  Object.entries(tiers)
    .map(
      ([category, steps]) => `${category} ${steps.map((s) => `>${s.above}: ${s.rate}`).join(', ')}`,
    )
    .join('; ');

/** The rates in force this quarter and from the next quarter's first day (Meta's only change dates). */
export function QuarterRatesTable({ card }: { card: RateCard }) {
  const { t, locale } = useI18n();
  const { settings } = useSettings();
  const quarters = quarterRates(card, todayIn(settings.timeZone));
  const texts = cardTexts(card, t);
  const region = (key: string) => texts.regionName(key) ?? key;
  const cell = (rates: MarketRates | undefined, via: string | undefined) =>
    rates ? (
      <>
        {figures(rates)}
        {via && <small> {t('rateCard.quarters.via', { region: region(via) })}</small>}
        {rates.reported && <small> ({t('rateCard.reported')})</small>}
      </>
    ) : (
      t('rateCard.quarters.none')
    );
  return (
    <section className="quarter-rates" aria-labelledby="quarter-rates-title">
      <h2 id="quarter-rates-title">{t('rateCard.quarters.title')}</h2>
      <p>
        {t('rateCard.quarters.intro', {
          current: quarters.current.from,
          currentLabel: quarters.current.period ? texts.periodLabel(quarters.current.period) : '—',
          next: quarters.next.from,
          nextLabel: quarters.next.period ? texts.periodLabel(quarters.next.period) : '—',
        })}
      </p>
      <div className="table-card">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rateCard.market')}</th>
              <th scope="col">
                {t('rateCard.quarters.thisQuarter', { date: quarters.current.from })}
              </th>
              <th scope="col">
                {t('rateCard.quarters.nextQuarter', { date: quarters.next.from })}
              </th>
              <th scope="col">{t('rateCard.quarters.source')}</th>
            </tr>
          </thead>
          <tbody>
            {quarters.markets.map((market) => (
              <tr key={market.key}>
                <th scope="row">
                  {card.regions[market.key]
                    ? region(market.key)
                    : countryDisplayName(market.key, locale)}
                </th>
                <td>{cell(market.current, market.currentVia)}</td>
                <td>
                  {cell(market.next, market.nextVia)}
                  {market.changed && market.current && market.next && (
                    <strong> {t('rateCard.quarters.changed')}</strong>
                  )}
                  {market.nextTiers && (
                    <small>
                      {' '}
                      {t('rateCard.quarters.tiers', { tiers: tierText(market.nextTiers) })}
                    </small>
                  )}
                </td>
                <td>
                  <small>{(market.next ?? market.current)?.source ?? '—'}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

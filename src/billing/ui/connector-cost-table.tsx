import { DrillRowHeader } from '../../charts/drill-row-header';
import { formatShare } from '../../charts/chart-format';
import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { countryDisplayName } from '../model/country';
import type { CostEstimate, CostRange, CountryCost } from '../model/estimate-cost';
import { useI18n } from '../../shared/i18n/i18n';
import { formatUsdCents } from '../model/money';

export interface ConnectorCostTableProps {
  /** `estimateCost(...)`. */
  estimate: CostEstimate;
  /** Drill-down: connector id (UNKNOWN_CONNECTOR for unreadable SESSION_IDs). */
  onSelectConnector?: (connectorId: string) => void;
  /** Countries named per row before "+N more". */
  maxCountries?: number;
}

/** Per-connector usage and estimated cost range, as a plain accessible table. */
export function ConnectorCostTable({
  estimate,
  onSelectConnector,
  maxCountries = 3,
}: ConnectorCostTableProps) {
  const { t, locale } = useI18n();
  const count = new Intl.NumberFormat(locale);
  const money = (cents: number) => formatUsdCents(cents, locale);
  const range = (cost: CostRange) =>
    t('billing.costTable.range', { low: money(cost.low), high: money(cost.high) });
  const countryName = (country: Pick<CountryCost, 'key' | 'market'>) =>
    country.market
      ? countryDisplayName(country.market, locale)
      : country.key === ''
        ? t('billing.noCountry')
        : country.key;
  const { totals } = estimate;

  if (estimate.connectors.length === 0) {
    return <p className="billing-empty">{t('billing.costTable.empty')}</p>;
  }

  const mixTotal = estimate.mix.marketing + estimate.mix.utility + estimate.mix.authentication;
  const mix = (
    [
      [estimate.mix.marketing, 'billing.costTable.mixMarketing'],
      [estimate.mix.utility, 'billing.costTable.mixUtility'],
      [estimate.mix.authentication, 'billing.costTable.mixAuthentication'],
    ] as const
  )
    .filter(([value]) => value > 0)
    .map(([value, key]) => t(key, { pct: formatShare(value / mixTotal, locale) }))
    .join(', ');
  const noRateCountries = totals.byCountry
    .filter((country) => country.noRateRows > 0)
    .map((country) => `${countryName(country)} (${count.format(country.noRateRows)})`)
    .join(', ');

  const notes = [
    t('billing.costTable.basisNote', { mix }),
    estimate.markupPercent > 0 &&
      t('billing.costTable.markupNote', {
        pct: formatShare(estimate.markupPercent / 100, locale),
      }),
    totals.noRateRows > 0 &&
      t('billing.costTable.noRateNote', {
        count: totals.noRateRows,
        countries: noRateCountries,
      }),
    estimate.unreadableSessionRows > 0 &&
      t('billing.costTable.unreadableNote', {
        count: estimate.unreadableSessionRows,
        label: t('billing.unreadableSession'),
      }),
    totals.undatedRows > 0 && t('billing.costTable.undatedNote', { count: totals.undatedRows }),
    totals.outsideCardRows > 0 &&
      t('billing.costTable.outsideNote', { count: totals.outsideCardRows }),
    totals.unknownTemplateRows > 0 &&
      t('billing.costTable.unknownTemplateNote', { count: totals.unknownTemplateRows }),
    estimate.usesReportedRules && t('billing.costTable.reportedNote'),
    estimate.connectors.length > 1 && t('billing.costTable.roundingNote'),
  ].filter((note): note is string => typeof note === 'string');

  return (
    <div className="billing-cost-table">
      <table>
        <caption>{t('billing.costTable.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('billing.costTable.connector')}</th>
            <th scope="col">{t('billing.costTable.interactions')}</th>
            <th scope="col">{t('billing.costTable.templates')}</th>
            <th scope="col">{t('billing.costTable.countries')}</th>
            <th scope="col">{t('billing.costTable.costRange')}</th>
            <th scope="col">{t('billing.costTable.expected')}</th>
            <th scope="col">{t('billing.costTable.noRate')}</th>
          </tr>
        </thead>
        <tbody>
          {estimate.connectors.map((connector) => {
            const name =
              connector.connectorId === UNKNOWN_CONNECTOR
                ? t('billing.unreadableSession')
                : connector.name;
            const countries = connector.byCountry.slice(0, maxCountries).map(countryName);
            const more = connector.byCountry.length - countries.length;
            return (
              <tr key={connector.connectorId}>
                <DrillRowHeader
                  label={name}
                  action={t('billing.costTable.selectConnector', { name })}
                  onSelect={onSelectConnector && (() => onSelectConnector(connector.connectorId))}
                />
                <td>{count.format(connector.interactions)}</td>
                <td>{count.format(connector.templates)}</td>
                <td>
                  {countries.join(', ')}
                  {more > 0 && ` ${t('billing.costTable.more', { count: more })}`}
                </td>
                <td>{range(connector.cost)}</td>
                <td>{money(connector.cost.expected)}</td>
                <td>{count.format(connector.noRateRows)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('billing.costTable.total')}</th>
            <td>{count.format(totals.interactions)}</td>
            <td>{count.format(totals.templates)}</td>
            <td>{count.format(totals.byCountry.length)}</td>
            <td>{range(totals.cost)}</td>
            <td>{money(totals.cost.expected)}</td>
            <td>{count.format(totals.noRateRows)}</td>
          </tr>
        </tfoot>
      </table>
      <ul className="billing-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

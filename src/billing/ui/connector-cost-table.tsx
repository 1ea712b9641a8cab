import { DrillRowHeader } from '../../charts/drill-row-header';
import { formatShare } from '../../charts/chart-format';
import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { countryDisplayName } from '../model/country';
import type { CostEstimate, CostRange, CountryCost } from '../model/estimate-cost';
import {
  CONNECTOR_COST_TABLE_LABELS,
  fill,
  pickLabels,
  type ConnectorCostTableLabels,
} from './labels';
import { formatUsdCents } from '../model/money';

export interface ConnectorCostTableProps {
  /** `estimateCost(...)`. */
  estimate: CostEstimate;
  /** Drill-down: connector id (UNKNOWN_CONNECTOR for unreadable SESSION_IDs). */
  onSelectConnector?: (connectorId: string) => void;
  /** Countries named per row before "+N more". */
  maxCountries?: number;
  locale?: string;
  labels?: Partial<ConnectorCostTableLabels>;
}

/** Per-connector usage and estimated cost range, as a plain accessible table. */
export function ConnectorCostTable({
  estimate,
  onSelectConnector,
  maxCountries = 3,
  locale = 'en',
  labels,
}: ConnectorCostTableProps) {
  const text = pickLabels(CONNECTOR_COST_TABLE_LABELS, locale, labels);
  const count = new Intl.NumberFormat(locale);
  const money = (cents: number) => formatUsdCents(cents, locale);
  const range = (cost: CostRange) =>
    fill(text.range, { low: money(cost.low), high: money(cost.high) });
  const countryName = (country: Pick<CountryCost, 'key' | 'market'>) =>
    country.market
      ? countryDisplayName(country.market, locale)
      : country.key === ''
        ? text.emptyCountry
        : country.key;
  const { totals } = estimate;

  if (estimate.connectors.length === 0) {
    return <p className="billing-empty">{text.empty}</p>;
  }

  const mixTotal = estimate.mix.marketing + estimate.mix.utility + estimate.mix.authentication;
  const mix = (
    [
      [estimate.mix.marketing, text.mixMarketing],
      [estimate.mix.utility, text.mixUtility],
      [estimate.mix.authentication, text.mixAuthentication],
    ] as const
  )
    .filter(([value]) => value > 0)
    .map(([value, template]) => fill(template, { pct: formatShare(value / mixTotal, locale) }))
    .join(', ');
  const noRateCountries = totals.byCountry
    .filter((country) => country.noRateRows > 0)
    .map((country) => `${countryName(country)} (${count.format(country.noRateRows)})`)
    .join(', ');

  const notes = [
    fill(text.basisNote, { mix }),
    estimate.markupPercent > 0 &&
      fill(text.markupNote, { pct: formatShare(estimate.markupPercent / 100, locale) }),
    totals.noRateRows > 0 &&
      fill(text.noRateNote, { n: count.format(totals.noRateRows), countries: noRateCountries }),
    estimate.unreadableSessionRows > 0 &&
      fill(text.unreadableNote, {
        n: count.format(estimate.unreadableSessionRows),
        label: text.unreadableSession,
      }),
    totals.undatedRows > 0 && fill(text.undatedNote, { n: count.format(totals.undatedRows) }),
    totals.outsideCardRows > 0 &&
      fill(text.outsideNote, { n: count.format(totals.outsideCardRows) }),
    totals.unknownTemplateRows > 0 &&
      fill(text.unknownTemplateNote, { n: count.format(totals.unknownTemplateRows) }),
    estimate.usesReportedRules && text.reportedNote,
    estimate.connectors.length > 1 && text.roundingNote,
  ].filter((note): note is string => typeof note === 'string');

  return (
    <div className="billing-cost-table">
      <table>
        <caption>{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.connector}</th>
            <th scope="col">{text.interactions}</th>
            <th scope="col">{text.templates}</th>
            <th scope="col">{text.countries}</th>
            <th scope="col">{text.costRange}</th>
            <th scope="col">{text.expected}</th>
            <th scope="col">{text.noRate}</th>
          </tr>
        </thead>
        <tbody>
          {estimate.connectors.map((connector) => {
            const name =
              connector.connectorId === UNKNOWN_CONNECTOR ? text.unreadableSession : connector.name;
            const countries = connector.byCountry.slice(0, maxCountries).map(countryName);
            const more = connector.byCountry.length - countries.length;
            return (
              <tr key={connector.connectorId}>
                <DrillRowHeader
                  label={name}
                  action={fill(text.selectConnector, { name })}
                  onSelect={onSelectConnector && (() => onSelectConnector(connector.connectorId))}
                />
                <td>{count.format(connector.interactions)}</td>
                <td>{count.format(connector.templates)}</td>
                <td>
                  {countries.join(', ')}
                  {more > 0 && ` ${fill(text.more, { n: more })}`}
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
            <th scope="row">{text.total}</th>
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

import type { ColumnDef } from '../../report-model/catalog';
import type { ReportRow } from '../../report-model/column-types';
import type { CostEstimate } from './estimate-cost';

/** Columns of the per-connector export: amounts in USD (dot decimals), labelled as estimates. */
export const CONNECTOR_CSV_COLUMNS: ColumnDef[] = [
  { key: 'connector', header: 'CONNECTOR', type: 'text' },
  { key: 'connector_id', header: 'CONNECTOR_ID', type: 'id' },
  { key: 'interactions', header: 'INTERACTIONS', type: 'count' },
  { key: 'templates', header: 'TEMPLATES', type: 'count' },
  { key: 'countries', header: 'COUNTRIES', type: 'text' },
  { key: 'no_rate_rows', header: 'ROWS_WITHOUT_RATE', type: 'count' },
  { key: 'cost_low', header: 'ESTIMATED_COST_LOW_USD', type: 'count' },
  { key: 'cost_expected', header: 'ESTIMATED_COST_EXPECTED_USD', type: 'count' },
  { key: 'cost_high', header: 'ESTIMATED_COST_HIGH_USD', type: 'count' },
];

/** One row per connector of an estimate, cents turned into dollars. */
export function connectorCsvRows(estimate: CostEstimate): ReportRow[] {
  return estimate.connectors.map((connector) => ({
    connector: connector.name,
    connector_id: connector.readable ? connector.connectorId : null,
    interactions: connector.interactions,
    templates: connector.templates,
    countries: connector.countries.join(' '),
    no_rate_rows: connector.noRateRows,
    cost_low: connector.cost.low / 100,
    cost_expected: connector.cost.expected / 100,
    cost_high: connector.cost.high / 100,
  }));
}

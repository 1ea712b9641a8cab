import type { ReportRow } from '../../report-model/column-types';
import type { ConnectorNames } from '../../report-model/connector';
import { estimateCost, type CategoryMix, type CostEstimate } from './estimate-cost';
import type { PricingAssumptions, RateCard } from './rate-card';
import { aggregateUsage, type UsageAggregates } from './usage-aggregates';

/** What report 10's panel shows for a view: usage for the charts, the cost estimate. */
export interface BillingTotals {
  usage: UsageAggregates;
  estimate: CostEstimate;
}

/**
 * The supervisor's assumed template mix, provider markup and rule switches. Shaped like
 * estimateCost's options, so `{ card, ...assumptions }` prices with all of them.
 */
export interface BillingAssumptions {
  mix: CategoryMix;
  markupPercent: number;
  /** The switches where the sources disagree (default: DEFAULT_ASSUMPTIONS). */
  assumptions?: PricingAssumptions;
}

export interface BillingInputs {
  card: RateCard;
  assumptions: BillingAssumptions;
  connectorNames?: ConnectorNames;
}

/** The totals of every row of a load, kept: clearing a filter shows them again without a pass. */
const everyRow = new WeakMap<
  readonly ReportRow[],
  { inputs: BillingInputs; totals: BillingTotals }
>();

/**
 * Usage and estimate over the rows of `order` (the table's filtered view; it never repeats
 * a row). Measured as 'billing totals' in the browser's performance panel (`npm run bench`
 * reads it).
 */
export function billingTotals(
  rows: readonly ReportRow[],
  order: ArrayLike<number>,
  inputs: BillingInputs,
): BillingTotals {
  const all = order.length === rows.length;
  const kept = all ? everyRow.get(rows) : undefined;
  if (
    kept &&
    kept.inputs.card === inputs.card &&
    kept.inputs.assumptions === inputs.assumptions &&
    kept.inputs.connectorNames === inputs.connectorNames
  )
    return kept.totals;
  const started = performance.now();
  const { card, assumptions, connectorNames } = inputs;
  const indices = all ? undefined : order;
  const totals: BillingTotals = {
    usage: aggregateUsage(rows, indices, { connectorNames }),
    estimate: estimateCost(rows, { card, ...assumptions, connectorNames, indices }),
  };
  performance.measure('billing totals', { start: started });
  if (all) everyRow.set(rows, { inputs, totals });
  return totals;
}

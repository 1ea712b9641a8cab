import { readStored, removeStored, storedKeys, writeStored } from '../../shared/local-store';
import type { BilledFormat, BilledLine } from './billed-import';
import type { CostEstimate } from './estimate-cost';

/**
 * Estimate against what was billed, per country and (when the billed lines name one) per
 * connector; the variance; and the marketing share that would explain the billed figure.
 *
 * The explaining share uses the estimate twice more, priced all-marketing (M) and
 * all-utility (U) with the same rate card, markup and switches: the expected figure is linear
 * in the mix, so the share x with U + x (M − U) = billed is (billed − U) / (M − U). Outside
 * 0–100 % the mix alone cannot explain the bill (rates, messages not in report 10, or fees).
 */

export interface ReconciledLine {
  key: string;
  label: string;
  estimate: number;
  billed: number;
  /** billed − estimate, cents. */
  variance: number;
  /** variance / estimate; null without an estimate. */
  varianceShare: number | null;
  /** 0..1 within the explainable range; null when the mix cannot move the figure. */
  marketingShare: number | null;
  /** The share is outside 0–100 %: the mix alone does not explain the bill. */
  unexplained: boolean;
}

export interface Reconciliation {
  countries: ReconciledLine[];
  connectors: ReconciledLine[];
  total: ReconciledLine;
}

interface Bounds {
  expected: number;
  allMarketing: number;
  allUtility: number;
}

function line(key: string, label: string, bounds: Bounds, billed: number): ReconciledLine {
  const variance = billed - bounds.expected;
  const spread = bounds.allMarketing - bounds.allUtility;
  const share = spread === 0 ? null : (billed - bounds.allUtility) / spread;
  return {
    key,
    label,
    estimate: bounds.expected,
    billed,
    variance,
    varianceShare: bounds.expected === 0 ? null : variance / bounds.expected,
    marketingShare: share === null ? null : Math.min(1, Math.max(0, share)),
    unexplained: share !== null && (share < -1e-9 || share > 1 + 1e-9),
  };
}

const sumInto = (map: Map<string, number>, key: string, cents: number) =>
  map.set(key, (map.get(key) ?? 0) + cents);

export function reconcile(
  billedLines: readonly BilledLine[],
  estimate: CostEstimate,
  allMarketing: CostEstimate,
  allUtility: CostEstimate,
  countryLabel: (key: string) => string = (key) => key,
): Reconciliation {
  const billedByCountry = new Map<string, number>();
  const billedByConnector = new Map<string, number>();
  let billedTotal = 0;
  // A connector written as its id or as its name.
  const connectorKey = new Map<string, string>();
  for (const c of estimate.connectors) {
    connectorKey.set(c.connectorId.toLowerCase(), c.connectorId);
    connectorKey.set(c.name.toLowerCase(), c.connectorId);
  }
  for (const billed of billedLines) {
    billedTotal += billed.cents;
    sumInto(billedByCountry, billed.country, billed.cents);
    if (billed.connector !== undefined) {
      const key = connectorKey.get(billed.connector.toLowerCase()) ?? billed.connector;
      sumInto(billedByConnector, key, billed.cents);
    }
  }
  const countryBounds = new Map<string, Bounds>();
  const bound = (map: Map<string, Bounds>, key: string) => {
    let b = map.get(key);
    if (!b) map.set(key, (b = { expected: 0, allMarketing: 0, allUtility: 0 }));
    return b;
  };
  for (const c of estimate.totals.byCountry)
    bound(countryBounds, c.key).expected += c.cost.expected;
  for (const c of allMarketing.totals.byCountry)
    bound(countryBounds, c.key).allMarketing += c.cost.expected;
  for (const c of allUtility.totals.byCountry)
    bound(countryBounds, c.key).allUtility += c.cost.expected;
  for (const key of billedByCountry.keys()) bound(countryBounds, key);

  const connectorBounds = new Map<string, Bounds>();
  const names = new Map<string, string>();
  if (billedByConnector.size > 0) {
    for (const c of estimate.connectors) {
      bound(connectorBounds, c.connectorId).expected += c.cost.expected;
      names.set(c.connectorId, c.name);
    }
    for (const c of allMarketing.connectors)
      bound(connectorBounds, c.connectorId).allMarketing += c.cost.expected;
    for (const c of allUtility.connectors)
      bound(connectorBounds, c.connectorId).allUtility += c.cost.expected;
    for (const key of billedByConnector.keys()) bound(connectorBounds, key);
  }
  const byVariance = (a: ReconciledLine, b: ReconciledLine) =>
    Math.abs(b.variance) - Math.abs(a.variance) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    countries: [...countryBounds]
      .map(([key, b]) => line(key, countryLabel(key), b, billedByCountry.get(key) ?? 0))
      .sort(byVariance),
    connectors: [...connectorBounds]
      .map(([key, b]) => line(key, names.get(key) ?? key, b, billedByConnector.get(key) ?? 0))
      .sort(byVariance),
    total: line(
      'total',
      'total',
      {
        expected: estimate.totals.cost.expected,
        allMarketing: allMarketing.totals.cost.expected,
        allUtility: allUtility.totals.cost.expected,
      },
      billedTotal,
    ),
  };
}

// ---------------------------------------------------------------------------

/** What the supervisor imported or typed for a period, remembered in this browser only. */
export interface StoredBilled {
  format: BilledFormat | 'entered';
  fileName?: string;
  lines: BilledLine[];
}

const BILLED_PREFIX = 'wolkvox.billed.v1.';
export const billedStoreKey = (from: string, to: string) => `${BILLED_PREFIX}${from}_${to}`;

/** Periods whose billed figures are kept in this browser; older periods are forgotten. */
export const MAX_STORED_PERIODS = 24;

function isLine(value: unknown): value is BilledLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.country === 'string' &&
    typeof v.category === 'string' &&
    typeof v.cents === 'number' &&
    Number.isSafeInteger(v.cents) &&
    (v.connector === undefined || typeof v.connector === 'string') &&
    (v.phone === undefined || typeof v.phone === 'string')
  );
}

export function readStoredBilled(from: string, to: string): StoredBilled | undefined {
  const value = readStored(billedStoreKey(from, to));
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.lines) || !v.lines.every(isLine) || typeof v.format !== 'string')
    return undefined;
  return {
    format: v.format as StoredBilled['format'],
    fileName: typeof v.fileName === 'string' ? v.fileName : undefined,
    lines: v.lines,
  };
}

/**
 * Remembers (or, with null, forgets) a period's billed figures. At most MAX_STORED_PERIODS
 * periods are kept: the period just written, and the most recent others by their dates (keys
 * are `from_to` in ISO dates, so they sort by period); older ones are removed.
 */
export function writeStoredBilled(from: string, to: string, billed: StoredBilled | null): void {
  const key = billedStoreKey(from, to);
  if (billed === null) {
    removeStored(key);
    return;
  }
  writeStored(key, billed);
  const others = storedKeys(BILLED_PREFIX)
    .filter((k) => k !== key)
    .sort()
    .reverse();
  for (const old of others.slice(MAX_STORED_PERIODS - 1)) removeStored(old);
}

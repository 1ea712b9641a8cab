import { stackedSeries, toDatum, type ChartDatum, type DrawnSeries } from '../../charts/chart-bars';
import { CHART_COLORS, OTHER_COLOR } from '../../charts/chart-colors';
import type { ValueFormats } from '../../charts/chart-format';
import type { ChartTableProps, ChartTableRow } from '../../charts/chart-table';
import type { Translate } from '../../shared/i18n/i18n';
import { templateShare, type UsageCounts } from '../model/usage-aggregates';

/**
 * The series of report 10's usage charts (per day, per connector, per country), by TEMPLATE:
 * yes, no, unreadable; and their bars and data-table rows in the shape the chart parts read.
 */
export type UsageSeries = 'templates' | 'nonTemplates' | 'unknown';

const COLORS: Readonly<Record<UsageSeries, string>> = {
  templates: CHART_COLORS[0],
  nonTemplates: OTHER_COLOR,
  unknown: CHART_COLORS[1],
};

const LABEL_KEYS = {
  templates: 'billing.series.templates',
  nonTemplates: 'billing.series.nonTemplates',
  unknown: 'billing.series.unknown',
} as const;

/** Templates, non-templates, and the unreadable-TEMPLATE series only when some row has one. */
export function usageSeries(hasUnknown: boolean, t: Translate): DrawnSeries[] {
  const keys: UsageSeries[] = hasUnknown
    ? ['templates', 'nonTemplates', 'unknown']
    : ['templates', 'nonTemplates'];
  return stackedSeries(keys.map((key) => ({ key, label: t(LABEL_KEYS[key]), color: COLORS[key] })));
}

/** A bar's parts, aligned with `usageSeries(hasUnknown, …)`. */
function usageParts(counts: UsageCounts, hasUnknown: boolean): number[] {
  return hasUnknown
    ? [counts.templates, counts.nonTemplates, counts.unknown]
    : [counts.templates, counts.nonTemplates];
}

/** The bar of a day, week, connector or country (every one drills down). */
export function usageDatum(key: string, counts: UsageCounts, hasUnknown: boolean): ChartDatum {
  return toDatum({
    key,
    value: counts.total,
    parts: usageParts(counts, hasUnknown),
    drillable: true,
  });
}

/** Its data-table row; the share column is the template share ("–" when no flag is readable). */
export function usageTableRow(
  key: string,
  label: string,
  counts: UsageCounts,
  hasUnknown: boolean,
): ChartTableRow {
  return {
    key,
    label,
    value: counts.total,
    parts: usageParts(counts, hasUnknown),
    drillable: true,
    share: counts.templates + counts.nonTemplates === 0 ? null : templateShare(counts),
  };
}

/** The data table's headers and texts, the same under every usage chart. */
export function usageTableText(
  series: readonly DrawnSeries[],
  t: Translate,
  formats: ValueFormats,
): Pick<
  ChartTableProps,
  'series' | 'valueHeader' | 'shareHeader' | 'formats' | 'summary' | 'selectLabel'
> {
  return {
    series: series.map((item) => item.label),
    valueHeader: t('billing.series.total'),
    shareHeader: t('billing.series.shareColumn'),
    formats,
    summary: t('billing.series.dataTable'),
    selectLabel: (name) => t('billing.series.select', { name }),
  };
}

import { stackedSeries, type DrawnSeries } from '../../charts/chart-bars';
import { CHART_COLORS, OTHER_COLOR } from '../../charts/chart-colors';
import { templateShare, type UsageCounts } from '../model/usage-aggregates';

/** The series of report 10's usage charts, by TEMPLATE: yes, no, unreadable. */
export type UsageSeries = 'templates' | 'nonTemplates' | 'unknown';

const COLORS: Readonly<Record<UsageSeries, string>> = {
  templates: CHART_COLORS[0],
  nonTemplates: OTHER_COLOR,
  unknown: CHART_COLORS[1],
};

/** Templates, non-templates, and the unreadable-TEMPLATE series only when some row has one. */
export function usageSeries(
  hasUnknown: boolean,
  labels: Readonly<Record<UsageSeries, string>>,
): DrawnSeries[] {
  const keys: UsageSeries[] = hasUnknown
    ? ['templates', 'nonTemplates', 'unknown']
    : ['templates', 'nonTemplates'];
  return stackedSeries(keys.map((key) => ({ key, label: labels[key], color: COLORS[key] })));
}

/** A bar's parts, aligned with `usageSeries(hasUnknown, …)`. */
export function usageParts(counts: UsageCounts, hasUnknown: boolean): number[] {
  return hasUnknown
    ? [counts.templates, counts.nonTemplates, counts.unknown]
    : [counts.templates, counts.nonTemplates];
}

/** The template share of a data-table row; null (shown "–") when no row has a readable flag. */
export function tableShare(counts: UsageCounts): number | null {
  return counts.templates + counts.nonTemplates === 0 ? null : templateShare(counts);
}

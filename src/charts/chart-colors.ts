/** Bar colours of every chart, series by series; the "Other" bar or series is grey. */
export const CHART_COLORS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#db2777',
] as const;
export const OTHER_COLOR = '#94a3b8';

/** The colour of series `i` of a chart (the folded "Other" series is grey). */
export function seriesColor(i: number, other = false): string {
  return other ? OTHER_COLOR : CHART_COLORS[i % CHART_COLORS.length]!;
}

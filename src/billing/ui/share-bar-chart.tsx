import { useMemo } from 'react';
import { valueAxis } from '../../charts/chart-bars';
import { CategoryBars } from '../../charts/category-bars';
import { ChartCard } from '../../charts/chart-card';
import { valueFormats } from '../../charts/chart-format';
import { ChartTable } from '../../charts/chart-table';
import { useHiddenSeries } from '../../charts/use-hidden-series';
import { useI18n } from '../../shared/i18n/i18n';
import { usageDatum, usageSeries, usageTableRow, usageTableText } from './usage-series';
import type { ShareEntry } from '../model/usage-aggregates';

/** How a share chart is laid out: the props the connector and country charts pass through. */
export interface ShareChartLayout {
  /** 100 % stacked bars (template share, the default) instead of counts. */
  normalized?: boolean;
  /** Largest entries shown (default 20); the rest are summarised in a note. */
  maxItems?: number;
  /** Fixed width in px; omitted → the chart fills its card. */
  width?: number;
  height?: number;
}

/** The texts that differ between the connector and the country chart. */
export interface ShareChartText {
  title: string;
  hint: string;
  /** Header of the data table's first column. */
  category: string;
}

export interface ShareBarChartProps<T extends ShareEntry> extends ShareChartLayout {
  entries: readonly T[];
  /** Display text per entry key (defaults to the entry's label). */
  labelOf?: (entry: T) => string;
  onSelect?: (entry: T) => void;
  text: ShareChartText;
  /** Notes under the chart, after the one on entries not shown. */
  notes?: readonly string[];
}

/**
 * Sideways stacked bars per entry (connector or country): templates vs non-templates. Drawn by
 * the report charts' parts (card, category bars, data table); the entries come from the billing
 * facts, not from the generic aggregate (see src/charts/README.md).
 */
export function ShareBarChart<T extends ShareEntry>({
  entries,
  labelOf = (entry: T) => entry.label,
  onSelect,
  normalized = true,
  maxItems = 20,
  width,
  height,
  text,
  notes = [],
}: ShareBarChartProps<T>) {
  const { t, locale } = useI18n();
  const { hidden, toggle } = useHiddenSeries();
  const shown = useMemo(() => entries.slice(0, Math.max(1, maxItems)), [entries, maxItems]);
  const hasUnknown = useMemo(() => shown.some((entry) => entry.unknown > 0), [shown]);
  const series = usageSeries(hasUnknown, t);
  const byKey = useMemo(() => new Map(shown.map((entry) => [entry.key, entry])), [shown]);
  const drawn = useMemo(
    () => shown.map((entry) => usageDatum(entry.key, entry, hasUnknown)),
    [shown, hasUnknown],
  );
  const nameOf = (key: string): string => {
    const entry = byKey.get(key);
    return entry ? labelOf(entry) : key;
  };
  const formats = valueFormats('count', locale);
  const select =
    onSelect &&
    ((key: string) => {
      const entry = byKey.get(key);
      if (entry) onSelect(entry);
    });
  const truncated =
    entries.length > shown.length
      ? [t('billing.share.truncated', { shown: shown.length, total: entries.length })]
      : [];

  return (
    <ChartCard
      landmark="figure"
      title={text.title}
      empty={shown.length === 0 ? t('billing.share.empty') : undefined}
      legend={{ series, hidden, onToggle: toggle, label: t('billing.series.legend') }}
      hint={onSelect && text.hint}
      table={
        <ChartTable
          rows={shown.map((entry) => usageTableRow(entry.key, labelOf(entry), entry, hasUnknown))}
          {...usageTableText(series, t, formats)}
          categoryHeader={text.category}
          onSelect={select}
        />
      }
      notes={[...truncated, ...notes]}
    >
      <CategoryBars
        data={drawn}
        series={series}
        hidden={hidden}
        onSelect={select}
        tickLabel={nameOf}
        tooltipLabel={(key) => {
          const entry = byKey.get(key);
          const share = entry ? formats.share(entry.templateShare) : '';
          return `${nameOf(key)} — ${t('billing.share.share', { pct: share })}`;
        }}
        formatValue={formats.value}
        axis={valueAxis(formats, { normalized })}
        allowDecimals={false}
        normalized={normalized}
        title={text.title}
        width={width}
        height={height ?? 48 + shown.length * 32}
      />
    </ChartCard>
  );
}

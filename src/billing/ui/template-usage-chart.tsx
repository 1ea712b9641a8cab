import { useMemo } from 'react';
import { valueAxis } from '../../charts/chart-bars';
import { ChartCard } from '../../charts/chart-card';
import { formatDay, valueFormats } from '../../charts/chart-format';
import { ChartTable } from '../../charts/chart-table';
import { PeriodBars } from '../../charts/period-bars';
import { useHiddenSeries } from '../../charts/use-hidden-series';
import { useI18n } from '../../shared/i18n/i18n';
import { usageDatum, usageSeries, usageTableRow, usageTableText } from './usage-series';
import { usagePeriods, type DayUsage } from '../model/usage-aggregates';

export interface TemplateUsageChartProps {
  /** `aggregateUsage(...).byDay`. */
  data: readonly DayUsage[];
  /** Rows without a usable date (`aggregateUsage(...).undatedRows`), mentioned under the chart. */
  undatedRows?: number;
  /** Drill-down: a bar was clicked; its first and last ISO day (the same day for a day bar). */
  onSelectPeriod?: (from: string, to: string) => void;
  /** Fixed width in px; omitted → the chart fills its container (recharts `responsive`). */
  width?: number;
  height?: number;
}

/**
 * Stacked bars per day (per week beyond a quarter): template vs non-template interactions.
 * Drawn by the report charts' parts (card, upright bars, data table); the figures come from
 * the billing facts, not from the generic aggregate (see src/charts/README.md).
 */
export function TemplateUsageChart({
  data,
  undatedRows = 0,
  onSelectPeriod,
  width,
  height = 280,
}: TemplateUsageChartProps) {
  const { t, locale } = useI18n();
  const { hidden, toggle } = useHiddenSeries();
  const hasUnknown = useMemo(() => data.some((day) => day.unknown > 0), [data]);
  const series = usageSeries(hasUnknown, t);
  const { unit, periods } = useMemo(() => usagePeriods(data), [data]);
  const weekly = unit === 'week';
  const title = weekly ? t('billing.usage.weekTitle') : t('billing.usage.title');
  const byStart = useMemo(() => new Map(periods.map((p) => [p.from, p])), [periods]);
  const drawn = useMemo(
    () => periods.map((period) => usageDatum(period.from, period, hasUnknown)),
    [periods, hasUnknown],
  );
  const periodLabel = (from: string) => {
    const period = byStart.get(from);
    if (!period) return from;
    return weekly
      ? `${formatDay(period.from, locale)} – ${formatDay(period.to, locale)}`
      : formatDay(period.from, locale);
  };
  const select =
    onSelectPeriod &&
    ((from: string) => {
      const period = byStart.get(from);
      if (period) onSelectPeriod(period.from, period.to);
    });
  const formats = valueFormats('count', locale);

  return (
    <ChartCard
      landmark="figure"
      title={title}
      empty={data.length === 0 ? t('billing.usage.empty') : undefined}
      legend={{ series, hidden, onToggle: toggle, label: t('billing.series.legend') }}
      hint={onSelectPeriod && (weekly ? t('billing.usage.weekHint') : t('billing.usage.hint'))}
      table={
        <ChartTable
          rows={periods
            .filter((period) => period.total > 0)
            .map((period) =>
              usageTableRow(period.from, periodLabel(period.from), period, hasUnknown),
            )}
          {...usageTableText(series, t, formats)}
          categoryHeader={weekly ? t('billing.usage.week') : t('billing.usage.day')}
          onSelect={select}
        />
      }
      notes={undatedRows > 0 ? [t('billing.usage.undatedNote', { count: undatedRows })] : []}
    >
      <PeriodBars
        data={drawn}
        series={series}
        hidden={hidden}
        onSelect={select}
        tickLabel={(day) => formatDay(day, locale)}
        periodLabel={periodLabel}
        formatValue={formats.value}
        axis={valueAxis(formats)}
        title={title}
        width={width}
        height={height}
      />
    </ChartCard>
  );
}

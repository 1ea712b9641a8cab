import { useId, useMemo } from 'react';
import { BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDataTable } from './chart-data-table';
import { chartSize, formatDay } from '../../charts/chart-format';
import { usageBars, usageSeries, useHiddenSeries } from '../../charts/chart-state';
import {
  fill,
  pickLabels,
  TEMPLATE_USAGE_CHART_LABELS,
  type TemplateUsageChartLabels,
} from './labels';
import { SeriesLegend } from '../../charts/series-legend';
import { usagePeriods, type DayUsage, type PeriodUsage } from '../model/usage-aggregates';

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
  locale?: string;
  labels?: Partial<TemplateUsageChartLabels>;
}

/** Stacked bars per day (per week beyond a quarter): template vs non-template interactions. */
export function TemplateUsageChart({
  data,
  undatedRows = 0,
  onSelectPeriod,
  width,
  height = 280,
  locale = 'en',
  labels,
}: TemplateUsageChartProps) {
  const text = pickLabels(TEMPLATE_USAGE_CHART_LABELS, locale, labels);
  const captionId = useId();
  const { hidden, toggle } = useHiddenSeries();
  const hasUnknown = useMemo(() => data.some((day) => day.unknown > 0), [data]);
  const series = usageSeries(hasUnknown, text);
  const { unit, periods } = useMemo(() => usagePeriods(data), [data]);
  const weekly = unit === 'week';
  const title = weekly ? text.weekTitle : text.title;
  const periodLabel = (period: PeriodUsage) =>
    weekly
      ? `${formatDay(period.from, locale)} – ${formatDay(period.to, locale)}`
      : formatDay(period.from, locale);
  const byStart = useMemo(() => new Map(periods.map((p) => [p.from, p])), [periods]);
  const size = chartSize(width, height);

  return (
    <figure className="billing-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      {data.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <>
          <SeriesLegend series={series} hidden={hidden} onToggle={toggle} label={text.legend} />
          <BarChart {...size} data={periods} title={title} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="from" tickFormatter={(day: string) => formatDay(day, locale)} />
            <YAxis allowDecimals={false} />
            <Tooltip
              labelFormatter={(from) => {
                const period = byStart.get(String(from));
                return period ? periodLabel(period) : String(from);
              }}
            />
            {usageBars<PeriodUsage>(
              series,
              hidden,
              'usage',
              onSelectPeriod && ((period) => onSelectPeriod(period.from, period.to)),
            )}
          </BarChart>
          {onSelectPeriod && <p className="billing-hint">{weekly ? text.weekHint : text.hint}</p>}
          <ChartDataTable
            rows={periods
              .filter((period) => period.total > 0)
              .map((period) => ({ ...period, key: period.from, label: periodLabel(period) }))}
            showUnknown={hasUnknown}
            onSelect={
              onSelectPeriod &&
              ((from) => {
                const period = byStart.get(from);
                if (period) onSelectPeriod(period.from, period.to);
              })
            }
            locale={locale}
            text={weekly ? { ...text, category: text.weekCategory } : text}
          />
        </>
      )}
      {undatedRows > 0 && (
        <p className="billing-note">{fill(text.undatedNote, { n: undatedRows })}</p>
      )}
    </figure>
  );
}

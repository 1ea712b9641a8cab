import { useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDataTable } from './chart-data-table';
import { formatDay, SERIES_COLORS, useHiddenSeries, type UsageSeries } from './chart-state';
import {
  fill,
  pickLabels,
  TEMPLATE_USAGE_CHART_LABELS,
  type TemplateUsageChartLabels,
} from './labels';
import { SeriesLegend } from './series-legend';
import type { DayUsage } from './usage-aggregates';

export interface TemplateUsageChartProps {
  /** `aggregateUsage(...).byDay`. */
  data: readonly DayUsage[];
  /** Rows without a usable date (`aggregateUsage(...).undatedRows`), mentioned under the chart. */
  undatedRows?: number;
  /** Drill-down: a bar was clicked. */
  onSelectDay?: (isoDate: string) => void;
  /** Fixed width in px; omitted → the chart fills its container (recharts `responsive`). */
  width?: number;
  height?: number;
  locale?: string;
  labels?: Partial<TemplateUsageChartLabels>;
}

const SERIES: readonly UsageSeries[] = ['templates', 'nonTemplates', 'unknown'];

/** Stacked bars per day: template vs non-template interactions. */
export function TemplateUsageChart({
  data,
  undatedRows = 0,
  onSelectDay,
  width,
  height = 280,
  locale = 'en',
  labels,
}: TemplateUsageChartProps) {
  const text = pickLabels(TEMPLATE_USAGE_CHART_LABELS, locale, labels);
  const captionId = useId();
  const { hidden, toggle } = useHiddenSeries();
  const hasUnknown = useMemo(() => data.some((day) => day.unknown > 0), [data]);
  const series = SERIES.filter((key) => key !== 'unknown' || hasUnknown).map((key) => ({
    key,
    label: text[key],
    color: SERIES_COLORS[key],
  }));
  const chartData = useMemo(() => data.map((day) => ({ ...day })), [data]);
  const size =
    width === undefined
      ? { responsive: true, style: { width: '100%', height } }
      : { width, height };

  return (
    <figure className="billing-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{text.title}</figcaption>
      {data.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <>
          <SeriesLegend series={series} hidden={hidden} onToggle={toggle} label={text.legend} />
          <BarChart {...size} data={chartData} title={text.title} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(day: string) => formatDay(day, locale)} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(day) => formatDay(String(day), locale)} />
            {series.map((item) => (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                stackId="usage"
                fill={item.color}
                hide={hidden.has(item.key)}
                isAnimationActive={false}
                cursor={onSelectDay ? 'pointer' : undefined}
                onClick={(bar) => {
                  const day = (bar.payload as DayUsage | undefined)?.day;
                  if (day && onSelectDay) onSelectDay(day);
                }}
              />
            ))}
          </BarChart>
          {onSelectDay && <p className="billing-hint">{text.hint}</p>}
          <ChartDataTable
            rows={data
              .filter((day) => day.total > 0)
              .map((day) => ({ ...day, key: day.day, label: formatDay(day.day, locale) }))}
            showUnknown={hasUnknown}
            onSelect={onSelectDay}
            locale={locale}
            text={text}
          />
        </>
      )}
      {undatedRows > 0 && (
        <p className="billing-note">{fill(text.undatedNote, { n: undatedRows })}</p>
      )}
    </figure>
  );
}

import { useId, useMemo, type ReactNode } from 'react';
import { BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDataTable } from './chart-data-table';
import { chartSize, formatShare } from '../../charts/chart-format';
import { usageBars, usageSeries, useHiddenSeries } from '../../charts/chart-state';
import { fill, type ShareChartLabels } from './labels';
import { SeriesLegend } from '../../charts/series-legend';
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
  locale?: string;
}

export interface ShareBarChartProps<T extends ShareEntry> extends ShareChartLayout {
  entries: readonly T[];
  /** Display text per entry key (defaults to the entry's label). */
  labelOf?: (entry: T) => string;
  onSelect?: (entry: T) => void;
  text: ShareChartLabels;
  notes?: ReactNode;
}

/** Horizontal stacked bars per entry (connector or country): templates vs non-templates. */
export function ShareBarChart<T extends ShareEntry>({
  entries,
  labelOf = (entry: T) => entry.label,
  onSelect,
  normalized = true,
  maxItems = 20,
  width,
  height,
  locale = 'en',
  text,
  notes,
}: ShareBarChartProps<T>) {
  const captionId = useId();
  const { hidden, toggle } = useHiddenSeries();
  const shown = useMemo(() => entries.slice(0, Math.max(1, maxItems)), [entries, maxItems]);
  const hasUnknown = shown.some((entry) => entry.unknown > 0);
  const series = usageSeries(hasUnknown, text);
  const byKey = useMemo(() => new Map(shown.map((entry) => [entry.key, entry])), [shown]);
  const chartData = useMemo(() => shown.map((entry) => ({ ...entry })), [shown]);
  const size = chartSize(width, height ?? 48 + shown.length * 32);
  const nameOf = (key: unknown): string => {
    const entry = byKey.get(String(key));
    return entry ? labelOf(entry) : String(key);
  };

  return (
    <figure className="billing-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{text.title}</figcaption>
      {shown.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <>
          <SeriesLegend series={series} hidden={hidden} onToggle={toggle} label={text.legend} />
          <BarChart
            {...size}
            data={chartData}
            layout="vertical"
            stackOffset={normalized ? 'expand' : undefined}
            title={text.title}
            accessibilityLayer
            margin={{ left: 8, right: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              allowDecimals={false}
              domain={normalized ? [0, 1] : undefined}
              ticks={normalized ? [0, 0.25, 0.5, 0.75, 1] : undefined}
              tickFormatter={normalized ? (v: number) => formatShare(v, locale) : undefined}
            />
            <YAxis type="category" dataKey="key" width={150} tickFormatter={nameOf} />
            <Tooltip
              labelFormatter={(key) => {
                const entry = byKey.get(String(key));
                const share = entry ? formatShare(entry.templateShare, locale) : '';
                return `${nameOf(key)} — ${fill(text.share, { pct: share })}`;
              }}
            />
            {usageBars<ShareEntry>(
              series,
              hidden,
              'share',
              onSelect &&
                ((datum) => {
                  const entry = byKey.get(datum.key);
                  if (entry) onSelect(entry);
                }),
            )}
          </BarChart>
          {onSelect && <p className="billing-hint">{text.hint}</p>}
          <ChartDataTable
            rows={shown.map((entry) => ({ ...entry, label: labelOf(entry) }))}
            showUnknown={hasUnknown}
            onSelect={
              onSelect &&
              ((key) => {
                const entry = byKey.get(key);
                if (entry) onSelect(entry);
              })
            }
            locale={locale}
            text={text}
          />
          {entries.length > shown.length && (
            <p className="billing-note">
              {fill(text.truncated, { shown: shown.length, total: entries.length })}
            </p>
          )}
        </>
      )}
      {notes}
    </figure>
  );
}

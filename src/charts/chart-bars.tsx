import type { ReactElement } from 'react';
import { Bar, Rectangle, type BarShapeProps } from 'recharts';
import { OTHER_COLOR } from './chart-colors';
import {
  durationTicks,
  fittedDurationTicks,
  percentTicks,
  type ValueFormats,
} from './chart-format';
import type { LegendSeries } from './series-legend';

/** One bar as recharts reads it: `value` (one series) or `p0`, `p1`… (stacked series). */
export interface ChartDatum {
  key: string;
  value: number;
  drillable: boolean;
  /** The "Other" bar: drawn grey (single-series charts; stacked ones grey the series). */
  other: boolean;
  [part: `p${number}`]: number;
}

/** A series as drawn: the legend's entry and the datum field it reads. */
export interface DrawnSeries extends LegendSeries {
  dataKey: 'value' | `p${number}`;
}

/** What the bars of a chart stand for: key, figure, parts per series. */
export interface BarFigures {
  key: string;
  value: number;
  parts?: readonly number[];
  drillable: boolean;
  other?: boolean;
}

export function toDatum(bar: BarFigures): ChartDatum {
  const datum: ChartDatum = {
    key: bar.key,
    value: bar.value,
    drillable: bar.drillable,
    other: bar.other === true,
  };
  bar.parts?.forEach((part, i) => (datum[`p${i}`] = part));
  return datum;
}

/** The series of a stacked chart, read from the datum's `p${i}` fields. */
export function stackedSeries(series: readonly LegendSeries[]): DrawnSeries[] {
  return series.map((item, i) => ({ ...item, dataKey: `p${i}` }));
}

/** Single-series bars: the "Other" bar in grey. */
const otherGrey = (props: BarShapeProps) => (
  <Rectangle
    {...props}
    fill={(props.payload as ChartDatum | undefined)?.other ? OTHER_COLOR : props.fill}
  />
);

export interface SeriesBarsProps {
  series: readonly DrawnSeries[];
  hidden: ReadonlySet<string>;
  /** A bar was clicked: its key (only bars that drill down). */
  onSelect?: (key: string) => void;
}

/**
 * One recharts `Bar` per series, stacked when there are several (a function, not a component:
 * recharts reads its chart's direct children).
 */
export function seriesBars({ series, hidden, onSelect }: SeriesBarsProps): ReactElement[] {
  const stacked = series.length > 1 || series[0]?.dataKey !== 'value';
  const onClick = (item: { payload?: unknown }) => {
    const datum = item.payload as ChartDatum | undefined;
    if (datum?.drillable && onSelect) onSelect(datum.key);
  };
  return series.map((item) => (
    <Bar
      key={item.dataKey}
      dataKey={item.dataKey as string}
      name={item.label}
      stackId={stacked ? 'stack' : undefined}
      fill={item.color}
      hide={hidden.has(item.key)}
      isAnimationActive={false}
      cursor={onSelect ? 'pointer' : undefined}
      onClick={onClick}
      shape={stacked ? undefined : otherGrey}
    />
  ));
}

/**
 * What both drawings take (`PeriodBars`, `CategoryBars`), whoever aggregated the figures: a
 * spec's `ChartData` (spec-chart-view.ts) or report 10's usage counts (billing/ui).
 */
export interface DrawnBars {
  /** One datum per bar, in drawing order. */
  data: readonly ChartDatum[];
  /** One series (`value`) or the stacked parts (`p0`, `p1`…). */
  series: readonly DrawnSeries[];
  /** Series keys switched off in the legend. */
  hidden: ReadonlySet<string>;
  /** A bar that drills down was clicked: its key. */
  onSelect?: (key: string) => void;
  /** A figure in full (tooltip). */
  formatValue: (n: number) => string;
  axis: ValueAxis;
  /** The chart's title (the SVG's accessible title). */
  title: string;
  /** Fixed width in px (tests); omitted → the card's width (recharts `responsive`). */
  width?: number;
  height: number;
}

/** recharts props of the value axis. */
export interface ValueAxis {
  tickFormatter: (n: number) => string;
  ticks?: number[];
  domain?: [number, number];
}

/**
 * The value axis: in the figure's format, durations on round steps up to the largest bar drawn,
 * percentages on whole-percent steps, 100 % stacked bars (`normalized`) in quarters.
 */
export function valueAxis(
  formats: ValueFormats,
  options: { duration?: boolean; percent?: boolean; normalized?: boolean; maxDrawn?: number } = {},
): ValueAxis {
  if (options.normalized)
    return { tickFormatter: formats.shareAxis, ticks: [0, 0.25, 0.5, 0.75, 1], domain: [0, 1] };
  if (options.percent) {
    const ticks = percentTicks(options.maxDrawn ?? 0);
    return { tickFormatter: formats.axis, ticks, domain: [0, ticks[ticks.length - 1]!] };
  }
  if (!options.duration) return { tickFormatter: formats.axis };
  const ticks = durationTicks(options.maxDrawn ?? 0);
  return { tickFormatter: formats.axis, ticks, domain: [0, ticks[ticks.length - 1]!] };
}

/**
 * A duration axis fitted to the bars (see `fittedDurationTicks`), for charts of means, or
 * undefined when the zero baseline serves. The chart says the axis does not start at 0.
 */
export function fittedDurationAxis(
  formats: ValueFormats,
  data: readonly ChartDatum[],
): (ValueAxis & { domain: [number, number] }) | undefined {
  const values = data.map((datum) => datum.value).filter((value) => Number.isFinite(value));
  if (values.length < 2) return undefined;
  const ticks = fittedDurationTicks(Math.min(...values), Math.max(...values));
  if (!ticks) return undefined;
  return { tickFormatter: formats.axis, ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}

/** The tallest bar as drawn (stacked parts summed). */
export function maxDrawn(data: readonly ChartDatum[], series: readonly DrawnSeries[]): number {
  return data.reduce(
    (max, datum) =>
      Math.max(
        max,
        series.reduce((sum, item) => sum + (datum[item.dataKey] ?? 0), 0),
      ),
    0,
  );
}

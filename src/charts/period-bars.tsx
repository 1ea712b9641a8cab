import { BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesBars, type ChartDatum, type DrawnBars } from './chart-bars';
import { chartSize } from './chart-format';

export interface PeriodBarsProps extends DrawnBars {
  /** Short day under each bar ("3 Aug"); data keys are the periods' first ISO days. */
  tickLabel: (key: string) => string;
  /** The period in full, in the tooltip ("Mon, Aug 3, 2026", "Jan 1 – Jan 4"). */
  periodLabel: (key: string) => string;
}

/** Upright bars along time (per-day charts of every report, report 10's template usage). */
export function PeriodBars({
  data,
  series,
  hidden,
  onSelect,
  tickLabel,
  periodLabel,
  formatValue,
  axis,
  title,
  width,
  height,
}: PeriodBarsProps) {
  return (
    <BarChart
      {...chartSize(width, height)}
      data={data as ChartDatum[]}
      title={title}
      accessibilityLayer
      margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="key" tickFormatter={tickLabel} />
      <YAxis allowDecimals={false} width={56} {...axis} />
      <Tooltip
        formatter={(value) => formatValue(Number(value))}
        labelFormatter={(key) => periodLabel(String(key))}
      />
      {seriesBars({ series, hidden, onSelect })}
    </BarChart>
  );
}

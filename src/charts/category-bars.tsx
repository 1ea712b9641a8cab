import { BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesBars, type ChartDatum, type DrawnBars } from './chart-bars';
import { chartSize } from './chart-format';

export interface CategoryBarsProps extends DrawnBars {
  /** The category's name on the axis (may be cut short). */
  tickLabel: (key: string) => string;
  /** The category in the tooltip. */
  tooltipLabel: (key: string) => string;
  /** Bar values are means or fractions: the axis may show decimals. */
  allowDecimals: boolean;
  /** 100 % stacked bars: each bar is its series' shares (recharts `stackOffset="expand"`). */
  normalized?: boolean;
}

/** Bars lying sideways, one per category, names down the side (recharts `layout="vertical"`). */
export function CategoryBars({
  data,
  series,
  hidden,
  onSelect,
  tickLabel,
  tooltipLabel,
  formatValue,
  axis,
  allowDecimals,
  normalized,
  title,
  width,
  height,
}: CategoryBarsProps) {
  return (
    <BarChart
      {...chartSize(width, height)}
      data={data as ChartDatum[]}
      layout="vertical"
      stackOffset={normalized ? 'expand' : undefined}
      title={title}
      accessibilityLayer
      margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={allowDecimals} {...axis} />
      <YAxis type="category" dataKey="key" width={150} tickFormatter={tickLabel} />
      <Tooltip
        formatter={(value) => formatValue(Number(value))}
        labelFormatter={(key) => tooltipLabel(String(key))}
      />
      {seriesBars({ series, hidden, onSelect })}
    </BarChart>
  );
}

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartDatum } from '../../charts/chart-bars';
import { ChartCard } from '../../charts/chart-card';
import { chartSize, type ValueFormats } from '../../charts/chart-format';
import { ChartTable } from '../../charts/chart-table';
import { seriesColor } from '../../charts/chart-colors';
import { useI18n } from '../../shared/i18n/i18n';
import type { Effects } from '../model/month-over-month';
import { formatUsdCents } from '../model/money';

const RISE = '#b91c1c';
const FALL = '#15803d';

/** The steps of the waterfall, in cents: each bar floats from the running total. */
export function waterfallData(effects: Effects): (ChartDatum & { bar: number })[] {
  const steps: [string, number, 'total' | 'step'][] = [
    ['start', effects.previous, 'total'],
    ['volume', effects.volume, 'step'],
    ['mix', effects.mix, 'step'],
    ['rate', effects.rate, 'step'],
    ['end', effects.current, 'total'],
  ];
  let level = 0;
  return steps.map(([key, cents, kind]) => {
    const datum = { key, value: cents / 100, drillable: false, other: false, p0: 0, bar: 0 };
    if (kind === 'total') {
      level = cents;
      Object.assign(datum, { p0: 0, bar: cents / 100 });
    } else {
      const base = cents >= 0 ? level : level + cents;
      Object.assign(datum, { p0: base / 100, bar: Math.abs(cents) / 100 });
      level += cents;
    }
    return datum;
  });
}

/**
 * Previous cost → volume, mix and rate effects → this period's cost, in the charts' card with
 * the charts' data table underneath. The bars are recharts' own (an invisible base under each
 * step): the charts' category bars give a tooltip line per series, and a step has one signed
 * amount to tell.
 */
export function WaterfallChart({ effects, width }: { effects: Effects; width?: number }) {
  const { t, locale } = useI18n();
  const money = (dollars: number) => formatUsdCents(Math.round(dollars * 100), locale);
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const formats: ValueFormats = {
    value: money,
    axis: (n) => compact.format(n),
    share: (f) => percent.format(f),
    shareAxis: (f) => percent.format(f),
  };
  const names: Record<string, string> = {
    start: t('billing.mom.start'),
    volume: t('billing.mom.volume'),
    mix: t('billing.mom.mix'),
    rate: t('billing.mom.rate'),
    end: t('billing.mom.end'),
  };
  const data = waterfallData(effects);
  const title = t('billing.mom.waterfallTitle');
  return (
    <ChartCard
      landmark="figure"
      title={title}
      table={
        <ChartTable
          rows={data.map((d) => ({
            key: d.key,
            label: names[d.key] ?? d.key,
            value: d.value,
            drillable: false,
          }))}
          series={[]}
          categoryHeader={t('billing.mom.step')}
          valueHeader={t('billing.mom.amount')}
          formats={formats}
          summary={t('billing.series.dataTable')}
          selectLabel={(name) => name}
        />
      }
      notes={[t('billing.mom.effectsNote')]}
    >
      <BarChart
        {...chartSize(width, 48 + data.length * 40)}
        data={data}
        layout="vertical"
        title={title}
        accessibilityLayer
        margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={formats.axis} />
        <YAxis
          type="category"
          dataKey="key"
          width={150}
          tickFormatter={(key) => names[key] ?? key}
        />
        <Tooltip
          content={({ active, payload }) => {
            const datum = payload?.[0]?.payload as ChartDatum | undefined;
            if (!active || !datum) return null;
            const step = datum.key === 'start' || datum.key === 'end';
            return (
              <div className="recharts-default-tooltip waterfall-tooltip">
                <strong>{names[datum.key]}</strong>{' '}
                {(step || datum.value <= 0 ? '' : '+') + money(datum.value)}
              </div>
            );
          }}
        />
        {/* An invisible base lifts each step to the running total. */}
        <Bar dataKey="p0" stackId="w" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="bar" stackId="w" isAnimationActive={false}>
          {data.map((d) => (
            <Cell
              key={d.key}
              fill={
                d.key === 'start' || d.key === 'end' ? seriesColor(0) : d.value >= 0 ? RISE : FALL
              }
            />
          ))}
        </Bar>
      </BarChart>
    </ChartCard>
  );
}

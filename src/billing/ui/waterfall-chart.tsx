import { CategoryBars } from '../../charts/category-bars';
import type { ChartDatum, DrawnSeries } from '../../charts/chart-bars';
import { ChartCard } from '../../charts/chart-card';
import type { ValueFormats } from '../../charts/chart-format';
import { ChartTable } from '../../charts/chart-table';
import { seriesColor } from '../../charts/chart-colors';
import { useI18n } from '../../shared/i18n/i18n';
import type { Effects } from '../model/month-over-month';
import { formatUsdCents } from '../model/money';

const RISE = '#b91c1c';
const FALL = '#15803d';
const NONE_HIDDEN: ReadonlySet<string> = new Set();

/** The steps of the waterfall, in cents: each bar floats from the running total. */
export function waterfallData(effects: Effects): ChartDatum[] {
  const steps: [string, number, 'total' | 'step'][] = [
    ['start', effects.previous, 'total'],
    ['volume', effects.volume, 'step'],
    ['mix', effects.mix, 'step'],
    ['rate', effects.rate, 'step'],
    ['end', effects.current, 'total'],
  ];
  let level = 0;
  return steps.map(([key, cents, kind]) => {
    const datum: ChartDatum = { key, value: cents / 100, drillable: false, other: false };
    if (kind === 'total') {
      level = cents;
      Object.assign(datum, { p0: 0, p1: cents / 100, p2: 0, p3: 0 });
    } else {
      const base = cents >= 0 ? level : level + cents;
      Object.assign(datum, {
        p0: base / 100,
        p1: 0,
        p2: cents >= 0 ? cents / 100 : 0,
        p3: cents < 0 ? -cents / 100 : 0,
      });
      level += cents;
    }
    return datum;
  });
}

/**
 * Previous cost → volume, mix and rate effects → this period's cost, drawn with the charts'
 * category bars (an invisible base under each step) and the charts' data table underneath.
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
  const series: DrawnSeries[] = [
    { key: 'base', label: '', color: 'transparent', dataKey: 'p0' },
    { key: 'total', label: t('billing.mom.cost'), color: seriesColor(0), dataKey: 'p1' },
    { key: 'rise', label: '+', color: RISE, dataKey: 'p2' },
    { key: 'fall', label: '−', color: FALL, dataKey: 'p3' },
  ];
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
      <CategoryBars
        data={data}
        series={series}
        hidden={NONE_HIDDEN}
        tickLabel={(key) => names[key] ?? key}
        tooltipLabel={(key) => names[key] ?? key}
        formatValue={money}
        axis={{ tickFormatter: formats.axis }}
        allowDecimals
        title={title}
        width={width}
        height={48 + data.length * 40}
      />
    </ChartCard>
  );
}

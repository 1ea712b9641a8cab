import type { Language, Translate } from '../shared/i18n/i18n';
import { columnLabel, type ColumnDef } from '../report-model/catalog';
import type { ColumnType } from '../report-model/column-types';
import type { ChartBar, ChartData } from './aggregate-chart';
import {
  fittedDurationAxis,
  maxDrawn,
  stackedSeries,
  toDatum,
  valueAxis,
  type ChartDatum,
  type DrawnSeries,
  type ValueAxis,
} from './chart-bars';
import { CHART_COLORS, seriesColor } from './chart-colors';
import { formatDay, formatLongDay, valueFormats, type ValueFormats } from './chart-format';
import { drillColumn, type ChartSpec } from './chart-specs';
import type { ChartTableProps } from './chart-table';

/** Everything a spec's card shows, worked out from the spec and its aggregate (no React). */
export interface SpecChartView {
  title: string;
  perDay: boolean;
  /** Per-day chart drawn one bar per week. */
  weekly: boolean;
  /** The column a bar filters (none for summaries). */
  drillKey?: string;
  /** The bars drawn (an oversized "Other" bar is left to the table). */
  drawn: ChartDatum[];
  series: DrawnSeries[];
  /** Several series: legend toggles, stacked bars. */
  multi: boolean;
  formats: ValueFormats;
  axis: ValueAxis;
  /** Name of a bar by its key (tooltip, axis, table). */
  nameOf: (key: string) => string;
  /** Per-week charts: the week's last day, by its first. */
  weekEnd: (key: string) => string | undefined;
  height: number;
  table: Omit<ChartTableProps, 'onSelect' | 'formats' | 'summary' | 'selectLabel'>;
  notes: string[];
}

export interface SpecChartContext {
  columns: readonly ColumnDef[];
  language: Language;
  locale: string;
  t: Translate;
}

export function specChartView(
  spec: ChartSpec,
  data: ChartData,
  { columns, language, locale, t }: SpecChartContext,
): SpecChartView {
  const column = (key: string) => columns.find((item) => item.key === key);
  const perDay = spec.kind === 'per-day';
  const weekly = data.unit === 'week';
  const title = (weekly && spec.kind === 'per-day' ? spec.weekTitle : spec.title)[language];
  const formats = valueFormats(data.valueType, locale);
  const drillKey = drillColumn(spec);
  const weekEnds = new Map(data.bars.map((bar) => [bar.key, bar.to]));
  const dayLabel = (key: string): string => {
    const to = weekEnds.get(key);
    return weekly && to
      ? `${formatDay(key, locale)} – ${formatDay(to, locale)}`
      : formatLongDay(key, locale);
  };
  const byType: ColumnType = (drillKey && column(drillKey)?.type) || 'text';
  const splitType: ColumnType = (spec.kind === 'stacked' && column(spec.split)?.type) || 'text';

  const barLabel = (bar: ChartBar): string => {
    if (bar.other) return t('charts.other');
    if (spec.kind === 'columns')
      return spec.groups.find((group) => group.key === bar.key)?.label[language] ?? bar.label;
    if (perDay) return dayLabel(bar.key);
    return valueName(spec, byType, bar.key, language, t);
  };
  const labels = new Map(data.bars.map((bar) => [bar.key, barLabel(bar)]));
  const seriesNames = data.series.map((item, i) => {
    if (item.other) return t('charts.other');
    if (spec.kind === 'columns') return spec.series[i]?.label[language] ?? item.label;
    return valueName(spec, splitType, item.key, language, t);
  });
  const valueHeader = figureName(spec, column, language, t);
  const multi = data.series.length > 0;
  // Legend toggles remember series by value (a new filter may reorder them), bars read `p${i}`.
  const series: DrawnSeries[] = multi
    ? stackedSeries(
        data.series.map((item, i) => ({
          key: item.key,
          label: seriesNames[i]!,
          color: seriesColor(i, item.other),
        })),
      )
    : [{ key: 'value', dataKey: 'value', label: valueHeader, color: CHART_COLORS[0] }];

  // An additive "Other" larger than every named bar would squash them: it stays in the table.
  const largestNamed = data.bars.reduce(
    (max, bar) => (bar.other ? max : Math.max(max, bar.value)),
    0,
  );
  const otherOffChart = data.bars.find(
    (bar) => bar.other && !data.mean && bar.value > largestNamed,
  );
  const drillable = (bar: ChartBar) => drillKey !== undefined && !bar.other;
  const drawn = data.bars
    .filter((bar) => bar !== otherOffChart)
    .map((bar) => toDatum({ ...bar, drillable: drillable(bar) }));

  const notes: string[] = [];
  if (data.skipped > 0 && spec.kind !== 'columns') {
    notes.push(
      perDay
        ? t('charts.undated', { count: data.skipped })
        : t('charts.noValue', {
            count: data.skipped,
            column: valueColumnHeader(spec, column, language) ?? '',
          }),
    );
  }
  if (weekly) notes.push(t('charts.weekly'));
  if (data.otherValues > 0)
    notes.push(t('charts.folded', { other: t('charts.other'), count: data.otherValues }));
  if (otherOffChart)
    notes.push(
      t('charts.otherOffChart', {
        other: t('charts.other'),
        value: formats.value(otherOffChart.value),
      }),
    );

  // Means of durations (TMO per agent) may sit close together: the axis then fits them
  // (a count or a sum keeps its zero baseline), and the card says where it starts.
  const fitted =
    data.mean && data.valueType === 'duration' && !multi
      ? fittedDurationAxis(formats, drawn)
      : undefined;
  if (fitted) notes.push(t('charts.axisFrom', { value: formats.axis(fitted.domain[0]) }));

  const listed = data.bars.filter((bar) => !perDay || bar.rows > 0);
  const showShare = !data.mean && data.total > 0 && listed.length > 1;
  return {
    title,
    perDay,
    weekly,
    drillKey,
    drawn,
    series,
    multi,
    formats,
    axis:
      fitted ??
      valueAxis(formats, {
        duration: data.valueType === 'duration',
        percent: data.valueType === 'percent',
        maxDrawn: maxDrawn(drawn, series),
      }),
    nameOf: (key) => labels.get(key) ?? key,
    weekEnd: (key) => weekEnds.get(key),
    height: perDay ? 260 : Math.max(120, 48 + drawn.length * 30),
    table: {
      rows: listed.map((bar) => ({
        key: bar.key,
        label: barLabel(bar),
        value: bar.value,
        parts: bar.parts,
        drillable: drillable(bar),
        share: bar.value / data.total,
      })),
      series: multi ? seriesNames : [],
      categoryHeader: perDay
        ? weekly
          ? t('charts.week')
          : t('charts.day')
        : drillKey
          ? nameOf(column(drillKey), drillKey, language)
          : '',
      valueHeader: multi ? t('charts.total') : valueHeader,
      shareHeader: showShare ? t('charts.share') : undefined,
      footer:
        listed.length > 1
          ? { label: data.mean ? t('charts.overall') : t('charts.total'), value: data.total }
          : undefined,
    },
    notes,
  };
}

/** Display name of a value of the bar (or split) column. */
function valueName(
  spec: ChartSpec,
  type: ColumnType,
  key: string,
  language: Language,
  t: Translate,
): string {
  const named = spec.valueLabels?.[key];
  if (named) return named[language];
  if (key === '') return t('charts.empty');
  if (type === 'yesno' && key === 'yes') return t('charts.yes');
  if (type === 'yesno' && key === 'no') return t('charts.no');
  return key;
}

/** A column by its human name in the UI language (the chart speaks it; the table keeps Manager's). */
function nameOf(column: ColumnDef | undefined, key: string, language: Language): string {
  return column ? columnLabel(column, language) : key;
}

function valueColumnHeader(
  spec: ChartSpec,
  column: (key: string) => ColumnDef | undefined,
  language: Language,
): string | undefined {
  if (spec.kind === 'count-by' || spec.kind === 'columns') return undefined;
  const key = spec.value;
  return key === undefined ? undefined : nameOf(column(key), key, language);
}

/** Header of the charted figure: the spec's name for it, else "Rows" / the column / "Average …". */
function figureName(
  spec: ChartSpec,
  column: (key: string) => ColumnDef | undefined,
  language: Language,
  t: Translate,
): string {
  if (spec.valueLabel) return spec.valueLabel[language];
  const header = valueColumnHeader(spec, column, language);
  if (header === undefined) return t('charts.rows');
  return spec.kind === 'mean-by' ? t('charts.average', { name: header }) : header;
}

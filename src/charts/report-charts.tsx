import { useDeferredValue, useId, useMemo, memo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { useHiddenSeries } from './chart-state';
import { SeriesLegend } from './series-legend';
import { useI18n, type Language } from '../shared/i18n/i18n';
import type { ColumnDef, ReportDef } from '../report-model/catalog';
import type { ColumnType, ReportRow } from '../report-model/column-types';
import { aggregateChart, type ChartBar, type ChartData } from './aggregate-chart';
import {
  chartSize,
  durationTicks,
  formatDay,
  formatLongDay,
  truncateTick,
  valueFormats,
} from './chart-format';
import { CHART_LABELS, fillLabel, type ChartLabels } from './chart-labels';
import { chartSpecs, drillColumn, specColumnKeys, type ChartSpec } from './chart-specs';
import { ChartTable } from './chart-table';

export interface ReportChartsProps {
  report: ReportDef;
  /** The loaded columns (the catalog's, plus any extra the API sent). */
  columns: readonly ColumnDef[];
  rows: readonly ReportRow[];
  /** Row indices of the table's filtered view: the charts follow the table's filters. */
  order: ArrayLike<number>;
  /**
   * Drill-down: a bar (or its data-table button) was chosen. `value` is the plain-text form the
   * column filters use ('' = empty, 'yes'/'no'); for per-day charts it is the day 'YYYY-MM-DD'
   * of the date column `key`, and `to` the last day when the bar is a week.
   */
  onFilter: (key: string, value: string, to?: string) => void;
  /** Fixed chart width in px (tests); omitted → each chart fills its card (recharts `responsive`). */
  width?: number;
}

/** Bar colours; the "Other" series is grey. */
export const CHART_COLORS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#db2777',
] as const;
export const OTHER_COLOR = '#94a3b8';

/**
 * The charts of a report (see chart-specs.ts), each a card with a title, the bars, a legend when
 * there are several series, and the data table. Null when the report has no charts (or its
 * loaded columns lack every charted column). Default export, for `React.lazy`.
 */
function ReportCharts({ report, columns, rows, order, onFilter, width }: ReportChartsProps) {
  const { language, locale } = useI18n();
  const text = CHART_LABELS[language];
  const specs = useMemo(() => {
    const present = new Set(columns.map((column) => column.key));
    return chartSpecs(report.number).filter((spec) =>
      specColumnKeys(spec).every((key) => present.has(key)),
    );
  }, [report.number, columns]);
  // A new filter re-renders the table first; the charts catch up without blocking typing.
  const view = useDeferredValue(order);
  if (specs.length === 0) return null;
  const stale = view !== order;
  return (
    <section
      className="report-charts chart-grid"
      aria-label={fillLabel(text.section, { report: report.name[language] })}
      aria-busy={stale || undefined}
      style={stale ? { opacity: 0.7 } : undefined}
    >
      {specs.map((spec) => (
        <ChartCard
          key={spec.id}
          spec={spec}
          columns={columns}
          rows={rows}
          order={view}
          onFilter={onFilter}
          width={width}
          language={language}
          locale={locale}
          text={text}
        />
      ))}
    </section>
  );
}

interface ChartCardProps {
  spec: ChartSpec;
  columns: readonly ColumnDef[];
  rows: readonly ReportRow[];
  order: ArrayLike<number>;
  onFilter: (key: string, value: string, to?: string) => void;
  width?: number;
  language: Language;
  locale: string;
  text: ChartLabels;
}

interface Datum {
  key: string;
  name: string;
  value: number;
  drillable: boolean;
  /** The "Other" bar: drawn grey (only single-series charts; stacked ones grey the series). */
  other: boolean;
  [part: `p${number}`]: number;
}

/** Single-series bars: the "Other" bar in grey. */
const barShape = (props: BarShapeProps) => (
  <Rectangle
    {...props}
    fill={(props.payload as Datum | undefined)?.other ? OTHER_COLOR : props.fill}
  />
);

function ChartCard({
  spec,
  columns,
  rows,
  order,
  onFilter,
  width,
  language,
  locale,
  text,
}: ChartCardProps) {
  const headingId = useId();
  const { hidden, toggle } = useHiddenSeries();
  const data = useMemo<ChartData>(
    () =>
      aggregateChart(spec, columns, rows, order, {
        emptyLabel: text.empty,
        otherLabel: text.other,
      }),
    [spec, columns, rows, order, text],
  );
  const column = (key: string) => columns.find((item) => item.key === key);
  const weekly = data.unit === 'week';
  const title = (weekly && spec.kind === 'per-day' ? spec.weekTitle : spec.title)[language];
  const formats = valueFormats(data.valueType, locale);
  const drillKey = drillColumn(spec);
  const perDay = spec.kind === 'per-day';
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
    if (bar.other) return text.other;
    if (spec.kind === 'columns')
      return spec.groups.find((group) => group.key === bar.key)?.label[language] ?? bar.label;
    if (perDay) return dayLabel(bar.key);
    return valueName(spec, byType, bar.key, language, text);
  };
  const seriesNames = data.series.map((item, i) => {
    if (item.other) return text.other;
    if (spec.kind === 'columns') return spec.series[i]?.label[language] ?? item.label;
    return valueName(spec, splitType, item.key, language, text);
  });
  const valueHeader = figureName(spec, column, language, text);
  const multi = data.series.length > 0;
  // Legend toggles remember series by value (a new filter may reorder them), bars read `p${i}`.
  const series = multi
    ? data.series.map((item, i) => ({
        key: item.key,
        dataKey: `p${i}`,
        label: seriesNames[i]!,
        color: item.other ? OTHER_COLOR : CHART_COLORS[i % CHART_COLORS.length]!,
      }))
    : [{ key: 'value', dataKey: 'value', label: valueHeader, color: CHART_COLORS[0] }];

  // An additive "Other" larger than every named bar would squash them: it stays in the table.
  const largestNamed = data.bars.reduce(
    (max, bar) => (bar.other ? max : Math.max(max, bar.value)),
    0,
  );
  const otherOffChart = data.bars.find(
    (bar) => bar.other && !data.mean && bar.value > largestNamed,
  );
  const chartData: Datum[] = data.bars
    .filter((bar) => bar !== otherOffChart)
    .map((bar) => {
      const datum: Datum = {
        key: bar.key,
        name: perDay ? bar.key : barLabel(bar),
        value: bar.value,
        drillable: drillKey !== undefined && !bar.other,
        other: bar.other === true,
      };
      bar.parts?.forEach((part, i) => (datum[`p${i}`] = part));
      return datum;
    });
  const maxDrawn = chartData.reduce(
    (max, datum) =>
      Math.max(
        max,
        multi ? data.series.reduce((sum, _, i) => sum + (datum[`p${i}`] ?? 0), 0) : datum.value,
      ),
    0,
  );
  const ticks = data.valueType === 'duration' ? durationTicks(maxDrawn) : undefined;
  const valueAxis = {
    tickFormatter: formats.axis,
    ...(ticks ? { ticks, domain: [0, ticks[ticks.length - 1]!] } : {}),
  };

  const select =
    drillKey === undefined
      ? undefined
      : weekly
        ? (key: string) => onFilter(drillKey, key, weekEnds.get(key))
        : (key: string) => onFilter(drillKey, key);
  const onBarClick = (item: { payload?: unknown }) => {
    const datum = item.payload as Datum | undefined;
    if (datum?.drillable && select) select(datum.key);
  };

  // recharts' layout="vertical": horizontal bars, categories down the side.
  const sideways = !perDay;
  const height = perDay ? 260 : Math.max(120, 48 + chartData.length * 30);
  const size = chartSize(width, height);
  const count = new Intl.NumberFormat(locale);
  const notes: string[] = [];
  if (data.skipped > 0 && spec.kind !== 'columns') {
    notes.push(
      perDay
        ? fillLabel(text.undated, { n: count.format(data.skipped) })
        : fillLabel(text.noValue, {
            n: count.format(data.skipped),
            column: valueColumnHeader(spec, column) ?? '',
          }),
    );
  }
  if (weekly) notes.push(text.weekly);
  if (data.otherValues > 0)
    notes.push(fillLabel(text.folded, { other: text.other, n: count.format(data.otherValues) }));
  if (otherOffChart)
    notes.push(
      fillLabel(text.otherOffChart, {
        other: text.other,
        value: formats.value(otherOffChart.value),
      }),
    );

  return (
    <section className="chart-card report-chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {data.bars.length === 0 ? (
        <p>{text.noData}</p>
      ) : (
        <>
          {multi && (
            <SeriesLegend series={series} hidden={hidden} onToggle={toggle} label={text.legend} />
          )}
          <BarChart
            {...size}
            data={chartData}
            layout={sideways ? 'vertical' : 'horizontal'}
            title={title}
            accessibilityLayer
            margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={!sideways} vertical={sideways} />
            {sideways ? (
              <>
                <XAxis type="number" allowDecimals={data.mean} {...valueAxis} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={150}
                  tickFormatter={(name: string) => truncateTick(String(name))}
                />
              </>
            ) : (
              <>
                <XAxis dataKey="key" tickFormatter={(day: string) => formatDay(day, locale)} />
                <YAxis allowDecimals={false} width={56} {...valueAxis} />
              </>
            )}
            <Tooltip
              formatter={(value) => formats.value(Number(value))}
              labelFormatter={(label) => (perDay ? dayLabel(String(label)) : String(label))}
            />
            {series.map((item) => (
              <Bar
                key={item.dataKey}
                dataKey={item.dataKey}
                name={item.label}
                stackId={multi ? 'stack' : undefined}
                fill={item.color}
                hide={hidden.has(item.key)}
                isAnimationActive={false}
                cursor={select ? 'pointer' : undefined}
                onClick={onBarClick}
                shape={multi ? undefined : barShape}
              />
            ))}
          </BarChart>
          {select && <p className="chart-hint">{text.hint}</p>}
          <ChartTable
            rows={data.bars
              .filter((bar) => !perDay || bar.rows > 0)
              .map((bar) => ({
                key: bar.key,
                label: barLabel(bar),
                value: bar.value,
                parts: bar.parts,
                drillable: drillKey !== undefined && !bar.other,
              }))}
            series={multi ? seriesNames : []}
            categoryHeader={
              perDay
                ? weekly
                  ? text.week
                  : text.day
                : drillKey
                  ? (column(drillKey)?.header ?? drillKey)
                  : ''
            }
            valueHeader={valueHeader}
            total={data.total}
            mean={data.mean}
            onSelect={select}
            formats={formats}
            text={text}
          />
        </>
      )}
      {notes.map((note) => (
        <p className="chart-note" key={note}>
          {note}
        </p>
      ))}
    </section>
  );
}

/** Display name of a value of the bar (or split) column. */
function valueName(
  spec: ChartSpec,
  type: ColumnType,
  key: string,
  language: Language,
  text: ChartLabels,
): string {
  const named = spec.valueLabels?.[key];
  if (named) return named[language];
  if (key === '') return text.empty;
  if (type === 'yesno' && key === 'yes') return text.yes;
  if (type === 'yesno' && key === 'no') return text.no;
  return key;
}

function valueColumnHeader(
  spec: ChartSpec,
  column: (key: string) => ColumnDef | undefined,
): string | undefined {
  if (spec.kind === 'count-by' || spec.kind === 'columns') return undefined;
  const key = spec.value;
  return key === undefined ? undefined : (column(key)?.header ?? key);
}

/** Header of the charted figure: the spec's name for it, else "Rows" / the column / "Average …". */
function figureName(
  spec: ChartSpec,
  column: (key: string) => ColumnDef | undefined,
  language: Language,
  text: ChartLabels,
): string {
  if (spec.valueLabel) return spec.valueLabel[language];
  const header = valueColumnHeader(spec, column);
  if (header === undefined) return text.rows;
  return spec.kind === 'mean-by' ? fillLabel(text.average, { name: header }) : header;
}

/** Memoized: a sort changes no input of the charts (they read the filtered rows in load order). */
export default memo(ReportCharts);

import { useMemo } from 'react';
import type { Language, Translate } from '../shared/i18n/i18n';
import type { ColumnDef } from '../report-model/catalog';
import type { ReportRow } from '../report-model/column-types';
import { aggregateChart } from './aggregate-chart';
import { CategoryBars } from './category-bars';
import { ChartCard } from './chart-card';
import { formatDay, truncateTick } from './chart-format';
import type { ChartSpec } from './chart-specs';
import { useHiddenSeries } from './use-hidden-series';
import { ChartTable } from './chart-table';
import { PeriodBars } from './period-bars';
import { specChartView } from './spec-chart-view';

export interface SpecChartProps {
  spec: ChartSpec;
  columns: readonly ColumnDef[];
  rows: readonly ReportRow[];
  order: ArrayLike<number>;
  onFilter: (key: string, value: string, to?: string) => void;
  width?: number;
  language: Language;
  locale: string;
  t: Translate;
}

/** One chart of a report's spec list: the aggregate of the view's rows, drawn in its card. */
export function SpecChart({
  spec,
  columns,
  rows,
  order,
  onFilter,
  width,
  language,
  locale,
  t,
}: SpecChartProps) {
  const { hidden, toggle } = useHiddenSeries();
  const data = useMemo(
    () =>
      aggregateChart(spec, columns, rows, order, {
        emptyLabel: t('charts.empty'),
        otherLabel: t('charts.other'),
      }),
    [spec, columns, rows, order, t],
  );
  const view = specChartView(spec, data, { columns, language, locale, t });
  const { drillKey } = view;
  const select =
    drillKey === undefined
      ? undefined
      : view.weekly
        ? (key: string) => onFilter(drillKey, key, view.weekEnd(key))
        : (key: string) => onFilter(drillKey, key);
  const bars = {
    data: view.drawn,
    series: view.series,
    hidden,
    onSelect: select,
    formatValue: view.formats.value,
    axis: view.axis,
    title: view.title,
    width,
    height: view.height,
  };

  return (
    <ChartCard
      landmark="region"
      title={view.title}
      empty={data.bars.length === 0 ? t('charts.noData') : undefined}
      legend={
        view.multi
          ? { series: view.series, hidden, onToggle: toggle, label: t('charts.legend') }
          : undefined
      }
      hint={select && t('charts.hint')}
      table={
        <ChartTable
          {...view.table}
          onSelect={select}
          formats={view.formats}
          summary={t('charts.dataTable')}
          selectLabel={(name) => t('charts.select', { name })}
        />
      }
      notes={view.notes}
    >
      {view.perDay ? (
        <PeriodBars
          {...bars}
          tickLabel={(day) => formatDay(day, locale)}
          periodLabel={view.nameOf}
        />
      ) : (
        <CategoryBars
          {...bars}
          tickLabel={(key) => truncateTick(view.nameOf(key))}
          tooltipLabel={view.nameOf}
          allowDecimals={data.mean}
        />
      )}
    </ChartCard>
  );
}

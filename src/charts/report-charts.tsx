import { memo, useDeferredValue, useMemo } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import type { ColumnDef, ReportDef } from '../report-model/catalog';
import type { ReportRow } from '../report-model/column-types';
import { chartSpecs, specColumnKeys } from './chart-specs';
import { SpecChart } from './spec-chart';

export { CHART_COLORS, OTHER_COLOR } from './chart-colors';

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

/**
 * The charts of a report (see chart-specs.ts), each a card with a title, the bars, a legend when
 * there are several series, and the data table. Null when the report has no charts (or its
 * loaded columns lack every charted column). Default export, for `React.lazy`.
 */
function ReportCharts({ report, columns, rows, order, onFilter, width }: ReportChartsProps) {
  const { language, locale, t } = useI18n();
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
      aria-label={t('charts.section', { report: report.name[language] })}
      aria-busy={stale || undefined}
      style={stale ? { opacity: 0.7 } : undefined}
    >
      {specs.map((spec) => (
        <SpecChart
          key={spec.id}
          spec={spec}
          columns={columns}
          rows={rows}
          order={view}
          onFilter={onFilter}
          width={width}
          language={language}
          locale={locale}
          t={t}
        />
      ))}
    </section>
  );
}

/** Memoized: a sort changes no input of the charts (they read the filtered rows in load order). */
export default memo(ReportCharts);

import { useId, type ReactNode } from 'react';
import { SeriesLegend, type LegendSeries } from './series-legend';

export interface ChartCardProps {
  title: string;
  /**
   * `region`: a section titled by an h2 (the report charts, one landmark each);
   * `figure`: a figure with its caption (report 10's charts, inside the billing panel's region).
   */
  landmark: 'region' | 'figure';
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string;
  /** The legend's toggles; none for a single series. */
  legend?: {
    series: readonly LegendSeries[];
    hidden: ReadonlySet<string>;
    onToggle: (key: string) => void;
    label: string;
  };
  /** The drawing (a `PeriodBars` or `CategoryBars`). */
  children: ReactNode;
  /** "Click a bar to …", when the bars drill down. */
  hint?: string;
  /** The data table (`ChartTable`). */
  table: ReactNode;
  /** Notes under the chart: rows left out, values folded, entries not shown. */
  notes?: readonly string[];
}

/**
 * The card around every chart: title, legend, drawing, hint, data table and notes, in that
 * order, with the same classes (print styles hide the hint).
 */
export function ChartCard({
  title,
  landmark,
  empty,
  legend,
  children,
  hint,
  table,
  notes = [],
}: ChartCardProps) {
  const titleId = useId();
  const body = (
    <>
      {empty !== undefined ? (
        <p>{empty}</p>
      ) : (
        <>
          {legend && <SeriesLegend {...legend} />}
          {children}
          {hint && <p className="chart-hint">{hint}</p>}
          {table}
        </>
      )}
      {notes.map((note) => (
        <p className="chart-note" key={note}>
          {note}
        </p>
      ))}
    </>
  );
  return landmark === 'figure' ? (
    <figure className="chart-card billing-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      {body}
    </figure>
  ) : (
    <section className="chart-card report-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {body}
    </section>
  );
}

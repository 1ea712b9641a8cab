import { DrillRowHeader } from './drill-row-header';
import { LazyDetails } from './lazy-details';
import type { ValueFormats } from './chart-format';
import { fillLabel, type ChartLabels } from './chart-labels';

export interface ChartTableRow {
  key: string;
  label: string;
  value: number;
  /** Per series, aligned with `series`. */
  parts?: readonly number[];
  /** Drill-down available (not the "Other" bar, not a summary chart). */
  drillable: boolean;
}

export interface ChartTableProps {
  rows: readonly ChartTableRow[];
  /** Series headers (stacked charts); empty for one series. */
  series: readonly string[];
  categoryHeader: string;
  valueHeader: string;
  /** The figure over every row: a sum (`mean` false) or the overall mean. */
  total: number;
  mean: boolean;
  onSelect?: (key: string) => void;
  formats: ValueFormats;
  text: ChartLabels;
}

/**
 * A chart's numbers as a collapsible table: the text alternative for screen readers and the
 * keyboard path to the drill-down (each value is a button doing what clicking its bar does).
 */
export function ChartTable({
  rows,
  series,
  categoryHeader,
  valueHeader,
  total,
  mean,
  onSelect,
  formats,
  text,
}: ChartTableProps) {
  const showShare = !mean && total > 0 && rows.length > 1;
  const seriesTotals = series.map((_, i) =>
    rows.reduce((sum, row) => sum + (row.parts?.[i] ?? 0), 0),
  );
  return (
    <LazyDetails className="chart-data-table" summary={text.dataTable}>
      {() => (
        <table>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((name, i) => (
                <th scope="col" key={i}>
                  {name}
                </th>
              ))}
              <th scope="col">{series.length > 0 ? text.total : valueHeader}</th>
              {showShare && <th scope="col">{text.share}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <DrillRowHeader
                  label={row.label}
                  action={fillLabel(text.select, { name: row.label })}
                  onSelect={onSelect && row.drillable ? () => onSelect(row.key) : undefined}
                />
                {series.map((_, i) => (
                  <td key={i}>{formats.value(row.parts?.[i] ?? 0)}</td>
                ))}
                <td>{formats.value(row.value)}</td>
                {showShare && <td>{formats.share(row.value / total)}</td>}
              </tr>
            ))}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{mean ? text.overall : text.total}</th>
                {seriesTotals.map((sum, i) => (
                  <td key={i}>{formats.value(sum)}</td>
                ))}
                <td>{formats.value(total)}</td>
                {showShare && <td>{formats.share(1)}</td>}
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </LazyDetails>
  );
}

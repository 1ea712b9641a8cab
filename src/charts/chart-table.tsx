import { DrillRowHeader } from './drill-row-header';
import { LazyDetails } from './lazy-details';
import type { ValueFormats } from './chart-format';

export interface ChartTableRow {
  key: string;
  label: string;
  /** The bar's figure (the sum of its parts for stacked bars). */
  value: number;
  /** Per series, aligned with `series`. */
  parts?: readonly number[];
  /** Drill-down available (not the "Other" bar, not a summary chart). */
  drillable: boolean;
  /** The row's figure in the share column, 0..1; null → "–" (no share to tell). */
  share?: number | null;
}

export interface ChartTableProps {
  rows: readonly ChartTableRow[];
  /** Series headers (stacked charts); empty for one series. */
  series: readonly string[];
  categoryHeader: string;
  /** Header of the value column ("Total" for stacked charts). */
  valueHeader: string;
  /** Header of the share column; without it there is none. */
  shareHeader?: string;
  /** A last row with the figure over every row (a sum, or the overall mean), and its label. */
  footer?: { label: string; value: number };
  onSelect?: (key: string) => void;
  formats: ValueFormats;
  /** Summary of the closed table ("Data table"). */
  summary: string;
  /** Accessible name of a row's drill-down button ("Filter the table by {name}"). */
  selectLabel: (name: string) => string;
}

/**
 * A chart's numbers as a collapsible table, under the charts of every report (report 10's
 * included): the text alternative for screen readers and the keyboard path to the drill-down
 * (each row header is a button doing what clicking its bar does).
 */
export function ChartTable({
  rows,
  series,
  categoryHeader,
  valueHeader,
  shareHeader,
  footer,
  onSelect,
  formats,
  summary,
  selectLabel,
}: ChartTableProps) {
  const shareOf = (share: number | null | undefined) =>
    share === null || share === undefined ? '–' : formats.share(share);
  return (
    <LazyDetails className="chart-data-table" summary={summary}>
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
              <th scope="col">{valueHeader}</th>
              {shareHeader !== undefined && <th scope="col">{shareHeader}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <DrillRowHeader
                  label={row.label}
                  action={selectLabel(row.label)}
                  onSelect={onSelect && row.drillable ? () => onSelect(row.key) : undefined}
                />
                {series.map((_, i) => (
                  <td key={i}>{formats.value(row.parts?.[i] ?? 0)}</td>
                ))}
                <td>{formats.value(row.value)}</td>
                {shareHeader !== undefined && <td>{shareOf(row.share)}</td>}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr>
                <th scope="row">{footer.label}</th>
                {series.map((_, i) => (
                  <td key={i}>
                    {formats.value(rows.reduce((sum, row) => sum + (row.parts?.[i] ?? 0), 0))}
                  </td>
                ))}
                <td>{formats.value(footer.value)}</td>
                {shareHeader !== undefined && <td>{formats.share(1)}</td>}
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </LazyDetails>
  );
}

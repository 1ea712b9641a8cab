import { DrillRowHeader } from '../../charts/drill-row-header';
import { LazyDetails } from '../../charts/lazy-details';
import { formatShare } from '../../charts/chart-format';
import { fill, type SeriesLabels } from './labels';
import type { UsageCounts } from '../model/usage-aggregates';

export interface ChartDataRow extends UsageCounts {
  key: string;
  label: string;
}

export interface ChartDataTableProps {
  rows: readonly ChartDataRow[];
  showUnknown: boolean;
  /** Drill-down, the same as clicking the bar. */
  onSelect?: (key: string) => void;
  locale: string;
  text: SeriesLabels;
}

/**
 * The chart's numbers as a collapsible table: a text alternative for screen
 * readers and a keyboard path to the drill-down.
 */
export function ChartDataTable({ rows, showUnknown, onSelect, locale, text }: ChartDataTableProps) {
  const count = new Intl.NumberFormat(locale);
  return (
    <LazyDetails className="billing-data-table" summary={text.dataTable}>
      {() => (
        <table>
          <thead>
            <tr>
              <th scope="col">{text.category}</th>
              <th scope="col">{text.templates}</th>
              <th scope="col">{text.nonTemplates}</th>
              {showUnknown && <th scope="col">{text.unknown}</th>}
              <th scope="col">{text.total}</th>
              <th scope="col">{text.shareColumn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const known = row.templates + row.nonTemplates;
              return (
                <tr key={row.key}>
                  <DrillRowHeader
                    label={row.label}
                    action={fill(text.select, { name: row.label })}
                    onSelect={onSelect && (() => onSelect(row.key))}
                  />
                  <td>{count.format(row.templates)}</td>
                  <td>{count.format(row.nonTemplates)}</td>
                  {showUnknown && <td>{count.format(row.unknown)}</td>}
                  <td>{count.format(row.total)}</td>
                  <td>{known === 0 ? '–' : formatShare(row.templates / known, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </LazyDetails>
  );
}

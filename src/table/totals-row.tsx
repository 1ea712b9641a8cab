import { useI18n } from '../shared/i18n/i18n';
import { columnLabel, type ColumnDef } from '../report-model/catalog';
import { formatNumber, type CellFormats } from '../report-model/cell-format';
import { isNumericType } from '../report-model/column-types';
import type { ColumnTotalValue } from '../engine/column-totals';

interface TotalsRowProps {
  /** The visible columns, in on-screen order. */
  columns: readonly ColumnDef[];
  totals: Readonly<Record<string, ColumnTotalValue>>;
  /** aria-rowindex: after the header and every row. */
  rowIndex: number;
  formats: CellFormats;
}

/**
 * The table's footer: per column the catalog totals, its sum or (weighted) average over
 * the filtered rows, formatted as the column's cells; averages marked "avg.", how each
 * figure was made on hover. "Total" leads the row, in the first column. Sticky at
 * the bottom of the table's scroll box, like the header at its top.
 */
export function TotalsRow({ columns, totals, rowIndex, formats }: TotalsRowProps) {
  const { t, language } = useI18n();
  // "Total" leads the row: in the first column, beside its figure if it has one.
  const labelAt = columns[0] && totals[columns[0].key] === undefined ? 0 : -1;
  const headerOf = (key: string) => columns.find((column) => column.key === key)?.header ?? key;
  return (
    <tfoot className="totals">
      <tr aria-rowindex={rowIndex} aria-label={t('table.totalsLabel')}>
        {columns.map((column, i) => {
          if (i === labelAt)
            return (
              <th key={column.key} scope="row">
                {t('table.totals')}
              </th>
            );
          const total = totals[column.key];
          const figure =
            total && total.value !== null ? formatNumber(column.type, total.value, formats) : '';
          const title = !total
            ? undefined
            : total.kind === 'sum'
              ? t('table.sumTitle', { count: total.rows })
              : total.weight !== undefined
                ? t('table.weightedMeanTitle', {
                    count: total.rows,
                    weight: headerOf(total.weight),
                  })
                : t('table.meanTitle', { count: total.rows });
          return (
            <td
              key={column.key}
              className={isNumericType(column.type) ? 'num' : undefined}
              title={title && `${columnLabel(column, language)}: ${title}`}
            >
              {labelAt === -1 && i === 0 && (
                <span className="totals-label">{t('table.totals')} </span>
              )}
              {total?.kind === 'mean' && figure && (
                <span className="mean-mark">{t('table.meanMark')} </span>
              )}
              {figure}
            </td>
          );
        })}
      </tr>
    </tfoot>
  );
}

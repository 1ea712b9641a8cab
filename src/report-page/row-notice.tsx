import { useI18n } from '../shared/i18n/i18n';
import type { ReportRow } from '../report-model/column-types';
import type { ReportData } from '../report-model/report-query';

/** CONN_IDs named in the notice; the rest are counted. */
const LISTED = 10;

interface RowNoticeProps {
  data: ReportData;
}

/**
 * What the loaded rows said about themselves: repeated CONN_IDs removed, rows dated
 * outside the period asked for, answers that said "no records" while carrying rows,
 * columns whose wire name could not be used as is. Counts, and the CONN_IDs concerned.
 */
export function RowNotice({ data }: RowNoticeProps) {
  const { t } = useI18n();
  const renamed = data.columns.filter((column) => column.renamedFrom !== undefined);
  const { duplicates, outOfRange } = data;
  const notFoundRows = data.load.notFoundWithRows ?? 0;
  if (
    renamed.length === 0 &&
    duplicates.length === 0 &&
    outOfRange.length === 0 &&
    notFoundRows === 0
  )
    return null;

  const list = (rows: readonly ReportRow[]) => {
    const ids = rows.slice(0, LISTED).map((row) => String(row.conn_id ?? '—'));
    const rest = rows.length - ids.length;
    return rest > 0 ? `${ids.join(', ')} ${t('rows.andMore', { count: rest })}` : ids.join(', ');
  };

  return (
    <div className="notice row-notice" role="status">
      <ul>
        {duplicates.length > 0 && (
          <li>{t('rows.duplicates', { count: duplicates.length, ids: list(duplicates) })}</li>
        )}
        {outOfRange.length > 0 && (
          <li>{t('rows.outOfRange', { count: outOfRange.length, ids: list(outOfRange) })}</li>
        )}
        {notFoundRows > 0 && <li>{t('rows.notFoundWithRows', { count: notFoundRows })}</li>}
        {renamed.length > 0 && (
          <li>
            {t('rows.renamed', {
              count: renamed.length,
              names: renamed.map((column) => `“${column.renamedFrom ?? ''}”`).join(', '),
            })}
          </li>
        )}
      </ul>
    </div>
  );
}

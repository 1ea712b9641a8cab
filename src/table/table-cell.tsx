import type { ColumnDef } from '../report-model/catalog';
import { isUnparsed, type CellValue } from '../report-model/column-types';
import type { Translate } from '../shared/i18n/i18n';
import { formatNumber, readAttachment, type CellFormats } from '../report-model/cell-format';

interface TableCellProps {
  column: ColumnDef;
  value: CellValue;
  formats: CellFormats;
  t: Translate;
}

/** One cell's content. Text is always rendered as text, never as HTML. */
export function TableCell({ column, value, formats, t }: TableCellProps) {
  if (value === null) return null;
  if (isUnparsed(column.type, value)) {
    return (
      <span className="cell-unparsed" title={t('cell.unparsed', { type: column.type })}>
        <span aria-hidden="true">⚠ </span>
        {value}
      </span>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <span className={`badge badge-${value ? 'yes' : 'no'}`}>
        {value ? t('cell.yes') : t('cell.no')}
      </span>
    );
  }
  if (typeof value === 'number') return <>{formatNumber(column.type, value, formats)}</>;
  const attachment = readAttachment(value);
  if (attachment) {
    return (
      <a href={attachment.href} target="_blank" rel="noopener noreferrer nofollow">
        📎 {attachment.label}
      </a>
    );
  }
  return <>{value}</>;
}

import type { ColumnDef } from '../report-model/catalog';
import { isUnparsed, type CellValue } from '../report-model/column-types';
import type { Translate } from '../shared/i18n/i18n';
import {
  attachmentIn,
  DISPLAY_CHARS,
  formatNumber,
  revealBidi,
  type CellFormats,
} from '../report-model/cell-format';
import { LongText } from '../shared/long-text';
import { AttachmentLink } from '../shared/attachment-link';

interface TableCellProps {
  column: ColumnDef;
  value: CellValue;
  formats: CellFormats;
  t: Translate;
}

/**
 * One cell's content. Text is always rendered as text, never as HTML; bidi controls are
 * shown, long text is cut (LongText), and only MESSAGE may hold an attachment link.
 */
export function TableCell({ column, value, formats, t }: TableCellProps) {
  if (value === null) return null;
  if (isUnparsed(column.type, value)) {
    return (
      <span className="cell-unparsed" title={t('cell.unparsed', { type: column.type })}>
        <span aria-hidden="true">⚠ </span>
        <LongText text={revealBidi(value)} limit={DISPLAY_CHARS} />
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
  const attachment = attachmentIn(column.key, value);
  if (attachment) return <AttachmentLink attachment={attachment} />;
  return <LongText text={revealBidi(value)} limit={DISPLAY_CHARS} />;
}

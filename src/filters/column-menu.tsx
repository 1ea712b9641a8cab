import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useI18n } from '../shared/i18n/i18n';
import type { ColumnDef } from '../report-model/catalog';

interface ColumnMenuProps {
  columns: readonly ColumnDef[];
  visibility: ColumnVisibilityState;
  onChange: (visibility: ColumnVisibilityState) => void;
}

/** Show or hide columns; the choice is remembered per report. */
export function ColumnMenu({ columns, visibility, onChange }: ColumnMenuProps) {
  const { t } = useI18n();
  const hidden = columns.filter((column) => visibility[column.key] === false).length;
  return (
    <details className="filter-popover column-menu">
      <summary>
        {t('columns.label')}
        {hidden > 0 && (
          <span className="filter-count"> ({t('columns.hidden', { count: hidden })})</span>
        )}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{t('columns.label')}</legend>
        {columns.map((column) => (
          <label key={column.key} className="check">
            <input
              type="checkbox"
              checked={visibility[column.key] !== false}
              onChange={(event) => onChange({ ...visibility, [column.key]: event.target.checked })}
            />
            <span className="check-label">{column.header}</span>
          </label>
        ))}
        {hidden > 0 && (
          <button type="button" className="link" onClick={() => onChange({})}>
            {t('columns.showAll')}
          </button>
        )}
      </fieldset>
    </details>
  );
}

import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useI18n } from '../shared/i18n/i18n';
import { columnLabel, type ColumnDef, type HeaderNames } from '../report-model/catalog';

interface ColumnMenuProps {
  columns: readonly ColumnDef[];
  visibility: ColumnVisibilityState;
  onChange: (visibility: ColumnVisibilityState) => void;
  /** Which names the headers show; the choice is remembered in this browser. */
  headerNames: HeaderNames;
  onHeaderNamesChange: (names: HeaderNames) => void;
}

/**
 * Show or hide columns (remembered per report), and switch the headers between wolkvox
 * Manager's names and human ones (remembered for every report). Each column is listed by
 * both names.
 */
export function ColumnMenu({
  columns,
  visibility,
  onChange,
  headerNames,
  onHeaderNamesChange,
}: ColumnMenuProps) {
  const { t, language } = useI18n();
  const hidden = columns.filter((column) => visibility[column.key] === false).length;
  return (
    <details className="filter-popover column-menu">
      <summary>
        {t('columns.label')}
        {hidden > 0 && (
          <span className="filter-count"> ({t('columns.hidden', { count: hidden })})</span>
        )}
      </summary>
      <div className="column-menu-panel">
        <fieldset className="header-names">
          <legend>{t('columns.headerNames')}</legend>
          {(['wolkvox', 'human'] as const).map((names) => (
            <label key={names} className="check">
              <input
                type="radio"
                name="header-names"
                checked={headerNames === names}
                onChange={() => onHeaderNamesChange(names)}
              />
              <span className="check-label">
                {t(names === 'wolkvox' ? 'columns.wolkvoxNames' : 'columns.humanNames')}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="visually-hidden">{t('columns.label')}</legend>
          {columns.map((column) => {
            const label = columnLabel(column, language);
            const [main, other] =
              headerNames === 'human' ? [label, column.header] : [column.header, label];
            return (
              <label key={column.key} className="check">
                <input
                  type="checkbox"
                  checked={visibility[column.key] !== false}
                  onChange={(event) =>
                    onChange({ ...visibility, [column.key]: event.target.checked })
                  }
                />
                <span className="check-label">
                  {main}
                  {other !== main && <span className="column-other-name"> · {other}</span>}
                </span>
              </label>
            );
          })}
          {hidden > 0 && (
            <button type="button" className="link" onClick={() => onChange({})}>
              {t('columns.showAll')}
            </button>
          )}
        </fieldset>
      </div>
    </details>
  );
}

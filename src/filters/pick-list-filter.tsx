import { useState } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { columnLabel, type ColumnDef } from '../report-model/catalog';
import type { FacetEntry } from '../engine';

interface PickListFilterProps {
  column: ColumnDef;
  selected: readonly string[];
  facet: () => FacetEntry[];
  onChange: (values: string[]) => void;
}

/** A multi-select of a column's values with the number of rows of each. */
export function PickListFilter({ column, selected, facet, onChange }: PickListFilterProps) {
  const { t, locale, language } = useI18n();
  const name = columnLabel(column, language);
  const [counts, setCounts] = useState<FacetEntry[] | null>(null);
  const count = new Intl.NumberFormat(locale);
  const label = (value: string) =>
    value === ''
      ? t('filters.empty')
      : column.type === 'yesno'
        ? t(value === 'yes' ? 'cell.yes' : 'cell.no')
        : value;

  const options = counts ?? [];
  // Keep selected values listed even when no row has them any more.
  for (const value of selected)
    if (!options.some((o) => o.value === value)) options.push({ value, count: 0 });

  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <details
      className="filter-popover"
      onToggle={(event) => setCounts(event.currentTarget.open ? facet() : null)}
    >
      <summary className={selected.length ? 'active' : undefined} title={column.header}>
        {name}
        {selected.length > 0 && (
          <span className="filter-count"> ({count.format(selected.length)})</span>
        )}
      </summary>
      <fieldset>
        <legend className="visually-hidden">
          {t('filters.pickLegend', { column: `${name} (${column.header})` })}
        </legend>
        {options.map(({ value, count: n }) => (
          <label key={value} className="check">
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={(event) => toggle(value, event.target.checked)}
            />
            <span className="check-label">{label(value)}</span>
            <span className="check-count">{count.format(n)}</span>
          </label>
        ))}
        {selected.length > 0 && (
          <button type="button" className="link" onClick={() => onChange([])}>
            {t('filters.clearColumn')}
          </button>
        )}
      </fieldset>
    </details>
  );
}

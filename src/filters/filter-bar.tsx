import { useState } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import type { ColumnDef } from '../report-model/catalog';
import { hasPhoneDigits, type FacetEntry } from '../engine';
import {
  capText,
  hasFilters,
  MAX_PHONE_CHARS,
  MAX_SEARCH_CHARS,
  isPickListColumn,
  isRangeColumn,
  type ColumnFilter,
  type ViewState,
} from '../report-model/view-state';
import { PickListFilter } from './pick-list-filter';
import { RangeFilters } from './range-filters';
import { useDraftInput } from './use-draft-input';

interface FilterBarProps {
  columns: readonly ColumnDef[];
  view: ViewState;
  facet: (key: string) => FacetEntry[];
  onChange: (patch: Partial<Pick<ViewState, 'phone' | 'q' | 'filters'>>, typing?: boolean) => void;
}

/** Phone, search and column filters: the ways a supervisor narrows a report. */
export function FilterBar({ columns, view, facet, onChange }: FilterBarProps) {
  const { t } = useI18n();
  const hasPhone = columns.some((column) => column.type === 'phone');
  const [phone, setPhone] = useDraftInput(
    view.phone,
    (value) => onChange({ phone: value }, true),
    (draft) => draft.trim(),
  );
  const [q, setQ] = useDraftInput(view.q, (value) => onChange({ q: value }, true));
  // Pasted text beyond the cap is cut and said (the view lives in the URL: see view-state.ts).
  const [cut, setCut] = useState<{ phone?: boolean; q?: boolean }>({});
  const capped = (text: string, max: number, field: 'phone' | 'q') => {
    const kept = capText(text, max);
    setCut((current) => ({ ...current, [field]: kept !== text }));
    return kept;
  };
  const noDigits = phone.trim() !== '' && !hasPhoneDigits(phone);

  const setFilter = (key: string, filter: ColumnFilter) => {
    const next = { ...view.filters };
    const empty = !filter.values?.length && filter.min === undefined && filter.max === undefined;
    if (empty) delete next[key];
    else next[key] = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    onChange({ filters: next });
  };
  const rangeColumns = columns.filter(isRangeColumn);

  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      {hasPhone && (
        <label className="text-filter">
          {t('filters.phone')}
          <input
            type="search"
            inputMode="tel"
            autoComplete="off"
            placeholder="+57 300 123 4567"
            value={phone}
            onChange={(event) => setPhone(capped(event.target.value, MAX_PHONE_CHARS, 'phone'))}
            aria-describedby={noDigits || cut.phone ? 'phone-filter-note' : undefined}
          />
          {(noDigits || cut.phone) && (
            <span id="phone-filter-note" className="filter-note" role="status">
              {noDigits
                ? t('filters.noPhoneDigits')
                : t('filters.shortened', { max: MAX_PHONE_CHARS })}
            </span>
          )}
        </label>
      )}
      <label className="text-filter">
        {t('filters.search')}
        <input
          type="search"
          autoComplete="off"
          value={q}
          onChange={(event) => setQ(capped(event.target.value, MAX_SEARCH_CHARS, 'q'))}
          aria-describedby={cut.q ? 'search-filter-note' : undefined}
        />
        {cut.q && (
          <span id="search-filter-note" className="filter-note" role="status">
            {t('filters.shortened', { max: MAX_SEARCH_CHARS })}
          </span>
        )}
      </label>
      {columns.filter(isPickListColumn).map((column) => (
        <PickListFilter
          key={column.key}
          column={column}
          selected={view.filters[column.key]?.values ?? []}
          facet={() => facet(column.key)}
          onChange={(values) => setFilter(column.key, { ...view.filters[column.key], values })}
        />
      ))}
      {rangeColumns.length > 0 && (
        <RangeFilters columns={rangeColumns} filters={view.filters} onChange={setFilter} />
      )}
      {hasFilters(view) && (
        <button
          type="button"
          className="link"
          onClick={() => onChange({ phone: '', q: '', filters: {} })}
        >
          {t('filters.clearAll')}
        </button>
      )}
    </div>
  );
}

import { useI18n } from '../shared/i18n/i18n';
import { columnLabel, type ColumnDef } from '../report-model/catalog';
import { parseDuration } from '../report-model/wire/parse-value';
import { formatDuration } from '../report-model/cell-format';
import type { ColumnFilter } from '../report-model/view-state';
import { useDraftInput } from './use-draft-input';

interface RangeFiltersProps {
  columns: readonly ColumnDef[];
  filters: Record<string, ColumnFilter>;
  onChange: (key: string, filter: ColumnFilter) => void;
}

/** Min–max filters of the numeric columns (durations typed as h:mm:ss or seconds). */
export function RangeFilters({ columns, filters, onChange }: RangeFiltersProps) {
  const { t, language } = useI18n();
  const active = columns.filter(
    (column) => filters[column.key]?.min !== undefined || filters[column.key]?.max !== undefined,
  );
  return (
    <details className="filter-popover">
      <summary className={active.length ? 'active' : undefined}>
        {t('filters.ranges')}
        {active.length > 0 && <span className="filter-count"> ({active.length})</span>}
      </summary>
      <div className="range-grid">
        {columns.map((column) => (
          <fieldset key={column.key}>
            <legend>
              {columnLabel(column, language)}{' '}
              <span className="column-other-name">{column.header}</span>
            </legend>
            {(['min', 'max'] as const).map((bound) => (
              <BoundInput
                key={bound}
                column={column}
                label={t(bound === 'min' ? 'filters.min' : 'filters.max')}
                value={filters[column.key]?.[bound]}
                onCommit={(value) =>
                  onChange(column.key, { ...filters[column.key], [bound]: value })
                }
              />
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}

function BoundInput(props: {
  column: ColumnDef;
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
}) {
  const { column, label, value, onCommit } = props;
  const duration = column.type === 'duration';
  const shown = value === undefined ? '' : duration ? formatDuration(value) : String(value);
  const parse = (text: string) => {
    const trimmed = text.trim();
    const parsed = duration ? parseDuration(trimmed) : Number(trimmed.replace(',', '.'));
    return trimmed !== '' && parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
  };
  const [draft, setDraft] = useDraftInput(
    shown,
    (text) => {
      const parsed = parse(text);
      if (text.trim() === '') onCommit(undefined);
      else if (parsed !== undefined) onCommit(parsed);
    },
    // A draft that means the value shown stays as typed ("1:5" while typing "1:50").
    (text) => {
      const parsed = parse(text);
      if (parsed === undefined) return text.trim() === '' ? '' : shown;
      return duration ? formatDuration(parsed) : String(parsed);
    },
  );
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode={duration ? 'text' : 'decimal'}
        placeholder={duration ? 'h:mm:ss' : ''}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        size={8}
      />
    </label>
  );
}

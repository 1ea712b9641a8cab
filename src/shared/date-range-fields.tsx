/** A period as two labelled date inputs (YYYY-MM-DD, both days included). */
export interface DateRange {
  from: string;
  to: string;
}

interface DateRangeFieldsProps {
  value: DateRange;
  onChange: (value: DateRange) => void;
  labels: { from: string; to: string };
  /** Latest day the start may be (e.g. the operation's today). */
  maxFrom?: string;
  required?: boolean;
}

/** The "From" and "To" fields of the report's range form and of billing's chosen period. */
export function DateRangeFields({
  value,
  onChange,
  labels,
  maxFrom,
  required,
}: DateRangeFieldsProps) {
  return (
    <>
      <label>
        {labels.from}
        <input
          type="date"
          value={value.from}
          max={maxFrom}
          onChange={(event) => onChange({ ...value, from: event.target.value })}
          required={required}
        />
      </label>
      <label>
        {labels.to}
        <input
          type="date"
          value={value.to}
          onChange={(event) => onChange({ ...value, to: event.target.value })}
          required={required}
        />
      </label>
    </>
  );
}

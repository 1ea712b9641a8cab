export interface DrillRowHeaderProps {
  /** The row's name, as shown. */
  label: string;
  /** The button's accessible name ("Filter the table by …"). */
  action: string;
  /** The drill-down; without it the header is plain text. */
  onSelect?: () => void;
}

/**
 * The row header of a chart's data table: a button doing what clicking the bar does (the
 * keyboard path to the drill-down), or plain text where there is none.
 */
export function DrillRowHeader({ label, action, onSelect }: DrillRowHeaderProps) {
  return (
    <th scope="row">
      {onSelect ? (
        <button type="button" aria-label={action} onClick={onSelect}>
          {label}
        </button>
      ) : (
        label
      )}
    </th>
  );
}

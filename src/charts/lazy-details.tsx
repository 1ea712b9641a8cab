import { useState, type ReactNode } from 'react';

export interface LazyDetailsProps {
  className: string;
  summary: ReactNode;
  /** Rendered only while open. */
  children: () => ReactNode;
}

/**
 * A `<details>` whose content exists only while it is open: a chart's closed data table
 * (hundreds of cells for a year of days) then costs nothing on each filter change.
 */
export function LazyDetails({ className, summary, children }: LazyDetailsProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}

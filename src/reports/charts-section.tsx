import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

const STORAGE_KEY = 'wolkvox.chartsOpen.v1';

function initiallyOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

/** Charts above the table, foldable so the table gets the screen; the choice is remembered. */
export function ChartsSection({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details
      className="charts-section"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        setOpen(next);
        try {
          localStorage.setItem(STORAGE_KEY, String(next));
        } catch {
          // not remembered, still applied
        }
      }}
    >
      <summary>{t('charts.toggle')}</summary>
      {open && children}
    </details>
  );
}

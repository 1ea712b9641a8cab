import { useState, type ReactNode } from 'react';
import { readStored, writeStored } from '../shared/local-store';
import { useI18n } from '../shared/i18n/i18n';

const STORAGE_KEY = 'wolkvox.chartsOpen.v1';

/** Charts above the table, foldable so the table gets the screen; the choice is remembered. */
export function ChartsSection({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(() => readStored(STORAGE_KEY) !== false);
  return (
    <details
      className="charts-section"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        setOpen(next);
        writeStored(STORAGE_KEY, next);
      }}
    >
      <summary>{t('charts.toggle')}</summary>
      {open && children}
    </details>
  );
}

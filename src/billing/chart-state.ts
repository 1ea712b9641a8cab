import { useCallback, useState } from 'react';

/** Series of the usage charts. */
export type UsageSeries = 'templates' | 'nonTemplates' | 'unknown';

export const SERIES_COLORS: Readonly<Record<UsageSeries, string>> = {
  templates: '#2563eb',
  nonTemplates: '#94a3b8',
  unknown: '#d97706',
};

/** Legend toggles: which series are hidden (local UI state). */
export function useHiddenSeries(): {
  hidden: ReadonlySet<string>;
  toggle: (key: string) => void;
} {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((key: string) => {
    setHidden((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  return { hidden, toggle };
}

import { useCallback, useState, type ReactElement } from 'react';
import { Bar } from 'recharts';

/** Series of the usage charts. */
export type UsageSeries = 'templates' | 'nonTemplates' | 'unknown';

export const SERIES_COLORS: Readonly<Record<UsageSeries, string>> = {
  templates: '#2563eb',
  nonTemplates: '#94a3b8',
  unknown: '#d97706',
};

export interface UsageSeriesItem {
  key: UsageSeries;
  label: string;
  color: string;
}

/** Templates, non-templates, and the unreadable-TEMPLATE series only when some row has one. */
export function usageSeries(
  hasUnknown: boolean,
  labels: Readonly<Record<UsageSeries, string>>,
): UsageSeriesItem[] {
  const keys: UsageSeries[] = hasUnknown
    ? ['templates', 'nonTemplates', 'unknown']
    : ['templates', 'nonTemplates'];
  return keys.map((key) => ({ key, label: labels[key], color: SERIES_COLORS[key] }));
}

/**
 * One stacked recharts `Bar` per series (a function, not a component: recharts reads its
 * chart's direct children). A click hands over the datum behind the segment.
 */
export function usageBars<T>(
  series: readonly UsageSeriesItem[],
  hidden: ReadonlySet<string>,
  stackId: string,
  onSelect: ((datum: T) => void) | undefined,
): ReactElement[] {
  return series.map((item) => (
    <Bar
      key={item.key}
      dataKey={item.key}
      name={item.label}
      stackId={stackId}
      fill={item.color}
      hide={hidden.has(item.key)}
      isAnimationActive={false}
      cursor={onSelect ? 'pointer' : undefined}
      onClick={(bar) => {
        const datum = bar.payload as T | undefined;
        if (datum !== undefined && onSelect) onSelect(datum);
      }}
    />
  ));
}

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

import type { CSSProperties } from 'react';

export interface LegendSeries {
  key: string;
  label: string;
  color: string;
}

export interface SeriesLegendProps {
  series: readonly LegendSeries[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** aria-label of the group. */
  label: string;
}

const swatch = (color: string, off: boolean): CSSProperties => ({
  display: 'inline-block',
  width: '0.75em',
  height: '0.75em',
  marginInlineEnd: '0.35em',
  borderRadius: 2,
  background: off ? 'transparent' : color,
  border: `2px solid ${color}`,
});

/** A legend of toggle buttons (keyboard-accessible, aria-pressed = shown). */
export function SeriesLegend({ series, hidden, onToggle, label }: SeriesLegendProps) {
  return (
    <div role="group" aria-label={label} className="chart-legend">
      {series.map((item) => {
        const off = hidden.has(item.key);
        return (
          <button
            key={item.key}
            type="button"
            aria-pressed={!off}
            onClick={() => onToggle(item.key)}
            style={{ opacity: off ? 0.55 : 1, textDecoration: off ? 'line-through' : undefined }}
          >
            <span aria-hidden="true" style={swatch(item.color, off)} />
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

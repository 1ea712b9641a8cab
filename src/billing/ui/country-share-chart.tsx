import { countryDisplayName } from '../model/country';
import {
  COUNTRY_SHARE_CHART_LABELS,
  fill,
  pickLabels,
  type CountryShareChartLabels,
} from './labels';
import { ShareBarChart, type ShareChartLayout } from './share-bar-chart';
import type { CountryShare } from '../model/usage-aggregates';

export interface CountryShareChartProps extends ShareChartLayout {
  /** `aggregateUsage(...).byCountry`. */
  data: readonly CountryShare[];
  /**
   * Drill-down: the clicked country's key (ISO-2 market, or the raw DESTINY text
   * when unresolved) and the raw DESTINY values grouped under it.
   */
  onSelectCountry?: (value: string, rawValues: readonly string[]) => void;
  labels?: Partial<CountryShareChartLabels>;
}

/** Template vs non-template interactions per destination country. */
export function CountryShareChart({
  data,
  onSelectCountry,
  labels,
  ...layout
}: CountryShareChartProps) {
  const locale = layout.locale ?? 'en';
  const text = pickLabels(COUNTRY_SHARE_CHART_LABELS, locale, labels);
  const unresolved = data
    .filter((entry) => entry.market === undefined)
    .map((entry) => (entry.key === '' ? text.emptyCountry : entry.key));
  return (
    <ShareBarChart
      entries={data}
      labelOf={(entry) => {
        if (entry.market) return countryDisplayName(entry.market, locale);
        return entry.key === '' ? text.emptyCountry : entry.key;
      }}
      onSelect={onSelectCountry && ((entry) => onSelectCountry(entry.key, entry.values))}
      {...layout}
      text={text}
      notes={
        unresolved.length > 0 ? [fill(text.unresolvedNote, { values: unresolved.join(', ') })] : []
      }
    />
  );
}

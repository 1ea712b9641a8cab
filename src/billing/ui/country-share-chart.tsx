import { countryDisplayName } from '../model/country';
import { useI18n } from '../../shared/i18n/i18n';
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
}

/** Template vs non-template interactions per destination country. */
export function CountryShareChart({ data, onSelectCountry, ...layout }: CountryShareChartProps) {
  const { t, locale } = useI18n();
  const noCountry = t('billing.noCountry');
  const unresolved = data
    .filter((entry) => entry.market === undefined)
    .map((entry) => (entry.key === '' ? noCountry : entry.key));
  return (
    <ShareBarChart
      entries={data}
      labelOf={(entry) => {
        if (entry.market) return countryDisplayName(entry.market, locale);
        return entry.key === '' ? noCountry : entry.key;
      }}
      onSelect={onSelectCountry && ((entry) => onSelectCountry(entry.key, entry.values))}
      {...layout}
      text={{
        title: t('billing.countryShare.title'),
        hint: t('billing.countryShare.hint'),
        category: t('billing.countryShare.category'),
      }}
      notes={
        unresolved.length > 0
          ? [t('billing.countryShare.unresolvedNote', { values: unresolved.join(', ') })]
          : []
      }
    />
  );
}

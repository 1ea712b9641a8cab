import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import { useI18n } from '../../shared/i18n/i18n';
import { ShareBarChart, type ShareChartLayout } from './share-bar-chart';
import type { ConnectorShare } from '../model/usage-aggregates';

export interface ConnectorShareChartProps extends ShareChartLayout {
  /** `aggregateUsage(...).byConnector`. */
  data: readonly ConnectorShare[];
  /** Drill-down: the connector id of the clicked bar (UNKNOWN_CONNECTOR for unreadable ids). */
  onSelectConnector?: (connectorId: string) => void;
}

/** Template vs non-template interactions per connector. */
export function ConnectorShareChart({
  data,
  onSelectConnector,
  ...layout
}: ConnectorShareChartProps) {
  const { t } = useI18n();
  const unreadable = data.find((entry) => entry.key === UNKNOWN_CONNECTOR)?.total ?? 0;
  return (
    <ShareBarChart
      entries={data}
      labelOf={(entry) =>
        entry.key === UNKNOWN_CONNECTOR ? t('billing.unreadableSession') : entry.label
      }
      onSelect={onSelectConnector && ((entry) => onSelectConnector(entry.key))}
      {...layout}
      text={{
        title: t('billing.connectorShare.title'),
        hint: t('billing.connectorShare.hint'),
        category: t('billing.connectorShare.category'),
      }}
      notes={
        unreadable > 0 ? [t('billing.connectorShare.unreadableNote', { count: unreadable })] : []
      }
    />
  );
}

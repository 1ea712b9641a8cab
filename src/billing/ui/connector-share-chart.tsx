import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import {
  CONNECTOR_SHARE_CHART_LABELS,
  fill,
  pickLabels,
  type ConnectorShareChartLabels,
} from './labels';
import { ShareBarChart, type ShareChartLayout } from './share-bar-chart';
import type { ConnectorShare } from '../model/usage-aggregates';

export interface ConnectorShareChartProps extends ShareChartLayout {
  /** `aggregateUsage(...).byConnector`. */
  data: readonly ConnectorShare[];
  /** Drill-down: the connector id of the clicked bar (UNKNOWN_CONNECTOR for unreadable ids). */
  onSelectConnector?: (connectorId: string) => void;
  labels?: Partial<ConnectorShareChartLabels>;
}

/** Template vs non-template interactions per connector. */
export function ConnectorShareChart({
  data,
  onSelectConnector,
  labels,
  ...layout
}: ConnectorShareChartProps) {
  const locale = layout.locale ?? 'en';
  const text = pickLabels(CONNECTOR_SHARE_CHART_LABELS, locale, labels);
  const unreadable = data.find((entry) => entry.key === UNKNOWN_CONNECTOR)?.total ?? 0;
  return (
    <ShareBarChart
      entries={data}
      labelOf={(entry) => (entry.key === UNKNOWN_CONNECTOR ? text.unreadableSession : entry.label)}
      onSelect={onSelectConnector && ((entry) => onSelectConnector(entry.key))}
      {...layout}
      text={text}
      notes={unreadable > 0 ? [fill(text.unreadableNote, { n: unreadable })] : []}
    />
  );
}

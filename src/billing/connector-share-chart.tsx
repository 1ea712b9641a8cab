import { UNKNOWN_CONNECTOR } from './connector';
import {
  CONNECTOR_SHARE_CHART_LABELS,
  fill,
  pickLabels,
  type ConnectorShareChartLabels,
} from './labels';
import { ShareBarChart } from './share-bar-chart';
import type { ConnectorShare } from './usage-aggregates';

export interface ConnectorShareChartProps {
  /** `aggregateUsage(...).byConnector`. */
  data: readonly ConnectorShare[];
  /** Drill-down: the connector id of the clicked bar (UNKNOWN_CONNECTOR for unreadable ids). */
  onSelectConnector?: (connectorId: string) => void;
  /** 100 % stacked bars (default) or counts. */
  normalized?: boolean;
  maxItems?: number;
  width?: number;
  height?: number;
  locale?: string;
  labels?: Partial<ConnectorShareChartLabels>;
}

/** Template vs non-template interactions per connector. */
export function ConnectorShareChart({
  data,
  onSelectConnector,
  normalized = true,
  maxItems = 20,
  width,
  height,
  locale = 'en',
  labels,
}: ConnectorShareChartProps) {
  const text = pickLabels(CONNECTOR_SHARE_CHART_LABELS, locale, labels);
  const unreadable = data.find((entry) => entry.key === UNKNOWN_CONNECTOR)?.total ?? 0;
  return (
    <ShareBarChart
      entries={data}
      labelOf={(entry) => (entry.key === UNKNOWN_CONNECTOR ? text.unreadableSession : entry.label)}
      onSelect={onSelectConnector && ((entry) => onSelectConnector(entry.key))}
      normalized={normalized}
      maxItems={maxItems}
      width={width}
      height={height}
      locale={locale}
      text={text}
      notes={
        unreadable > 0 && (
          <p className="billing-note">{fill(text.unreadableNote, { n: unreadable })}</p>
        )
      }
    />
  );
}

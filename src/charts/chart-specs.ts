import type { ReportNumber } from '../report-model/catalog';

/**
 * Which charts each report gets, declared once. Pure data (no React, no recharts): the page can
 * ask `hasCharts` without loading the chart bundle. Keys are catalog column keys.
 *
 * Kinds:
 * - `count-by`: rows per value of `by`;
 * - `sum-by`: the sum of the numeric column `value` per value of `by`;
 * - `mean-by`: the mean of `value` per value of `by`, weighted by `weight` when given
 *   (e.g. TMO per agent weighted by that agent's chats);
 * - `per-day`: rows (or the sum of `value`) per calendar day of the date/datetime column `by`;
 * - `stacked`: like count-by/sum-by, each bar split by the values of `split`;
 * - `columns`: fixed bars (`groups`), each the sums of several numeric columns (`series`),
 *   for the one-row summaries (report 15).
 */

export interface LocalizedText {
  en: string;
  es: string;
}

/**
 * Bar order: `value` = largest first (ties by key), `enum` = the column's catalog values in
 * order (unknown values after them by size, empty last), `key` = ascending text.
 */
export type ChartSort = 'value' | 'enum' | 'key';

interface SpecBase {
  /** Unique within the report. */
  id: string;
  title: LocalizedText;
  /** Header of the measured figure in the data table (default: "Rows" / the column's header). */
  valueLabel?: LocalizedText;
  /** Display names of some values of `by` / `split`, by their plain-text form ('yes', 'no'…). */
  valueLabels?: Readonly<Record<string, LocalizedText>>;
}

interface CategorySpec extends SpecBase {
  by: string;
  sort: ChartSort;
  /** At most this many bars; the rest are summed into one "Other" bar. */
  max?: number;
}

export interface CountBySpec extends CategorySpec {
  kind: 'count-by';
}

export interface SumBySpec extends CategorySpec {
  kind: 'sum-by';
  value: string;
}

export interface MeanBySpec extends CategorySpec {
  kind: 'mean-by';
  value: string;
  /** Numeric column weighting each row (rows with no positive weight are left out of the mean). */
  weight?: string;
}

export interface PerDaySpec extends SpecBase {
  kind: 'per-day';
  /** A datetime or date column (wall-clock ms): bucketed by calendar day. */
  by: string;
  /** Summed per day; absent → rows counted. */
  value?: string;
  /** The title when more than a quarter of days is drawn one bar per week. */
  weekTitle: LocalizedText;
}

export interface StackedSpec extends CategorySpec {
  kind: 'stacked';
  /** Each bar is split by this column's values (one series per value). */
  split: string;
  /** Order of the series by plain-text value; other values follow. */
  splitOrder?: readonly string[];
  /** Summed; absent → rows counted. */
  value?: string;
}

export interface ColumnsSpec extends SpecBase {
  kind: 'columns';
  /** One bar per group; `columns[i]` is summed into series i. */
  groups: readonly { key: string; label: LocalizedText; columns: readonly string[] }[];
  series: readonly { key: string; label: LocalizedText }[];
}

export type ChartSpec =
  CountBySpec | SumBySpec | MeanBySpec | PerDaySpec | StackedSpec | ColumnsSpec;

export type ChartKind = ChartSpec['kind'];

/** Top-N for agent-like columns (dozens to hundreds of values). */
const AGENTS = 15;
/** Top-N for activity codes. */
const CODES = 12;

const text = (en: string, es: string): LocalizedText => ({ en, es });

const CHATS = text('Chats', 'Chats');
const INTERACTIONS = text('Interactions', 'Interacciones');

/** Reports 5 and 7 both give closed interactions per agent. */
const INTERACTIONS_CLOSED_BY_AGENT: ChartSpec = {
  id: 'by-agent',
  kind: 'sum-by',
  title: text('Interactions closed by agent', 'Interacciones cerradas por agente'),
  valueLabel: INTERACTIONS,
  by: 'agent_name',
  value: 'interactions',
  sort: 'value',
  max: AGENTS,
};
const TRANSFERS = text('Transfers', 'Transferencias');
const CLICKS = text('Clicks', 'Clics');

function transferCharts(): ChartSpec[] {
  return [
    {
      id: 'by-receiver',
      kind: 'count-by',
      title: text('Transfers received by agent', 'Transferencias recibidas por agente'),
      valueLabel: TRANSFERS,
      by: 'receiver_agent_name',
      sort: 'value',
      max: AGENTS,
    },
    {
      id: 'by-transferrer',
      kind: 'count-by',
      title: text('Transfers made by agent', 'Transferencias hechas por agente'),
      valueLabel: TRANSFERS,
      by: 'transfer_agent_name',
      sort: 'value',
      max: AGENTS,
    },
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Transfers per day', 'Transferencias por día'),
      weekTitle: text('Transfers per week', 'Transferencias por semana'),
      valueLabel: TRANSFERS,
      by: 'date',
    },
  ];
}

const BOT_OR_AGENT: Readonly<Record<string, LocalizedText>> = {
  no: text('Chatbot only', 'Solo chatbot'),
  yes: text('Passed to an agent', 'Pasó a un agente'),
};

const FEELING_NAMES: Readonly<Record<string, LocalizedText>> = {
  'very negative': text('very negative', 'muy negativo'),
  negative: text('negative', 'negativo'),
  neutral: text('neutral', 'neutral'),
  positive: text('positive', 'positivo'),
  'very positive': text('very positive', 'muy positivo'),
};

export const CHART_SPECS: Readonly<Partial<Record<ReportNumber, readonly ChartSpec[]>>> = {
  1: [
    {
      id: 'by-channel',
      kind: 'count-by',
      title: text('Chats by channel', 'Chats por canal'),
      valueLabel: CHATS,
      by: 'channel',
      sort: 'value',
    },
    {
      id: 'by-feeling',
      kind: 'count-by',
      title: text('Chats by customer sentiment', 'Chats por sentimiento del cliente'),
      valueLabel: CHATS,
      by: 'feeling',
      sort: 'enum',
      // wolkvox sends the sentiment in English; a Spanish chart names it in Spanish.
      valueLabels: FEELING_NAMES,
    },
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Chats closed per day', 'Chats cerrados por día'),
      weekTitle: text('Chats closed per week', 'Chats cerrados por semana'),
      valueLabel: CHATS,
      by: 'date_close',
    },
    {
      id: 'by-agent',
      kind: 'count-by',
      title: text('Chats by agent', 'Chats por agente'),
      valueLabel: CHATS,
      by: 'agent_name',
      sort: 'value',
      max: AGENTS,
    },
  ],
  // 2 (Conversations): one row per message; nothing a supervisor would chart.
  3: [
    {
      id: 'by-channel',
      kind: 'sum-by',
      title: text('Interactions closed by channel', 'Interacciones cerradas por canal'),
      valueLabel: INTERACTIONS,
      by: 'channel',
      value: 'interactions',
      sort: 'value',
    },
    {
      id: 'closing-time',
      // wolkvox documents CLOSING_TIME as the handling time of the channel's closed
      // interactions: a total, so it is summed (an average per interaction is not given).
      kind: 'sum-by',
      title: text('Closing time by channel (total)', 'Tiempo de cierre por canal (total)'),
      by: 'channel',
      value: 'closing_time',
      sort: 'value',
    },
  ],
  4: [
    {
      id: 'by-status',
      kind: 'count-by',
      title: text('Interactions by status', 'Interacciones por estado'),
      valueLabel: INTERACTIONS,
      by: 'status',
      sort: 'enum',
    },
    {
      id: 'by-channel',
      kind: 'count-by',
      title: text('Interactions by channel', 'Interacciones por canal'),
      valueLabel: INTERACTIONS,
      by: 'channel',
      sort: 'value',
    },
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Interactions created per day', 'Interacciones creadas por día'),
      weekTitle: text('Interactions created per week', 'Interacciones creadas por semana'),
      valueLabel: INTERACTIONS,
      by: 'date_creation',
    },
  ],
  5: [
    INTERACTIONS_CLOSED_BY_AGENT,
    {
      id: 'close-time',
      kind: 'sum-by',
      title: text('Close time by agent (total)', 'Tiempo de cierre por agente (total)'),
      by: 'agent_name',
      value: 'close_time',
      sort: 'value',
      max: AGENTS,
    },
  ],
  6: [
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Interactions closed per day', 'Interacciones cerradas por día'),
      weekTitle: text('Interactions closed per week', 'Interacciones cerradas por semana'),
      valueLabel: INTERACTIONS,
      by: 'date',
      value: 'interactions',
    },
  ],
  7: [
    {
      id: 'by-code',
      kind: 'sum-by',
      title: text('Interactions closed by activity code', 'Interacciones cerradas por código'),
      valueLabel: INTERACTIONS,
      by: 'cod_act',
      value: 'interactions',
      sort: 'value',
      max: CODES,
    },
    INTERACTIONS_CLOSED_BY_AGENT,
  ],
  8: [
    {
      id: 'bot-or-agent',
      kind: 'count-by',
      title: text('Chatbot only vs passed to an agent', 'Solo chatbot vs pasó a un agente'),
      valueLabel: CHATS,
      valueLabels: BOT_OR_AGENT,
      by: 'go_to_agent',
      sort: 'key',
    },
    {
      id: 'by-channel',
      kind: 'stacked',
      title: text('Chats by channel: chatbot vs agent', 'Chats por canal: chatbot vs agente'),
      valueLabel: CHATS,
      valueLabels: BOT_OR_AGENT,
      by: 'channel',
      split: 'go_to_agent',
      splitOrder: ['no', 'yes'],
      sort: 'value',
    },
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Chats started per day', 'Chats iniciados por día'),
      weekTitle: text('Chats started per week', 'Chats iniciados por semana'),
      valueLabel: CHATS,
      by: 'start_date',
    },
  ],
  9: transferCharts(),
  // 10 (WhatsApp billing): drawn by the same parts from the billing facts (README, "Report 10").
  11: transferCharts(),
  12: [
    {
      id: 'by-agent',
      kind: 'count-by',
      title: text('Interactions sent by agent', 'Interacciones enviadas por agente'),
      valueLabel: INTERACTIONS,
      by: 'agent_name',
      sort: 'value',
      max: AGENTS,
    },
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Interactions sent per day', 'Interacciones enviadas por día'),
      weekTitle: text('Interactions sent per week', 'Interacciones enviadas por semana'),
      valueLabel: INTERACTIONS,
      by: 'date',
    },
  ],
  13: [
    {
      id: 'by-channel',
      kind: 'sum-by',
      title: text('Chats closed by channel', 'Chats cerrados por canal'),
      valueLabel: CHATS,
      by: 'channel',
      value: 'interaction',
      sort: 'value',
    },
  ],
  14: [
    {
      id: 'by-source',
      kind: 'count-by',
      title: text('Clicks by source (ad or post)', 'Clics por origen (anuncio o publicación)'),
      valueLabel: CLICKS,
      by: 'source_type',
      sort: 'enum',
    },
    {
      id: 'by-media',
      kind: 'count-by',
      title: text('Clicks by media type', 'Clics por tipo de medio'),
      valueLabel: CLICKS,
      by: 'media_type',
      sort: 'enum',
    },
    {
      id: 'per-day',
      kind: 'per-day',
      title: text('Clicks per day', 'Clics por día'),
      weekTitle: text('Clicks per week', 'Clics por semana'),
      valueLabel: CLICKS,
      by: 'date',
    },
  ],
  15: [
    {
      id: 'bot-or-agent',
      kind: 'columns',
      title: text(
        'Chats from ads and posts: chatbot vs agents',
        'Chats desde anuncios y publicaciones: chatbot vs agentes',
      ),
      valueLabel: CHATS,
      groups: [
        { key: 'ad', label: text('Ads', 'Anuncios'), columns: ['ad_chatbot', 'ad_agents'] },
        {
          key: 'post',
          label: text('Posts', 'Publicaciones'),
          columns: ['post_chatbot', 'post_agents'],
        },
      ],
      series: [
        { key: 'chatbot', label: text('Chatbot', 'Chatbot') },
        { key: 'agents', label: text('Agents', 'Agentes') },
      ],
    },
  ],
  16: [
    {
      id: 'chats',
      kind: 'sum-by',
      title: text('Chats by agent', 'Chats por agente'),
      valueLabel: CHATS,
      by: 'agent_name',
      value: 'total_chats',
      sort: 'value',
      max: AGENTS,
    },
    {
      id: 'transfer-rate',
      kind: 'mean-by',
      title: text('Transfer rate by agent', 'Porcentaje de transferencia por agente'),
      valueLabel: text('Transferred', 'Transferido'),
      by: 'agent_name',
      value: 'percent_transfer',
      weight: 'total_chats',
      sort: 'value',
      max: AGENTS,
    },
    {
      id: 'tmo',
      kind: 'mean-by',
      title: text(
        'Average handling time (TMO) by agent',
        'Tiempo medio de operación (TMO) por agente',
      ),
      valueLabel: text('TMO', 'TMO'),
      by: 'agent_name',
      value: 'tmo',
      weight: 'total_chats',
      sort: 'value',
      max: AGENTS,
    },
  ],
};

const NONE: readonly ChartSpec[] = [];

/** The charts of a report (empty when it has none). */
export function chartSpecs(report: number): readonly ChartSpec[] {
  return CHART_SPECS[report as ReportNumber] ?? NONE;
}

export function hasCharts(report: number): boolean {
  return chartSpecs(report).length > 0;
}

/** Every column key a spec reads. */
export function specColumnKeys(spec: ChartSpec): string[] {
  switch (spec.kind) {
    case 'count-by':
      return [spec.by];
    case 'per-day':
      return spec.value ? [spec.by, spec.value] : [spec.by];
    case 'sum-by':
      return [spec.by, spec.value];
    case 'mean-by':
      return spec.weight ? [spec.by, spec.value, spec.weight] : [spec.by, spec.value];
    case 'stacked':
      return spec.value ? [spec.by, spec.split, spec.value] : [spec.by, spec.split];
    case 'columns':
      return spec.groups.flatMap((group) => group.columns);
  }
}

/** The column whose value a bar stands for (the drill-down filter), if any. */
export function drillColumn(spec: ChartSpec): string | undefined {
  return spec.kind === 'columns' ? undefined : spec.by;
}

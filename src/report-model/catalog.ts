import type { ColumnType } from './column-types';
import { COLUMN_LABELS, type ColumnLabel } from './column-labels';

/**
 * The "Interactions and Chats" report group of wolkvox Manager, described once.
 * Table columns, cell formatting, CSV headers, mock generators, filters and
 * charts are all derived from here. Source: ../shared/docs/wolkvox-reports.md.
 */

export interface ColumnDef {
  /** Key in the API's JSON rows (lower_snake_case). */
  key: string;
  /** Header as wolkvox Manager shows it (UPPER_SNAKE_CASE, with its odd exceptions). */
  header: string;
  type: ColumnType;
  /** Known values of an enum column, as the API sends them. */
  values?: readonly string[];
  /** Other spellings the real API or its docs use for this key. */
  aliases?: readonly string[];
  /** A column the API returned that the catalog does not know (kept, shown as text). */
  extra?: boolean;
  /** The API's key, when it could not be used as ours (`__proto__`): see normalize-rows.ts. */
  renamedFrom?: string;
  /**
   * The column's human name in the UI's languages (column-labels.ts): every catalog column
   * has one; a column the catalog does not know (`extra`) has none and shows its header.
   */
  label?: ColumnLabel;
  /** What the table's totals row shows for this column over the filtered rows (none: blank). */
  total?: ColumnTotal;
}

/**
 * `sum`: the column adds up (counts, total times). `mean`: the average over the rows,
 * weighted by the numeric column `weight` when given (an agent's TMO counts as many times
 * as the chats behind it, so the average equals TIME / TOTAL_CHATS over the rows).
 */
export type ColumnTotal = { kind: 'sum' } | { kind: 'mean'; weight?: string };

const SUM: ColumnTotal = { kind: 'sum' };
const meanBy = (weight: string): ColumnTotal => ({ kind: 'mean', weight });

export type ReportNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16;

export interface ReportDef {
  number: ReportNumber;
  name: { en: string; es: string };
  /** What the report answers, in one line (the home page lists them). */
  about: { en: string; es: string };
  /** `api=` parameter of reports_manager.php. */
  api: `chat_${ReportNumber}`;
  /** Kebab-case English name, used in file names. */
  slug: string;
  /** Rows are aggregates over the requested range (they cannot be split by time and merged). */
  aggregate: boolean;
  /** Its CONN_ID is a chat whose messages "2. Conversations" holds (drill-down to the transcript). */
  transcript?: true;
  /**
   * One row per interaction: a CONN_ID answered twice is a copy (load/row-checks.ts). Report 1
   * lists each chat once; report 10 has one row per CONN_ID (help page, 2026-05-04).
   */
  oneRowPerConnId?: true;
  /**
   * The date-time column wolkvox filters the requested range by, where it is known or is the
   * report's only date-time: report 1 filters by DATE_CLOSE (documented: "today until 08:45"
   * returns chats opened yesterday); 4 and 8 by their close/end date, as the mock assumes.
   * The loader uses it only where each answer bears it out (every row inside the period it
   * asked for, load/range-column.ts): to keep the usable part of a capped answer and to cut a
   * loaded period to a narrower one. Report 2 has none (its rows are messages, filtered by the
   * chat's close).
   */
  rangeKey?: string;
  columns: readonly ColumnDef[];
}

export const CHAT_CHANNELS = ['facebook', 'instagram', 'web', 'whatsapp'] as const;
export const OMNI_CHANNELS = ['Email', 'facebook_page', 'instagram', 'twitter'] as const;
export const FEELINGS = [
  'very negative',
  'negative',
  'neutral',
  'positive',
  'very positive',
] as const;
export const PARTICIPANTS = ['agent', 'chat-bot', 'customer'] as const;

const col = (
  key: string,
  type: ColumnType,
  extra: Partial<Pick<ColumnDef, 'values' | 'aliases' | 'header' | 'label' | 'total'>> = {},
): ColumnDef => ({
  key,
  header: extra.header ?? key.toUpperCase(),
  type,
  ...extra,
  label: extra.label ?? COLUMN_LABELS[key],
});

/** Human names where a key means something narrower in one report than across them. */
const named = (en: string, es: string): ColumnLabel => ({ en, es });

const CONN_ID = col('conn_id', 'id');
const CUSTOMER_PHONE = col('customer_phone', 'phone');

export const REPORTS: readonly ReportDef[] = [
  {
    number: 1,
    name: { en: 'Chats', es: 'Chats' },
    about: {
      en: 'Every chat an agent handled: channel, customer, agent, times, typification, sentiment.',
      es: 'Cada chat atendido por un agente: canal, cliente, agente, tiempos, tipificación, sentimiento.',
    },
    api: 'chat_1',
    transcript: true,
    oneRowPerConnId: true,
    slug: 'chats',
    aggregate: false,
    rangeKey: 'date_close',
    columns: [
      CONN_ID,
      col('channel', 'enum', { values: CHAT_CHANNELS }),
      col('date', 'datetime', { label: named('Start date', 'Fecha de inicio') }),
      col('date_close', 'datetime'),
      col('customer_name', 'text'),
      col('customer_email', 'email'),
      CUSTOMER_PHONE,
      col('customer_chars', 'count'),
      col('agent_id', 'id'),
      col('agent_name', 'enum'),
      col('agent_chars', 'count'),
      col('time_on_agent', 'duration'),
      col('chat_duration', 'duration'),
      col('cod_act', 'enum'),
      col('description_cod_act', 'text'),
      col('comments', 'text'),
      col('customer_id', 'id'),
      col('skill_id', 'id'),
      col('asa', 'duration'),
      col('agent_average_response_time', 'duration'),
      col('transfer', 'yesno'),
      col('last_participant_who_spoke', 'enum', { values: PARTICIPANTS }),
      col('extra_field', 'text'),
      col('comment', 'text'),
      col('user_id', 'id'),
      col('feeling', 'enum', { values: FEELINGS }),
      col('agent_answers', 'count', { aliases: ['agent_anwers'] }),
    ],
  },
  {
    number: 2,
    name: { en: 'Conversations', es: 'Conversaciones' },
    about: {
      en: 'Every message of every chat, with who sent it: the transcripts.',
      es: 'Cada mensaje de cada chat, con quién lo envió: las conversaciones completas.',
    },
    api: 'chat_2',
    slug: 'conversations',
    aggregate: false,
    // The API nests messages under `conversation`; the wire client flattens them to
    // one row per message carrying the chat's header fields (conn_id, names).
    columns: [
      CONN_ID,
      col('agent_name', 'enum'),
      col('customer_name', 'text'),
      col('channel', 'enum', { values: CHAT_CHANNELS }),
      col('from', 'enum', {
        values: ['AGENT', 'CUSTOMER'],
        label: named('Sent by', 'Enviado por'),
      }),
      col('from_name', 'text'),
      col('to_name', 'text'),
      col('date', 'datetime', { label: named('Message date', 'Fecha del mensaje') }),
      col('message', 'text'),
      col('customer_id', 'id'),
      CUSTOMER_PHONE,
    ],
  },
  {
    number: 3,
    name: { en: 'Interactions closed by channel', es: 'Interacciones cerradas por canal' },
    about: {
      en: 'How many email, Facebook page, Instagram and Twitter interactions closed per channel, and how long they took.',
      es: 'Cuántas interacciones de correo, página de Facebook, Instagram y Twitter se cerraron por canal, y cuánto tardaron.',
    },
    api: 'chat_3',
    slug: 'interactions-closed-by-channel',
    aggregate: true,
    columns: [
      col('channel', 'enum', { values: OMNI_CHANNELS }),
      col('interactions', 'count', { total: SUM }),
      col('closing_time', 'duration', { total: SUM }),
    ],
  },
  {
    number: 4,
    name: { en: 'Interactions – Detail', es: 'Interacciones – Detalle' },
    about: {
      en: 'Each email or social interaction in detail: message, answer, case, survey, status.',
      es: 'Cada interacción de correo o redes en detalle: mensaje, respuesta, caso, encuesta, estado.',
    },
    api: 'chat_4',
    slug: 'interactions-detail',
    aggregate: false,
    rangeKey: 'close_date',
    columns: [
      col('channel', 'enum', { values: OMNI_CHANNELS }),
      col('agent_name', 'enum'),
      col('skill_id', 'id'),
      col('case_id', 'id'),
      col('subject', 'text'),
      col('from', 'text'),
      col('to', 'text'),
      col('body', 'text'),
      col('answer', 'text'),
      col('date_creation', 'datetime'),
      col('close_date', 'datetime'),
      col('evaluation_survey', 'count'),
      col('cod_act', 'enum'),
      col('cod_description', 'text'),
      col('comments', 'text'),
      col('attachments', 'url'),
      col('status', 'enum', { values: ['open', 'close', 'archived'] }),
    ],
  },
  {
    number: 5,
    name: { en: 'Interactions closed by agent', es: 'Interacciones cerradas por agente' },
    about: {
      en: 'Closed email and social interactions per agent, with their handling time.',
      es: 'Interacciones de correo y redes cerradas por agente, con su tiempo de gestión.',
    },
    api: 'chat_5',
    slug: 'interactions-closed-by-agent',
    aggregate: true,
    columns: [
      col('agent_name', 'enum'),
      col('interactions', 'count', { total: SUM }),
      col('close_time', 'duration', { total: SUM }),
    ],
  },
  {
    number: 6,
    name: { en: 'Interactions closed by day', es: 'Interacciones cerradas por día' },
    about: {
      en: 'Closed email and social interactions per day, with their handling time.',
      es: 'Interacciones de correo y redes cerradas por día, con su tiempo de gestión.',
    },
    api: 'chat_6',
    slug: 'interactions-closed-by-day',
    aggregate: false,
    columns: [
      col('date', 'date', { label: named('Day', 'Día') }),
      col('interactions', 'count', { total: SUM }),
      col('close_time', 'duration', { total: SUM }),
    ],
  },
  {
    number: 7,
    name: {
      en: 'Interactions closed by agent and code',
      es: 'Interacciones cerradas por agente y código',
    },
    about: {
      en: 'Closed email and social interactions per agent and typification code.',
      es: 'Interacciones de correo y redes cerradas por agente y código de tipificación.',
    },
    api: 'chat_7',
    slug: 'interactions-closed-by-agent-and-code',
    aggregate: true,
    columns: [
      col('interactions', 'count', { total: SUM }),
      col('agent_name', 'enum'),
      col('cod_act', 'enum'),
      col('description_cod_act', 'text'),
    ],
  },
  {
    number: 8,
    name: { en: 'Agent Step Chats', es: 'Chats paso agente' },
    about: {
      en: "Each chat's path from the bot to an agent: time with the bot, whether an agent took it, agent time.",
      es: 'El recorrido de cada chat del bot al agente: tiempo con el bot, si pasó a un agente, tiempo del agente.',
    },
    api: 'chat_8',
    transcript: true,
    slug: 'agent-step-chats',
    aggregate: false,
    rangeKey: 'end_date',
    columns: [
      CONN_ID,
      col('session_id', 'id'),
      col('times_chatted', 'count'),
      col('start_date', 'datetime'),
      col('end_date', 'datetime'),
      col('time_on_chatbot', 'duration'),
      col('rp_id', 'id'),
      col('channel', 'enum', { values: ['whatsapp', 'facebook', 'web', 'instagram', 'telegram'] }),
      col('go_to_agent', 'yesno'),
      CUSTOMER_PHONE,
      col('customer_name', 'text'),
      col('agent_id', 'id'),
      col('agent_name', 'enum'),
      col('time_with_agent', 'duration'),
      col('total_time', 'duration'),
      col('customer_chars', 'count'),
      col('agent_chars', 'count'),
      col('total_chars', 'count'),
      col('asa', 'duration'),
      col('last_sender', 'enum', { values: ['agent', 'chat_bot', 'customer'] }),
      col('customer_id', 'id'),
      col('customer_email', 'email'),
    ],
  },
  {
    number: 9,
    name: { en: 'Interaction transfers', es: 'Transferencias de interacciones' },
    about: {
      en: 'Transfers of email and social interactions between agents and skills.',
      es: 'Transferencias de interacciones de correo y redes entre agentes y skills.',
    },
    api: 'chat_9',
    slug: 'interaction-transfers',
    aggregate: false,
    rangeKey: 'date',
    columns: [
      CONN_ID,
      col('transfer_agent_id', 'id'),
      col('transfer_agent_name', 'enum'),
      col('receiver_agent_id', 'id'),
      col('receiver_agent_name', 'enum'),
      col('channel', 'enum', { values: ['email'] }),
      col('date', 'datetime', { label: named('Transfer date', 'Fecha de la transferencia') }),
    ],
  },
  {
    number: 10,
    name: { en: 'Official WhatsApp Billing', es: 'Facturación WhatsApp Oficial' },
    about: {
      en: 'Every official WhatsApp interaction, template or not, by destination country: what Meta bills.',
      es: 'Cada interacción de WhatsApp oficial, con o sin plantilla, por país de destino: lo que factura Meta.',
    },
    api: 'chat_10',
    transcript: true,
    oneRowPerConnId: true,
    slug: 'official-whatsapp-billing',
    aggregate: false,
    rangeKey: 'date',
    columns: [
      CONN_ID,
      col('session_id', 'id'),
      col('date', 'datetime'),
      CUSTOMER_PHONE,
      col('template', 'yesno'),
      col('destiny', 'country'),
    ],
  },
  {
    number: 11,
    name: { en: 'Transfer of chats', es: 'Transferencia de chats' },
    about: {
      en: 'Transfers of chats between agents, skills and routing points.',
      es: 'Transferencias de chats entre agentes, skills y puntos de enrutamiento.',
    },
    api: 'chat_11',
    transcript: true,
    slug: 'transfer-of-chats',
    aggregate: false,
    rangeKey: 'date',
    columns: [
      CONN_ID,
      col('transfer_agent_id', 'id'),
      col('transfer_agent_name', 'enum'),
      col('transfer_agent_dni', 'id'),
      col('receiver_agent_id', 'id'),
      col('receiver_agent_name', 'enum'),
      col('receiver_agent_dni', 'id'),
      col('channel', 'enum', { values: CHAT_CHANNELS }),
      col('date', 'datetime', { label: named('Transfer date', 'Fecha de la transferencia') }),
    ],
  },
  {
    number: 12,
    name: { en: 'Interactions sent by agent', es: 'Interacciones enviadas por agente' },
    about: {
      en: 'Outbound emails written by agents.',
      es: 'Correos salientes escritos por los agentes.',
    },
    api: 'chat_12',
    slug: 'interactions-sent-by-agent',
    aggregate: false,
    rangeKey: 'date',
    columns: [
      CONN_ID,
      col('agent_id', 'id'),
      col('agent_name', 'enum'),
      col('channel', 'enum', { values: ['email'] }),
      col('from', 'email'),
      col('to', 'email'),
      col('subject', 'text'),
      col('body', 'text'),
      col('date', 'datetime', { label: named('Sent on', 'Fecha de envío') }),
      col('cod_act', 'enum'),
      col('description_cod_act', 'text'),
    ],
  },
  {
    number: 13,
    name: { en: 'Closed chats by channel', es: 'Chats cerrados por canal' },
    about: {
      en: 'How many chats closed per channel (Facebook, Instagram, web, WhatsApp).',
      es: 'Cuántos chats se cerraron por canal (Facebook, Instagram, web, WhatsApp).',
    },
    api: 'chat_13',
    slug: 'closed-chats-by-channel',
    aggregate: true,
    columns: [
      col('channel', 'enum', { values: CHAT_CHANNELS, aliases: ['chanel'] }),
      col('interaction', 'count', { total: SUM }),
    ],
  },
  {
    number: 14,
    name: { en: 'WhatsApp click detail', es: 'Detalle clic a WhatsApp' },
    about: {
      en: 'Each chat that started from a click-to-WhatsApp ad or post.',
      es: 'Cada chat que empezó desde un anuncio o publicación con clic a WhatsApp.',
    },
    api: 'chat_14',
    slug: 'whatsapp-click-detail',
    aggregate: false,
    rangeKey: 'date',
    columns: [
      col('source_url', 'url'),
      col('source_type', 'enum', { values: ['ad', 'post'] }),
      col('source_id', 'id'),
      col('chat_id', 'id'),
      col('rp_id', 'id'),
      col('agent_id', 'id'),
      col('media_type', 'enum', { values: ['image', 'video'] }),
      col('media_url', 'url'),
      col('date', 'datetime'),
      col('cod_act', 'enum'),
    ],
  },
  {
    number: 15,
    name: { en: 'WhatsApp click summary', es: 'Consolidado clic a WhatsApp' },
    about: {
      en: 'Chats from click-to-WhatsApp ads and posts, handled by the bot or by agents.',
      es: 'Chats desde anuncios y publicaciones con clic a WhatsApp, atendidos por el bot o por agentes.',
    },
    api: 'chat_15',
    slug: 'whatsapp-click-summary',
    aggregate: true,
    columns: [
      col('ad_chatbot', 'count', { total: SUM }),
      col('ad_agents', 'count', { total: SUM }),
      col('post_chatbot', 'count', { total: SUM }),
      col('post_agents', 'count', { total: SUM }),
      col('total_chatbot', 'count', { total: SUM }),
      col('total_agents', 'count', { total: SUM }),
    ],
  },
  {
    number: 16,
    name: { en: 'Agent productivity', es: 'Productividad de agentes' },
    about: {
      en: "Each agent's chats: how many, total and average handling time, share transferred.",
      es: 'Los chats de cada agente: cuántos, tiempo total y promedio de gestión, porcentaje transferido.',
    },
    api: 'chat_16',
    slug: 'agent-productivity',
    aggregate: true,
    columns: [
      col('agent_id', 'id'),
      col('agent_name', 'enum'),
      col('total_chats', 'count', { total: SUM }),
      col('time', 'duration', { total: SUM }),
      // TIME / TOTAL_CHATS per agent: the overall TMO weighs each agent by their chats.
      col('tmo', 'duration', { total: meanBy('total_chats') }),
      col('percent_transfer', 'percent', { total: meanBy('total_chats') }),
    ],
  },
];

export const REPORT_GROUP = {
  slug: 'interactions-and-chats',
  name: { en: 'Interactions and Chats', es: 'Interacciones y Chats' },
} as const;

export function findReport(number: number): ReportDef | undefined {
  return REPORTS.find((report) => report.number === number);
}

/** A column's human name in the UI language; its Manager header when it has none. */
export function columnLabel(column: ColumnDef, language: 'en' | 'es'): string {
  return column.label?.[language] ?? column.header;
}

/** Which names the table's headers show: Manager's (the default) or the human ones. */
export type HeaderNames = 'wolkvox' | 'human';

/** A column's header as the table shows it. */
export function headerText(column: ColumnDef, names: HeaderNames, language: 'en' | 'es'): string {
  return names === 'human' ? columnLabel(column, language) : column.header;
}

/** "10. Official WhatsApp Billing", as wolkvox Manager lists it. */
export function reportTitle(report: ReportDef, language: 'en' | 'es'): string {
  return `${report.number}. ${report.name[language]}`;
}

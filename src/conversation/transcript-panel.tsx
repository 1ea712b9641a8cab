import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useI18n, type Language } from '../shared/i18n/i18n';
import { columnLabel, findReport, reportTitle, type ColumnDef } from '../report-model/catalog';
import { describeError } from '../report-model/describe-error';
import { reportQueryOptions } from '../report-model/report-query';
import { DAY, toIsoDate } from '../report-model/time-range';
import {
  cellFormats,
  DISPLAY_CHARS,
  readAttachment,
  revealBidi,
} from '../report-model/cell-format';
import { AttachmentLink } from '../shared/attachment-link';
import { LongText } from '../shared/long-text';

const CONVERSATIONS = findReport(2)!;
const columnOf = (key: string) => CONVERSATIONS.columns.find((column) => column.key === key)!;

interface TranscriptPanelProps {
  connId: string;
  /** The row's date-time (wall-clock ms): the chat is looked up that day and the next. */
  at: number;
  onClose: () => void;
}

type Speaker = 'customer' | 'agent' | 'bot';

function speakerOf(from: unknown, fromName: unknown): Speaker {
  if (fromName === 'chat_bot') return 'bot';
  return from === 'CUSTOMER' ? 'customer' : 'agent';
}

/** One chat's messages from "2. Conversations", beside the report. */
export function TranscriptPanel({ connId, at, onClose }: TranscriptPanelProps) {
  const { t, language, locale } = useI18n();
  const formats = cellFormats(locale);
  const closeRef = useRef<HTMLButtonElement>(null);
  const from = toIsoDate(at);
  // Chats are listed by close date, and untypified ones close ~23 h later.
  const to = toIsoDate(at + DAY);
  const query = useQuery(reportQueryOptions(CONVERSATIONS, from, to));
  const messages = (query.data?.rows ?? []).filter((row) => row.conn_id === connId);
  const first = messages[0];

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const speakerLabel = {
    customer: t('transcript.customer'),
    agent: t('transcript.agent'),
    bot: t('transcript.bot'),
  };
  return (
    <aside
      className="transcript-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="transcript-title"
    >
      <header>
        <h2 id="transcript-title">{t('transcript.title', { conn: connId })}</h2>
        <button type="button" ref={closeRef} onClick={onClose} aria-label={t('transcript.close')}>
          ✕
        </button>
      </header>
      <p className="transcript-source">
        {t('transcript.source', { report: reportTitle(CONVERSATIONS, language), from, to })}
      </p>
      {query.isPending && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> {t('transcript.loading')}
        </p>
      )}
      {query.isError && (
        <p role="alert" className="state-error">
          {describeError(query.error, t).summary} {describeError(query.error, t).detail}
        </p>
      )}
      {query.data && messages.length === 0 && (
        <p role="status">{t('transcript.notFound', { from, to })}</p>
      )}
      {first && (
        <dl className="transcript-header">
          <ColumnName column={columnOf('customer_name')} language={language} />
          <dd>{revealBidi(String(first.customer_name ?? ''))}</dd>
          <ColumnName column={columnOf('customer_phone')} language={language} />
          <dd>{revealBidi(String(first.customer_phone ?? ''))}</dd>
          <ColumnName column={columnOf('agent_name')} language={language} />
          <dd>{String(first.agent_name ?? '') || '—'}</dd>
          <ColumnName column={columnOf('channel')} language={language} />
          <dd>{revealBidi(String(first.channel ?? ''))}</dd>
        </dl>
      )}
      {messages.length > 0 && (
        <ol
          className="transcript"
          aria-label={t('transcript.messages', { count: messages.length })}
        >
          {messages.map((message, i) => {
            const speaker = speakerOf(message.from, message.from_name);
            const text = typeof message.message === 'string' ? message.message : '';
            const attachment = readAttachment(text);
            return (
              <li key={i} className={`message message-${speaker}`}>
                <p className="message-meta">
                  <span className="message-speaker">{speakerLabel[speaker]}</span>{' '}
                  <span>{revealBidi(String(message.from_name ?? ''))}</span>{' '}
                  {typeof message.date === 'number' && (
                    <time>{formats.dateTime(message.date)}</time>
                  )}
                </p>
                <p className="message-text">
                  {attachment ? (
                    <AttachmentLink attachment={attachment} />
                  ) : (
                    <LongText text={revealBidi(text)} limit={DISPLAY_CHARS} />
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}

/** A field's human name, with wolkvox Manager's beside it (the name supervisors search for). */
function ColumnName({ column, language }: { column: ColumnDef; language: Language }) {
  return (
    <dt>
      {columnLabel(column, language)} <span className="column-other-name">{column.header}</span>
    </dt>
  );
}

import type { ColumnType } from './column-types';

/** Intl formatters for one UI locale, created once (they are expensive to build). */
export interface CellFormats {
  dateTime(ms: number): string;
  date(ms: number): string;
  count(n: number): string;
  percent(n: number): string;
}

const cache = new Map<string, CellFormats>();

export function cellFormats(locale: string): CellFormats {
  let formats = cache.get(locale);
  if (!formats) {
    // Wall-clock ms are the operation's local time read as UTC: format them in UTC
    // so the browser's own zone never shifts them.
    const dateTime = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    const date = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    });
    const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    // Always two decimals: 9.70 % and 14.74 % line up in a column (9.7 % would not).
    const percent = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats = {
      dateTime: (ms) => dateTime.format(ms),
      date: (ms) => date.format(ms),
      count: (n) => count.format(n),
      percent: (n) => percent.format(n / 100),
    };
    cache.set(locale, formats);
  }
  return formats;
}

/** Seconds as h:mm:ss (hours may pass 24: auto-closed chats last ~23 h). */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const s = Math.round(Math.abs(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Display text of a parsed numeric value, by column type. */
export function formatNumber(type: ColumnType, value: number, formats: CellFormats): string {
  switch (type) {
    case 'datetime':
      return formats.dateTime(value);
    case 'date':
      return formats.date(value);
    case 'duration':
      return formatDuration(value);
    case 'percent':
      return formats.percent(value);
    default:
      return formats.count(value);
  }
}

const ANCHOR = /^\s*<a\s[^>]*href\s*=\s*"([^"]+)"[^>]*>([^<]*)<\/a>\s*$/i;

/**
 * Where wolkvox keeps chat attachments. wolkvox's help center ("How do I manage media
 * storage in wolkvox?", updated 2025-04-08) says media files are stored in Google Cloud
 * Storage and messages carry "lightweight URLs pointing to files stored in Google Cloud
 * Storage": GCS serves those at https://storage.googleapis.com/<bucket>/<object>. No
 * public code or fixture shows a real attachment URL (or its bucket), so the bucket is
 * shown beside the file name rather than trusted. Exact host names, after the URL parser
 * has lower-cased and punycoded them (a look-alike "wоlkvox" never matches).
 */
export const ATTACHMENT_HOSTS: readonly string[] = ['storage.googleapis.com'];

/** The only column whose text may hold an attachment: report 2's MESSAGE. */
export const ATTACHMENT_COLUMN = 'message';

export interface Attachment {
  href: string;
  /** The file name in the URL (what the link really fetches). */
  fileName: string;
  /** The anchor's own text, bidi controls shown, when it differs from `fileName`. */
  label?: string;
  /** Host, and for Cloud Storage the bucket: whose file it is. */
  place: string;
}

/**
 * wolkvox writes attachments into chat messages as HTML anchors. We never render
 * that HTML; we read the link out of it and show it as a plain link, only for
 * https addresses on wolkvox's attachment storage (ATTACHMENT_HOSTS), without
 * credentials or an unusual port. Anything else stays text, shown as sent.
 */
export function readAttachment(text: string): Attachment | undefined {
  const match = ANCHOR.exec(text);
  if (!match) return undefined;
  let url: URL;
  try {
    url = new URL(decodeEntities(match[1]!));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password)
    return undefined;
  if (!ATTACHMENT_HOSTS.includes(url.hostname)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const fileName = revealBidi(safeDecode(segments.at(-1) ?? '')) || url.hostname;
  const bucket =
    url.hostname === 'storage.googleapis.com' && segments.length > 1 ? segments[0]! : '';
  const label = revealBidi(decodeEntities(match[2]!).trim());
  return {
    href: url.href,
    fileName,
    label: label && label !== fileName ? label : undefined,
    place: bucket ? `${url.hostname}/${revealBidi(safeDecode(bucket))}` : url.hostname,
  };
}

/** An attachment link, only in the column that may carry one. */
export function attachmentIn(columnKey: string, text: string): Attachment | undefined {
  return columnKey === ATTACHMENT_COLUMN ? readAttachment(text) : undefined;
}

/**
 * Bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates,
 * and the LRM/RLM/ALM marks) can make "factura\u202Efdp.exe" read "facturaexe.pdf". On
 * screen each is replaced by a visible marker naming it; exports keep the text as sent.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function revealBidi(text: string): string {
  if (!BIDI.test(text)) return text;
  BIDI.lastIndex = 0;
  return text.replace(
    BIDI,
    (c) => `⟦U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );
}

/** Text longer than this is cut on screen (the whole of it one click away, and in exports). */
export const DISPLAY_CHARS = 2_000;

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
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
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
 * wolkvox writes attachments into chat messages as HTML anchors. We never
 * render that HTML; we read the link out of it and show it as a plain link,
 * only for http(s) addresses.
 */
export function readAttachment(text: string): { href: string; label: string } | undefined {
  const match = ANCHOR.exec(text);
  if (!match) return undefined;
  try {
    const url = new URL(match[1]!);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { href: url.href, label: match[2]!.trim() || url.pathname.split('/').pop() || url.href };
  } catch {
    return undefined;
  }
}

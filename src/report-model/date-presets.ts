import { DAY, parseIsoDate, toIsoDate } from './time-range';

export const PRESETS = ['today', 'yesterday', 'last7', 'thisMonth', 'lastMonth'] as const;
export type Preset = (typeof PRESETS)[number];

/** Today's date (YYYY-MM-DD) in the operation's time zone, not the browser's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dayFormat(timeZone).format(now);
}

/** One formatter per time zone: making one took ~1 ms, and the page asks at every render. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** A preset as inclusive ISO dates, relative to the operation's today. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  const t = parseIsoDate(today)!;
  const d = new Date(t);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: toIsoDate(t - DAY), to: toIsoDate(t - DAY) };
    case 'last7':
      return { from: toIsoDate(t - 6 * DAY), to: today };
    case 'thisMonth':
      return { from: toIsoDate(monthStart), to: today };
    case 'lastMonth': {
      const previousStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
      return { from: toIsoDate(previousStart), to: toIsoDate(monthStart - DAY) };
    }
  }
}

/**
 * The operation's calendar: wolkvox's dates are the operation's wall-clock time and its
 * quota restarts at the operation's midnight (America/Bogota unless TZ says otherwise).
 * "Wall-clock ms" is that local time read as UTC, the same convention as the page and the
 * wire dates (src/report-model/wire/wire-date.ts).
 */
export interface OperationClock {
  timeZone: string;
  /** The operation's wall-clock time now, as ms (local time read as UTC). */
  wallNow(now: number): number;
  /** The operation's day, YYYY-MM-DD. */
  day(now: number): string;
  /** When the next operation day starts, real ms since the epoch. */
  nextMidnight(now: number): number;
}

const DAY = 86_400_000;

export function operationClock(timeZone: string): OperationClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const wallNow = (now: number) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(now))) parts[part.type] = part.value;
    return Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
      now % 1000,
    );
  };
  return {
    timeZone,
    wallNow,
    day: (now) => new Date(wallNow(now)).toISOString().slice(0, 10),
    nextMidnight: (now) => {
      const wall = wallNow(now);
      const offset = wall - now; // the zone's offset now (a DST change at midnight is rare)
      return Math.floor(wall / DAY) * DAY + DAY - offset;
    },
  };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
